"""One backup file: what its header says, how it is written safely and opened in full.

The container is ipt_desktop.crypto.backup_stream; its metadata is the JSON below. It holds
an exact copy of the vault header as it was in the snapshot (KDF parameters, the master key
wrapped by the passphrase and by the recovery key, generation, audit head), so the backup
opens on a new machine with the passphrase valid when it was made, or the recovery key.
The chunks are sealed under HKDF(backup sub-key of the master key, random per-file salt).

Writing goes to a temp file beside the destination, is fsynced, read back and checked, and
only then renamed over the destination (and the folder fsynced): a crash or a failed check
never displaces the previous file at that path.
"""

import hashlib
import json
import os
import re
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from ipt_desktop.atomic_file import fsync_dir
from ipt_desktop.crypto import keys
from ipt_desktop.crypto.backup_stream import (
    DEFAULT_CHUNK_SIZE,
    BackupFormatError,
    read_header,
    read_stream,
    write_stream,
)
from ipt_desktop.crypto.errors import DecryptionError, KdfParametersError
from ipt_desktop.vault.errors import VaultError
from ipt_desktop.vault.header import VaultHeader
from ipt_desktop.vault.keys import backup_key, header_mac_key
from ipt_desktop.vault.private_files import new_private_file, storage_errors

from .unlock_secret import UnlockSecret, unwrap_backup_master

META_FORMAT = "ipt-desktop-backup/1"
SUFFIX = ".iptbackup"
PARTIAL_SUFFIX = ".partial"
_PARTIAL_NAME = re.compile(r"^\..+\.[0-9a-f]{12}" + re.escape(PARTIAL_SUFFIX) + "$")
_NOT_WRITTEN = "the backup was not written and nothing was replaced"


class BackupDamagedError(VaultError):
    """A backup file is damaged, cut short, altered, or not a backup at all."""


class BackupKind(StrEnum):
    MANUAL = "manual"
    AUTOMATIC = "automatic"


class BackupStage(StrEnum):
    SNAPSHOT = "snapshot"  # copying the database (reported as 0/1, then 1/1)
    WRITE = "write"  # encrypting chunks into the file
    VERIFY = "verify"  # reading a backup back (after writing, or before restoring)
    RESTORE = "restore"  # putting the restored vault in place


#: ``progress(stage, done, total)``; bytes for WRITE and VERIFY. Called on the worker thread.
BackupProgress = Callable[[BackupStage, int, int], None]


@dataclass(frozen=True)
class BackupInfo:
    """What a backup's header says: readable without a key, authenticated once opened."""

    created_at: str  # ISO timestamp, UTC
    kind: BackupKind
    app_version: str
    vault_header_body: bytes  # the vault header exactly as it was in the snapshot
    snapshot_bytes: int
    snapshot_sha256: str
    vault_header: VaultHeader = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "vault_header", VaultHeader.decode(self.vault_header_body))

    @property
    def vault_id(self) -> str:
        return self.vault_header.vault_id

    @property
    def generation(self) -> int:
        return self.vault_header.generation

    @property
    def vault_written_at(self) -> str:
        """When the vault was last written before this backup's snapshot."""
        return self.vault_header.written_at

    def encode(self) -> bytes:
        body = {
            "format": META_FORMAT,
            "created_at": self.created_at,
            "kind": self.kind.value,
            "app_version": self.app_version,
            "vault_header": self.vault_header_body.decode("ascii"),
            "snapshot": {"bytes": self.snapshot_bytes, "sha256": self.snapshot_sha256},
        }
        return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")

    @classmethod
    def decode(cls, raw: bytes) -> "BackupInfo":
        try:
            body: Any = json.loads(raw.decode("ascii"))
            if not isinstance(body, dict) or body.get("format") != META_FORMAT:
                raise ValueError("unknown metadata format")
            snapshot = body["snapshot"]
            size, digest = snapshot["bytes"], snapshot["sha256"]
            if not isinstance(size, int) or isinstance(size, bool) or size < 0:
                raise ValueError("bad snapshot size")
            if not isinstance(digest, str) or len(bytes.fromhex(digest)) != 32:
                raise ValueError("bad snapshot digest")
            return cls(
                created_at=str(body["created_at"]),
                kind=BackupKind(body["kind"]),
                app_version=str(body["app_version"]),
                vault_header_body=str(body["vault_header"]).encode("ascii"),
                snapshot_bytes=size,
                snapshot_sha256=digest,
            )
        except KdfParametersError as exc:
            raise BackupDamagedError(f"The backup header is not acceptable: {exc}.") from None
        except (ValueError, KeyError, TypeError, UnicodeError):
            raise BackupDamagedError("The backup header is damaged or was altered.") from None


@dataclass(frozen=True)
class OpenedBackup:
    """A backup whose every byte authenticated and whose database passed its checks."""

    info: BackupInfo
    snapshot: bytes = field(repr=False)


def _report(progress: BackupProgress | None, stage: BackupStage) -> Callable[[int, int], None]:
    def forward(done: int, total: int) -> None:
        if progress is not None:
            progress(stage, done, total)

    return forward


