"""A tab with a table of records on the left and the editor of one on the right.

Selecting a row opens that record in the editor; leaving a record saves it when the edits
are valid, and otherwise keeps the selection (and a draft) and says what to fix. "Add"
starts a new record the same way. A kept draft reopens its record (or the unsaved new one).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ipt_desktop.domain.model import ClientRecord
from ui.common.form_parts import muted_label

from .draft_keeper import DraftKeeper
from .editor_stack import EditorStack
from .leave_editor import leave_editor
from .open_record import OpenRecord
from .record_editor import R, RecordEditor
from .record_table import RecordTable
from .record_table_model import RecordTableModel
from .workspace_dialogs import WorkspaceDialogs


def list_column(button: QPushButton, table: RecordTable, hint: QLabel, parent: QWidget) -> QWidget:
    """The button above the table, and a hint below it."""
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    buttons = QHBoxLayout()
    buttons.addWidget(button)
    buttons.addStretch(1)
    column.addLayout(buttons)
    column.addWidget(table, 1)
    column.addWidget(hint)
    return box


@dataclass(frozen=True)
class RecordListSpec:
    """The words and proportions of one list tab."""

    add_text: str
    add_name: str
    table_name: str
    stretch_column: int
    nothing_chosen: str
    empty_hint: str
    stretch: tuple[int, int]
    sizes: tuple[int, int]
    word_wrap: bool = True


class RecordListTab(QWidget, Generic[R]):
    def __init__(
        self,
        record: OpenRecord,
        keeper: DraftKeeper,
        dialogs: Callable[[], WorkspaceDialogs],
        spec: RecordListSpec,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._record = record
        self._keeper = keeper
        self._dialogs = dialogs
        self._add = QPushButton(spec.add_text, self)
        self._add.setAccessibleName(spec.add_name)
        self._add.clicked.connect(self.addRecord)
        self.model = self._make_model()
        self.table = RecordTable(
            self.model, spec.table_name, spec.stretch_column, self, word_wrap=spec.word_wrap
        )
        self.table.recordChosen.connect(self._chosen)
        self._hint = muted_label(spec.empty_hint, self)
        left = self._left_side(list_column(self._add, self.table, self._hint, self))
        self.editor = self._make_editor()
        self.editor.saved.connect(lambda _id: self.refresh())
        self.editor.deleted.connect(lambda _id: self.refresh())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        self._stack = EditorStack(self.editor, spec.nothing_chosen, self, muted=True)
        splitter.addWidget(self._stack)
        splitter.setStretchFactor(0, spec.stretch[0])
        splitter.setStretchFactor(1, spec.stretch[1])
        splitter.setChildrenCollapsible(False)
        splitter.setSizes(list(spec.sizes))
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(splitter)

    def refresh(self) -> None:
        record = self._record.record
        items = () if record is None else self._records_of(record)
        with self.table.quietly():
            self.model.setRecords(items)
            current = self.editor.recordId()
            stale = not any(self.model.recordId(r) == current for r in items)
            if current is not None and not self.editor.isNew() and stale:
                self.editor.load(None)
            self.table.selectRecord(self.editor.recordId())
        self._refreshed(items)
        self._hint.setVisible(not items)
        self._add.setEnabled(record is not None)
        self._stack.showEditor(self.editor.recordId() is not None)

    def selectRecord(self, record_id: str) -> bool:
        """Open ``record_id`` in the editor; False when the one shown cannot be left."""
        item = self._find(record_id)
        if item is None or not leave_editor(self.editor, self._keeper):
            return False
        self.editor.load(item)
        self.refresh()
        return True

    def addRecord(self) -> None:
        if self._record.record is None or not leave_editor(self.editor, self._keeper):
            return
        self.editor.startNew()
        self.refresh()

    def restoreDraft(self, record_id: str) -> None:
        """A draft for ``record_id`` was kept: reopen that record (or the unsaved new one)."""
        if self._record.record is None or self.editor.isDirty():
            return
        if self._find(record_id) is not None:
            self.selectRecord(record_id)
        else:
            self.editor.startNew(record_id)
            self.refresh()

    def clearSensitive(self) -> None:
        self.editor.clearSensitive()
        self.model.clear()
        self._stack.showEditor(False)

    # ---- what a subclass says ------------------------------------------------------------

    def _make_model(self) -> RecordTableModel[R]:
        raise NotImplementedError

    def _make_editor(self) -> RecordEditor[R]:
        raise NotImplementedError

    def _records_of(self, record: ClientRecord) -> Sequence[R]:
        raise NotImplementedError

    def _left_side(self, list_box: QWidget) -> QWidget:
        """What stands left of the editor: the list (a subclass may add to it)."""
        return list_box

    def _refreshed(self, items: Sequence[R]) -> None:
        """The list was refreshed with ``items`` (for views beside the table)."""

    # ---- internals -----------------------------------------------------------------------

    def _find(self, record_id: str) -> R | None:
        record = self._record.record
        if record is None:
            return None
        return next((r for r in self._records_of(record) if r.id == record_id), None)

    def _chosen(self, record_id: str) -> None:
        if record_id == self.editor.recordId() or self.selectRecord(record_id):
            return
        with self.table.quietly():
            self.table.selectRecord(self.editor.recordId())
