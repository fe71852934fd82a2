"""The GAD-7 form (optional: anxiety is common beside depression)."""

from PySide6.QtWidgets import QWidget

from ipt_desktop.domain.measures import GAD7_ITEMS, gad7_severity

from .item_scale_form import ItemScaleForm


class Gad7Form(ItemScaleForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("GAD-7", "gad7", GAD7_ITEMS, gad7_severity, parent)
