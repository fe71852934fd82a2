"""The IPT techniques used in a session, as a grid of check boxes (domain ``Technique``).

Three columns when they fit, else two, else one: the list never sets the form's width.
"""

from collections.abc import Iterable

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLayout, QWidget

from ipt_desktop.domain.enums import Technique

COLUMNS = 3


class TechniqueChecklist(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._boxes: dict[Technique, QCheckBox] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(18)
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._columns = 0
        for technique in Technique:
            box = QCheckBox(technique.label, self)
            box.setAccessibleName(f"Technique used: {technique.label}")
            box.toggled.connect(self._toggled)
            self._boxes[technique] = box
        self._arrange(COLUMNS)
        self._loading = False

    def columnCount(self) -> int:
        return self._columns

    def minimumSizeHint(self) -> QSize:
        widest = max(box.minimumSizeHint().width() for box in self._boxes.values())
        return QSize(widest, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        widest = max(box.sizeHint().width() for box in self._boxes.values())
        spacing = self._grid.horizontalSpacing()
        fits = max(1, (event.size().width() + spacing) // (widest + spacing))
        self._arrange(min(COLUMNS, fits))
        super().resizeEvent(event)

    def value(self) -> tuple[Technique, ...]:
        return tuple(t for t, box in self._boxes.items() if box.isChecked())

    def setValue(self, techniques: Iterable[Technique]) -> None:
        chosen = set(techniques)
        self._loading = True
        try:
            for technique, box in self._boxes.items():
                box.setChecked(technique in chosen)
        finally:
            self._loading = False

    def box(self, technique: Technique) -> QCheckBox:
        return self._boxes[technique]

    def setReadOnly(self, read_only: bool) -> None:
        for box in self._boxes.values():
            box.setEnabled(not read_only)

    def _toggled(self, _checked: bool) -> None:
        if not self._loading:
            self.edited.emit()

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for box in self._boxes.values():
            self._grid.removeWidget(box)
        for column in range(COLUMNS):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        rows = -(-len(self._boxes) // columns)
        # Filled column by column, so Tab runs down a column the way the eye reads it.
        for i, box in enumerate(self._boxes.values()):
            self._grid.addWidget(box, i % rows, i // rows)
        self.updateGeometry()
