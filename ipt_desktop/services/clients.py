"""Clients: the list (from sealed summaries), create, update, crypto-shred, open a record."""

import dataclasses
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, tuple_
from sqlalchemy.orm import Session as DbSession

from ipt_desktop.domain.model import Client, ClientRecord
from ipt_desktop.domain.summary import ClientSummary, summarize
from ipt_desktop.store.tables import (
    CLIENT_CHILD_TABLES,
    ClientRow,
    DraftRow,
    ManifestRow,
    SessionRow,
)
from ipt_desktop.vault import codec as record_codec
from ipt_desktop.vault import manifest
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.errors import RecordDamagedError, VaultError
from ipt_desktop.vault.json_fields import JsonObject
from ipt_desktop.vault.vault import Vault

from . import practice_memory


@dataclass(frozen=True)
class DamagedClient:
    """A client whose key, summary or manifest does not authenticate: shown by id only."""

    client_id: str
    message: str


@dataclass(frozen=True)
class ClientListing:
    summaries: list[ClientSummary]
    damaged: list[DamagedClient]


#: The client list's first chunk: more than a screen of names at any window height, and,
#: newest first, most clients in treatment (about 15 ms at 20,000 clients).
FIRST_CHUNK = 200
#: The chunks after the first (about 70 ms of work each, off the GUI thread).
CHUNK = 1_000


@dataclass(frozen=True)
class ListChunk:
    """Part of the client list, in the order clients were added: ``listing`` for the clients
    after ``after``; ``after`` of the next chunk is ``last``; ``done`` when none is left.
    ``total``: how many clients the vault held when this chunk was read."""

    listing: ClientListing
    last: tuple[int, str] | None
    done: bool
    total: int


_LIST_COLUMNS = (
    ClientRow.id,
    ClientRow.key_version,
    ClientRow.wrapped_key,
    ClientRow.summary,
    ClientRow.summary_version,
    ManifestRow.version,
    ManifestRow.digest,
    ManifestRow.payload,
    ClientRow.order_key,
)


def list_clients(vault: Vault) -> ClientListing:
    """One summary per client, in the order they were added, and the clients that cannot
    be listed (one damaged client never hides the others). No note is decrypted.

    Per client: one key unwrap, the sealed manifest and the sealed summary (checked against
    the manifest). A summary written by an older version that this one cannot read is
    recomputed from the record (in memory only). The same code lists a chunk
    (``list_chunk``): this is one chunk of every client, read in one transaction.
    """
    return list_chunk(vault, None, None).listing


def list_chunk(
    vault: Vault,
    after: tuple[int, str] | None,
    size: int | None,
    *,
    newest_first: bool = False,
) -> ListChunk:
    """The next ``size`` clients (None: all) after ``after`` (the ``last`` of the chunk
    before; None: from the first), read in one transaction, in the order they were added
    or (``newest_first``) the other way round. A client added meanwhile comes in a later
    chunk (the order key only grows), or, newest first, in none (the GUI lists the clients
    it adds itself); one deleted meanwhile is not in it."""
    query = select(*_LIST_COLUMNS).outerjoin(ManifestRow, ManifestRow.client_id == ClientRow.id)
    position = tuple_(ClientRow.order_key, ClientRow.id)
    if after is not None:
        bound = tuple_(*after)
        query = query.where(position < bound if newest_first else position > bound)
    if newest_first:
        query = query.order_by(ClientRow.order_key.desc(), ClientRow.id.desc())
    else:
        query = query.order_by(ClientRow.order_key, ClientRow.id)
    if size is not None:
        query = query.limit(size + 1)  # one more: whether any is left
    with vault.reading() as db:
        connection = db.connection()
        total = connection.execute(select(func.count()).select_from(ClientRow)).scalar_one()
        rows = connection.execute(query).all()
        done = size is None or len(rows) <= size
        rows = rows if done else rows[:size]
        listing, older = _listing(vault, db, rows)
    _rewrite_summaries(vault, older)
    last = (rows[-1][8], rows[-1][0]) if rows else after
    return ListChunk(listing, last, done, int(total))


