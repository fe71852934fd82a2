"""The sessions of one contract as a table: number, date, phase, PHQ-9, note state.

Rows are frozen ``SessionRow`` values built from the record (newest first); the model only
presents them. Colour is never alone: the PHQ-9 cell says its band, a risk row says "Risk".
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ipt_desktop.domain.contract import contract_label, session_numbers
from ipt_desktop.domain.enums import Phase, Severity
from ipt_desktop.domain.measures import item9_positive, phq9_severity, phq9_total
from ipt_desktop.domain.model import Episode, Session
from ipt_desktop.domain.phases import effective_phase
from ipt_desktop.domain.risk import risk_assessment_missing
from ui.app.clinical_colours import severity_colour
from ui.app.ui_text import NONE_TEXT, format_date, format_datetime

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Column(IntEnum):
    NUMBER = 0
    DATE = 1
    PHASE = 2
    PHQ9 = 3
    STATE = 4


#: The list is narrow: the one long band name is shortened there (the tooltip has it whole).
SHORT_BANDS = {Severity.MODERATELY_SEVERE: "mod. severe"}
HEADERS = {
    Column.NUMBER: "#",
    Column.DATE: "Date",
    Column.PHASE: "Phase",
    Column.PHQ9: "PHQ-9",
    Column.STATE: "Note",
}


@dataclass(frozen=True)
class SessionRow:
    session_id: str
    number: int
    planned: int
    date: dt.date
    phase: Phase
    mood: int | None
    phq9: int | None
    severity: Severity | None
    item9_positive: bool
    risk_missing: bool
    signed_at: dt.datetime | None
    amendments: int

    @property
    def state(self) -> str:
        if self.risk_missing:
            return "Assess risk"
        if self.signed_at is None:
            return "Unsigned"
        return "Amended" if self.amendments else "Signed"


def session_rows(episode: Episode, sessions: Sequence[Session]) -> list[SessionRow]:
    """One row per session of ``episode``, newest first."""
    own = [s for s in sessions if s.episode_id == episode.id]
    numbers = session_numbers(own)
    rows = []
    for session in own:
        number = numbers[session.id]
        total = None if session.phq9 is None else phq9_total(session.phq9)
        rows.append(
            SessionRow(
                session_id=session.id,
                number=number,
                planned=episode.planned_sessions,
                date=session.date,
                phase=effective_phase(session, episode, number),
                mood=session.mood,
                phq9=total,
                severity=None if total is None else phq9_severity(total),
                item9_positive=item9_positive(session.phq9),
                risk_missing=not session.is_signed and risk_assessment_missing(session),
                signed_at=session.signed_at,
                amendments=len(session.amendments),
            )
        )
    rows.sort(key=lambda r: (r.date, r.number), reverse=True)
    return rows


class SessionListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionRow] = []

    def setRows(self, rows: Sequence[SessionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.setRows([])

    def rowFor(self, session_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.session_id == session_id), -1)

    def sessionRow(self, row: int) -> SessionRow:
        return self._rows[row]

    # ---- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return HEADERS[Column(section)]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(Column):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == SESSION_ID_ROLE:
            return row.session_id
        if role == Qt.ItemDataRole.DecorationRole and column is Column.PHQ9:
            return None if row.severity is None else QColor(severity_colour(row.severity))
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column is Column.STATE and row.risk_missing:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _text(row: SessionRow, column: Column) -> str:
        if column is Column.NUMBER:
            return str(row.number)
        if column is Column.DATE:
            return format_date(row.date)
        if column is Column.PHASE:
            return row.phase.label
        if column is Column.PHQ9:
            if row.phq9 is None or row.severity is None:
                return NONE_TEXT
            # An unassessed item 9 is said in the Note column ("Assess risk").
            flag = " · item 9" if row.item9_positive and not row.risk_missing else ""
            return f"{row.phq9} {SHORT_BANDS.get(row.severity, row.severity.label.lower())}{flag}"
        return row.state

    @staticmethod
    def _tooltip(row: SessionRow) -> str:
        lines = [contract_label(row.number, row.planned), format_date(row.date), row.phase.label]
        lines.append(f"Mood {NONE_TEXT if row.mood is None else row.mood} / 10")
        if row.phq9 is not None and row.severity is not None:
            lines.append(f"PHQ-9 {row.phq9} · {row.severity.label}")
        if row.risk_missing:
            lines.append("PHQ-9 item 9 above 0: the risk assessment is not written yet")
        elif row.item9_positive:
            lines.append("PHQ-9 item 9 above 0")
        if row.signed_at is not None:
            lines.append(f"Signed on {format_datetime(row.signed_at)}")
        return "\n".join(lines)
