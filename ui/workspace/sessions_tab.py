"""Sessions tab: the sessions of the selected contract beside the IPT session editor.

Moving to another session saves the one being edited when it can be saved; when it cannot
(an impossible date, a half-answered PHQ-9) the move is refused and the problem shown, and
the text is kept as a draft meanwhile. Nothing typed is lost either way.
"""

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
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

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.services.errors import VaultError

from .draft_keeper import DraftKeeper
from .form_parts import muted_label
from .open_record import OpenRecord
from .session_editor import SessionEditor
from .session_list_model import SESSION_ID_ROLE, Column, SessionListModel, session_rows
from .workspace_dialogs import WorkspaceDialogs

NO_CONTRACT = "No treatment contract yet. Agree one on the Overview tab, then add sessions."
NO_SESSIONS = "No sessions in this contract yet. Start one with “New session” (Ctrl+N)."
NOTHING_SELECTED = "Choose a session on the left."


class SessionsTab(QWidget):
    problem = Signal(str)

    def __init__(
        self,
        record: OpenRecord,
        keeper: DraftKeeper,
        dialogs: Callable[[], WorkspaceDialogs],
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._record = record
        self._keeper = keeper
        self._today = today
        self._selecting = False

        self._new = QPushButton("New session", self)
        self._new.setAccessibleName("New session")
        self._new.setToolTip("Start a new session note dated today (Ctrl+N)")
        self._new.clicked.connect(self.newSession)
        self.model = SessionListModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Sessions of this contract")
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
        header.setSectionResizeMode(Column.STATE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._list_hint = muted_label("", self)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self._new)
        buttons.addStretch(1)
        left_column.addLayout(buttons)
        left_column.addWidget(self.table, 1)
        left_column.addWidget(self._list_hint)

        self.editor = SessionEditor(record, keeper, dialogs, self)
        self.editor.sessionDeleted.connect(self._deleted)
        self._empty = QLabel(NOTHING_SELECTED, self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._empty)
        self._stack.addWidget(self.editor)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self._stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([400, 880])
        column = QHBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(splitter)
        self.refresh()

    # ---- public --------------------------------------------------------------------------

    def refresh(self) -> None:
        episode = self._record.episode
        record = self._record.record
        rows = [] if episode is None or record is None else session_rows(episode, record.sessions)
        self._selecting = True
        try:
            self.model.setRows(rows)
            current = self.editor.sessionId()
            if current is not None and self._record.session(current) is None:
                self.editor.load(None)
            self._select_row(self.editor.sessionId())
        finally:
            self._selecting = False
        self.editor.refresh()
        self._new.setEnabled(episode is not None)
        if episode is None:
            self._list_hint.setText(NO_CONTRACT)
        elif not rows:
            self._list_hint.setText(NO_SESSIONS)
        else:
            self._list_hint.setText("")
        self._list_hint.setVisible(bool(self._list_hint.text()))
        self._stack.setCurrentWidget(
            self.editor if self.editor.sessionId() is not None else self._empty
        )

    def openSession(self, session_id: str) -> bool:
        session = self._record.session(session_id)
        if session is None:
            return False
        if session_id == self.editor.sessionId():
            return True
        if not self._leave_current():
            return False
        self._record.select_episode(session.episode_id)
        self._show(session_id)
        return True

    def newSession(self) -> None:
        if self._record.episode is None or not self._leave_current():
            return
        try:
            session = self._record.new_session(self._today())
        except (ValidationError, VaultError, LookupError) as error:
            self.problem.emit(f"A new session could not be started: {error}")
            return
        self._show(session.id)
        self.editor.form.date_field.setFocus()

    def clearSensitive(self) -> None:
        self.editor.clearSensitive()
        self.model.clear()
        self._stack.setCurrentWidget(self._empty)

    # ---- internals -----------------------------------------------------------------------

    def _leave_current(self) -> bool:
        """Save the session being edited before leaving it; False if it cannot be saved."""
        if not self.editor.isDirty():
            return True
        if self.editor.problems() is None and self.editor.saveChanges():
            return True
        self._keeper.saveAll()
        self.editor.saveChanges()  # shows why it cannot be saved
        return False

    def _show(self, session_id: str) -> None:
        self.editor.load(session_id)
        self.refresh()

    def _select_row(self, session_id: str | None) -> None:
        selection = self.table.selectionModel()
        row = -1 if session_id is None else self.model.rowFor(session_id)
        if row < 0:
            selection.clearSelection()
            return
        index = self.model.index(row, 0)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._selecting:
            return
        indexes = selected.indexes()
        if not indexes:
            return
        session_id = str(indexes[0].data(SESSION_ID_ROLE))
        if session_id == self.editor.sessionId():
            return
        if not self._leave_current():
            self._selecting = True
            try:
                self._select_row(self.editor.sessionId())
            finally:
                self._selecting = False
            return
        self._show(session_id)

    def _deleted(self, _session_id: str) -> None:
        self.refresh()
