"""Make a backup of an unlocked vault: a consistent snapshot, encrypted into one file.

The snapshot comes from SQLite's online backup API into an in-memory database (never a
copy of the files, which could catch the database between a write and its WAL), is checked
with SQLite's integrity check, and is written by backup_file (atomic, read back). Qt-free:
the GUI runs ``write_backup`` on a worker thread and shows ``progress``.
"""

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from ipt_desktop import __version__
from ipt_desktop.crypto.backup_stream import DEFAULT_CHUNK_SIZE
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.errors import VaultDamagedError, VaultError
from ipt_desktop.vault.vault import Vault, utc_now

from . import practice_memory
from .backup_file import (
    BackupInfo,
    BackupKind,
    BackupProgress,
    BackupStage,
    snapshot_header,
    write_backup_file,
)

# Bytes 18 and 19 of a SQLite file: 2 = WAL, 1 = rollback journal. An in-memory image
# cannot be opened in WAL mode; the vault switches the restored file back to WAL on open.
_FILE_FORMAT_BYTES = (18, 19)
_LEGACY_JOURNAL = 1


@dataclass(frozen=True)
class BackupResult:
    path: Path
    info: BackupInfo
    size: int  # bytes on disk


def take_snapshot(vault: Vault) -> bytes:
    """A consistent image of the whole database, taken while the vault stays usable."""
    target = sqlite3.connect(":memory:")
    try:
        with vault.engine.connect() as conn:
            source = cast(sqlite3.Connection, conn.connection.driver_connection)
            source.backup(target)  # all pages in one step: one read transaction, consistent
        image = bytearray(target.serialize())
    except sqlite3.Error:
        raise VaultDamagedError(
            "The vault file could not be read for the backup; no backup was written."
        ) from None
    finally:
        target.close()
    for at in _FILE_FORMAT_BYTES:
        image[at] = _LEGACY_JOURNAL
    return bytes(image)


def write_backup(
    vault: Vault,
    dest: Path,
    *,
    kind: BackupKind = BackupKind.MANUAL,
    progress: BackupProgress | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> BackupResult:
    """Back up the unlocked ``vault`` to ``dest`` and record a BACKUP audit entry.

    VaultLockedError if locked; VaultDamagedError (and nothing written) if the live
    database fails its integrity check; StorageFullError when the destination cannot be
    written; BackupDamagedError if the file does not read back. In every failure case the
    file that was at ``dest`` before (if any) is untouched."""
    backup_key = vault.purpose_key("backup")
    own = {
        p.resolve() for p in (vault.files.db, vault.files.wal, vault.files.shm, vault.files.lock)
    }
    if Path(dest).resolve() in own:
        raise VaultError(
            "A backup cannot be written over the vault's own files; choose another name."
        )
    if progress is not None:
        progress(BackupStage.SNAPSHOT, 0, 1)
    snapshot = take_snapshot(vault)
    try:
        header_body, _mac = snapshot_header(snapshot)
    except ValueError as exc:
        raise VaultDamagedError(
            f"The vault file is damaged ({exc}); no backup was written and the existing "
            "backups were kept. Restore from the newest valid backup."
        ) from None
    info = BackupInfo(
        created_at=utc_now(),
        kind=kind,
        app_version=__version__,
        vault_header_body=header_body,
        snapshot_bytes=len(snapshot),
        snapshot_sha256=hashlib.sha256(snapshot).hexdigest(),
    )
    if progress is not None:
        progress(BackupStage.SNAPSHOT, 1, 1)
    write_backup_file(dest, info, snapshot, backup_key, chunk_size=chunk_size, progress=progress)
    # No path in the entry: a file name chosen by the user could name a client.
    with practice_memory.tracked(vault):
        vault.record_event(
            AuditEvent.BACKUP, detail=f"{kind.value} backup of generation {info.generation}"
        )
    return BackupResult(dest, info, dest.stat().st_size)
