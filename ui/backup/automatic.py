"""Automatic backups for the shell: daily while the vault is open, and before it closes.

The policy is the services' (``automatic_backups``): at most one automatic backup per local
calendar day, into the vault's own ``backups/`` folder, keeping the newest ``keep_count``
(a sealed vault setting, 1 to 365, default 10). This object only decides *when* to ask:

- ``start()``: a timer asks every hour while the app runs (nothing happens when one was
  already made today, or while the vault is locked); ``runIfDue()`` asks now. Both run on
  the backup worker (``background``), so the window never freezes.
- ``runBeforeClose()`` / ``runBeforeLock()``: at close or lock the keys are about to go,
  so the backup must be finished before they do. These wait for a backup already running,
  then make today's if it is still due, on the worker, and wait for it (bounded). Do not
  call them for a lock forced by the system going to sleep: lock at once there.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ipt_desktop.services import automatic_backups
from ipt_desktop.services.backup import BackupResult
from ipt_desktop.services.backup_file import BackupProgress
from ipt_desktop.vault.errors import VaultError, VaultLockedError
from ipt_desktop.vault.vault import Vault

from .background import start_job, wait_for_backup_work
from .backup_text import size_text

CHECK_INTERVAL_MS = 60 * 60 * 1000
CLOSE_TIMEOUT_MS = 120_000
KEEP_RANGE = (automatic_backups.MIN_KEEP, automatic_backups.MAX_KEEP)
VaultProvider = Callable[[], Vault | None]


def made_text(result: BackupResult) -> str:
    return f"Automatic backup saved ({size_text(result.size)})."


#: How long after unlock the first automatic-backup check runs.
FIRST_CHECK_MS = 2 * 60 * 1000


class AutomaticBackups(QObject):
    """Owned by the shell; ``vault_provider`` returns the open vault (or None)."""

    backupMade = Signal(str)  # one line for the status bar
    backupFailed = Signal(str)  # the reason, in the services' words

    def __init__(
        self,
        vault_provider: VaultProvider,
        parent: QObject | None = None,
        *,
        check_interval_ms: int = CHECK_INTERVAL_MS,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault_provider = vault_provider
        self._now = now
        self._running = False
        self.timer = QTimer(self)
        self.timer.setInterval(check_interval_ms)
        self.timer.timeout.connect(self.runIfDue)
        # A first look soon after unlock, so a practice that opens the app for a short
        # morning still gets its daily backup before the hourly timer first fires.
        self.firstCheck = QTimer(self)
        self.firstCheck.setSingleShot(True)
        self.firstCheck.setInterval(min(FIRST_CHECK_MS, check_interval_ms))
        self.firstCheck.timeout.connect(self.runIfDue)

    # -- schedule -------------------------------------------------------------------------
    def start(self) -> None:
        self.timer.start()
        self.firstCheck.start()

    def stop(self) -> None:
        self.timer.stop()
        self.firstCheck.stop()

    def isRunning(self) -> bool:
        return self._running

    def _unlocked_vault(self) -> Vault | None:
        vault = self._vault_provider()
        return vault if vault is not None and vault.is_unlocked else None

    def _moment(self) -> dt.datetime | None:
        return self._now() if self._now is not None else None

    def runIfDue(self) -> bool:
        """Start today's automatic backup if it is due; False when nothing was started."""
        vault = self._unlocked_vault()
        if vault is None or self._running:
            return False
        now = self._moment()

        def work(progress: BackupProgress) -> BackupResult | None:
            return automatic_backups.run_automatic_backup(vault, now=now, progress=progress)

        self._running = True
        start_job(work, self._made, self._failed)
        return True

    def _made(self, result: Any) -> None:
        self._running = False
        if isinstance(result, BackupResult):
            self.backupMade.emit(made_text(result))

    def _failed(self, error: BaseException) -> None:
        self._running = False
        if isinstance(error, VaultLockedError):
            return  # locked half-way: the file (if written) is whole; the next run goes on
        self.backupFailed.emit(
            str(error) if isinstance(error, VaultError) else "The automatic backup failed."
        )

    # -- at close and lock ------------------------------------------------------------------
    def runBeforeClose(self, timeout_ms: int = CLOSE_TIMEOUT_MS) -> str:
        """Finish a running backup, make today's if due, wait for it. Returns a problem to
        tell the person, or "" (also when there was nothing to do)."""
        if not wait_for_backup_work(timeout_ms):
            return "A backup is still being written; it was not waited for."
        vault = self._unlocked_vault()
        if vault is None:
            return ""
        outcome: dict[str, str] = {}
        now = self._moment()

        def work(progress: BackupProgress) -> None:
            try:
                automatic_backups.run_automatic_backup(vault, now=now, progress=progress)
            except VaultError as exc:
                outcome["problem"] = str(exc)
            except Exception as exc:  # reported, never kept from closing
                outcome["problem"] = f"The automatic backup failed ({type(exc).__name__})."

        start_job(work)
        if not wait_for_backup_work(timeout_ms):
            return "The automatic backup is taking too long; it was not waited for."
        return outcome.get("problem", "")

    runBeforeLock = runBeforeClose

    # -- the setting ------------------------------------------------------------------------
    def keepCount(self) -> int:
        """How many automatic backups are kept (the vault's setting; default when locked)."""
        vault = self._unlocked_vault()
        return (
            automatic_backups.DEFAULT_KEEP if vault is None else automatic_backups.keep_count(vault)
        )

    def setKeepCount(self, count: int) -> None:
        """Store the number (ValueError outside KEEP_RANGE; VaultLockedError when locked)."""
        vault = self._unlocked_vault()
        if vault is None:
            raise VaultLockedError("The vault is locked.")
        automatic_backups.set_keep_count(vault, count)
