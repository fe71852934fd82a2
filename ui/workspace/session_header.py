"""The line above a session note: "Session 7 of 16", the phase badge, the note's state,
and the Delete / Save / Sign buttons (hidden once the note is signed)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ipt_desktop.domain.enums import Phase

from .badges import PhaseBadge
from .form_parts import set_muted
from .session_prompts import SIGN_BLOCKED_TIP, SIGN_TIP


class SessionHeader(QWidget):
    saveRequested = Signal()
    signRequested = Signal()
    deleteRequested = Signal()

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
        self.delete_button = QPushButton("Delete…", self)
        self.delete_button.setAccessibleName("Delete this unsigned session")
        self.delete_button.clicked.connect(self.deleteRequested)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 16, 6)
        row.setSpacing(8)
        row.addWidget(self._title)
        row.addSpacing(4)
        row.addWidget(self.badge)
        row.addSpacing(6)
        row.addWidget(self._status, 1)
        row.addWidget(self.delete_button)
        row.addSpacing(12)
        row.addWidget(self.save_button)
        row.addWidget(self.sign_button)

    def title(self) -> str:
        return self._title.text()

    def setTitle(self, text: str) -> None:
        self._title.setText(text)

    def statusText(self) -> str:
        return self._status.text()

    def setStatus(self, text: str) -> None:
        self._status.setText(text)

    def setPhase(self, phase: Phase | None) -> None:
        self.badge.setPhase(phase)

    def setSigned(self, signed: bool) -> None:
        for button in (self.save_button, self.sign_button, self.delete_button):
            button.setVisible(not signed)

    def setSignBlocked(self, blocked: bool) -> None:
        self.sign_button.setEnabled(not blocked)
        self.sign_button.setToolTip(SIGN_BLOCKED_TIP if blocked else SIGN_TIP)

    def clear(self) -> None:
        self._title.clear()
        self._status.clear()
        self.badge.setPhase(None)
