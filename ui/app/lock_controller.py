"""Auto-lock: after idle minutes, on demand, and when the system sleeps or the session locks.

Locking never waits on anything the therapist has open. In this order:
0. a backup being written may finish (bounded; not when the system is going to sleep);
1. the workspace saves every open editor as an encrypted draft (``saveDrafts``: never asks);
2. where they were is remembered (client id, tab, session id: nothing clinical);
3. menus close and every dialog is rejected, innermost first;
4. outcomes of background work still running are dropped (nothing decrypted arrives late);
5. widgets and models forget every decrypted value; the vault drops its keys;
6. ``locked`` is emitted: the window shows only the unlock screen.
After ``unlocked()`` the list reloads and the workspace returns to the remembered place,
where it finds its drafts.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog

from ipt_desktop.services.unlock_session import remember_state
from ipt_desktop.vault.vault import Vault
from ui.backup import backup_work_running, wait_for_backup_work
from ui.common.app_settings import AppSettings
from ui.common.failures import report_unexpected
from ui.common.task_runner import TaskRunner

from .idle_watch import IdleWatch
from .system_lock_watch import SystemLockWatch
from .work_area import WorkArea, WorkPlace

_MAX_NESTED = 32
#: A backup being written when the app locks gets this long to finish (it needs the keys
#: for its last step); a lock because the system is going to sleep does not wait.
BACKUP_GRACE_MS = 10_000


def close_dialogs() -> int:
    """Close open menus and reject every visible dialog, innermost first; returns how many."""
    closed = 0
    for _ in range(_MAX_NESTED):
        popup = QApplication.activePopupWidget()
        if popup is None:
            break
        popup.close()
    for _ in range(_MAX_NESTED):
        modal = QApplication.activeModalWidget()
        if modal is None:
            break
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()
        if modal.isVisible():  # a dialog that refuses to be rejected is hidden all the same
            modal.hide()
        closed += 1
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
            if widget.isVisible():
                widget.hide()
            closed += 1
    return closed


class LockController(QObject):
    locked = Signal(str)  # why, for the unlock screen ("after 10 minutes without activity")

    def __init__(
        self,
        vault: Vault,
        runner: TaskRunner,
        work_area: WorkArea,
        settings: AppSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._runner = runner
        self._work_area = work_area
        self._settings = settings
        self._place = WorkPlace()
        self._locking = False
        self.idle = IdleWatch(settings.idleMinutes() * 60_000, self)
        self.idle.idle.connect(self._idle)
        self.system = SystemLockWatch(self)
        self.system.lockRequested.connect(lambda reason: self.lock(reason, urgent=True))

    def applySettings(self) -> None:
        self.idle.setTimeoutMs(self._settings.idleMinutes() * 60_000)

    def setIdleTimeoutMs(self, msecs: int) -> None:
        """Shorter idle time (tests, demonstrations); Settings keeps whole minutes."""
        self.idle.setTimeoutMs(msecs)

    def place(self) -> WorkPlace:
        return self._place

    def isLocked(self) -> bool:
        return not self._vault.is_unlocked

    # -- locking --------------------------------------------------------------------------
    def _idle(self) -> None:
        minutes = self._settings.idleMinutes()
        self.lock(f"Locked after {minutes} minute{'s' if minutes != 1 else ''} without activity.")

    def lockNow(self) -> None:
        self.lock("Locked.")

    def lock(self, reason: str, *, urgent: bool = False, keep_dialogs: bool = False) -> None:
        """Lock now. ``urgent`` (sleep, session lock): not even a running backup is waited
        for. ``keep_dialogs``: the restore dialog asked for the lock and stays open."""
        if self._locking or not self._vault.is_unlocked:
            return
        self._locking = True
        try:
            self.idle.stop()
            if not urgent and backup_work_running():
                wait_for_backup_work(BACKUP_GRACE_MS)
            self._guarded(self._work_area.saveDrafts)
            self._place = self._work_area.place()
            if not keep_dialogs:
                close_dialogs()
            self._runner.cancelAll()
            self._guarded(self._work_area.clearSensitive)
            self._guarded(lambda: remember_state(self._vault))
            self._vault.lock()
        finally:
            self._locking = False
        if not reason.endswith("."):
            reason = f"Locked because {reason}."
        self.locked.emit(reason)

    @staticmethod
    def _guarded(step: Callable[[], object]) -> None:
        """Run one lock step; a failure is reported but never keeps the vault open."""
        try:
            step()
        except Exception as exc:
            report_unexpected(exc)

    # -- unlocking ------------------------------------------------------------------------
    def unlocked(self) -> None:
        """The vault is open again: watch for idleness first (a failure while loading must
        not leave an unlocked vault without auto-lock), reload the list, go back to where
        they were."""
        self.idle.start()
        self._work_area.reload()
        self._work_area.restorePlace(self._place)

    def started(self) -> None:
        """The vault was unlocked at start (first run, demo): begin watching for idleness."""
        self.idle.start()

    def shutdown(self) -> None:
        self.idle.shutdown()
        self.system.shutdown()
