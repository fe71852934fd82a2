"""The PHQ-9 form. Item 9 (thoughts of death or self-harm) is watched: any answer above 0
emits ``item9Changed(True)`` so the editor can ask for a risk assessment."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ipt_desktop.domain.measures import PHQ9_ITEM9_INDEX, PHQ9_ITEMS, phq9_severity

from .item_scale_form import ItemScaleForm


class Phq9Form(ItemScaleForm):
    item9Changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("PHQ-9", "phq9", PHQ9_ITEMS, phq9_severity, parent)
        self.itemChanged.connect(self._item_changed)

    def item9Positive(self) -> bool:
        answer = self.answers()[PHQ9_ITEM9_INDEX]
        return answer is not None and answer > 0

    def _item_changed(self, index: int) -> None:
        if index == PHQ9_ITEM9_INDEX:
            self.item9Changed.emit(self.item9Positive())
