"""The timeline as the workspace shows it: the chart with its visible view buttons.

The shell hands this class to the workspace as its timeline factory; the workspace sees
it only through ``ui.workspace.timeline_slot.TimelineView``.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ipt_desktop.domain.timeline import Timeline

from .timeline_controls import TimelineControls
from .timeline_widget import TimelineWidget


class TimelinePanel(QWidget):
    sessionActivated = Signal(str)  # a session id: the therapist opened that session

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widget = TimelineWidget(self)
        self.controls = TimelineControls(self.widget, self)
        self.widget.sessionActivated.connect(self.sessionActivated)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.controls)
        column.addWidget(self.widget, 1)
        self.setFocusProxy(self.widget)

    def setTimeline(self, timeline: Timeline | None) -> None:
        self.widget.setTimeline(timeline)

    def timeline(self) -> Timeline | None:
        return self.widget.timeline()

    def setContractWindow(self, window: tuple[float, float] | None) -> None:
        """The view of the selected contract, shown when it changes (None: everything)."""
        self.controls.setContractWindow(window)
