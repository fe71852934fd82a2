"""Sealed manifests: which rows each client has, at which version, under which episode.

One manifest per client, sealed under the client's key, lists every row of the client:
``"table/row id" -> (version, payload digest, owning episode)`` (the client's own payload
and its sealed summary included). Every write transaction keeps it current: an
``after_flush`` listener notes each row the ORM inserted, changed or deleted, and
``seal_changes`` (called by ``Vault.transaction`` just before the header is written) seals
the new manifests, and ``seal_and_root`` puts the new root in the MACed header: SHA-256
over every (client id, manifest digest) pair, kept in memory between writes
(manifest_root.py). Readers compare what they read with the manifest, so a
row deleted, put back from an older write, moved to another episode or client, or added
by hand is named instead of shown.

The manifest of a client is updated from the stored one plus this transaction's changes,
never rebuilt from the rows: a row altered outside the app stays a mismatch after the
next save of that client.
"""

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker

from ipt_desktop.store.tables import (
    CLIENT_CHILD_TABLES,
    ClientChildRow,
    ClientRow,
    ManifestRow,
    SessionRow,
)

from .errors import RecordDamagedError, VaultError
from .header import VaultHeader
from .manifest_root import EMPTY_ROOT as EMPTY_ROOT
from .manifest_root import RootKeeper, RootState
from .manifest_root import compute_root as compute_root
from .vault_parts import RowSealer

MANIFEST_TABLE = "client_manifests"
#: The table name the sealed summary is bound to (it lives in a column of ``clients``).
SUMMARY_TABLE = "client_summaries"
Entry = tuple[int, str, str]  # (version, payload digest, owning episode id or "")
_CHANGES = "manifest_changes"
_LOADED = "manifests_loaded"


def blob_digest(blob: bytes) -> str:
    return hashlib.sha256(blob).hexdigest()[:32]


def entry_key(table: str, row_id: str) -> str:
    return f"{table}/{row_id}"


def plain_entry(version: int, blob: bytes) -> Entry:
    """The entry of a client's own payload or of its summary (no episode)."""
    return (version, blob_digest(blob), "")


def child_entry(row_type: type[ClientChildRow], version: int, blob: bytes, episode: str) -> Entry:
    return (version, blob_digest(blob), episode if row_type is SessionRow else "")


@dataclass(frozen=True)
class ManifestProblem:
    kind: str  # missing | extra | older | altered | moved
    table: str
    row_id: str

    def describe(self) -> str:
        what = {
            "missing": "is listed in the manifest but missing from the vault",
            "extra": "is in the vault but not in the manifest (added outside ipt-desktop)",
            "older": "is an older version than the manifest lists (put back from a copy)",
            "altered": "does not match the manifest (altered or replaced)",
            "moved": "was moved to another treatment contract",
        }[self.kind]
        return f"{self.table} {self.row_id} {what}"


def mismatch_message(client_id: str, problems: Iterable[ManifestProblem]) -> str:
    listed = list(problems)
    shown = "; ".join(p.describe() for p in listed[:5])
    more = f"; and {len(listed) - 5} more" if len(listed) > 5 else ""
    return (
        f"The record of client {client_id} does not match its sealed manifest and is not "
        f"shown: {shown}{more}. Restore it from a backup (ipt-desktop verify lists every "
        "problem)."
    )


class ManifestMismatchError(RecordDamagedError):
    """The rows of a client disagree with its sealed manifest (ids only, no content)."""

    def __init__(self, client_id: str, problems: Iterable[ManifestProblem]) -> None:
        self.problems = tuple(problems)
        self.table = "clients"
        self.record_id = client_id
        VaultError.__init__(self, mismatch_message(client_id, self.problems))


@dataclass
class _ClientChanges:
    entries: dict[str, Entry | None] = field(default_factory=dict)
    created: bool = False
    removed: bool = False


def _changes(db: DbSession) -> dict[str, _ClientChanges]:
    changes: dict[str, _ClientChanges] = db.info.setdefault(_CHANGES, {})
    return changes


def _note(changes: dict[str, _ClientChanges], obj: object, deleted: bool) -> None:
    if isinstance(obj, ClientRow):
        change = changes.setdefault(obj.id, _ClientChanges())
        if deleted:
            change.removed = True
            return
        change.entries[entry_key("clients", obj.id)] = plain_entry(obj.version, obj.payload)
        if obj.summary is not None:
            change.entries[entry_key(SUMMARY_TABLE, obj.id)] = plain_entry(
                obj.summary_version, obj.summary
            )
    elif isinstance(obj, ClientChildRow):
        change = changes.setdefault(obj.client_id, _ClientChanges())
        key = entry_key(type(obj).__tablename__, obj.id)
        episode = obj.episode_id if isinstance(obj, SessionRow) else ""
        change.entries[key] = (
            None if deleted else child_entry(type(obj), obj.version, obj.payload, episode)
        )


