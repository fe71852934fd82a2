"""The client's mood today, 0 (worst) to 10 (best), or not rated yet.

A slider cannot show "no answer", so the widget keeps that state itself: until the slider
is touched it reads "Not rated" and the scale is drawn without a handle (a handle parked at
5 would look like a rating); "Clear" goes back to it. A click on the scale sets the value
under the pointer. Values outside 0-10 cannot be entered (the slider's range) and are
refused if set in code.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QWidget,
)

from ipt_desktop.domain.validation import check_int

MOOD_MIN = 0
MOOD_MAX = 10
NOT_RATED = "Not rated"


class MoodScale(QSlider):
    """A horizontal slider that draws no handle while ``rated`` is False."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.rated = False

    def handleShown(self) -> bool:
        return self.rated

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.rated:
            super().paintEvent(event)
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        option.subControls = (
            QStyle.SubControl.SC_SliderGroove | QStyle.SubControl.SC_SliderTickmarks
        )
        # Styles fill the groove up to the value (Fusion): an empty groove, no rating shown.
        option.sliderPosition = option.sliderValue = self.minimum()
        painter = QPainter(self)
        self.style().drawComplexControl(QStyle.ComplexControl.CC_Slider, option, painter, self)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click anywhere on the scale sets the value under the pointer."""
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            self.setValue(self._value_at(int(event.position().x())))
        super().mousePressEvent(event)

    def _value_at(self, x: int) -> int:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        style = self.style()
        groove = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
        )
        handle = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
        )
        start = groove.x()
        span = max(groove.right() - handle.width() + 1 - start, 1)
        offset = min(max(x - handle.width() // 2 - start, 0), span)
        return QStyle.sliderValueFromPosition(self.minimum(), self.maximum(), offset, span)


class MoodSlider(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rated = False
        self._slider = MoodScale(self)
        self._slider.setRange(MOOD_MIN, MOOD_MAX)
        self._slider.setPageStep(1)
        self._slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self._slider.setTickInterval(1)
        self._slider.setValue(5)
        self._slider.setMinimumWidth(120)
        self._slider.setAccessibleName("Mood today, 0 worst to 10 best")
        self._slider.valueChanged.connect(self._moved)
        self._slider.sliderPressed.connect(self._pressed)
        worst = QLabel("0 worst", self)
        best = QLabel("10 best", self)
        self._value = QLabel(NOT_RATED, self)
        self._value.setMinimumWidth(self._value.fontMetrics().horizontalAdvance(NOT_RATED) + 8)
        font = self._value.font()
        font.setBold(True)
        self._value.setFont(font)
        self._clear = QPushButton("Clear", self)
        self._clear.setAccessibleName("Clear mood rating")
        self._clear.clicked.connect(self._cleared)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(worst)
        row.addWidget(self._slider, 1)
        row.addWidget(best)
        row.addSpacing(12)
        row.addWidget(self._value)
        row.addWidget(self._clear)
        self.setFocusProxy(self._slider)
        self._refresh()

    def slider(self) -> MoodScale:
        return self._slider

    def value(self) -> int | None:
        return self._slider.value() if self._rated else None

    def setValue(self, value: int | None) -> None:
        """Set without counting as an edit; ValidationError outside 0-10."""
        if value is not None:
            check_int("mood", value, MOOD_MIN, MOOD_MAX)
        self._rated = value is not None
        self._slider.blockSignals(True)
        self._slider.setValue(5 if value is None else value)
        self._slider.blockSignals(False)
        self._refresh()

    def valueText(self) -> str:
        return self._value.text()

    def setReadOnly(self, read_only: bool) -> None:
        self._slider.setEnabled(not read_only)
        self._clear.setVisible(not read_only)

    def _pressed(self) -> None:
        if not self._rated:
            self._rated = True
            self._refresh()
            self.edited.emit()

    def _moved(self, _value: int) -> None:
        self._rated = True
        self._refresh()
        self.edited.emit()

    def _cleared(self) -> None:
        if self._rated:
            self.setValue(None)
            self.edited.emit()

    def _refresh(self) -> None:
        self._slider.rated = self._rated
        self._slider.update()
        text = f"{self._slider.value()} / {MOOD_MAX}" if self._rated else NOT_RATED
        self._value.setText(text)
        self._slider.setAccessibleDescription(text)
        self._clear.setEnabled(self._rated)
