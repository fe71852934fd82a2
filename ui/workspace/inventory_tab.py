"""Interpersonal inventory: the people table, the closeness circle, and the person editor.

Selecting a person in the table or on the circle opens them in the editor; leaving a
person saves them when the edits are valid, and otherwise keeps the selection (and a
draft) and says what to fix.
"""

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .closeness_circle import ClosenessCircle
from .draft_keeper import DraftKeeper
from .form_parts import muted_label, set_muted
from .inventory_table_model import PERSON_ID_ROLE, Column, InventoryTableModel
from .open_record import OpenRecord
from .person_editor import PersonEditor
from .workspace_dialogs import WorkspaceDialogs

NOTHING_CHOSEN = "Choose a person in the table or on the circle, or add one."
EMPTY_HINT = (
    "Add the important people in the client's life, current and past: who they are, how "
    "close, and whether they are a support, a source of conflict, or both."
)


class InventoryTab(QWidget):
    def __init__(
        self,
        record: OpenRecord,
        keeper: DraftKeeper,
        dialogs: Callable[[], WorkspaceDialogs],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._record = record
        self._keeper = keeper
        self._selecting = False

        self._add = QPushButton("Add person", self)
        self._add.setAccessibleName("Add person to the inventory")
        self._add.clicked.connect(self.addPerson)
        self.model = InventoryTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("People of the interpersonal inventory")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.RELATIONSHIP, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._hint = muted_label(EMPTY_HINT, self)
        self.circle = ClosenessCircle(self)
        self.circle.personActivated.connect(self.selectPerson)

        table_box = QWidget(self)
        table_column = QVBoxLayout(table_box)
        table_column.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self._add)
        buttons.addStretch(1)
        table_column.addLayout(buttons)
        table_column.addWidget(self.table, 1)
        table_column.addWidget(self._hint)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(table_box)
        left.addWidget(self.circle)
        left.setStretchFactor(0, 2)
        left.setStretchFactor(1, 3)
        left.setChildrenCollapsible(False)

        self.editor = PersonEditor(record, keeper, dialogs, self)
        self.editor.saved.connect(self._saved)
        self.editor.deleted.connect(lambda _id: self.refresh())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        self._empty = QLabel(NOTHING_CHOSEN, self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        set_muted(self._empty)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._empty)
        self._stack.addWidget(self.editor)
        splitter.addWidget(self._stack)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([700, 520])
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(splitter)

    def refresh(self) -> None:
        record = self._record.record
        people = () if record is None else record.inventory
        self._selecting = True
        try:
            self.model.setPeople(people)
            current = self.editor.personId()
            if current is not None and not self.editor.isNew():
                stored = next((p for p in people if p.id == current), None)
                if stored is None:
                    self.editor.load(None)
            self._select_row(self.editor.personId())
        finally:
            self._selecting = False
        self.circle.setPeople(people)
        self.circle.setSelected(self.editor.personId())
        self._hint.setVisible(not people)
        self._add.setEnabled(record is not None)
        chosen = self.editor.personId() is not None
        self._stack.setCurrentWidget(self.editor if chosen else self._empty)

    def selectPerson(self, person_id: str) -> bool:
        record = self._record.record
        person = (
            None
            if record is None
            else next((p for p in record.inventory if p.id == person_id), None)
        )
        if person is None or not self._leave_current():
            return False
        self.editor.load(person)
        self.refresh()
        return True

    def addPerson(self) -> None:
        if self._record.record is None or not self._leave_current():
            return
        self.editor.startNew()
        self.refresh()

    def restoreDraft(self, person_id: str) -> None:
        """A draft for ``person_id`` was kept: reopen that person (or the unsaved new one)."""
        record = self._record.record
        if record is None or self.editor.isDirty():
            return
        if any(p.id == person_id for p in record.inventory):
            self.selectPerson(person_id)
        else:
            self.editor.startNewWithId(person_id)
            self.refresh()

    def clearSensitive(self) -> None:
        self.editor.clearSensitive()
        self.model.clear()
        self._stack.setCurrentWidget(self._empty)
        self.circle.setPeople(())

    def _leave_current(self) -> bool:
        if not self.editor.isDirty():
            return True
        if self.editor.problems() is None and self.editor.saveChanges():
            return True
        self._keeper.saveAll()
        self.editor.saveChanges()
        return False

    def _select_row(self, person_id: str | None) -> None:
        selection = self.table.selectionModel()
        row = -1 if person_id is None else self.model.rowFor(person_id)
        if row < 0:
            selection.clearSelection()
            return
        index = self.model.index(row, 0)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._selecting:
            return
        indexes = selected.indexes()
        if not indexes:
            return
        person_id = str(indexes[0].data(PERSON_ID_ROLE))
        if person_id == self.editor.personId():
            return
        if not self.selectPerson(person_id):
            self._selecting = True
            try:
                self._select_row(self.editor.personId())
            finally:
                self._selecting = False

    def _saved(self, _person_id: str) -> None:
        self.refresh()
