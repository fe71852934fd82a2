"""The IPT techniques used in a session, as a grid of check boxes (domain ``Technique``)."""

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from ipt_desktop.domain.enums import Technique

COLUMNS = 3


class TechniqueChecklist(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._boxes: dict[Technique, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        rows = -(-len(Technique) // COLUMNS)
        # Filled column by column, so Tab runs down a column the way the eye reads it.
        for i, technique in enumerate(Technique):
            box = QCheckBox(technique.label, self)
            box.setAccessibleName(f"Technique used: {technique.label}")
            box.toggled.connect(self._toggled)
            grid.addWidget(box, i % rows, i // rows)
            self._boxes[technique] = box
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        self._loading = False

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
