"""Progress through named stages: a row per stage with a painted marker, and one bar.

Each stage has a weight (its share of the bar); ``setStage(key, fraction)`` marks the
stages before it done and moves the bar. Markers differ by shape, not only by colour: a
hollow ring (to do), a filled dot (now), a tick (done), a bar (stopped). Every row's
accessible name says its state in words.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from ui.common.clinical_colours import muted_text
from ui.common.palette import OKABE_ITO

MARKER_SIZE = 14


class StageState(Enum):
    PENDING = "to do"
    CURRENT = "in progress"
    DONE = "done"
    STOPPED = "stopped"


@dataclass(frozen=True)
class Stage:
    key: str
    label: str
    weight: int = 1


def _accent(palette: QPalette) -> QColor:
    dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
    return QColor(OKABE_ITO["sky_blue"] if dark else OKABE_ITO["blue"])


class _Marker(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = StageState.PENDING
        self.setFixedSize(MARKER_SIZE, MARKER_SIZE)

    def sizeHint(self) -> QSize:
        return QSize(MARKER_SIZE, MARKER_SIZE)

    def paintEvent(self, _event: QPaintEvent) -> None:
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(1.5, 1.5, MARKER_SIZE - 3, MARKER_SIZE - 3)
        if self.state is StageState.PENDING:
            painter.setPen(QPen(muted_text(palette), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(box)
        elif self.state is StageState.CURRENT:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_accent(palette))
            painter.drawEllipse(box.adjusted(1.5, 1.5, -1.5, -1.5))
        else:
            done = self.state is StageState.DONE
            fill = QColor(OKABE_ITO["bluish_green"] if done else OKABE_ITO["orange"])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawEllipse(box)
            pen = QPen(QColor("#ffffff"), 1.8)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            c = box.center()
            if done:
                painter.drawPolyline(
                    [
                        QPointF(c.x() - 3, c.y()),
                        QPointF(c.x() - 1, c.y() + 2.5),
                        QPointF(c.x() + 3.2, c.y() - 2.5),
                    ]
                )
            else:
                painter.drawLine(QPointF(c.x() - 3, c.y()), QPointF(c.x() + 3, c.y()))
        painter.end()


class StageProgress(QWidget):
    """The stages of one job and a percentage bar that reaches 100 when it finishes."""

    def __init__(self, stages: Sequence[Stage], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not stages:
            raise ValueError("at least one stage")
        self._stages = list(stages)
        self._total_weight = sum(max(1, s.weight) for s in self._stages)
        self._markers: dict[str, _Marker] = {}
        self._labels: dict[str, QLabel] = {}
        self._states: dict[str, StageState] = {}
        self._fraction = 0.0
        self._current: str | None = None
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        for row, stage in enumerate(self._stages):
            marker = _Marker(self)
            label = QLabel(stage.label, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(marker, row, 0, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, row, 1)
            self._markers[stage.key] = marker
            self._labels[stage.key] = label
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.setValue(0)
        self.bar.setAccessibleName("Progress")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(grid)
        layout.addWidget(self.bar)
        self.reset()

    # -- reading --------------------------------------------------------------------------
    def value(self) -> int:
        return self.bar.value()

    def currentKey(self) -> str | None:
        return self._current

    def stageState(self, key: str) -> StageState:
        return self._states[key]

    def stageText(self, key: str) -> str:
        return self._labels[key].text()

    # -- changing -------------------------------------------------------------------------
    def reset(self) -> None:
        self._current = None
        self._fraction = 0.0
        for stage in self._stages:
            self._set_state(stage.key, StageState.PENDING)
        self.bar.setValue(0)

    def setStage(self, key: str, fraction: float = 0.0) -> None:
        """``key`` is under way, ``fraction`` (0..1) of it done; earlier stages are done.
        Within a stage the bar never moves back (a second file tried from the start)."""
        index = self._index(key)
        fraction = min(1.0, max(0.0, fraction))
        if key != self._current:
            self._fraction = 0.0
        self._fraction = max(self._fraction, fraction)
        self._current = key
        for i, stage in enumerate(self._stages):
            if i < index:
                self._set_state(stage.key, StageState.DONE)
            elif i == index:
                self._set_state(stage.key, StageState.CURRENT)
            else:
                self._set_state(stage.key, StageState.PENDING)
        before = sum(max(1, s.weight) for s in self._stages[:index])
        share = max(1, self._stages[index].weight) * self._fraction
        self.bar.setValue(min(99, int(100 * (before + share) / self._total_weight)))

    def finish(self) -> None:
        for stage in self._stages:
            self._set_state(stage.key, StageState.DONE)
        self._current = None
        self.bar.setValue(100)

    def stop(self) -> None:
        """The job failed in the current stage (or before any): mark it, keep the bar."""
        key = self._current or self._stages[0].key
        self._set_state(key, StageState.STOPPED)

    def setStageLabel(self, key: str, text: str) -> None:
        self._labels[key].setText(text)
        self._set_state(key, self._states[key])

    def _index(self, key: str) -> int:
        for i, stage in enumerate(self._stages):
            if stage.key == key:
                return i
        raise KeyError(key)

    def _set_state(self, key: str, state: StageState) -> None:
        self._states[key] = state
        marker, label = self._markers[key], self._labels[key]
        marker.state = state
        marker.update()
        font = label.font()
        font.setBold(state is StageState.CURRENT)
        label.setFont(font)
        palette = label.palette()
        role = QPalette.ColorRole.WindowText
        base = self.palette().color(role)
        palette.setColor(role, muted_text(self.palette()) if state is StageState.PENDING else base)
        label.setPalette(palette)
        label.setAccessibleName(f"{label.text()}: {state.value}")
