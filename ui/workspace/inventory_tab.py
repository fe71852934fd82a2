"""Interpersonal inventory: the people table, the closeness circle, and the person editor.

Selecting a person in the table or on the circle opens them in the editor; leaving a
person saves them when the edits are valid, and otherwise keeps the selection (and a
draft) and says what to fix.
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from ipt_desktop.domain.model import ClientRecord, InventoryPerson

from .closeness_circle import ClosenessCircle
from .draft_keeper import DraftKeeper
from .inventory_table_model import Column, InventoryTableModel
from .open_record import OpenRecord
from .person_editor import PersonEditor
from .record_list_tab import RecordListSpec, RecordListTab
from .workspace_dialogs import WorkspaceDialogs

NOTHING_CHOSEN = "Choose a person in the table or on the circle, or add one."
EMPTY_HINT = (
    "Add the important people in the client's life, current and past: who they are, how "
    "close, and whether they are a support, a source of conflict, or both."
)
SPEC = RecordListSpec(
    add_text="Add person",
    add_name="Add person to the inventory",
    table_name="People of the interpersonal inventory",
    stretch_column=Column.RELATIONSHIP,
    nothing_chosen=NOTHING_CHOSEN,
    empty_hint=EMPTY_HINT,
    stretch=(5, 4),
    sizes=(700, 520),
)


class InventoryTab(RecordListTab[InventoryPerson]):
    model: InventoryTableModel
    editor: PersonEditor

    def __init__(
        self,
        record: OpenRecord,
        keeper: DraftKeeper,
        dialogs: Callable[[], WorkspaceDialogs],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(record, keeper, dialogs, SPEC, parent)

    def selectPerson(self, person_id: str) -> bool:
        return self.selectRecord(person_id)

    def addPerson(self) -> None:
        self.addRecord()

    def clearSensitive(self) -> None:
        super().clearSensitive()
        self.circle.setPeople(())

    def _make_model(self) -> InventoryTableModel:
        return InventoryTableModel(self)

    def _make_editor(self) -> PersonEditor:
        return PersonEditor(self._record, self._keeper, self._dialogs, self)

    def _records_of(self, record: ClientRecord) -> Sequence[InventoryPerson]:
        return record.inventory

    def _left_side(self, list_box: QWidget) -> QWidget:
        self.circle = ClosenessCircle(self)
        self.circle.personActivated.connect(self.selectPerson)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(list_box)
        left.addWidget(self.circle)
        left.setStretchFactor(0, 2)
        left.setStretchFactor(1, 3)
        left.setChildrenCollapsible(False)
        return left

    def _refreshed(self, items: Sequence[InventoryPerson]) -> None:
        self.circle.setPeople(items)
        self.circle.setSelected(self.editor.personId())
