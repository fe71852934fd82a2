"""The place in the workspace where the client's timeline is drawn.

The workspace does not import ``ui.timeline`` (features stay independent): the shell hands
it a factory that makes the timeline widget, and the overview sees that widget only through
``TimelineView``.
"""

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from ipt_desktop.domain.timeline import Timeline


class TimelineView(Protocol):
    sessionActivated: SignalInstance  # a session id: the therapist opened that session

    def setTimeline(self, timeline: Timeline | None) -> None: ...
    def timeline(self) -> Timeline | None: ...
    def setContractWindow(self, window: tuple[float, float] | None) -> None:
        """The view of the selected contract (fractions of the axis), shown when it changes;
        None: the whole record."""


#: Makes the timeline widget (a ``QWidget`` that is also a ``TimelineView``) for a parent.
TimelineFactory = Callable[[QWidget], QWidget]
