"""A titled, softly framed panel for the overview (palette colours only)."""

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class CardFrame(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(title)
        self._title = QLabel(title, self)
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 10, 14, 12)
        column.setSpacing(8)
        column.addWidget(self._title)
        column.addLayout(self.body)
        column.addStretch(1)
