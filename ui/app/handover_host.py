"""The shell's side of hand-over mode: show the questions full-screen, seal every answer,
and end every way out in the lock screen.

While a hand-over runs, the window shows nothing but the hand-over view: the work area,
menus, toolbar and status bar are hidden and every window action is disabled (so no
shortcut reaches the record). Escape, closing the window, the application losing focus
(Alt+Tab), another window taking focus, and the idle timer all lock the vault; so does
the client's "Hand back". The answers are sealed as a draft after every item, so locking
loses nothing; after the therapist unlocks, ``place_pending_answers`` puts them in the
session (see MainWindow._unlocked).
"""

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QToolBar

from ipt_desktop.domain.client_entry import Questionnaire
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.handover import HandoverAnswers
from ipt_desktop.services import handover
from ipt_desktop.services.clients import read_record
from ipt_desktop.services.crisis_contacts import handover_crisis_contacts
from ipt_desktop.vault.errors import VaultError
from ipt_desktop.vault.vault import Vault
from ui.handover import HandoverView

from .lock_controller import LockController

LOCK_ESCAPE = "the client pressed Escape in hand-over mode"
LOCK_CLOSE = "the window was closed in hand-over mode"
LOCK_FOCUS = "another window took the focus in hand-over mode"
LOCK_HAND_BACK = "Locked: the client handed the laptop back."
LOCK_UNSAVED = "an answer could not be saved in hand-over mode"


class HandoverHost(QObject):
    started = Signal()
    ended = Signal()

    def __init__(
        self,
        window: QMainWindow,
        stack: QStackedWidget,
        vault: Vault,
        lock: LockController,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._stack = stack
        self._vault = vault
        self._lock = lock
        self._view: HandoverView | None = None
        self._client_id = ""
        self._state = Qt.WindowState.WindowNoState
        self._disabled: list[QAction] = []
        self._ending = False

    def isActive(self) -> bool:
        return self._view is not None

    def view(self) -> HandoverView | None:
        return self._view

    # -- start ----------------------------------------------------------------------------
    def start(self, client_id: str, session_id: str, measures: tuple[Questionnaire, ...]) -> str:
        """Start hand-over mode; returns a problem to tell the therapist ("" on success)."""
        if self._view is not None or not self._vault.is_unlocked:
            return "Hand-over mode is not available now."
        try:
            record = read_record(self._vault, client_id)
            session = next((s for s in record.sessions if s.id == session_id), None)
            if session is None:
                return "The session was not found."
            answers = handover.begin_handover(self._vault, session, measures)
            contacts = handover_crisis_contacts(self._vault)
        except ValidationError as error:
            return f"Hand-over mode did not start: {error.message}."
        except VaultError as error:
            return f"Hand-over mode did not start: {error}"
        self._client_id = client_id
        view = HandoverView(answers, contacts)
        view.answered.connect(self._seal)
        view.finished.connect(self._seal)
        view.handBack.connect(lambda: self._end(LOCK_HAND_BACK))
        self._view = view
        self._enter(view)
        self.started.emit()
        return ""

    def _enter(self, view: HandoverView) -> None:
        window = self._window
        self._disabled = [a for a in window.findChildren(QAction) if a.isEnabled()]
        for action in self._disabled:
            action.setEnabled(False)
        for bar in (window.menuBar(), window.statusBar()):
            bar.setVisible(False)
        for toolbar in window.findChildren(QToolBar):
            toolbar.setVisible(False)
        self._stack.addWidget(view)
        self._stack.setCurrentWidget(view)
        self._state = window.windowState()
        window.showFullScreen()
        window.activateWindow()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.installEventFilter(self)
        app.applicationStateChanged.connect(self._state_changed)
        app.focusWindowChanged.connect(self._focus_window_changed)
        view.welcome.start.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- answers --------------------------------------------------------------------------
    def _seal(self, answers: object) -> None:
        assert isinstance(answers, HandoverAnswers)
        try:
            handover.save_progress(self._vault, self._client_id, answers)
        except (ValidationError, VaultError):
            self._end(LOCK_UNSAVED)

    # -- every way out ends in the lock screen -----------------------------------------------
    def _end(self, reason: str) -> None:
        if self._view is None or self._ending:
            return
        self._lock.lock(reason)  # emits locked -> MainWindow calls teardown()
        if self._view is not None:  # the vault was locked already: still leave the mode
            self.teardown()

    def teardown(self) -> None:
        """Leave hand-over mode (the vault is locked by now): forget the view entirely."""
        view = self._view
        if view is None:
            return
        self._ending = True
        try:
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            app.removeEventFilter(self)
            app.applicationStateChanged.disconnect(self._state_changed)
            app.focusWindowChanged.disconnect(self._focus_window_changed)
            self._view = None
            self._stack.removeWidget(view)
            view.hide()
            view.deleteLater()
            for action in self._disabled:
                action.setEnabled(True)
            self._disabled = []
            self._window.statusBar().setVisible(True)
            self._window.setWindowState(self._state)
            self._client_id = ""
        finally:
            self._ending = False
        self.ended.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._view is None:
            return False
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                if kind == QEvent.Type.KeyPress:
                    self._end(LOCK_ESCAPE)
                return True
        if kind == QEvent.Type.WindowDeactivate and watched is self._window:
            self._end(LOCK_FOCUS)
        return False

    def closeRequested(self) -> None:
        """The window's close event during hand-over (Alt+F4, the title bar, Ctrl+Q)."""
        self._end(LOCK_CLOSE)

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self._end(LOCK_FOCUS)

    def _focus_window_changed(self, window: QWindow | None) -> None:
        if window is not None and window is not self._window.windowHandle():
            self._end(LOCK_FOCUS)


def place_pending_answers(vault: Vault) -> list[handover.PlacedAnswers]:
    """Right after unlock: every hand-over draft placed in its session (see the service)."""
    return [handover.place_pending(vault, p) for p in handover.pending_handovers(vault)]
