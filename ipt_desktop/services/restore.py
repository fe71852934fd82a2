"""Restore a vault from a backup file without ever losing what was there.

1. Open the backup in full: every chunk authenticated, the database inside checked. Nothing
   is touched before this has succeeded.
2. Take the target vault's process lock (VaultInUseError while it is open anywhere, this
   process included: the GUI closes its vault first).
3. Stage the database in a fresh folder inside the vault folder (same file system, so the
   final rename is atomic) and open it with the ordinary vault code: schema migrations run,
   the same secret unlocks it, a RESTORE entry goes into its audit log, and closing it folds
   its WAL in and removes it.
4. Move the current ``vault.sqlite3``, ``-wal`` and ``-shm`` together into
   ``replaced/before-restore-<time>/`` (a complete copy of the old vault, openable), check
   that no WAL or SHM file is left beside the database, rename the staged database into
   place, fsync.

A crash between the two renames of step 4 leaves no database (never a mix): the old one is
in ``replaced/``, and running the restore again finishes it.
"""

import datetime as dt
import os
import secrets
import shutil
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from ipt_desktop.atomic_file import fsync_dir
from ipt_desktop.vault import rollback_guard
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.errors import VaultDamagedError
from ipt_desktop.vault.files import ProcessLock, VaultFiles
from ipt_desktop.vault.header import VaultHeader
from ipt_desktop.vault.private_files import new_private_file, storage_errors
from ipt_desktop.vault.vault import Vault

from .backup_file import BackupInfo, BackupProgress, BackupStage, open_backup
from .unlock_secret import UnlockSecret, unlock_vault

REPLACED_DIR = "replaced"
_STAGING_PREFIX = "restore-staging-"
_NOT_RESTORED = "nothing was restored and the current vault is unchanged"
_STEPS = 3


@dataclass(frozen=True)
class RestoreResult:
    vault_dir: Path
    kept_aside: Path | None  # where the previous vault files are now (None: there were none)
    backup: BackupInfo  # what the backup's (authenticated) header says
    generation: int  # the restored vault's generation, its RESTORE entry included


def restore_backup(
    backup: Path,
    vault_dir: Path,
    secret: UnlockSecret,
    *,
    progress: BackupProgress | None = None,
) -> RestoreResult:
    """Replace the vault in ``vault_dir`` (or create it) with the content of ``backup``.

    ``secret`` is the passphrase valid when the backup was made, or the recovery key.
    Raises WrongPassphraseError / WrongRecoveryKeyError / BackupDamagedError (nothing
    touched), VaultInUseError, StorageFullError."""
    opened = open_backup(backup, secret, progress)
    step = _stepper(progress)
    files = VaultFiles(Path(vault_dir))
    with storage_errors(_NOT_RESTORED):
        files.root.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = ProcessLock(files.lock)
    lock.acquire()
    staging = files.root / f"{_STAGING_PREFIX}{secrets.token_hex(6)}"
    try:
        for stale in files.root.glob(f"{_STAGING_PREFIX}*"):  # from a restore that was killed
            shutil.rmtree(stale, ignore_errors=True)
        restored_header = _stage(staging, files.root, opened.snapshot, secret, opened.info)
        step(1)
        kept_aside = _swap_in(files, staging / files.db.name)
        step(2)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        lock.release()
    step(3)
    return RestoreResult(files.root, kept_aside, opened.info, restored_header.generation)


def _stepper(progress: BackupProgress | None) -> Callable[[int], None]:
    def step(done: int) -> None:
        if progress is not None:
            progress(BackupStage.RESTORE, done, _STEPS)

    return step


def _stage(
    staging: Path, final: Path, snapshot: bytes, secret: UnlockSecret, info: BackupInfo
) -> VaultHeader:
    staged = VaultFiles(staging)
    with storage_errors(_NOT_RESTORED):
        staging.mkdir(mode=0o700)
        with new_private_file(staged.db) as out:
            out.write(snapshot)
    vault = Vault.open(staging)
    # The staged vault is anchored for the folder it is moved into: a restore is not a
    # rollback on this machine (and a copy restored elsewhere has its own anchor).
    vault.anchor_folder = final
    try:
        unlock_vault(vault, secret)
        vault.record_event(
            AuditEvent.RESTORE,
            detail=f"from a {info.kind.value} backup of generation {info.generation} "
            f"made {info.created_at}",
        )
        header = vault.header
        rollback_guard.register(vault)
    finally:
        vault.close()
    leftovers = [p for p in (staged.wal, staged.shm) if p.exists()]
    if leftovers:
        raise VaultDamagedError(f"The restored database did not close cleanly; {_NOT_RESTORED}.")
    return header


def _swap_in(files: VaultFiles, staged_db: Path) -> Path | None:
    live = [p for p in (files.db, files.wal, files.shm) if p.exists()]
    aside: Path | None = None
    moved: list[tuple[Path, Path]] = []
    try:
        with storage_errors(_NOT_RESTORED):
            if live:
                aside = _aside_folder(files.root)
                for path in live:
                    target = aside / path.name
                    os.replace(path, target)
                    moved.append((path, target))
                fsync_dir(aside)
                fsync_dir(files.root)
            # We hold the lock, so nothing can have recreated them; checked all the same,
            # because a stale WAL beside a restored database would be replayed into it.
            if files.wal.exists() or files.shm.exists():
                raise VaultDamagedError(
                    f"A WAL or SHM file appeared in the vault folder; {_NOT_RESTORED}."
                )
            os.replace(staged_db, files.db)
            fsync_dir(files.root)
    except BaseException:
        if not files.db.exists():
            for original, target in reversed(moved):
                with suppress(OSError):
                    os.replace(target, original)
        raise
    return aside


def _aside_folder(root: Path) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    base = root / REPLACED_DIR / f"before-restore-{stamp}"
    candidate, n = base, 1
    while candidate.exists():
        n += 1
        candidate = base.with_name(f"{base.name}-{n}")
    candidate.mkdir(mode=0o700, parents=True)
    return candidate
