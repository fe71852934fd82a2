"""The client timeline: a QPainter widget drawing ``ipt_desktop.domain.timeline`` data,
and the panel (the chart with its view buttons) the workspace shows."""

from .timeline_panel import TimelinePanel
from .timeline_widget import TimelineWidget

__all__ = ["TimelinePanel", "TimelineWidget"]