# -- the database image inside ------------------------------------------------------------
def snapshot_header(snapshot: bytes) -> tuple[bytes, bytes]:
    """(header body, header MAC) of a database image after SQLite's integrity check.

    Raises ValueError naming the first problem (structure only, never content)."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(snapshot)
        problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise ValueError(f"its database fails SQLite's integrity check ({problems[0]})")
        row = conn.execute("SELECT body, mac FROM vault_header WHERE id = 1").fetchone()
    except sqlite3.Error as exc:
        raise ValueError(f"its database cannot be read ({exc})") from None
    finally:
        conn.close()
    if row is None:
        raise ValueError("its database has no vault header")
    return bytes(row[0]), bytes(row[1])


def _check_snapshot(snapshot: bytes, info: BackupInfo, master: bytes) -> None:
    if len(snapshot) != info.snapshot_bytes or (
        hashlib.sha256(snapshot).hexdigest() != info.snapshot_sha256
    ):
        raise BackupDamagedError("The backup's content does not match its header.")
    try:
        body, mac = snapshot_header(snapshot)
    except ValueError as exc:
        raise BackupDamagedError(f"The backup is not usable: {exc}.") from None
    header_key = header_mac_key(master, info.vault_id)  # the vault's own header MAC key
    if body != info.vault_header_body or not keys.mac_matches(header_key, body, mac):
        raise BackupDamagedError("The vault header inside the backup does not authenticate.")


# -- reading ----------------------------------------------------------------------------
def read_info(path: Path) -> BackupInfo:
    """The header of a backup, without any key (not yet authenticated: for listings)."""
    with _opened(path) as source:
        try:
            return BackupInfo.decode(read_header(source).meta)
        except BackupFormatError as exc:
            raise BackupDamagedError(f"The backup file is not usable: {exc}.") from None


def open_backup(
    path: Path, secret: UnlockSecret, progress: BackupProgress | None = None
) -> OpenedBackup:
    """Authenticate every byte of a backup and check the database inside it.

    WrongPassphraseError / WrongRecoveryKeyError when the secret does not open it,
    BackupDamagedError for anything wrong with the file. Nothing is written anywhere."""
    with _opened(path) as source:
        size = os.fstat(source.fileno()).st_size
        try:
            header = read_header(source)
        except BackupFormatError as exc:
            raise BackupDamagedError(f"The backup file is not usable: {exc}.") from None
        info = BackupInfo.decode(header.meta)
        master = unwrap_backup_master(info.vault_header, secret)
        chunk_key = backup_key(master, info.vault_id)  # = vault.purpose_key("backup")
        try:
            snapshot = read_stream(
                source,
                header,
                chunk_key,
                total_bytes=size,
                progress=_report(progress, BackupStage.VERIFY),
            )
        except (DecryptionError, BackupFormatError) as exc:
            raise BackupDamagedError(f"The backup is damaged or was altered: {exc}.") from None
        except OSError as exc:
            raise BackupDamagedError(f"The backup file cannot be read ({exc.strerror}).") from None
    _check_snapshot(snapshot, info, master)
    return OpenedBackup(info, snapshot)


@contextmanager
def _opened(path: Path) -> Iterator[Any]:
    try:
        source = open(path, "rb")  # noqa: SIM115 - closed below, errors mapped
    except FileNotFoundError:
        raise BackupDamagedError("The backup file does not exist.") from None
    except IsADirectoryError:
        raise BackupDamagedError("That is a folder, not a backup file.") from None
    except OSError as exc:
        raise BackupDamagedError(f"The backup file cannot be read ({exc.strerror}).") from None
    with source:
        yield source


# -- writing ----------------------------------------------------------------------------
def write_backup_file(
    dest: Path,
    info: BackupInfo,
    snapshot: bytes,
    chunk_key: bytes,
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: BackupProgress | None = None,
) -> None:
    """Write, fsync, read back, rename into place, fsync the folder. On any failure the
    temp file is removed and whatever was at ``dest`` before is untouched."""
    folder = dest.parent
    remove_stale_partials(dest)
    temp = folder / f".{dest.name}.{secrets.token_hex(6)}{PARTIAL_SUFFIX}"
    try:
        with storage_errors(_NOT_WRITTEN), new_private_file(temp) as out:
            write_stream(
                out,
                chunk_key,
                info.encode(),
                snapshot,
                chunk_size=chunk_size,
                progress=_report(progress, BackupStage.WRITE),
            )
        _read_back(temp, info, chunk_key, progress)
        with storage_errors(_NOT_WRITTEN):
            os.replace(temp, dest)
            fsync_dir(folder)
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise


def _read_back(
    temp: Path, info: BackupInfo, chunk_key: bytes, progress: BackupProgress | None
) -> None:
    with _opened(temp) as source:
        size = os.fstat(source.fileno()).st_size
        try:
            header = read_header(source)
            if header.meta != info.encode():
                raise BackupFormatError("the header read back differs from the one written")
            snapshot = read_stream(
                source,
                header,
                chunk_key,
                total_bytes=size,
                progress=_report(progress, BackupStage.VERIFY),
            )
        except (DecryptionError, BackupFormatError) as exc:
            raise BackupDamagedError(
                f"The backup did not read back correctly ({exc}); it was not kept."
            ) from None
    if hashlib.sha256(snapshot).hexdigest() != info.snapshot_sha256:
        raise BackupDamagedError("The backup did not read back correctly; it was not kept.")


def remove_stale_partials(dest: Path) -> None:
    """Temp files left beside ``dest`` by a writer that was killed (best effort)."""
    _remove_partials(dest.parent, f".{dest.name}.*{PARTIAL_SUFFIX}")


def remove_partials_in(folder: Path) -> None:
    """Every temp file a killed backup writer left in ``folder`` (best effort)."""
    _remove_partials(folder, f".*{PARTIAL_SUFFIX}")


def _remove_partials(folder: Path, pattern: str) -> None:
    with suppress(OSError):
        for leftover in folder.glob(pattern):
            if _PARTIAL_NAME.match(leftover.name):
                with suppress(OSError):
                    leftover.unlink()
