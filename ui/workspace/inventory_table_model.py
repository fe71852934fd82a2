"""The people of the interpersonal inventory as a table: name, relationship, ring, ties."""

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QObject

from ipt_desktop.domain.model import InventoryPerson

from .record_table_model import RECORD_ID_ROLE, ColumnSpec, RecordTableModel

PERSON_ID_ROLE = RECORD_ID_ROLE
RING_NAMES = {1: "1 · closest", 2: "2 · middle", 3: "3 · outer"}
ONSET_TIP = "Changed close to the onset of the episode"


class Column(IntEnum):
    NAME = 0
    RELATIONSHIP = 1
    RING = 2
    SUPPORT = 3
    CONFLICT = 4


def _onset_tip(person: InventoryPerson) -> str | None:
    return ONSET_TIP if person.changed_near_onset else None


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


COLUMNS: dict[Column, ColumnSpec[InventoryPerson]] = {
    Column.NAME: ColumnSpec("Name", lambda p: p.name, _onset_tip),
    Column.RELATIONSHIP: ColumnSpec("Relationship", lambda p: p.relationship, _onset_tip),
    Column.RING: ColumnSpec("Ring", lambda p: RING_NAMES[p.closeness], _onset_tip),
    Column.SUPPORT: ColumnSpec("Support", lambda p: _yes_no(p.support), _onset_tip),
    Column.CONFLICT: ColumnSpec("Conflict", lambda p: _yes_no(p.conflict), _onset_tip),
}


class InventoryTableModel(RecordTableModel[InventoryPerson]):
    """People closest ring first, then by name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [COLUMNS[c] for c in Column],
            lambda p: p.id,
            parent,
            sort_key=lambda p: (p.closeness, p.name.casefold(), p.id),
        )

    def setPeople(self, people: Sequence[InventoryPerson]) -> None:
        self.setRecords(people)

    def person(self, row: int) -> InventoryPerson:
        return self.record(row)
