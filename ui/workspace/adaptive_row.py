"""A row of parts that stacks them one under the other when they do not fit side by side.

The parts sit side by side while their preferred widths fit; below that they stack, so the
row never asks its parent for more than its widest part. Used where a line of a form would
otherwise set the whole workspace's minimum width (a header with buttons, a button row).
"""

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLayout, QLayoutItem, QWidget

_SIDE_BY_SIDE = QBoxLayout.Direction.LeftToRight
_STACKED = QBoxLayout.Direction.TopToBottom
_NO_ALIGNMENT = Qt.AlignmentFlag(0)


class AdaptiveRow(QWidget):
    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6) -> None:
        super().__init__(parent)
        self._box = QBoxLayout(_SIDE_BY_SIDE, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(spacing)
        # The row decides its own minimum (the widest part), not the side-by-side sum.
        self._box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:
        self._box.addWidget(widget, stretch)

    def addLayout(self, layout: QLayout, stretch: int = 0) -> None:
        self._box.addLayout(layout, stretch)

    def setContentsMargins(self, left: int, top: int, right: int, bottom: int) -> None:  # type: ignore[override]
        self._box.setContentsMargins(left, top, right, bottom)

    def isStacked(self) -> bool:
        return self._box.direction() == _STACKED

    def sideBySideWidth(self) -> int:
        """The width the parts need side by side at their preferred sizes."""
        parts = self._parts()
        margins = self._box.contentsMargins()
        spacing = self._box.spacing() * max(len(parts) - 1, 0)
        widths = sum(part.sizeHint().width() for part in parts)
        return widths + spacing + margins.left() + margins.right()

    def sizeHint(self) -> QSize:
        """Side by side: a layout that gives the row only its hint lets it go back there."""
        stacked = self.minimumSizeHint().width()
        return QSize(max(self.sideBySideWidth(), stacked), self._box.sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        margins = self._box.contentsMargins()
        widest = max((part.minimumSize().width() for part in self._parts()), default=0)
        height = self._box.minimumSize().height()
        return QSize(widest + margins.left() + margins.right(), height)

    def hasHeightForWidth(self) -> bool:
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        # A part changed its size. (A wrapper Qt hands back for a widget being torn down
        # may lack the Python attributes: nothing to arrange then.)
        if event.type() == QEvent.Type.LayoutRequest and hasattr(self, "_box"):
            self._arrange(self.width())
        return super().event(event)

    def _arrange(self, width: int) -> None:
        direction = _SIDE_BY_SIDE if self.sideBySideWidth() <= width else _STACKED
        if self._box.direction() != direction:
            self._box.setDirection(direction)
            # Stacked, each part keeps its own width at the leading edge (no stretched badge).
            align = Qt.AlignmentFlag.AlignLeading if direction == _STACKED else _NO_ALIGNMENT
            for part in self._parts():
                part.setAlignment(align)
            self._box.invalidate()
            self.updateGeometry()

    def _parts(self) -> list[QLayoutItem]:
        items = (self._box.itemAt(i) for i in range(self._box.count()))
        return [item for item in items if item is not None and not item.isEmpty()]
