"""The line above a session note: "Session 7 of 16", the phase badge, the note's state,
and the Delete / Save / Sign buttons (hidden once the note is signed). In a narrow editor
the buttons go on a second line."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ipt_desktop.domain.enums import Phase
from ui.common.form_parts import set_muted

from .adaptive_row import AdaptiveRow
from .badges import PhaseBadge
from .session_prompts import SIGN_BLOCKED_TIP, SIGN_TIP

UNSAVED = "\u25cf Unsaved changes"  # a dot before the words: seen at a glance


class SessionHeader(QWidget):
    saveRequested = Signal()
    signRequested = Signal()
    deleteRequested = Signal()
    handoverRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = QLabel(self)
        font = self._title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self._title.setFont(font)
        self.badge = PhaseBadge(self)
        self._status = QLabel(self)
        set_muted(self._status)
        self.save_button = QPushButton("Save", self)
        self.save_button.setAccessibleName("Save session note")
        self.save_button.setToolTip("Save the note (Ctrl+S)")
        self.save_button.clicked.connect(self.saveRequested)
        self.sign_button = QPushButton("Sign…", self)
        self.sign_button.setAccessibleName("Sign session note")
        self.sign_button.clicked.connect(self.signRequested)
        self.hand_button = QPushButton("Hand to client…", self)
        self.hand_button.setAccessibleName("Hand the laptop to the client for questionnaires")
        self.hand_button.setToolTip(
            "The client answers mood, PHQ-9 and GAD-7 in a locked-down full-screen view "
            "(Ctrl+Shift+H)"
        )
        self.hand_button.clicked.connect(self.handoverRequested)
        self.delete_button = QPushButton("Delete…", self)
        self.delete_button.setAccessibleName("Delete this unsigned session")
        self.delete_button.clicked.connect(self.deleteRequested)
        about = QHBoxLayout()
        about.setSpacing(8)
        about.addWidget(self._title)
        about.addSpacing(4)
        about.addWidget(self.badge)
        about.addSpacing(6)
        about.addWidget(self._status, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.delete_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.hand_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.sign_button)
        buttons.addStretch(1)
        self.row = AdaptiveRow(self, spacing=8)
        self.row.setContentsMargins(16, 10, 16, 6)
        self.row.addLayout(about, 1)
        self.row.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.row)

    def title(self) -> str:
        return self._title.text()

    def setTitle(self, text: str) -> None:
        self._title.setText(text)

    def statusText(self) -> str:
        return self._status.text()

    def setStatus(self, text: str) -> None:
        self._status.setText(text)

    def showState(self, signed_text: str | None, dirty: bool, saved_at: str = "") -> None:
        """The note's state: signed (when), unsaved changes, or not signed (saved at when)."""
        if signed_text is not None:
            self.setStatus(signed_text)
        elif dirty:
            self.setStatus(UNSAVED)
        else:
            self.setStatus(f"Not signed · saved at {saved_at}" if saved_at else "Not signed")

    def setPhase(self, phase: Phase | None) -> None:
        self.badge.setPhase(phase)

    def setSigned(self, signed: bool) -> None:
        for button in (self.save_button, self.sign_button, self.delete_button, self.hand_button):
            button.setVisible(not signed)

    def setSignBlocked(self, blocked: bool) -> None:
        self.sign_button.setEnabled(not blocked)
        self.sign_button.setToolTip(SIGN_BLOCKED_TIP if blocked else SIGN_TIP)

    def clear(self) -> None:
        self._title.clear()
        self._status.clear()
        self.badge.setPhase(None)
