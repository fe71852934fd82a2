"""Sessions tab: the sessions of the selected contract beside the IPT session editor.

Moving to another session saves the one being edited when it can be saved; when it cannot
(an impossible date, a half-answered PHQ-9) the move is refused and the problem shown, and
the text is kept as a draft meanwhile. Nothing typed is lost either way.
"""

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QWidget

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.vault.errors import VaultError
from ui.common.form_parts import muted_label

from .draft_keeper import DraftKeeper
from .editor_stack import EditorStack
from .leave_editor import leave_editor
from .open_record import OpenRecord
from .record_list_tab import list_column
from .record_table import RecordTable
from .session_editor import SessionEditor
from .session_list_model import Column, SessionListModel, session_rows
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

        self._new = QPushButton("New session", self)
        self._new.setAccessibleName("New session")
        self._new.setToolTip("Start a new session note dated today (Ctrl+N)")
        self._new.clicked.connect(self.newSession)
        self.model = SessionListModel(self)
        self.table = RecordTable(
            self.model,
            "Sessions of this contract",
            Column.STATE,
            self,
            word_wrap=False,
            scroll_to_selection=True,
        )
        self.table.recordChosen.connect(self._chosen)
        # Beside a narrow editor the list drops the phase, then the PHQ-9 (both in the tooltip).
        self.table.setOptionalColumns((Column.PHASE, Column.PHQ9))
        self._list_hint = muted_label("", self)
        left = list_column(self._new, self.table, self._list_hint, self)

        self.editor = SessionEditor(record, keeper, dialogs, self, today=today)
        self.editor.sessionDeleted.connect(self._deleted)
        self._stack = EditorStack(self.editor, NOTHING_SELECTED, self, muted=False)

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
        with self.table.quietly():
            self.model.setRows(rows)
            current = self.editor.sessionId()
            if current is not None and self._record.session(current) is None:
                self.editor.load(None)
            self.table.selectRecord(self.editor.sessionId())
        self.editor.refresh()
        self._new.setEnabled(episode is not None)
        if episode is None:
            self._list_hint.setText(NO_CONTRACT)
        elif not rows:
            self._list_hint.setText(NO_SESSIONS)
        else:
            self._list_hint.setText("")
        self._list_hint.setVisible(bool(self._list_hint.text()))
        self._stack.showEditor(self.editor.sessionId() is not None)

    def openSession(self, session_id: str) -> bool:
        session = self._record.session(session_id)
        if session is None:
            return False
        if session_id == self.editor.sessionId():
            return True
        if not leave_editor(self.editor, self._keeper):
            return False
        self._record.select_episode(session.episode_id)
        self._show(session_id)
        return True

    def newSession(self) -> None:
        if self._record.episode is None or not leave_editor(self.editor, self._keeper):
            return
        try:
            session = self._record.new_session(self._today())
        except (ValidationError, VaultError, LookupError) as error:
            self.problem.emit(f"A new session could not be started: {error}")
            return
        self._show(session.id)
        self.editor.startNew()

    def clearSensitive(self) -> None:
        self.editor.clearSensitive()
        self.model.clear()
        self._stack.showEditor(False)

    # ---- internals -----------------------------------------------------------------------

    def _show(self, session_id: str) -> None:
        self.editor.load(session_id)
        self.refresh()

    def _chosen(self, session_id: str) -> None:
        if session_id == self.editor.sessionId():
            return
        if not leave_editor(self.editor, self._keeper):
            with self.table.quietly():
                self.table.selectRecord(self.editor.sessionId())
            return
        self._show(session_id)

    def _deleted(self, _session_id: str) -> None:
        self.refresh()
