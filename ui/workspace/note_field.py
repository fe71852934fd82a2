"""A plain-text box for clinical writing: placeholder prompts, Tab moves on, no rich text.

Pasting keeps only plain text (no hidden formatting gets into a record). The box starts a
few lines high and grows with its text up to a limit, then scrolls; a megabyte pasted in
is fine (QPlainTextEdit lays text out lazily).
"""

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QFocusEvent, QPalette, QResizeEvent, QTextOption
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QWidget


class NoteField(QPlainTextEdit):
    """``edited`` fires when the user changes the text (not on ``setText``)."""

    edited = Signal()
    focused = Signal()

    def __init__(
        self,
        accessible_name: str,
        placeholder: str = "",
        *,
        lines: int = 3,
        max_lines: int = 14,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lines = lines
        self._min_lines = lines
        self._max_lines = max_lines
        self._loading = False
        self.setAccessibleName(accessible_name)
        self._placeholder = placeholder
        self.setPlaceholderText(placeholder)
        if placeholder:
            self.setToolTip(placeholder)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._changed)
        self._fit_height()

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        """Replace the text without counting it as an edit."""
        if text == self.toPlainText():
            return
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False
        self._fit_height()

    def setReadOnly(self, read_only: bool) -> None:
        """Read-only text sits on the window colour, without prompts: it reads as a record."""
        super().setReadOnly(read_only)
        self.viewport().setBackgroundRole(
            QPalette.ColorRole.Window if read_only else QPalette.ColorRole.Base
        )
        self.setPlaceholderText("—" if read_only else self._placeholder)
        self.setFrameShape(QFrame.Shape.NoFrame if read_only else QFrame.Shape.StyledPanel)
        self._min_lines = 1 if read_only else self._lines
        self._fit_height()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self._height_for(self._min_lines))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_height()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def _changed(self) -> None:
        self._fit_height()
        if not self._loading:
            self.edited.emit()

    def _height_for(self, lines: int) -> int:
        line = self.fontMetrics().lineSpacing()
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        return line * lines + frame + 4

    def _fit_height(self) -> None:
        # Count wrapped lines cheaply: long texts simply take the maximum height.
        text = self.toPlainText()
        if len(text) > 20_000:
            wanted = self._max_lines
        else:
            width = max(self.viewport().width(), 200)
            chars_per_line = max(width // max(self.fontMetrics().averageCharWidth(), 1), 20)
            wrapped = sum(1 + len(part) // chars_per_line for part in text.split("\n"))
            if not text:
                wrapped = 0
            extra = 0 if self.isReadOnly() else 1
            wanted = max(self._min_lines, min(self._max_lines, wrapped + extra))
        height = self._height_for(wanted)
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)
