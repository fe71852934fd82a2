"""The vault: create, open (process lock), unlock, lock, change passphrase, seal rows.

Key hierarchy (DESIGN.md section 2): passphrase -> Argon2id -> KEK; recovery key -> HKDF ->
KEK; each KEK wraps the random master key; the master key wraps one random key per client
and derives sub-keys (header MAC, drafts, audit, backups, settings) with HKDF. No verifier
is stored: a successful unwrap is the passphrase check.
"""

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ipt_desktop.crypto import keys
from ipt_desktop.crypto.errors import KdfParametersError
from ipt_desktop.crypto.kdf import KdfParams
from ipt_desktop.store.database import (
    checkpoint,
    make_engine,
    make_read_sessions,
    make_sessions,
)
from ipt_desktop.store.schema_migrations import SchemaTooNewError, upgrade_to_head
from ipt_desktop.store.tables import ClientRow, HeaderRow

from . import audit_log, manifest, manifest_root, rollback_guard
from .audit_log import AuditEvent
from .creation import new_vault_header
from .errors import (
    RecordDamagedError,
    StorageFullError,
    VaultDamagedError,
    VaultError,
    VaultLockedError,
    VaultMissingError,
    storage_message,
)
from .file_modes import restrict_permissions, tighten_modes
from .files import ProcessLock, VaultFiles
from .header import VaultHeader, check_same_writer
from .keys import (
    VaultKeys,
    check_recovery_key_typing,
    checked_kdf_params,
    master_from_passphrase,
    master_from_recovery_key,
    wrap_under_passphrase,
)
from .manifest_upgrade import seal_first_manifests
from .writer import VaultWriter


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
        manifest_root.track_manifest_writes(self._sessions)
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
        # Every write of the unlocked vault goes through one connection, so the manifest
        # root can be kept in memory between writes (writer.py, manifest_root.py).
        self._writer = VaultWriter(engine, self._sessions)

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
        header, master, recovery = new_vault_header(files, passphrase, kdf, enforce_policy)
        vault_id = header.vault_id
        restrict_permissions(files.root, 0o700)
        vault = cls._open_files(files, create=True)
        restrict_permissions(files.db, 0o600)
        try:
            vault._keys = VaultKeys(vault_id, master)
            vault._header = header
            with vault._storage_errors(), vault._sessions.begin() as session:
                session.add(HeaderRow(id=1, body=header.encode(), mac=vault._header_mac(header)))
            vault.record_event(AuditEvent.VAULT_CREATED)
        except BaseException:
            vault.close()
            raise
        return vault, recovery

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
            seal_first_manifests(self)

    def lock(self, *, remember: bool = True) -> None:
        """Drop the keys. The state this machine saw is remembered first (rollback check),
        unless ``remember`` is False (an unlock refused because the file is damaged writes
        nothing). A write under way on another thread ends first; the writer connection
        and the manifest root kept for it are let go."""
        with self._write_lock:
            if self._keys is not None and remember:
                # Nothing may stop a lock: not a read-only data folder, not a damaged file.
                with suppress(OSError, VaultError, DatabaseError, sqlite3.DatabaseError):
                    rollback_guard.remember(self)
            if self._keys is not None:
                self._keys.wipe()
            self._keys = None
            self._writer.release()

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
        params = checked_kdf_params(new_passphrase, kdf, enforce_policy)
        wrapped = wrap_under_passphrase(self.vault_id, new_passphrase, params, self.master_key())
        with self.transaction(
            AuditEvent.PASSPHRASE_CHANGED,
            header_update={"kdf": params, "wrapped_by_passphrase": wrapped},
        ):
            pass

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
            with self._storage_errors(), self._writer.transaction() as session:
                stored = self._recheck_header(session)
                before = self._writer.roots.on_disk(session)
                changes = manifest.alert_if_changed_outside(before.root, stored, header_update)
                yield session
                manifest.seal_and_root(self, session, stored, changes, before)
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

    def checkpoint(self) -> bool:
        """Fold the WAL into the file and truncate it (after a crypto-shred: no old page
        survives in ``-wal``). On the writer connection, inside the write lock: a
        checkpoint on any other connection would make the next write read every manifest
        again. True when it completed (a reader still in the WAL can hold it back)."""
        with self._write_lock, self._storage_errors():
            return self._writer.checkpoint()

    def kept_manifest_root(self) -> str | None:
        """The manifest root kept in memory for the writes (None: nothing kept yet)."""
        return self._writer.roots.kept_root

    def _recheck_header(self, session: Session) -> VaultHeader:
        """Inside BEGIN IMMEDIATE: refuse when another writer got in (see header.py)."""
        row = session.get(HeaderRow, 1)
        return check_same_writer(None if row is None else row.body, self.header)

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
        """The client's data key (cached until lock); KeyError when there is no client."""
        cached = self._require_keys().clients.get(client_id)
        if cached is not None:
            return cached
        row = session.get(ClientRow, client_id)
        if row is None:
            raise KeyError(client_id)
        return self.unwrap_client_key(client_id, row.key_version, row.wrapped_key)

    def unwrap_client_key(self, client_id: str, key_version: int, wrapped: bytes) -> bytes:
        """The client's data key from its row's columns (cached until lock); for callers
        that read the clients table themselves (the client list, the search)."""
        return self._require_keys().client_key(client_id, key_version, wrapped)

    def new_client_key(self, client_id: str) -> tuple[bytes, bytes]:
        """A fresh data key for a client, and its wrapped form for the clients table."""
        return self._require_keys().new_client_key(client_id)

    def forget_client_key(self, client_id: str) -> None:
        self._require_keys().forget_client(client_id)

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
        k = self._require_keys()
        return k.seal_row(key, client_id, table, row_id, data, version, episode_id)

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
        """The row's payload as the JSON text ``seal`` wrote (authenticated, not parsed);
        RecordDamagedError(table, row_id) when it does not open."""
        k = self._require_keys()
        return k.open_row_text(key, client_id, table, row_id, blob, version, episode_id)

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


def _storage_message(exc: OperationalError) -> str:
    return storage_message(str(exc.orig) if exc.orig is not None else "")
