"""Life events: a table of what happened when (deaths, moves, disputes, new roles) and an
editor. They sit on the timeline against the course of mood."""

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

from .draft_keeper import DraftKeeper
from .form_parts import muted_label, set_muted
from .life_event_editor import LifeEventEditor
from .life_event_model import EVENT_ID_ROLE, Column, LifeEventModel
from .open_record import OpenRecord
from .workspace_dialogs import WorkspaceDialogs

NOTHING_CHOSEN = "Choose an event on the left, or add one."
EMPTY_HINT = (
    "Interpersonal events placed against the course of mood show how events and symptoms "
    "travel together: a death, a move, a dispute starting, a promotion."
)


class LifeEventsTab(QWidget):
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
        self._add = QPushButton("Add life event", self)
        self._add.setAccessibleName("Add life event")
        self._add.clicked.connect(self.addEvent)
        self.model = LifeEventModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Life events")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._hint = muted_label(EMPTY_HINT, self)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self._add)
        buttons.addStretch(1)
        left_column.addLayout(buttons)
        left_column.addWidget(self.table, 1)
        left_column.addWidget(self._hint)
        self.editor = LifeEventEditor(record, keeper, dialogs, self)
        self.editor.saved.connect(lambda _id: self.refresh())
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
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([700, 500])
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(splitter)

    def refresh(self) -> None:
        record = self._record.record
        events = () if record is None else record.life_events
        self._selecting = True
        try:
            self.model.setEvents(events)
            current = self.editor.eventId()
            stale = not any(e.id == current for e in events)
            if current is not None and not self.editor.isNew() and stale:
                self.editor.load(None)
            self._select_row(self.editor.eventId())
        finally:
            self._selecting = False
        self._hint.setVisible(not events)
        self._add.setEnabled(record is not None)
        chosen = self.editor.eventId() is not None
        self._stack.setCurrentWidget(self.editor if chosen else self._empty)

    def selectEvent(self, event_id: str) -> bool:
        record = self._record.record
        event = (
            None
            if record is None
            else next((e for e in record.life_events if e.id == event_id), None)
        )
        if event is None or not self._leave_current():
            return False
        self.editor.load(event)
        self.refresh()
        return True

    def addEvent(self) -> None:
        if self._record.record is None or not self._leave_current():
            return
        self.editor.startNew()
        self.refresh()

    def restoreDraft(self, event_id: str) -> None:
        record = self._record.record
        if record is None or self.editor.isDirty():
            return
        if any(e.id == event_id for e in record.life_events):
            self.selectEvent(event_id)
        else:
            self.editor.startNew(event_id)
            self.refresh()

    def clearSensitive(self) -> None:
        self.editor.clearSensitive()
        self.model.clear()
        self._stack.setCurrentWidget(self._empty)

    def _leave_current(self) -> bool:
        if not self.editor.isDirty():
            return True
        if self.editor.problems() is None and self.editor.saveChanges():
            return True
        self._keeper.saveAll()
        self.editor.saveChanges()
        return False

    def _select_row(self, event_id: str | None) -> None:
        selection = self.table.selectionModel()
        row = -1 if event_id is None else self.model.rowFor(event_id)
        if row < 0:
            selection.clearSelection()
            return
        selection.setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._selecting:
            return
        indexes = selected.indexes()
        if not indexes:
            return
        event_id = str(indexes[0].data(EVENT_ID_ROLE))
        if event_id == self.editor.eventId():
            return
        if not self.selectEvent(event_id):
            self._selecting = True
            try:
                self._select_row(self.editor.eventId())
            finally:
                self._selecting = False
