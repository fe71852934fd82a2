"""The client list's model: one row per ``ClientSummary`` (frozen domain values).

Summaries come from ``services.clients.list_summaries`` (the sealed summary column, no notes
decrypted). The display text is the name; the accessible text and tooltip read the whole
row out ("Middle phase, session 5 of 16, last session 4 Mar 2025, PHQ-9 14 moderate, risk
flag"), so a screen reader hears what the delegate paints.
"""

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ipt_desktop.domain.risk_status import RiskStatus
from ipt_desktop.domain.summary import ClientSummary
from ipt_desktop.domain.verdict import Verdict
from ui.common.ui_text import format_date, phase_text, phq9_text, progress_text

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class ClientRole(IntEnum):
    SUMMARY = Qt.ItemDataRole.UserRole + 1
    CLIENT_ID = Qt.ItemDataRole.UserRole + 2
    SNIPPET = Qt.ItemDataRole.UserRole + 3  # set by the filter proxy while searching notes


def describe(summary: ClientSummary) -> str:
    """The row in words, for tooltips and screen readers (no colour needed)."""
    parts = [summary.name]
    if not summary.active:
        parts.append("treatment ended")
    parts.append(phase_text(summary.phase) + ("" if summary.phase is None else " phase"))
    progress = progress_text(summary.session_number, summary.planned_sessions)
    if progress:
        parts.append(progress)
    if summary.last_session_date is not None:
        parts.append(f"last session {format_date(summary.last_session_date)}")
    if summary.latest_phq9 is not None:
        parts.append(f"latest PHQ-9 {phq9_text(summary.latest_phq9)}")
    if shows_risk_flag(summary):
        parts.append("risk open: a risk source has no risk review since, or a review is due")
    elif summary.risk is RiskStatus.REVIEWED and summary.risk_level is not None:
        parts.append(f"risk reviewed, level {summary.risk_level.value}")
    if summary.outcome not in (Verdict.IN_PROGRESS, Verdict.NOT_MEASURED):
        parts.append(f"outcome: {summary.outcome.label.lower()}")
    return ", ".join(parts)


def shows_risk_flag(summary: ClientSummary) -> bool:
    """Risk is open (``domain.risk_status``): a later 0 never clears it, a review does."""
    return summary.risk_flag or summary.risk is RiskStatus.OPEN


class ClientListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ClientSummary] = []

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.name
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return describe(summary)
        if role == ClientRole.SUMMARY:
            return summary
        if role == ClientRole.CLIENT_ID:
            return summary.client_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # -- updates ------------------------------------------------------------------------
    def setSummaries(self, summaries: list[ClientSummary]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self.endResetModel()

    def clear(self) -> None:
        """Drop every name from memory (on lock)."""
        self.setSummaries([])

    def upsert(self, summary: ClientSummary) -> None:
        """Replace the row of this client, or append it."""
        row = self.rowOf(summary.client_id)
        if row is None:
            position = len(self._rows)
            self.beginInsertRows(QModelIndex(), position, position)
            self._rows.append(summary)
            self.endInsertRows()
            return
        self._rows[row] = summary
        changed = self.index(row, 0)
        self.dataChanged.emit(changed, changed)

    def remove(self, client_id: str) -> None:
        row = self.rowOf(client_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def rowOf(self, client_id: str) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.client_id == client_id:
                return row
        return None

    def summary(self, client_id: str) -> ClientSummary | None:
        row = self.rowOf(client_id)
        return None if row is None else self._rows[row]

    def summaries(self) -> list[ClientSummary]:
        return list(self._rows)
