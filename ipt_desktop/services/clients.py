"""Clients: the list (from sealed summaries), create, update, crypto-shred, open a record."""

import dataclasses
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as DbSession

from ipt_desktop.domain.model import Client, ClientRecord
from ipt_desktop.domain.summary import ClientSummary, summarize
from ipt_desktop.store.database import checkpoint
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


def list_clients(vault: Vault) -> ClientListing:
    """One summary per client, in the order they were added, and the clients that cannot
    be listed (one damaged client never hides the others). No note is decrypted.

    Per client: one key unwrap, the sealed manifest and the sealed summary (checked against
    the manifest). A summary written by an older version that this one cannot read is
    recomputed from the record (in memory only).
    """
    listing = ClientListing([], [])
    older: list[ClientRecord] = []
    query = select(
        ClientRow.id,
        ClientRow.key_version,
        ClientRow.wrapped_key,
        ClientRow.summary,
        ClientRow.summary_version,
        ManifestRow.version,
        ManifestRow.digest,
        ManifestRow.payload,
    ).outerjoin(ManifestRow, ManifestRow.client_id == ClientRow.id)
    with vault.reading() as db:
        rows = db.connection().execute(query.order_by(ClientRow.order_key)).all()
        for row in rows:
            client_id = row[0]
            try:
                key = vault.unwrap_client_key(client_id, row[1], row[2])
                manifest.preload(vault, db, client_id, None if row[5] is None else row[5:8])
                summary, stale = _summary(vault, db, client_id, key, row[3], row[4])
                listing.summaries.append(summary)
                if stale is not None:
                    older.append(stale)
            except RecordDamagedError as exc:
                listing.damaged.append(DamagedClient(client_id, str(exc)))
    _rewrite_summaries(vault, older)
    return listing


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
        select(
            ClientRow.key_version,
            ClientRow.wrapped_key,
            ClientRow.summary,
            ClientRow.summary_version,
            ManifestRow.version,
            ManifestRow.digest,
            ManifestRow.payload,
        )
        .outerjoin(ManifestRow, ManifestRow.client_id == ClientRow.id)
        .where(ClientRow.id == client_id)
    )
    with vault.reading() as db:
        row = db.connection().execute(query).first()
        if row is None:
            return None
        try:
            key = vault.unwrap_client_key(client_id, row[0], row[1])
            manifest.preload(vault, db, client_id, None if row[4] is None else row[4:7])
            summary, _stale = _summary(vault, db, client_id, key, row[2], row[3])
        except RecordDamagedError:
            return None
    return summary


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
    checkpoint(vault.engine)


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
