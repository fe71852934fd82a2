"""The client timeline: a QPainter widget drawing ``ipt_desktop.domain.timeline`` data."""

from .timeline_widget import TimelineWidget

__all__ = ["TimelineWidget"]