def list_clients_in_chunks(
    vault: Vault, *, first: int = FIRST_CHUNK, size: int = CHUNK, newest_first: bool = False
) -> Iterator[ListChunk]:
    """The client list chunk by chunk (``first`` clients, then ``size`` at a time), in the
    order of ``list_clients`` (or the reverse); together exactly its listing when nothing
    is written between chunks. The GUI calls ``list_chunk`` itself (one chunk per
    background task), newest first: the clients in treatment now are mostly the newest,
    and the list opens on them ("Active clients")."""
    chunk = list_chunk(vault, None, first, newest_first=newest_first)
    yield chunk
    while not chunk.done:
        chunk = list_chunk(vault, chunk.last, size, newest_first=newest_first)
        yield chunk


def _listing(
    vault: Vault, db: DbSession, rows: Sequence[Sequence[Any]]
) -> tuple[ClientListing, list[ClientRecord]]:
    """The summaries of ``rows`` (``_LIST_COLUMNS``), the damaged, and the records whose
    stored summary should be sealed again."""
    listing = ClientListing([], [])
    older: list[ClientRecord] = []
    for row in rows:
        client_id = row[0]
        try:
            key = vault.unwrap_client_key(client_id, row[1], row[2])
            stored = None if row[5] is None else (row[5], row[6], row[7])
            manifest.preload(vault, db, client_id, stored)
            summary, stale = _summary(vault, db, client_id, key, row[3], row[4])
            listing.summaries.append(summary)
            if stale is not None:
                older.append(stale)
        except RecordDamagedError as exc:
            listing.damaged.append(DamagedClient(client_id, str(exc)))
    return listing, older


def _summary(
    vault: Vault,
    db: DbSession,
    client_id: str,
    key: bytes,
    sealed: bytes | None,
    summary_version: int,
) -> tuple[ClientSummary, ClientRecord | None]:
    """The client's summary, and its record when the stored summary should be sealed again
    (missing, or sealed before the risk layer, whose flag followed the old rule)."""
    table = client_rows.SUMMARY_TABLE
    entry = None if sealed is None else manifest.plain_entry(summary_version, sealed)
    manifest.check_one(vault, db, client_id, manifest.entry_key(table, client_id), entry)
    summary = None
    stale = sealed is None
    if sealed is not None:
        data = vault.unseal(key, client_id, table, client_id, sealed, summary_version)
        stale = isinstance(data, dict) and "risk_level" not in data
        try:
            summary = client_rows.decode_stored(table, client_id, data, _summary_reader(client_id))
        except RecordDamagedError:
            summary = None  # authentic, only in a shape this version does not know
    if summary is None:
        record = client_rows.read_record(vault, db, client_id)
        return summarize(record), (record if stale else None)
    return summary, None


def list_summaries(vault: Vault) -> list[ClientSummary]:
    """The summaries of every client that can be listed (see ``list_clients``)."""
    return list_clients(vault).summaries


def summary_of(vault: Vault, client_id: str) -> ClientSummary | None:
    """One client's summary, as ``list_clients`` reads it (manifest checked): one key, one
    opening. None if there is no such client or it cannot be listed (damaged)."""
    query = (
        select(*_LIST_COLUMNS)
        .outerjoin(ManifestRow, ManifestRow.client_id == ClientRow.id)
        .where(ClientRow.id == client_id)
    )
    with vault.reading() as db:
        rows = db.connection().execute(query).all()
        listing, _older = _listing(vault, db, rows)  # an older summary: rewritten by the list
    return listing.summaries[0] if listing.summaries else None


def _rewrite_summaries(vault: Vault, records: list[ClientRecord]) -> None:
    """Seal current summaries for records whose stored one an older version wrote (no
    audit entry: nothing a person did changed). A failure only leaves the slow path."""
    if not records:
        return
    try:
        with practice_memory.tracked(vault), vault.transaction(None) as db:
            for record in records:
                client_rows.write_summary(vault, db, record)
    except VaultError:
        pass


def _summary_reader(client_id: str) -> Callable[[JsonObject], ClientSummary]:
    return lambda obj: record_codec.read_summary(obj, client_id=client_id)


