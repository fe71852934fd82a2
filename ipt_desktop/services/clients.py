"""Clients: the list (from sealed summaries), create, update, crypto-shred, open a record."""

import dataclasses
import unicodedata
from collections.abc import Callable

from sqlalchemy import delete, select

from ipt_desktop.domain.model import Client, ClientRecord
from ipt_desktop.domain.summary import ClientSummary, summarize
from ipt_desktop.store.database import checkpoint
from ipt_desktop.store.tables import CLIENT_CHILD_TABLES, ClientRow, DraftRow, SessionRow
from ipt_desktop.vault import codec as record_codec
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.errors import RecordDamagedError, VaultError
from ipt_desktop.vault.json_fields import JsonObject
from ipt_desktop.vault.vault import Vault

from . import practice_memory


def list_summaries(vault: Vault) -> list[ClientSummary]:
    """One summary per client, in the order they were added. No note is decrypted.

    Per client: one key unwrap and one decryption of the sealed summary (a Core select of
    the four columns needed; no ORM object). A summary written by an older version that
    this one cannot read is recomputed from the record (in memory only).
    """
    summaries: list[ClientSummary] = []
    older: list[ClientRecord] = []
    query = select(ClientRow.id, ClientRow.key_version, ClientRow.wrapped_key, ClientRow.summary)
    with vault.reading() as db:
        rows = db.connection().execute(query.order_by(ClientRow.order_key)).all()
        for client_id, key_version, wrapped, sealed in rows:
            key = vault.unwrap_client_key(client_id, key_version, wrapped)
            summary = None
            stale = sealed is None
            if sealed is not None:
                data = vault.unseal(key, client_id, client_rows.SUMMARY_TABLE, client_id, sealed)
                # Sealed before the risk layer: its flag followed the old rule. Recompute it,
                # and write it back below so the next list is fast again.
                stale = isinstance(data, dict) and "risk_level" not in data
                try:
                    summary = client_rows.decode_stored(
                        client_rows.SUMMARY_TABLE, client_id, data, _summary_reader(client_id)
                    )
                except RecordDamagedError:
                    summary = None  # authentic, only in a shape this version does not know
            if summary is None:
                record = client_rows.read_record(vault, db, client_id)
                summary = summarize(record)
                if stale:
                    older.append(record)
            summaries.append(summary)
    _rewrite_summaries(vault, older)
    return summaries


def summary_of(vault: Vault, client_id: str) -> ClientSummary | None:
    """One client's summary (None if there is no such client): one key, one opening."""
    query = select(ClientRow.key_version, ClientRow.wrapped_key, ClientRow.summary)
    with vault.reading() as db:
        row = db.connection().execute(query.where(ClientRow.id == client_id)).first()
        if row is None:
            return None
        key = vault.unwrap_client_key(client_id, row.key_version, row.wrapped_key)
        if row.summary is not None:
            data = vault.unseal(key, client_id, client_rows.SUMMARY_TABLE, client_id, row.summary)
            try:
                return client_rows.decode_stored(
                    client_rows.SUMMARY_TABLE, client_id, data, _summary_reader(client_id)
                )
            except RecordDamagedError:
                pass  # authentic, only in a shape this version does not know
        return summarize(client_rows.read_record(vault, db, client_id))


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
        row = db.get(ClientRow, client.id)
        if row is None:
            raise LookupError(client_rows.NO_CLIENT)
        key = client_rows.client_key(vault, db, client.id)
        data = record_codec.client_json(client)
        row.payload = vault.seal(key, client.id, "clients", client.id, data)
        client_rows.refresh_summary(vault, db, client.id)
        changes.row(client.id, "clients", client.id, data)
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
    query = select(ClientRow.id, ClientRow.key_version, ClientRow.wrapped_key, ClientRow.payload)
    with vault.reading() as db:
        matches = []
        for client_id, key_version, wrapped, payload in db.execute(
            query.order_by(ClientRow.order_key)
        ):
            key = vault.unwrap_client_key(client_id, key_version, wrapped)
            data = vault.unseal(key, client_id, "clients", client_id, payload)
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
