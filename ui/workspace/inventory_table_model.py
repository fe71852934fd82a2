"""The people of the interpersonal inventory as a table: name, relationship, ring, ties."""

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ipt_desktop.domain.model import InventoryPerson

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RING_NAMES = {1: "1 · closest", 2: "2 · middle", 3: "3 · outer"}
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Column(IntEnum):
    NAME = 0
    RELATIONSHIP = 1
    RING = 2
    SUPPORT = 3
    CONFLICT = 4


HEADERS = {
    Column.NAME: "Name",
    Column.RELATIONSHIP: "Relationship",
    Column.RING: "Ring",
    Column.SUPPORT: "Support",
    Column.CONFLICT: "Conflict",
}


class InventoryTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._people: list[InventoryPerson] = []

    def setPeople(self, people: Sequence[InventoryPerson]) -> None:
        self.beginResetModel()
        self._people = sorted(people, key=lambda p: (p.closeness, p.name.casefold(), p.id))
        self.endResetModel()

    def clear(self) -> None:
        self.setPeople([])

    def person(self, row: int) -> InventoryPerson:
        return self._people[row]

    def rowFor(self, person_id: str) -> int:
        return next((i for i, p in enumerate(self._people) if p.id == person_id), -1)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._people)

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
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        if not 0 <= index.column() < len(Column):
            return None
        person = self._people[index.row()]
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column is Column.NAME:
                return person.name
            if column is Column.RELATIONSHIP:
                return person.relationship
            if column is Column.RING:
                return RING_NAMES[person.closeness]
            if column is Column.SUPPORT:
                return "Yes" if person.support else "No"
            return "Yes" if person.conflict else "No"
        if role == PERSON_ID_ROLE:
            return person.id
        if role == Qt.ItemDataRole.ToolTipRole and person.changed_near_onset:
            return "Changed close to the onset of the episode"
        return None
