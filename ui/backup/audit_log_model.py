"""The audit log as a read-only table, and a proxy that shows one kind of event.

Columns: number, time (local), event (in words), objects (ids shortened; the full ids are
in the tooltip), detail. The entries hold event types, ids and times, never clinical text,
so nothing here needs hiding; still, nothing is editable and nothing is written.
``SORT_ROLE`` gives each column a value that sorts correctly (numbers as numbers, times in
UTC order); ``EVENT_ROLE`` gives the AuditEvent for the filter.
"""

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ipt_desktop.vault.audit_log import AuditEntry, AuditEvent
from ui.common.ui_text import NONE_TEXT

from .backup_text import local_time_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
EVENT_ROLE = Qt.ItemDataRole.UserRole + 2
SHORT_ID = 8
SHOWN_IDS = 2
COLUMNS = ("#", "Time", "Event", "Objects", "Detail")
SEQ, TIME, EVENT, OBJECTS, DETAIL = range(len(COLUMNS))

EVENT_LABELS: dict[AuditEvent, str] = {
    AuditEvent.VAULT_CREATED: "Vault created",
    AuditEvent.UNLOCK: "Unlocked",
    AuditEvent.UNLOCK_FAILED: "Failed unlock attempts",
    AuditEvent.CLIENT_OPENED: "Client record opened",
    AuditEvent.CREATE: "Created",
    AuditEvent.EDIT: "Changed",
    AuditEvent.SIGN: "Note signed",
    AuditEvent.AMEND: "Note amended",
    AuditEvent.DELETE: "Deleted",
    AuditEvent.EXPORT_PDF: "Exported as PDF",
    AuditEvent.EXPORT_JSON: "Exported as JSON",
    AuditEvent.EXPORT_FHIR: "Exported measures as FHIR",
    AuditEvent.IMPORT: "Imported",
    AuditEvent.BACKUP: "Backup made",
    AuditEvent.RESTORE: "Restored from a backup",
    AuditEvent.PASSPHRASE_CHANGED: "Passphrase changed",
    AuditEvent.SETTINGS_CHANGED: "Settings changed",
    AuditEvent.ROLLBACK_ACCEPTED: "Vault accepted as it is",
    AuditEvent.MANIFESTS_CREATED: "Sealed manifests created (upgrade)",
    AuditEvent.REKEYED: "New recovery key and master key",
}

Index = QModelIndex | QPersistentModelIndex


def event_label(event: AuditEvent) -> str:
    return EVENT_LABELS.get(event, event.value.replace("_", " ").capitalize())


def short_ids(ids: Sequence[str], shown: int = SHOWN_IDS) -> str:
    """``95c64a0e…, 6ecb8264…`` and ``+ 38 more`` past ``shown`` ids; a dash for none."""
    if not ids:
        return NONE_TEXT
    text = ", ".join(i if len(i) <= SHORT_ID else i[:SHORT_ID] + "…" for i in ids[:shown])
    return text if len(ids) <= shown else f"{text} + {len(ids) - shown} more"


class AuditLogModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[AuditEntry] = []

    def setEntries(self, entries: Sequence[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> AuditEntry:
        return self._entries[row]

    def clear(self) -> None:
        self.setEntries([])

    # -- QAbstractTableModel ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == SEQ:
            return "Entry number in the chain"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._entries) and 0 <= column < len(COLUMNS)):
            return None
        entry = self._entries[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == SORT_ROLE:
            return self._sort_value(entry, column)
        if role == EVENT_ROLE:
            return entry.event.value
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(entry: AuditEntry, column: int) -> str:
        if column == SEQ:
            return str(entry.seq)
        if column == TIME:
            return local_time_text(entry.at, seconds=True)
        if column == EVENT:
            return event_label(entry.event)
        if column == OBJECTS:
            return short_ids(entry.object_ids)
        return entry.detail

    @staticmethod
    def _tooltip(entry: AuditEntry, column: int) -> str | None:
        if column == OBJECTS and entry.object_ids:
            return "\n".join(entry.object_ids)
        if column == TIME:
            return f"{entry.at} (UTC)"
        if column == DETAIL and entry.detail:
            return entry.detail
        return None

    @staticmethod
    def _sort_value(entry: AuditEntry, column: int) -> object:
        if column in (SEQ, TIME):
            return entry.seq  # the chain order is the time order the log can vouch for
        if column == EVENT:
            return event_label(entry.event)
        if column == OBJECTS:
            return " ".join(entry.object_ids)
        return entry.detail


class AuditFilterProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``; shows only one event kind when ``setEventFilter`` is given one."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._event: AuditEvent | None = None
        self.setSortRole(SORT_ROLE)

    def shownEvent(self) -> AuditEvent | None:
        return self._event

    def setEventFilter(self, event: AuditEvent | None) -> None:
        if event == self._event:
            return
        self.beginFilterChange()
        self._event = event
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._event is None:
            return True
        model = self.sourceModel()
        index = model.index(source_row, EVENT, source_parent)
        return bool(model.data(index, EVENT_ROLE) == self._event.value)
