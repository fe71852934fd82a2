"""Start-up timing for the frozen-start benchmark (tests/benchmarks/bench_frozen_start.py).

With ``IPT_DESKTOP_EXIT_WHEN_SHOWN=1`` in the environment, the first top-level window that
paints (the unlock screen, when a vault exists) prints ``SHOWN_MARKER``, its class name and
the CPU seconds the process used so far (``cpu=0.812``: unlike the wall-clock time the
benchmark measures from outside, it hardly changes on a busy machine), and the application
quits right away. Without the variable nothing is installed.
"""

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV_EXIT_WHEN_SHOWN = "IPT_DESKTOP_EXIT_WHEN_SHOWN"
SHOWN_MARKER = "ipt-desktop: first window shown:"


def exit_when_shown_requested() -> bool:
    return os.environ.get(ENV_EXIT_WHEN_SHOWN, "") not in ("", "0")


class _FirstPaint(QObject):
    """Watches every event of the application for the first paint of a window."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.isWindow()
        ):
            self.seen = True
            name = type(watched).__name__
            # After this paint pass (children included) has finished:
            QTimer.singleShot(0, lambda: self._report(name))
        return False

    def _report(self, name: str) -> None:
        print(f"{SHOWN_MARKER} {name} cpu={time.process_time():.3f}", flush=True)
        sys.stdout.flush()
        QCoreApplication.exit(0)


def exit_when_shown(app: QApplication) -> None:
    """Install the probe when the environment asks for it. Called after the first window
    is shown and before the event loop paints it, the probe watches only the visible
    windows (watching every event of the application would slow the start it measures)."""
    if not exit_when_shown_requested():
        return
    probe = _FirstPaint(app)
    watched: list[QObject] = [w for w in app.topLevelWidgets() if w.isVisible()] or [app]
    for target in watched:
        target.installEventFilter(probe)
