"""The buttons above the timeline: what the mouse wheel and +/-/0 do, made visible.

"This contract" fits the view to the selected contract (the default), "Everything" shows
the whole record (every life event); zoom in and out, and move earlier or later.
"""

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QWidget

from .timeline_widget import TimelineWidget

ZOOM_STEP = 0.7
PAN_SHARE = 0.25  # of the plot's width, per click


class TimelineControls(QWidget):
    def __init__(self, timeline: TimelineWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timeline = timeline
        self._contract_window: tuple[float, float] | None = None
        self.fit_button = QPushButton("This contract", self)
        self.fit_button.setToolTip("Fit the chart to the selected contract")
        self.fit_button.clicked.connect(self.fitContract)
        self.all_button = QPushButton("Everything", self)
        self.all_button.setToolTip("Show the whole record, with every life event (0)")
        self.all_button.clicked.connect(timeline.resetZoom)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.fit_button)
        row.addWidget(self.all_button)
        row.addSpacing(12)
        self.buttons: dict[str, QToolButton] = {}
        for key, text, tip in (
            ("out", "\u2212", "Zoom out (-)"),
            ("in", "+", "Zoom in (+)"),
            ("earlier", "\u25c0", "Earlier (drag the chart, or Left)"),
            ("later", "\u25b6", "Later (drag the chart, or Right)"),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip.split(" (")[0])
            button.setAutoRepeat(key in ("earlier", "later"))
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.buttons["in"].clicked.connect(lambda: timeline.zoomBy(ZOOM_STEP))
        self.buttons["out"].clicked.connect(lambda: timeline.zoomBy(1 / ZOOM_STEP))
        self.buttons["earlier"].clicked.connect(lambda: self._pan(1))
        self.buttons["later"].clicked.connect(lambda: self._pan(-1))

    def setContractWindow(self, window: tuple[float, float] | None) -> None:
        """The view of the selected contract, shown when it changes (None: everything); an
        unchanged contract keeps the therapist's zoom."""
        if window == self._contract_window and self.fit_button.isEnabled() == (window is not None):
            return
        self._contract_window = window
        self.fit_button.setEnabled(window is not None)
        self.fitContract()

    def fitContract(self) -> None:
        if self._contract_window is None:
            self._timeline.resetZoom()
        else:
            self._timeline.setViewWindow(*self._contract_window)

    def _pan(self, direction: int) -> None:
        self._timeline.panBy(direction * PAN_SHARE * max(self._timeline.width() - 80, 1))
