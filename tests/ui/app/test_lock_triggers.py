"""What makes the app lock besides Ctrl+L: idle time (input postpones it), system sleep and
session lock (D-Bus signals on Linux, native messages on Windows, a suspended application
state anywhere). The platform parts are tested through their pure pieces."""

import ctypes
import time

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.app.idle_watch import IdleWatch
from ui.app.system_lock_watch import (
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    SystemLockWatch,
    logind_session_path,
    windows_lock_reason,
)


class Msg(ctypes.Structure):
    _fields_ = (("hwnd", ctypes.c_void_p), ("message", ctypes.c_uint), ("wParam", ctypes.c_size_t))


@pytest.mark.parametrize(
    ("event_type", "message", "wparam", "locks"),
    [
        (b"windows_generic_MSG", WM_POWERBROADCAST, PBT_APMSUSPEND, True),
        (b"windows_generic_MSG", WM_POWERBROADCAST, 0x12, False),  # resume: nothing to do
        (b"windows_generic_MSG", WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, True),
        (b"windows_generic_MSG", WM_WTSSESSION_CHANGE, 0x8, False),  # unlock
        (b"windows_dispatcher_MSG", WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, True),
        (b"xcb_generic_event_t", WM_POWERBROADCAST, PBT_APMSUSPEND, False),
    ],
)
def test_windows_messages(event_type: bytes, message: int, wparam: int, locks: bool) -> None:
    msg = Msg(None, message, wparam)
    reason = windows_lock_reason(event_type, ctypes.addressof(msg))
    assert (reason is not None) is locks


@pytest.mark.parametrize(
    ("session_id", "path"),
    [
        ("2", "/org/freedesktop/login1/session/_32"),
        ("c1", "/org/freedesktop/login1/session/c1"),
        ("12", "/org/freedesktop/login1/session/_312"),
        ("a-b", "/org/freedesktop/login1/session/a_2db"),
    ],
)
def test_logind_session_paths(session_id: str, path: str) -> None:
    assert logind_session_path(session_id) == path


def test_system_signals_request_a_lock(qtbot: QtBot) -> None:
    watch = SystemLockWatch()
    reasons: list[str] = []
    watch.lockRequested.connect(reasons.append)
    watch.onPrepareForSleep(False)  # waking up: no lock
    watch.onScreenSaverActive(False)
    assert reasons == []
    watch.onPrepareForSleep(True)
    watch.onLock()
    watch.onScreenSaverActive(True)
    watch._state_changed(Qt.ApplicationState.ApplicationInactive)  # another window: no lock
    watch._state_changed(Qt.ApplicationState.ApplicationSuspended)
    assert reasons == [
        "the computer is going to sleep",
        "the desktop session was locked",
        "the screen was locked",
        "the system suspended the application",
    ]
    assert "application state" in watch.sources
    watch.shutdown()


def test_idle_watch_fires_after_the_timeout(qtbot: QtBot) -> None:
    watch = IdleWatch(150)
    watch.start()
    started = time.monotonic()
    with qtbot.waitSignal(watch.idle, timeout=3000):
        pass
    assert time.monotonic() - started >= 0.14
    watch.shutdown()


def test_input_postpones_the_lock(qtbot: QtBot) -> None:
    target = QWidget()
    qtbot.addWidget(target)
    target.show()
    watch = IdleWatch(400)
    fired: list[float] = []
    watch.idle.connect(lambda: fired.append(time.monotonic()))
    started = time.monotonic()
    watch.start()
    for _ in range(6):  # keep "moving the mouse" for ~600 ms
        qtbot.wait(100)
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(5, 5),
            QPointF(5, 5),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(target, move)
    assert fired == []
    qtbot.waitUntil(lambda: bool(fired), timeout=3000)
    assert fired[0] - started >= 0.9  # 600 ms of activity + 400 ms of quiet
    watch.shutdown()


def test_stopped_watch_stays_quiet(qtbot: QtBot) -> None:
    watch = IdleWatch(50)
    fired: list[bool] = []
    watch.idle.connect(lambda: fired.append(True))
    watch.start()
    watch.stop()
    qtbot.wait(200)
    assert fired == []
    assert not watch.isActive()
    watch.shutdown()
