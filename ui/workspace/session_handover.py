"""The session editor's "Hand to client" action (button and Ctrl+Shift+H).

It saves the note, asks the therapist which questionnaires to give, then asks the shell,
by signal, to start hand-over mode; the workspace never imports the hand-over package.
"""

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ipt_desktop.domain.model import Session

from .workspace_dialogs import WorkspaceDialogs

#: Listed in the shortcuts dialog (ui/app/app_actions.py HANDOVER_KEYS).
HANDOVER_SHORTCUT = "Ctrl+Shift+H"


class HandoverSource(Protocol):
    def session(self) -> Session | None: ...
    def isDirty(self) -> bool: ...
    def saveChanges(self) -> bool: ...
    def isVisible(self) -> bool: ...


class SessionHandover(QObject):
    requested = Signal(str, str, list)  # client id, session id, questionnaire values

    def __init__(
        self, editor: QWidget, dialogs: Callable[[], WorkspaceDialogs], source: HandoverSource
    ) -> None:
        super().__init__(editor)
        self._dialogs = dialogs
        self._source = source
        self.action = QAction("Hand to client…", editor)
        self.action.setShortcut(QKeySequence(HANDOVER_SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.request)
        editor.addAction(self.action)

    def setSession(self, session: Session | None) -> None:
        self.action.setEnabled(session is not None and not session.is_signed)

    def request(self) -> None:
        """Save the note, ask which questionnaires, then ask the shell for hand-over mode."""
        source = self._source
        session = source.session()
        if session is None or session.is_signed or not source.isVisible():
            return
        if source.isDirty() and not source.saveChanges():
            return
        measures = self._dialogs().chooseHandoverMeasures()
        session = source.session()
        if measures and session is not None:
            self.requested.emit(session.client_id, session.id, measures)
