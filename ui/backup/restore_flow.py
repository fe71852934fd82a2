"""The order of a restore from the GUI, without widgets (the dialog only shows it).

1. ``check()``: on the backup worker, find the backup (a chosen file, or the newest one in
   the vault's ``backups/`` folder that opens with the secret) and authenticate all of it.
   Nothing is touched; a wrong passphrase or a damaged file ends here (``failed``).
2. The dialog may ask "replace the current vault?" (``verified`` carries what to say).
3. ``proceed()``: on the GUI thread, the caller's own Vault is closed
   (``close_current_vault``: ``restore_backup`` needs the process lock, which an open Vault
   holds even while locked); then, on the worker, ``services.restore.restore_backup``
   checks the backup again, moves the current files aside and puts the restored one in place.
4. Success or failure after step 3, ``reopen(vault_dir)`` is called: the restored vault, or
   the unchanged one (a failed restore changes nothing). From step 3 on, the flow belongs
   to a long-lived owner, so a dialog closed by an auto-lock cannot leave the vault closed.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from ipt_desktop.services.automatic_backups import newest_valid_backup
from ipt_desktop.services.backup_file import (
    BackupDamagedError,
    BackupInfo,
    BackupProgress,
    BackupStage,
    open_backup,
    read_info,
)
from ipt_desktop.services.restore import RestoreResult, restore_backup
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.vault.errors import VaultError
from ui.common.failures import report_unexpected

from .background import job_owner, start_job
from .backup_listing import backups_folder, list_backups

CHECK = "check"
RESTORE = "restore"
_VERIFY_SHARE = 0.7  # of the restore stage: checking the backup again; the rest is the swap
UNEXPECTED = "The restore stopped because of an unexpected problem; the vault was not changed."


class RestoreSource(Enum):
    NEWEST = "newest"  # the newest valid backup in the vault's backups/ folder
    FILE = "file"  # a file the person chose


@dataclass(frozen=True)
class RestoreRequest:
    vault_dir: Path
    source: RestoreSource
    secret: UnlockSecret = field(repr=False)
    backup: Path | None = None  # the chosen file (RestoreSource.FILE)


@dataclass(frozen=True)
class VerifiedBackup:
    path: Path
    info: BackupInfo  # read from a file that has just been authenticated in full


def find_and_verify(request: RestoreRequest, progress: BackupProgress) -> VerifiedBackup:
    """Step 1 (worker thread). Raises the services' errors, or BackupDamagedError."""
    if request.source is RestoreSource.FILE:
        if request.backup is None:
            raise BackupDamagedError("Choose a backup file first.")
        return VerifiedBackup(
            request.backup, open_backup(request.backup, request.secret, progress).info
        )
    folder = backups_folder(request.vault_dir)
    if not list_backups(request.vault_dir):
        raise BackupDamagedError(
            f"There are no backups in {folder}. Choose a backup file saved elsewhere."
        )
    path = newest_valid_backup(request.vault_dir, request.secret, progress)
    if path is None:
        raise BackupDamagedError(
            f"None of the backups in {folder} is complete and undamaged. "
            "Choose a backup file saved elsewhere."
        )
    return VerifiedBackup(path, read_info(path))


class RestoreFlow(QObject):
    """One restore, step by step. Signals arrive on the GUI thread."""

    stageChanged = Signal(str, float)  # CHECK or RESTORE, fraction of that stage done
    verified = Signal(object)  # VerifiedBackup: ask, then proceed() or abandon()
    restored = Signal(object, str)  # RestoreResult, a problem reopening it ("" if none)
    failed = Signal(str, str)  # the stage (CHECK or RESTORE), what went wrong

    def __init__(
        self,
        request: RestoreRequest,
        *,
        close_current_vault: Callable[[], None] | None = None,
        reopen: Callable[[Path], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._request: RestoreRequest | None = request
        self._vault_dir = Path(request.vault_dir)
        self._close_current = close_current_vault
        self._reopen = reopen
        self._closed_current = False
        self._verified: VerifiedBackup | None = None
        self._running = False

    def isRunning(self) -> bool:
        return self._running

    def verifiedBackup(self) -> VerifiedBackup | None:
        return self._verified

    # -- step 1 ---------------------------------------------------------------------------
    def check(self) -> None:
        request = self._request
        if request is None or self._running:
            return
        self._running = True
        self.stageChanged.emit(CHECK, 0.0)
        start_job(
            lambda progress: find_and_verify(request, progress),
            self._checked,
            self._check_failed,
            self._check_progress,
        )

    def _check_progress(self, stage: str, done: int, total: int) -> None:
        if stage == BackupStage.VERIFY.value:
            self.stageChanged.emit(CHECK, done / total if total > 0 else 1.0)

    def _checked(self, verified: Any) -> None:
        assert isinstance(verified, VerifiedBackup)
        self._running = False
        self._verified = verified
        self.stageChanged.emit(CHECK, 1.0)
        self.verified.emit(verified)

    def _check_failed(self, error: BaseException) -> None:
        self._running = False
        self.failed.emit(CHECK, _message(error))

    def abandon(self) -> None:
        """The person stopped after the check: forget the secret, go away."""
        self._request = None
        self.deleteLater()

    # -- steps 3 and 4 ----------------------------------------------------------------------
    def proceed(self) -> None:
        request, verified = self._request, self._verified
        if request is None or verified is None or self._running:
            return
        self.setParent(job_owner())  # from here on, the flow outlives its dialog
        self._running = True
        self.stageChanged.emit(RESTORE, 0.0)
        if self._close_current is not None:
            try:
                self._close_current()
            except Exception as exc:  # the vault could not be closed: nothing was done
                self._finish_failed(f"The current vault could not be closed ({_message(exc)}).")
                return
            self._closed_current = True
        path, vault_dir, secret = verified.path, self._vault_dir, request.secret
        start_job(
            lambda progress: restore_backup(path, vault_dir, secret, progress=progress),
            self._restored,
            self._restore_failed,
            self._restore_progress,
        )

    def _restore_progress(self, stage: str, done: int, total: int) -> None:
        fraction = done / total if total > 0 else 1.0
        if stage == BackupStage.VERIFY.value:
            self.stageChanged.emit(RESTORE, _VERIFY_SHARE * fraction)
        elif stage == BackupStage.RESTORE.value:
            self.stageChanged.emit(RESTORE, _VERIFY_SHARE + (1 - _VERIFY_SHARE) * fraction)

    def _restored(self, result: Any) -> None:
        assert isinstance(result, RestoreResult)
        problem = self._reopen_vault()
        self._done()
        self.restored.emit(result, problem)

    def _restore_failed(self, error: BaseException) -> None:
        self._finish_failed(_message(error))

    def _finish_failed(self, message: str) -> None:
        if self._closed_current:
            problem = self._reopen_vault()
            message += (
                f" The current vault was not changed; reopening it failed: {problem}"
                if problem
                else " The current vault was not changed and is open again."
            )
        self._done()
        self.failed.emit(RESTORE, message)

    def _reopen_vault(self) -> str:
        if self._reopen is None:
            return ""
        try:
            self._reopen(self._vault_dir)
        except Exception as exc:
            return _message(exc)
        return ""

    def _done(self) -> None:
        self._running = False
        self._request = None  # the secret goes with it
        self.deleteLater()


def _message(error: BaseException) -> str:
    if isinstance(error, VaultError):
        return str(error)
    report_unexpected(error)
    return UNEXPECTED