def _after_flush(db: DbSession, _context: Any) -> None:
    changes = _changes(db)
    for obj in db.new:
        if isinstance(obj, ClientRow):
            changes.setdefault(obj.id, _ClientChanges()).created = True
        _note(changes, obj, deleted=False)
    for obj in db.dirty:
        _note(changes, obj, deleted=False)
    for obj in db.deleted:
        _note(changes, obj, deleted=True)


def track_writes(sessions: sessionmaker[DbSession]) -> None:
    """Note every record row the write sessions flush (for ``seal_changes``)."""
    event.listen(sessions, "after_flush", _after_flush)


def rebuild(db: DbSession, client_id: str) -> None:
    """Build the client's manifest from this transaction's rows alone (the upgrade)."""
    _changes(db).setdefault(client_id, _ClientChanges()).created = True


def note_entry(db: DbSession, client_id: str, key: str, entry: Entry) -> None:
    """An entry for a row this transaction does not rewrite (the upgrade's damaged rows)."""
    _changes(db).setdefault(client_id, _ClientChanges()).entries[key] = entry


def client_removed(db: DbSession, client_id: str) -> None:
    """A client deleted with bulk statements (crypto-shredding): drop its manifest."""
    _changes(db).setdefault(client_id, _ClientChanges()).removed = True


# -- reading ------------------------------------------------------------------------------
def stored_entries(vault: RowSealer, db: DbSession, client_id: str) -> dict[str, Entry]:
    """The client's manifest as stored (authenticated); ManifestMismatchError if it is
    missing or does not open."""
    loaded: dict[str, dict[str, Entry]] = db.info.setdefault(_LOADED, {})
    if client_id in loaded:
        return loaded[client_id]
    row = db.execute(
        select(ManifestRow.version, ManifestRow.digest, ManifestRow.payload).where(
            ManifestRow.client_id == client_id
        )
    ).first()
    if row is None:
        if db.get(ClientRow, client_id) is None:
            # Neither the client nor its manifest: a client deleted by the app (its removal
            # is in the header's root, which catches a row and manifest removed by hand).
            raise LookupError("there is no client with that id")
        return preload(vault, db, client_id, None)
    return preload(vault, db, client_id, (row.version, row.digest, row.payload))


def preload(
    vault: RowSealer,
    db: DbSession,
    client_id: str,
    stored: tuple[int, bytes, bytes] | None,
) -> dict[str, Entry]:
    """Open a manifest the caller read itself ((version, digest, payload) columns, or None
    when there is none), for readers that select many clients at once (the list)."""
    if stored is None:
        missing = ManifestProblem("missing", MANIFEST_TABLE, client_id)
        raise ManifestMismatchError(client_id, [missing])
    version, digest, payload = stored
    key = vault.client_key(db, client_id)
    try:
        if blob_digest(payload) != bytes(digest).hex()[:32]:
            raise RecordDamagedError(MANIFEST_TABLE, client_id)
        data = vault.unseal(key, client_id, MANIFEST_TABLE, client_id, payload, version)
        opened = {str(k): (int(v[0]), str(v[1]), str(v[2])) for k, v in data["rows"].items()}
    except (RecordDamagedError, KeyError, TypeError, ValueError, IndexError):
        altered = ManifestProblem("altered", MANIFEST_TABLE, client_id)
        raise ManifestMismatchError(client_id, [altered]) from None
    db.info.setdefault(_LOADED, {})[client_id] = opened
    return opened


def entries(vault: RowSealer, db: DbSession, client_id: str) -> dict[str, Entry]:
    """The manifest as this transaction now holds it (stored, plus its own changes)."""
    change = _changes(db).get(client_id)
    base = {} if change is not None and change.created else stored_entries(vault, db, client_id)
    if change is None:
        return base
    merged = {**base, **change.entries}
    return {k: v for k, v in merged.items() if v is not None}


def compare(expected: Mapping[str, Entry], found: Mapping[str, Entry]) -> list[ManifestProblem]:
    """What differs between the manifest and the rows read (both keyed "table/id")."""
    problems = []
    for key in sorted(expected.keys() | found.keys()):
        table, row_id = key.split("/", 1)
        want, got = expected.get(key), found.get(key)
        if want == got:
            continue
        if got is None:
            kind = "missing"
        elif want is None:
            kind = "extra"
        elif got[0] < want[0]:
            kind = "older"
        elif got[2] != want[2]:
            kind = "moved"
        else:
            kind = "altered"
        problems.append(ManifestProblem(kind, table, row_id))
    return problems


def check_rows(
    vault: RowSealer, db: DbSession, client_id: str, found: Mapping[str, Entry], *, whole: bool
) -> None:
    """Raise ManifestMismatchError unless ``found`` agrees with the manifest (``whole``:
    ``found`` is every row of the client, so rows missing from it are missing)."""
    expected = entries(vault, db, client_id)
    if not whole:
        expected = {k: v for k, v in expected.items() if k in found}
    problems = compare(expected, found)
    if problems:
        raise ManifestMismatchError(client_id, problems)


