"""The clinician-rated HAM-D (17 items) total, 0-52, or not rated; with its band in words.

The spin box cannot hold a number outside 0-52 (typing 60 is refused as you type). Bands
are the configurable defaults of ``domain.measures``.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QSpinBox, QWidget

from ipt_desktop.domain.measures import HAMD_MAX, hamd_severity
from ipt_desktop.domain.validation import check_int

from .badges import SeverityLabel

NOT_RATED_VALUE = -1


class HamdField(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spin = QSpinBox(self)
        self._spin.setRange(NOT_RATED_VALUE, HAMD_MAX)
        self._spin.setSpecialValueText("Not rated")
        self._spin.setValue(NOT_RATED_VALUE)
        self._spin.setAccessibleName(f"HAM-D total, 0 to {HAMD_MAX}")
        self._spin.setToolTip(f"Clinician-rated HAM-D (17 items) total, 0 to {HAMD_MAX}")
        self._spin.setMinimumWidth(self._spin.fontMetrics().horizontalAdvance("Not rated") + 40)
        self._spin.valueChanged.connect(self._changed)
        self._band = SeverityLabel(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._spin)
        row.addSpacing(8)
        row.addWidget(self._band, 1)
        self.setFocusProxy(self._spin)
        self._loading = False

    def spinBox(self) -> QSpinBox:
        return self._spin

    def value(self) -> int | None:
        value = self._spin.value()
        return None if value == NOT_RATED_VALUE else value

    def setValue(self, value: int | None) -> None:
        if value is not None:
            check_int("hamd", value, 0, HAMD_MAX)
        self._loading = True
        try:
            self._spin.setValue(NOT_RATED_VALUE if value is None else value)
        finally:
            self._loading = False
        self._show_band()

    def bandText(self) -> str:
        return self._band.plainText()

    def setReadOnly(self, read_only: bool) -> None:
        self._spin.setReadOnly(read_only)
        self._spin.setButtonSymbols(
            QSpinBox.ButtonSymbols.NoButtons if read_only else QSpinBox.ButtonSymbols.UpDownArrows
        )

    def _changed(self, _value: int) -> None:
        self._show_band()
        if not self._loading:
            self.edited.emit()

    def _show_band(self) -> None:
        value = self.value()
        self._band.setScore(value, None if value is None else hamd_severity(value))
