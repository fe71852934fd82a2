"""Lock when the computer goes to sleep or the desktop session locks, where Qt can tell.

What is detectable, and how (each source is best effort and silent when unavailable):

- Every platform: ``QGuiApplication.applicationStateChanged`` to ``ApplicationSuspended``
  (Qt reports it where the platform suspends apps). Leaving the window (Inactive) or hiding
  it is not treated as leaving the computer; the idle timer covers that.
- Linux and other freedesktop systems, over D-Bus (QtDBus): logind's
  ``PrepareForSleep(true)`` (suspend or hibernate) and ``Lock`` (the session is locked,
  e.g. ``loginctl lock-session``) on the system bus; ``ActiveChanged(true)`` of the
  freedesktop, GNOME, Cinnamon, MATE and KDE screen savers on the session bus. Signals that
  are not there (no logind, no screen saver service, no D-Bus at all) simply never come.
- Windows: ``WM_POWERBROADCAST`` / ``PBT_APMSUSPEND`` (sleep) and
  ``WM_WTSSESSION_CHANGE`` / ``WTS_SESSION_LOCK`` (Win+L, switching user) through a native
  event filter; the window registers for session notifications with
  ``WTSRegisterSessionNotification``.
- macOS: screen lock and sleep arrive as NSWorkspace notifications, which need AppKit
  bindings Qt does not expose; there the idle timer (and Cmd+L-style Ctrl+L) is the guard.

Not detectable anywhere: the lid closing without sleep, someone simply walking away (the
idle timer handles that), a screen turned off by hand.
"""

import ctypes
import os
import sys
from contextlib import suppress
from typing import cast

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QByteArray,
    QCoreApplication,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QGuiApplication

WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x0004
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
NOTIFY_FOR_THIS_SESSION = 0

LOGIND = ("org.freedesktop.login1", "/org/freedesktop/login1")
SCREEN_SAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("org.cinnamon.ScreenSaver", "/org/cinnamon/ScreenSaver", "org.cinnamon.ScreenSaver"),
    ("org.mate.ScreenSaver", "/org/mate/ScreenSaver", "org.mate.ScreenSaver"),
)


def logind_session_path(session_id: str) -> str:
    """logind's object path for a session id (sd_bus_path_encode: "2" -> "session/_32")."""
    encoded = "".join(
        ch
        if (ch.isascii() and ch.isalnum() and not (i == 0 and ch.isdigit()))
        else "".join(f"_{b:02x}" for b in ch.encode("utf-8"))
        for i, ch in enumerate(session_id)
    )
    return f"/org/freedesktop/login1/session/{encoded or '_'}"


def _slot(signature: str) -> bytes:
    """A Qt SLOT() name (code 1 + signature). PySide6 wants the ``str`` that ``SLOT()``
    returns, although its type stubs say bytes (checked against a real session bus)."""
    return cast(bytes, "1" + signature)


class _Msg(ctypes.Structure):
    """The start of a Win32 MSG: window handle, message id, wParam."""

    _fields_ = (
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint),
        ("wParam", ctypes.c_size_t),
    )


def windows_lock_reason(event_type: bytes, message_address: int) -> str | None:
    """Why to lock for this native Windows message, or None (pure: testable anywhere)."""
    if event_type not in (b"windows_generic_MSG", b"windows_dispatcher_MSG") or not message_address:
        return None
    msg = _Msg.from_address(message_address)
    if msg.message == WM_POWERBROADCAST and msg.wParam == PBT_APMSUSPEND:
        return "the computer is going to sleep"
    if msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK:
        return "the Windows session was locked"
    return None


class _WindowsFilter(QAbstractNativeEventFilter):
    def __init__(self, watch: "SystemLockWatch") -> None:
        super().__init__()
        self._watch = watch

    def nativeEventFilter(
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> tuple[bool, int]:
        raw = bytes(event_type.data() if isinstance(event_type, QByteArray) else event_type)
        reason = windows_lock_reason(raw, int(message))
        if reason is not None:
            self._watch.lockRequested.emit(reason)
        return False, 0


class SystemLockWatch(QObject):
    """Emits ``lockRequested(reason)`` when the system sleeps or the session locks."""

    lockRequested = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sources: list[str] = []
        self._native: _WindowsFilter | None = None
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
            self.sources.append("application state")
        if sys.platform == "win32":
            self._install_windows_filter()
        elif sys.platform != "darwin":
            self._connect_dbus()

    # -- every platform -------------------------------------------------------------------
    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lockRequested.emit("the system suspended the application")

    # -- freedesktop (D-Bus) ---------------------------------------------------------------
    def _connect_dbus(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # QtDBus is not part of every build
            return
        system = QDBusConnection.systemBus()
        if system.isConnected():
            service, path = LOGIND
            if system.connect(
                service,
                path,
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                self,
                _slot("onPrepareForSleep(bool)"),
            ):
                self.sources.append("logind sleep")
            # logind emits Lock on the object of the session being locked: ours.
            session_id = os.environ.get("XDG_SESSION_ID", "")
            if session_id and system.connect(
                service,
                logind_session_path(session_id),
                "org.freedesktop.login1.Session",
                "Lock",
                self,
                _slot("onLock()"),
            ):
                self.sources.append("logind session lock")
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path, interface in SCREEN_SAVERS:
                if session.connect(
                    service,
                    path,
                    interface,
                    "ActiveChanged",
                    self,
                    _slot("onScreenSaverActive(bool)"),
                ):
                    self.sources.append(f"screen saver {path}")

    @Slot(bool)
    def onPrepareForSleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.lockRequested.emit("the computer is going to sleep")

    @Slot()
    def onLock(self) -> None:
        self.lockRequested.emit("the desktop session was locked")

    @Slot(bool)
    def onScreenSaverActive(self, active: bool) -> None:
        if active:
            self.lockRequested.emit("the screen was locked")

    # -- Windows -------------------------------------------------------------------------
    def _install_windows_filter(self) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        self._native = _WindowsFilter(self)
        app.installNativeEventFilter(self._native)
        self.sources.append("Windows power and session messages")

    def registerWindow(self, window_id: int) -> None:
        """Ask Windows for session lock messages for this top-level window (no-op elsewhere)."""
        if sys.platform != "win32" or not window_id:
            return
        with suppress(OSError, AttributeError):
            wtsapi = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined,unused-ignore]
            wtsapi.WTSRegisterSessionNotification(
                ctypes.c_void_p(window_id), NOTIFY_FOR_THIS_SESSION
            )

    def shutdown(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._native is not None:
            app.removeNativeEventFilter(self._native)
            self._native = None
