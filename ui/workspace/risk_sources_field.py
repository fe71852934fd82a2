"""The session's other risk sources beside PHQ-9 item 9: HAM-D item 3 (suicide, 0-4,
clinician-rated, optional) and "risk noted" from what the client said. Either raises the
client's risk flag until a risk review is recorded."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from .adaptive_row import AdaptiveRow

NOT_RATED = -1
ITEM3_MAX = 4


class RiskSourcesField(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item3 = QSpinBox(self)
        self.item3.setRange(NOT_RATED, ITEM3_MAX)
        self.item3.setSpecialValueText("Not rated")
        self.item3.setValue(NOT_RATED)
        self.item3.setAccessibleName("HAM-D item 3, suicide, 0 to 4")
        self.item3.setToolTip("HAM-D item 3 (suicide), 0 to 4; above 0 raises the risk flag")
        self.item3.setMinimumWidth(self.item3.fontMetrics().horizontalAdvance("Not rated") + 40)
        label = QLabel("HAM-D item 3 (suicide)", self)
        label.setBuddy(self.item3)
        self.noted = QCheckBox("Risk noted from what the client said", self)
        self.noted.setToolTip("Raises the client's risk flag until a risk review is recorded")
        item3_part = QWidget(self)
        item3_row = QHBoxLayout(item3_part)
        item3_row.setContentsMargins(0, 0, 0, 0)
        item3_row.addWidget(label)
        item3_row.addWidget(self.item3)
        item3_row.addStretch(1)
        # Side by side when there is room; one under the other in a narrow editor.
        self._parts = AdaptiveRow(self, spacing=16)
        self._parts.addWidget(item3_part)
        self._parts.addWidget(self.noted, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._parts)
        self._loading = False
        self.item3.valueChanged.connect(self._changed)
        self.noted.toggled.connect(self._changed)

    def item3Value(self) -> int | None:
        value = self.item3.value()
        return None if value == NOT_RATED else value

    def riskNoted(self) -> bool:
        return self.noted.isChecked()

    def positive(self) -> bool:
        return (self.item3Value() or 0) > 0 or self.riskNoted()

    def setValues(self, item3: int | None, noted: bool) -> None:
        self._loading = True
        try:
            self.item3.setValue(NOT_RATED if item3 is None else item3)
            self.noted.setChecked(noted)
        finally:
            self._loading = False

    def setReadOnly(self, read_only: bool) -> None:
        self.item3.setReadOnly(read_only)
        self.item3.setButtonSymbols(
            QSpinBox.ButtonSymbols.NoButtons if read_only else QSpinBox.ButtonSymbols.UpDownArrows
        )
        self.noted.setEnabled(not read_only)

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()
