"""Helpers for the shell's tests (imported by name: this folder is on sys.path)."""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def when_modal(action: Callable[[QWidget], None], timeout_ms: int = 10_000) -> None:
    """When the next modal dialog is up, call ``action`` with it (from the event loop).

    Use before the call that opens the dialog: ``exec()`` blocks until ``action`` closes it.
    """
    deadline = time.monotonic() + timeout_ms / 1000

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and widget.isVisible():
            action(widget)
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def answer_modals(*actions: Callable[[QWidget], None], timeout_ms: int = 30_000) -> list[str]:
    """Answer the next modal dialogs in turn, one action each. Returns a list that fills
    with the class names of the dialogs answered (to assert on afterwards)."""
    answered: list[str] = []
    deadline = time.monotonic() + timeout_ms / 1000
    pending = list(actions)
    last: list[QWidget] = []

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        fresh = widget is not None and widget.isVisible() and (not last or widget is not last[-1])
        if fresh and widget is not None:
            last.append(widget)
            answered.append(type(widget).__name__)
            pending.pop(0)(widget)
        if pending and time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return answered


@contextmanager
def dismissing_modals(interval_ms: int = 20) -> Iterator[None]:
    """While inside, any modal dialog that opens is rejected ("Cancel" / "Stay")."""
    timer = QTimer()
    timer.setInterval(interval_ms)

    def dismiss() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()

    timer.timeout.connect(dismiss)
    timer.start()
    try:
        yield
    finally:
        timer.stop()
