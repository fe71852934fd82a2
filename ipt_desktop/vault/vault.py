"""The vault: create, open (process lock), unlock, lock, change passphrase, seal rows.

Key hierarchy (DESIGN.md section 2): passphrase -> Argon2id -> KEK; recovery key -> HKDF ->
KEK; each KEK wraps the random master key; the master key wraps one random key per client
and derives sub-keys (header MAC, drafts, audit, backups, settings) with HKDF. No verifier
is stored: a successful unwrap is the passphrase check.
"""

import datetime as dt
import json
import os
import sqlite3
import stat
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ipt_desktop.crypto import aead, keys
from ipt_desktop.crypto.errors import DecryptionError, KdfParametersError
from ipt_desktop.crypto.kdf import KdfParams, calibrate
from ipt_desktop.crypto.passphrase_policy import assess
from ipt_desktop.store.database import (
    checkpoint,
    make_engine,
    make_read_sessions,
    make_sessions,
)
from ipt_desktop.store.schema_migrations import SchemaTooNewError, upgrade_to_head
from ipt_desktop.store.tables import ClientRow, HeaderRow

from . import audit_log, manifest, rollback_guard
from .audit_log import AuditEvent
from .errors import (
    RecordDamagedError,
    StorageFullError,
    VaultChangedError,
    VaultDamagedError,
    VaultExistsError,
    VaultLockedError,
    VaultMissingError,
    WeakPassphraseError,
)
from .files import ProcessLock, VaultFiles
from .header import VaultHeader
from .keys import (
    VaultKeys,
    check_recovery_key_typing,
    master_from_passphrase,
    master_from_recovery_key,
    wrap_under_new_recovery_key,
    wrap_under_passphrase,
)


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Vault:
    """One open vault directory. Holds the process lock from open() to close()."""

    def __init__(self, files: VaultFiles, lock: ProcessLock, engine: Engine) -> None:
        self.files = files
        self._lock = lock
        self._engine = engine
        self._sessions: sessionmaker[Session] = make_sessions(engine)
        manifest.track_writes(self._sessions)
        #: The folder the rollback anchor is kept for (a restore stages elsewhere).
        self.anchor_folder = files.root
        self._read_sessions: sessionmaker[Session] = make_read_sessions(engine)
        self._keys: VaultKeys | None = None
        self._header: VaultHeader | None = None
        self._closed = False
        # Held from reading the header to storing the new one: two threads writing at once
        # (a background backup, a draft on the GUI thread) would otherwise both build on the
        # same header, and the second commit would look like a tampered vault.
        self._write_lock = threading.RLock()

    # -- life cycle -------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        root: Path,
        passphrase: str,
        *,
        kdf: KdfParams | None = None,
        enforce_policy: bool = True,
    ) -> tuple["Vault", str]:
        """Create and unlock a new vault; returns it and the recovery key text (show once)."""
        files = VaultFiles(Path(root))
        if files.exists():
            raise VaultExistsError(f"A vault already exists in {files.root}.")
        if enforce_policy:
            verdict = assess(passphrase)
            if not verdict.acceptable:
                raise WeakPassphraseError(verdict.message, verdict.suggestions)
        try:
            files.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageFullError(
                f"The vault folder cannot be created ({exc.strerror})."
            ) from None
        params = kdf if kdf is not None else calibrate()
        params.check()
        vault_id = str(uuid.uuid4())
        master = keys.random_key()
        recovery = wrap_under_new_recovery_key(vault_id, master)
        header = VaultHeader(
            vault_id=vault_id,
            created_at=utc_now(),
            kdf=params,
            wrapped_by_passphrase=wrap_under_passphrase(vault_id, passphrase, params, master),
            recovery_salt=recovery.salt,
            wrapped_by_recovery=recovery.wrapped,
            written_at=utc_now(),
            manifest_format=1,
            manifest_root=manifest.EMPTY_ROOT,
        )
        _restrict_permissions(files.root, 0o700)
        vault = cls._open_files(files, create=True)
        _restrict_permissions(files.db, 0o600)
        try:
            vault._keys = VaultKeys(vault_id, master)
            vault._header = header
            with vault._storage_errors(), vault._sessions.begin() as session:
                session.add(HeaderRow(id=1, body=header.encode(), mac=vault._header_mac(header)))
            vault.record_event(AuditEvent.VAULT_CREATED)
        except BaseException:
            vault.close()
            raise
        return vault, recovery.text

    @classmethod
    def open(cls, root: Path) -> "Vault":
        """Take the process lock and bring the schema up to date. The vault stays locked."""
        files = VaultFiles(Path(root))
        if not files.exists():
            raise VaultMissingError(f"There is no vault in {files.root}.")
        return cls._open_files(files, create=False)

    @classmethod
    def _open_files(cls, files: VaultFiles, *, create: bool) -> "Vault":
        lock = ProcessLock(files.lock)
        lock.acquire()
        tighten_modes(files)
        engine = make_engine(files.db)
        try:
            upgrade_to_head(engine)
        except BaseException as exc:
            engine.dispose()
            lock.release()
            # OperationalError subclasses DatabaseError: test it first, so a read-only
            # folder is not reported as a damaged vault.
            if isinstance(exc, OperationalError):
                raise StorageFullError(_storage_message(exc)) from None
            if isinstance(exc, DatabaseError | sqlite3.DatabaseError):
                raise VaultDamagedError(
                    "The vault file is damaged or is not a vault; restore it from a backup."
                ) from None
            if isinstance(exc, SchemaTooNewError):
                raise VaultDamagedError(
                    "This vault was written by a newer version of ipt-desktop; "
                    "update ipt-desktop to open it."
                ) from None
            raise
        return cls(files, lock, engine)

    def close(self) -> None:
        """Lock, fold the WAL into the file, release the process lock. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self.lock()
        # A checkpoint is an optimisation; SQLite recovers the WAL on the next open.
        with suppress(OperationalError, DatabaseError):
            checkpoint(self._engine)
        self._engine.dispose()
        if self._lock.held:
            self._lock.release()

    def __enter__(self) -> "Vault":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- unlocking --------------------------------------------------------------------
    def stored_header(self) -> VaultHeader:
        """The header as stored, range-checked but not yet authenticated (no keys needed)."""
        try:
            with self._sessions() as session:
                row = session.get(HeaderRow, 1)
        except (DatabaseError, sqlite3.DatabaseError):
            raise VaultDamagedError(
                "The vault file is damaged; restore it from a backup."
            ) from None
        if row is None:
            raise VaultDamagedError("The vault header is missing; restore it from a backup.")
        try:
            return VaultHeader.decode(row.body)
        except KdfParametersError as exc:
            raise VaultDamagedError(f"The vault header is not acceptable: {exc}.") from None
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise VaultDamagedError("The vault header is damaged or was altered.") from None

    def unlock(self, passphrase: str) -> None:
        header = self.stored_header()
        self._accept_master(header, master_from_passphrase(header, passphrase))

    def unlock_with_recovery_key(self, text: str) -> None:
        check_recovery_key_typing(text)  # a typo is caught before the header is even read
        header = self.stored_header()
        self._accept_master(header, master_from_recovery_key(header, text))

    def _accept_master(self, header: VaultHeader, master: bytes) -> None:
        candidate = VaultKeys(header.vault_id, master)
        with self._sessions() as session:
            row = session.get(HeaderRow, 1)
        assert row is not None
        if not keys.mac_matches(candidate.header_mac, row.body, row.mac):
            candidate.wipe()
            raise VaultDamagedError(
                "The vault header was altered since it was last written by ipt-desktop."
            )
        self._keys = candidate
        self._header = header
        if header.manifest_format == 0:
            from .manifest_upgrade import seal_first_manifests

            seal_first_manifests(self)

    def lock(self) -> None:
        """Drop the keys. The state this machine saw is remembered first (rollback check)."""
        if self._keys is not None:
            with suppress(OSError):  # a read-only data folder must not stop a lock
                rollback_guard.remember(self)
            self._keys.wipe()
        self._keys = None

    @property
    def is_unlocked(self) -> bool:
        return self._keys is not None

    @property
    def header(self) -> VaultHeader:
        if self._header is None:
            self._header = self.stored_header()
        return self._header

    @property
    def vault_id(self) -> str:
        return self.header.vault_id

    def _require_keys(self) -> VaultKeys:
        if self._keys is None:
            raise VaultLockedError("The vault is locked.")
        return self._keys

    def _header_mac(self, header: VaultHeader) -> bytes:
        return keys.mac(self._require_keys().header_mac, header.encode())

    # -- keys ------------------------------------------------------------------------
    def change_passphrase(
        self, new_passphrase: str, *, kdf: KdfParams | None = None, enforce_policy: bool = True
    ) -> None:
        """Rewrap the master key under a new passphrase; no record is re-encrypted."""
        from .key_rotation import change_passphrase

        change_passphrase(self, new_passphrase, kdf=kdf, enforce_policy=enforce_policy)

    def master_key(self) -> bytes:
        """The raw master key, for the key rotation and the backup writer only (each wraps
        it again at once)."""
        return bytes(self._require_keys().master)

    def keys_for(self, master: bytes) -> VaultKeys:
        return VaultKeys(self.vault_id, master)

    # -- transactions -----------------------------------------------------------------
    @contextmanager
    def transaction(
        self,
        event: AuditEvent | None,
        *object_ids: str,
        detail: str = "",
        header_update: dict[str, Any] | None = None,
        new_keys: VaultKeys | None = None,
    ) -> Iterator[Session]:
        """One write: BEGIN IMMEDIATE, the header re-checked (another writer?), the
        caller's changes, the changed clients' manifests sealed, one audit entry (unless
        ``event`` is None, as for drafts), the header's generation bumped and
        re-authenticated, COMMIT. Any failure rolls all of it back.

        ``new_keys`` (key rotation only): the audit chain is sealed again and the header
        MACed under them, and they replace the current keys once committed."""
        k = self._require_keys()
        after = new_keys or k
        with self._write_lock:
            with self._storage_errors(), self._sessions.begin() as session:
                stored = self._recheck_header(session)
                changes = dict(header_update or {})
                accepting = "manifest_alert" in changes
                if (
                    stored.manifest_format
                    and not (stored.manifest_alert or accepting)
                    and manifest.compute_root(session) != stored.manifest_root
                ):
                    changes["manifest_alert"] = f"noticed at write {stored.generation + 1}"
                yield session
                format_now = changes.get("manifest_format", stored.manifest_format)
                sealed = manifest.seal_changes(self, session)
                if sealed or accepting or format_now != stored.manifest_format:
                    changes["manifest_root"] = manifest.compute_root(session)
                if new_keys is not None:
                    head, count = audit_log.rechain(session, k.audit, after.audit, self.vault_id)
                    changes.update(audit_head=head, audit_count=count)
                header = replace(self.header, **changes).bumped(utc_now())
                if event is not None:
                    seq = header.audit_count + 1
                    head = audit_log.append(
                        session,
                        after.audit,
                        header.vault_id,
                        header.audit_head or audit_log.GENESIS,
                        seq,
                        event,
                        object_ids,
                        detail,
                    )
                    header = replace(header, audit_head=head, audit_count=seq)
                row = session.get(HeaderRow, 1)
                assert row is not None
                row.body = header.encode()
                row.mac = keys.mac(after.header_mac, header.encode())
                session.flush()
            self._header = header
            if new_keys is not None:
                self._keys = new_keys
                k.wipe()

    def _recheck_header(self, session: Session) -> VaultHeader:
        """Inside BEGIN IMMEDIATE: the stored header must be the one this process last
        wrote or read. Otherwise another writer got in (the lock file was deleted, a
        second copy of the app): refuse before anything is written."""
        row = session.get(HeaderRow, 1)
        mine = self.header
        try:
            stored = None if row is None else VaultHeader.decode(row.body)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, KdfParametersError):
            stored = None
        if stored is None or (stored.generation, stored.audit_head) != (
            mine.generation,
            mine.audit_head,
        ):
            raise VaultChangedError(
                "Another program wrote to this vault while it was open here, so this change "
                "was not saved (the vault was not touched). Keep your text, close "
                "ipt-desktop everywhere, open the vault again and save once more."
            )
        return stored

    def record_event(self, event: AuditEvent, *object_ids: str, detail: str = "") -> None:
        """An audit entry for something that changed nothing (unlock, open, export)."""
        with self.transaction(event, *object_ids, detail=detail):
            pass

    @contextmanager
    def reading(self) -> Iterator[Session]:
        self._require_keys()
        with self._storage_errors(), self._read_sessions() as session:
            yield session

    @contextmanager
    def _storage_errors(self) -> Iterator[None]:
        try:
            yield
        except OperationalError as exc:
            raise StorageFullError(_storage_message(exc)) from None
        except DatabaseError:
            raise VaultDamagedError(
                "The vault file is damaged; nothing was changed. Restore it from a backup."
            ) from None

    # -- sealing ----------------------------------------------------------------------
    def client_key(self, session: Session, client_id: str) -> bytes:
        k = self._require_keys()
        cached = k.clients.get(client_id)
        if cached is not None:
            return cached
        row = session.get(ClientRow, client_id)
        if row is None:
            raise KeyError(client_id)
        return self.unwrap_client_key(client_id, row.key_version, row.wrapped_key)

    def unwrap_client_key(self, client_id: str, key_version: int, wrapped: bytes) -> bytes:
        """The client's data key from its row's columns (cached until lock); for callers
        that read the clients table themselves (the client list, the search)."""
        k = self._require_keys()
        cached = k.clients.get(client_id)
        if cached is not None:
            return cached
        key = k.unwrap_client_key(client_id, key_version, wrapped)
        k.clients[client_id] = key
        return key

    def new_client_key(self, client_id: str) -> tuple[bytes, bytes]:
        """A fresh data key for a client, and its wrapped form for the clients table."""
        k = self._require_keys()
        key = keys.random_key()
        wrapped = k.wrap_client_key(client_id, key)
        k.clients[client_id] = key
        return key, wrapped

    def forget_client_key(self, client_id: str) -> None:
        k = self._require_keys()
        key = k.clients.pop(client_id, None)
        if key is not None:
            k.openers.pop(key, None)

    def seal(
        self,
        key: bytes,
        client_id: str,
        table: str,
        row_id: str,
        data: object,
        version: int | None = None,
        episode_id: str = "",
    ) -> bytes:
        """Seal a payload bound to its place (see ``VaultKeys.row_aad``)."""
        plaintext = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        aad = self._require_keys().row_aad(client_id, table, row_id, version, episode_id)
        return aead.seal(key, plaintext, aad)

    def unseal_text(
        self,
        key: bytes,
        client_id: str,
        table: str,
        row_id: str,
        blob: bytes,
        version: int | None = None,
        episode_id: str = "",
    ) -> str:
        """The row's payload as the JSON text ``seal`` wrote (authenticated, not parsed).

        That text is ``json.dumps(..., ensure_ascii=False)``: only quotes, backslashes and
        control characters are escaped; every other character is written as itself.
        """
        k = self._require_keys()
        # A search opens every row of the vault: the cached look-ups are inlined.
        opener = k.openers.get(key) or k.opener(key)
        head = k.aad_heads.get((client_id, table)) or k.aad_head(client_id, table)
        try:
            aad = head + aead.associated_data(row_id) + k.aad_tail
            if version is not None:
                aad += aead.associated_data(version, episode_id)
            return opener.open(blob, aad).decode("utf-8")
        except (DecryptionError, ValueError):
            raise RecordDamagedError(table, row_id) from None

    def unseal(
        self,
        key: bytes,
        client_id: str,
        table: str,
        row_id: str,
        blob: bytes,
        version: int | None = None,
        episode_id: str = "",
    ) -> Any:
        text = self.unseal_text(key, client_id, table, row_id, blob, version, episode_id)
        try:
            return json.loads(text)
        except ValueError:
            raise RecordDamagedError(table, row_id) from None

    def purpose_key(self, purpose: str) -> bytes:
        k = self._require_keys()
        return {
            "settings": k.settings,
            "drafts": k.drafts,
            "audit": k.audit,
            "backup": k.backup,
            "anchor": k.anchor,
        }[purpose]

    def master_key_for_backup(self) -> bytes:
        """The raw master key, for the backup writer only (it wraps it again at once)."""
        return self.master_key()

    @property
    def engine(self) -> Engine:
        return self._engine


def tighten_modes(files: VaultFiles) -> None:
    """Owner-only on POSIX: take group and other permissions off the vault folder, its
    files and its sub-folders (backups, replaced), however they were made (an older
    release, a copy, a restore by hand). The owner's own bits are left as they are."""
    if os.name != "posix":
        return
    with suppress(OSError):
        _drop_group_and_other(files.root)
        for path in files.root.iterdir():
            if path.is_symlink():
                continue
            _drop_group_and_other(path)
            if path.is_dir():
                for inner in path.iterdir():
                    if not inner.is_symlink():
                        _drop_group_and_other(inner)


def _drop_group_and_other(path: Path) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        os.chmod(path, mode & 0o700)


def _restrict_permissions(path: Path, mode: int) -> None:
    """Owner-only access on POSIX (Windows user profiles are already per-user)."""
    if os.name == "posix":
        os.chmod(path, mode)


def _storage_message(exc: OperationalError) -> str:
    text = str(exc.orig) if exc.orig is not None else ""
    if "full" in text:
        return "The disk is full: the change was not saved. Free some space and save again."
    if "readonly" in text or "read-only" in text:
        return "The vault folder is read-only: the change was not saved."
    if "locked" in text:
        return "The vault is busy; try again in a moment."
    return "The vault could not be written; the change was not saved."
