"""Before the window: is there a graphical session? If not, one clear line and exit 2.

Without a display Qt's xcb plugin aborts the process (exit 134) after a misleading hint
about libxcb-cursor0. ``display_missing`` catches the common case before Qt starts (Linux
and the BSDs with neither DISPLAY nor WAYLAND_DISPLAY, and no QT_QPA_PLATFORM chosen);
``creating_app`` catches the rest (a display that cannot be reached, a broken plugin):
Qt's fatal message is turned into the same line and exit 2, not an abort.
"""

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NoReturn

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

NO_DISPLAY_EXIT = 2
HINT = "the commands work without one: ipt-desktop --help"


def _say(reason: str) -> NoReturn:
    print(f"ipt-desktop: the window needs a graphical session ({reason}); {HINT}", file=sys.stderr)
    sys.stderr.flush()
    os._exit(NO_DISPLAY_EXIT)  # from inside Qt's handler: no abort, no traceback


def display_missing() -> bool:
    """True where a display server is needed and none is named in the environment."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def refuse_without_display() -> None:
    """Exit 2 with one line when ``display_missing``."""
    if display_missing():
        _say("no DISPLAY or WAYLAND_DISPLAY is set")


@contextmanager
def creating_app() -> Iterator[None]:
    """Around the QApplication constructor: Qt's fatal start-up message becomes one line and
    exit 2; its other start-up messages are held back and printed only if the start works."""
    held: list[str] = []

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            _say("Qt could not open the display")
        held.append(message)

    previous: Callable[..., object] | None = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
    for message in held:
        print(message, file=sys.stderr)
