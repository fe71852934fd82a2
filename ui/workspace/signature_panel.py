"""The signature state of a note, its amendments, and the box to write a new amendment.

A signed note is read-only; corrections are amendments listed under the original, each
with its own date and time, oldest first. The original text is never changed.
"""

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ipt_desktop.domain.model import Amendment
from ui.common.form_parts import set_muted
from ui.common.ui_text import format_datetime

from .note_field import NoteField

UNSIGNED_TEXT = "Not signed. Once signed, the note is read-only; corrections become amendments."


class SignaturePanel(QWidget):
    amendRequested = Signal(str)
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._status = QLabel(UNSIGNED_TEXT, self)
        self._status.setWordWrap(True)
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._amendments = QVBoxLayout()
        self._amendments.setSpacing(6)
        self._amend_box = QWidget(self)
        self._amend_text = NoteField(
            "New amendment",
            "A correction or addition to the signed note. It is kept beside the original, "
            "with today's date and time.",
            lines=3,
            parent=self._amend_box,
        )
        self._amend_text.edited.connect(self._amend_edited)
        self._amend_button = QPushButton("Add amendment", self._amend_box)
        self._amend_button.setAccessibleName("Add amendment")
        self._amend_button.setEnabled(False)
        self._amend_button.clicked.connect(self._amend_clicked)
        amend_row = QHBoxLayout()
        amend_row.addStretch(1)
        amend_row.addWidget(self._amend_button)
        amend_layout = QVBoxLayout(self._amend_box)
        amend_layout.setContentsMargins(0, 4, 0, 0)
        amend_layout.addWidget(self._amend_text)
        amend_layout.addLayout(amend_row)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._status)
        column.addLayout(self._amendments)
        column.addWidget(self._amend_box)
        self._amend_box.hide()
        self._signed = False

    def statusText(self) -> str:
        return self._status.text()

    def amendmentField(self) -> NoteField:
        return self._amend_text

    def amendButton(self) -> QPushButton:
        return self._amend_button

    def amendmentTexts(self) -> list[str]:
        texts: list[str] = []
        for i in range(self._amendments.count()):
            item = self._amendments.itemAt(i)
            widget = None if item is None else item.widget()
            if isinstance(widget, AmendmentView):
                texts.append(widget.text())
        return texts

    def show_state(self, signed_text: str | None, amendments: Sequence[Amendment]) -> None:
        """``signed_text`` like "Signed on 4 Mar 2025, 14:05", or None for a draft note."""
        self._signed = signed_text is not None
        font = self._status.font()
        font.setBold(self._signed)
        self._status.setFont(font)
        self._status.setText(signed_text or UNSIGNED_TEXT)
        self._status.setAccessibleName(signed_text or "Not signed")
        while self._amendments.count():
            item = self._amendments.takeAt(0)
            widget = None if item is None else item.widget()
            if widget is not None:
                widget.deleteLater()
        for amendment in amendments:
            self._amendments.addWidget(AmendmentView(amendment, self))
        self._amend_box.setVisible(self._signed)

    def clearAmendmentText(self) -> None:
        self._amend_text.setText("")
        self._amend_button.setEnabled(False)

    def setAmendmentText(self, text: str) -> None:
        self._amend_text.setText(text)
        self._amend_button.setEnabled(bool(text.strip()))

    def _amend_edited(self) -> None:
        self._amend_button.setEnabled(bool(self._amend_text.text().strip()))
        self.edited.emit()

    def _amend_clicked(self) -> None:
        text = self._amend_text.text()
        if text.strip():
            self.amendRequested.emit(text)


class AmendmentView(QFrame):
    """One amendment: when it was written, then its text (selectable, never editable)."""

    def __init__(self, amendment: Amendment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        when = QLabel(f"Amendment · {format_datetime(amendment.written_at)}", self)
        set_muted(when)
        self._text = QLabel(amendment.text, self)
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(f"Amendment of {format_datetime(amendment.written_at)}")
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 6, 10, 6)
        column.addWidget(when)
        column.addWidget(self._text)

    def text(self) -> str:
        return self._text.text()
