"""The manifest root, and the copy of it the unlocked vault keeps between writes.

The root in the MACed header is SHA-256 over every (client id, manifest digest) pair in
client id order (``compute_root``). Each write needs the root of the manifests on disk
twice: at its start, to notice a manifest removed or put back outside ipt-desktop
(``manifest.alert_if_changed_outside``), and at its end, for the new header. Reading every
pair each time made a save grow with the practice, so ``RootKeeper`` keeps the pairs of the
manifests on disk in memory, for one writer connection, with that connection's
``PRAGMA data_version``:

- SQLite changes the value a connection reads when ANY other connection committed to the
  file (another process, ``sqlite3`` by hand, another connection of this process, a WAL
  checkpoint); its own commits leave it alone. Read inside BEGIN IMMEDIATE on the same
  connection, an unchanged value proves that the manifests are the ones kept; otherwise
  (or when nothing is kept, or the connection is a new one) they are read again, as
  before: the alert is exactly as it was.
- The manifests a write seals or deletes are noted by an ``after_flush`` listener
  (ORM changes) and a ``do_orm_execute`` listener (a bulk statement on the manifests: then
  the pairs are read again inside the write), and the kept pairs become the new ones only
  once the write committed.

The on-disk definition of the root is unchanged: a fresh ``compute_root`` and the kept root
agree after every write (tests/core/vault/test_manifest_root.py attacks the real file).
"""

import sqlite3
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, sessionmaker
from sqlalchemy.orm import Session as DbSession

from ipt_desktop.store.tables import ManifestRow

from .root_state import EMPTY_ROOT, RootState, root_of, root_part

__all__ = ["EMPTY_ROOT", "RootKeeper", "RootState", "compute_root", "track_manifest_writes"]

#: This write's manifest changes (client id -> new digest, None when deleted).
_CHANGES = "manifest_root_changes"
#: Set when a statement changed the manifests behind the ORM's back (read them again).
_UNKNOWN = "manifest_root_unknown"
#: (what the write found, what it leaves) once ``after_write`` ran.
_WRITTEN = "manifest_root_written"


def read_state(db: DbSession) -> RootState:
    """Every (client id, digest) pair as stored: O(practice)."""
    return RootState.of(_stored_pairs(db))


_PAIRS = "SELECT client_id, digest FROM client_manifests ORDER BY client_id"


def _stored_pairs(db: DbSession) -> list[tuple[str, bytes]]:
    """Every (client id, digest) pair, in this session's transaction (on the driver's
    cursor: a fifth faster than through the ORM's rows). A value of another type, put
    there by hand, is taken as its text: the root then differs, and the alert says so."""
    driver = cast(sqlite3.Connection, db.connection().connection.driver_connection)
    cursor = driver.execute(_PAIRS)
    try:
        return [(_text(client_id), _blob(digest)) for client_id, digest in cursor.fetchall()]
    finally:
        cursor.close()


def _text(value: object) -> str:
    return value if isinstance(value, str) else str(value)


def _blob(value: object) -> bytes:
    return value if isinstance(value, bytes) else str(value).encode("utf-8")


def compute_root(db: DbSession) -> str:
    """SHA-256 over every (client id, manifest digest) pair, in client id order (each id
    length-prefixed; each digest is 32 bytes), read from the file."""
    return root_of(root_part(client_id, digest) for client_id, digest in _stored_pairs(db))


# -- this write's changes -----------------------------------------------------------------
def _note_flush(db: DbSession, _context: Any) -> None:
    changes: dict[str, bytes | None] = db.info.setdefault(_CHANGES, {})
    for obj in (*db.new, *db.dirty):
        if isinstance(obj, ManifestRow):
            changes[obj.client_id] = bytes(obj.digest)
    for obj in db.deleted:
        if isinstance(obj, ManifestRow):
            changes[obj.client_id] = None


def _note_statement(state: ORMExecuteState) -> None:
    if state.is_select:
        return
    if ManifestRow.__tablename__ in str(state.statement):
        state.session.info[_UNKNOWN] = True


def track_manifest_writes(sessions: sessionmaker[DbSession]) -> None:
    """Note every manifest the write sessions change (for ``RootKeeper.after_write``)."""
    event.listen(sessions, "after_flush", _note_flush)
    event.listen(sessions, "do_orm_execute", _note_statement)


# -- the kept state -----------------------------------------------------------------------
@dataclass(frozen=True)
class _Kept:
    connection: object  # the DBAPI connection data_version was read on (held, so never reused)
    data_version: int
    state: RootState


class RootKeeper:
    """The pairs of the manifests on disk, for the writes of one vault while it is
    unlocked. Every method runs under the vault's write lock."""

    def __init__(self) -> None:
        self._kept: _Kept | None = None

    def on_disk(self, db: DbSession) -> RootState:
        """At the start of a write, inside BEGIN IMMEDIATE: the manifests as stored now."""
        connection = db.connection()
        driver = connection.connection.driver_connection
        version = int(connection.exec_driver_sql("PRAGMA data_version").scalar_one())
        kept = self._kept
        if kept is not None and kept.connection is driver and kept.data_version == version:
            return kept.state
        self._kept = None
        state = read_state(db)
        self._kept = _Kept(driver, version, state)
        return state

    @staticmethod
    def after_write(db: DbSession, before: RootState) -> RootState:
        """At the end of a write (its changes flushed): the manifests as it leaves them."""
        changes: dict[str, bytes | None] = db.info.pop(_CHANGES, {})
        after = read_state(db) if db.info.pop(_UNKNOWN, False) else before.changed(changes)
        db.info[_WRITTEN] = (before, after)
        return after

    def committed(self, db: DbSession) -> None:
        """The write ``db`` committed, on the connection it was kept for (whose
        data_version its own commit leaves alone). Nothing stays kept when the write began
        from something else, or changed a manifest that ``after_write`` did not see."""
        kept = self._kept
        written: tuple[RootState, RootState] | None = db.info.pop(_WRITTEN, None)
        late = db.info.pop(_CHANGES, None) or db.info.pop(_UNKNOWN, False)
        if kept is None or late or (written is not None and kept.state is not written[0]):
            self._kept = None
        elif written is not None:
            self._kept = _Kept(kept.connection, kept.data_version, written[1])
        # else: a transaction that changed no manifest (it only looked): still right

    @property
    def kept_root(self) -> str | None:
        """The root kept in memory (None when nothing is kept), for tests and checks."""
        return None if self._kept is None else self._kept.state.root

    def drop(self) -> None:
        self._kept = None