def create_client(vault: Vault, client: Client) -> None:
    """A new client with a fresh data key, its sealed payload and its summary."""
    try:
        with (
            practice_memory.tracked(vault) as changes,
            vault.transaction(AuditEvent.CREATE, client.id) as db,
        ):
            client_rows.add_client_row(vault, db, client)
            client_rows.write_summary(vault, db, ClientRecord(client=client))
            changes.row(client.id, "clients", client.id, record_codec.client_json(client))
    except BaseException:
        vault.forget_client_key(client.id)
        raise


def update_client(vault: Vault, client: Client) -> None:
    with (
        practice_memory.tracked(vault) as changes,
        vault.transaction(AuditEvent.EDIT, client.id) as db,
    ):
        client_rows.write_client_payload(vault, db, client)
        client_rows.refresh_summary(vault, db, client.id)
        changes.row(client.id, "clients", client.id, record_codec.client_json(client))
        changes.dropped_record(client.id)


def set_preferred_name(vault: Vault, client_id: str, name: str) -> bool:
    """Store the name the client wants in letters; False when it was already that."""
    with vault.reading() as db:
        client = client_rows.read_record(vault, db, client_id).client
    if client.preferred_name == name.strip():
        return False
    update_client(vault, dataclasses.replace(client, preferred_name=name.strip()))
    return True


def delete_client(vault: Vault, client_id: str) -> None:
    """Crypto-shred a client: its wrapped data key, every row and draft, in one transaction.

    ``secure_delete`` overwrites the freed content; the checkpoint afterwards folds the WAL
    into the file and truncates it, so no old page of the client survives in ``-wal``.
    """
    vault.forget_client_key(client_id)
    with (
        practice_memory.tracked(vault) as changes,
        vault.transaction(AuditEvent.DELETE, client_id) as db,
    ):
        changes.removed_client(client_id)
        if db.get(ClientRow, client_id) is None:
            raise LookupError(client_rows.NO_CLIENT)
        db.execute(delete(DraftRow).where(DraftRow.client_id == client_id))
        # Sessions first: they refer to episodes.
        db.execute(delete(SessionRow).where(SessionRow.client_id == client_id))
        for row_type in CLIENT_CHILD_TABLES:
            db.execute(delete(row_type).where(row_type.client_id == client_id))
        db.execute(delete(ClientRow).where(ClientRow.id == client_id))
        manifest.client_removed(db, client_id)
    vault.forget_client_key(client_id)
    vault.checkpoint()  # on the writer connection: the next save reads no manifest again


def read_record(vault: Vault, client_id: str) -> ClientRecord:
    """The whole decrypted record, without an audit entry (for services that log their own)."""
    with vault.reading() as db:
        return client_rows.read_record(vault, db, client_id)


def load_record(vault: Vault, client_id: str) -> ClientRecord:
    """The whole record for a workspace; the opening is written to the audit log. The
    record is kept in memory for this unlock, so saving in it needs no second read."""
    with vault.reading() as db:
        record = client_rows.read_record(vault, db, client_id)
        generation = vault.header.generation
    practice_memory.keep_record(vault, record, generation)
    with practice_memory.tracked(vault):
        vault.record_event(AuditEvent.CLIENT_OPENED, client_id)
    return record


def _same_name(a: str, b: str) -> bool:
    return unicodedata.normalize("NFC", a.strip()) == unicodedata.normalize("NFC", b.strip())


def find_client(vault: Vault, ref: str) -> Client:
    """The client whose id is ``ref``, else the one whose full name is exactly ``ref``.

    Raises LookupError with a message that never repeats the name.
    """
    query = select(
        ClientRow.id,
        ClientRow.key_version,
        ClientRow.wrapped_key,
        ClientRow.payload,
        ClientRow.version,
    )
    with vault.reading() as db:
        matches = []
        for client_id, key_version, wrapped, payload, version in db.execute(
            query.order_by(ClientRow.order_key)
        ):
            key = vault.unwrap_client_key(client_id, key_version, wrapped)
            data = vault.unseal(key, client_id, "clients", client_id, payload, version)
            client = client_rows.client_value(client_id, data)
            if client_id == ref:
                return client
            if _same_name(client.name, ref):
                matches.append(client)
    if not matches:
        raise LookupError("no client has that id or that exact full name")
    if len(matches) > 1:
        raise LookupError(f"{len(matches)} clients have that name; give the client id instead")
    return matches[0]
