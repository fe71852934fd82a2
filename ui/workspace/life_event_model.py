"""The client's life events as a table (date, kind, description), oldest first."""

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ipt_desktop.domain.enums import LifeEventKind
from ipt_desktop.domain.model import LifeEvent
from ui.app.ui_text import format_date

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_LABELS = {
    LifeEventKind.GRIEF: "Loss or death",
    LifeEventKind.ROLE_TRANSITION: "Role transition",
    LifeEventKind.ROLE_DISPUTE: "Dispute",
    LifeEventKind.INTERPERSONAL_DEFICITS: "Isolation",
    LifeEventKind.OTHER: "Other",
}
SUMMARY_CHARS = 140
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Column(IntEnum):
    DATE = 0
    KIND = 1
    DESCRIPTION = 2


HEADERS = {Column.DATE: "Date", Column.KIND: "Kind", Column.DESCRIPTION: "What happened"}


def first_line(text: str) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= SUMMARY_CHARS else line[: SUMMARY_CHARS - 1] + "…"


class LifeEventModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: list[LifeEvent] = []

    def setEvents(self, events: Sequence[LifeEvent]) -> None:
        self.beginResetModel()
        self._events = sorted(events, key=lambda e: (e.date, e.id))
        self.endResetModel()

    def clear(self) -> None:
        self.setEvents([])

    def lifeEvent(self, row: int) -> LifeEvent:
        return self._events[row]

    def rowFor(self, event_id: str) -> int:
        return next((i for i, e in enumerate(self._events) if e.id == event_id), -1)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._events)

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
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        if not 0 <= index.column() < len(Column):
            return None
        event = self._events[index.row()]
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column is Column.DATE:
                return format_date(event.date)
            if column is Column.KIND:
                return KIND_LABELS[event.kind]
            return first_line(event.description)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.DESCRIPTION:
            return event.description[:2000]
        if role == EVENT_ID_ROLE:
            return event.id
        return None