def check_one(
    vault: RowSealer, db: DbSession, client_id: str, key: str, entry: Entry | None
) -> None:
    """One row read on its own (``entry`` None: there is no such row)."""
    want = entries(vault, db, client_id).get(key)
    if want != entry:
        found = {} if entry is None else {key: entry}
        raise ManifestMismatchError(client_id, compare({} if want is None else {key: want}, found))


# -- writing ------------------------------------------------------------------------------
def write_manifest(vault: RowSealer, db: DbSession, client_id: str, rows: dict[str, Entry]) -> None:
    row = db.get(ManifestRow, client_id)
    version = 1 if row is None else row.version + 1
    key = vault.client_key(db, client_id)
    body = {"rows": {k: list(v) for k, v in sorted(rows.items())}}
    payload = vault.seal(key, client_id, MANIFEST_TABLE, client_id, body, version)
    digest = hashlib.sha256(payload).digest()
    if row is None:
        db.add(ManifestRow(client_id=client_id, version=version, digest=digest, payload=payload))
    else:
        row.version, row.digest, row.payload = version, digest, payload
    db.info.setdefault(_LOADED, {})[client_id] = dict(rows)


def seal_changes(vault: RowSealer, db: DbSession) -> bool:
    """Seal the manifest of every client this transaction changed; True if any."""
    db.flush()
    changes = _changes(db)
    if not changes:
        return False
    for client_id, change in list(changes.items()):
        exists = db.scalar(select(ClientRow.id).where(ClientRow.id == client_id)) is not None
        if change.removed and not exists:
            manifest = db.get(ManifestRow, client_id)
            if manifest is not None:
                db.delete(manifest)
            continue
        write_manifest(vault, db, client_id, entries(vault, db, client_id))
    changes.clear()
    db.flush()
    return True


def alert_if_changed_outside(
    on_disk_root: str, stored: VaultHeader, header_update: dict[str, Any] | None
) -> dict[str, Any]:
    """At the start of a write: the header changes so far. When the manifests on disk
    (``on_disk_root``, see manifest_root.RootKeeper) no longer match the stored root (a
    client or manifest removed or put back outside the app), the header gets a
    ``manifest_alert`` that stays until the therapist accepts the vault, so this write
    cannot launder it. Accepting (``manifest_alert`` in the update) skips it."""
    changes = dict(header_update or {})
    if (
        stored.manifest_format
        and not stored.manifest_alert
        and "manifest_alert" not in changes
        and on_disk_root != stored.manifest_root
    ):
        changes["manifest_alert"] = f"noticed at write {stored.generation + 1}"
    return changes


def seal_and_root(
    vault: RowSealer,
    db: DbSession,
    stored: VaultHeader,
    changes: dict[str, Any],
    before: RootState,
) -> RootState:
    """At the end of a write: seal the changed manifests and put the new root in
    ``changes`` (also after an upgrade or an acceptance, which change no manifest).
    ``before``: the manifests on disk when the write began; returns them as it leaves them."""
    sealed = seal_changes(vault, db)
    after = RootKeeper.after_write(db, before)
    new_format = changes.get("manifest_format", stored.manifest_format) != stored.manifest_format
    if sealed or new_format or "manifest_alert" in changes:
        changes["manifest_root"] = after.root
    return after


def orphan_manifests(db: DbSession) -> list[str]:
    """Client ids that have a manifest but no client row (deleted outside the app)."""
    query = (
        select(ManifestRow.client_id)
        .where(ManifestRow.client_id.not_in(select(ClientRow.id)))
        .order_by(ManifestRow.client_id)
    )
    return list(db.scalars(query))


def client_rows_found(vault: RowSealer, db: DbSession, client_id: str) -> dict[str, Entry]:
    """Every row the vault holds for ``client_id`` (versions and digests; nothing opened)."""
    found: dict[str, Entry] = {}
    client = db.execute(
        select(
            ClientRow.payload, ClientRow.version, ClientRow.summary, ClientRow.summary_version
        ).where(ClientRow.id == client_id)
    ).first()
    if client is not None:
        found[entry_key("clients", client_id)] = plain_entry(client.version, client.payload)
        if client.summary is not None:
            found[entry_key(SUMMARY_TABLE, client_id)] = plain_entry(
                client.summary_version, client.summary
            )
    for row_type in CLIENT_CHILD_TABLES:
        columns = [row_type.id, row_type.version, row_type.payload]
        if row_type is SessionRow:
            columns.append(SessionRow.episode_id)
        for row in db.execute(select(*columns).where(row_type.client_id == client_id)):
            episode = row.episode_id if row_type is SessionRow else ""
            found[entry_key(row_type.__tablename__, row.id)] = child_entry(
                row_type, row.version, row.payload, episode
            )
    return found
