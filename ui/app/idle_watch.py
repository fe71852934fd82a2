"""Notice when nobody has touched the app for a while (keyboard, mouse, wheel, touch).

An application-wide event filter records the time of the last input; one single-shot timer
checks it when it could have expired and re-arms itself for the rest, so nothing is
restarted on every mouse move.
"""

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
        QEvent.Type.Shortcut,
    }
)


class IdleWatch(QObject):
    """Emits ``idle`` once after ``timeoutMs`` without input, while started."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout_ms = timeout_ms
        self._last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def timeoutMs(self) -> int:
        return self._timeout_ms

    def setTimeoutMs(self, msecs: int) -> None:
        self._timeout_ms = max(1, msecs)
        if self._timer.isActive():
            self._arm()

    def start(self) -> None:
        self._last_input = time.monotonic()
        self._timer.start(self._timeout_ms)

    def stop(self) -> None:
        self._timer.stop()

    def isActive(self) -> bool:
        return self._timer.isActive()

    def poke(self) -> None:
        """Count as activity (the user did something the filter cannot see)."""
        self._last_input = time.monotonic()

    def remainingMs(self) -> int:
        elapsed = (time.monotonic() - self._last_input) * 1000
        return max(0, int(self._timeout_ms - elapsed))

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def _arm(self) -> None:
        self._timer.start(max(1, self.remainingMs()))

    def _check(self) -> None:
        if self.remainingMs() > 0:
            self._arm()
            return
        self.idle.emit()

    def shutdown(self) -> None:
        """Stop and remove the application event filter."""
        self.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
