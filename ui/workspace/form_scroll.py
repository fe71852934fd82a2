"""A scroll area for a tall form: it scrolls up and down only, never sideways.

It asks its parent for the form's minimum width (plus the scroll bar), so a splitter or a
window cannot squeeze the form into a sideways-scrolling strip.
"""

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QScrollArea, QWidget


class FormScrollArea(QScrollArea):
    def __init__(self, form: QWidget, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setWidget(form)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(accessible_name)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        form = self.widget()
        if form is None:
            return hint
        frame = 2 * self.frameWidth()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(form.minimumSizeHint().width() + bar + frame, hint.height())
