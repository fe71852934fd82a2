"""How one client's record lives in the tables (internal to the services).

Every row's clinical content is one payload sealed under the client's data key, bound to
(vault, client, table, row id). Clear columns: ids, foreign keys and ``order_key``, an
opaque counter that only keeps insertion order. ``ClientRow.summary`` holds the sealed
``ClientSummary`` and is rewritten inside every transaction that touches the client.
"""

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from ipt_desktop.domain.contract import session_order_key
from ipt_desktop.domain.enums import Phase
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import (
    Client,
    ClientRecord,
    Episode,
    InventoryPerson,
    LifeEvent,
    Session,
)
from ipt_desktop.domain.summary import summarize
from ipt_desktop.store.tables import (
    ClientChildRow,
    ClientRow,
    EpisodeRow,
    InventoryRow,
    LifeEventRow,
    SessionRow,
)

from . import record_codec as codec
from .audit_log import AuditEvent
from .errors import RecordDamagedError
from .json_fields import JsonObject
from .vault import CLIENT_KEY_VERSION, Vault

T = TypeVar("T")
R = TypeVar("R", bound=ClientChildRow)
ChildRowType = type[ClientChildRow]

#: The table name the sealed summary is bound to (it lives in a column of ``clients``).
SUMMARY_TABLE = "client_summaries"
NO_CLIENT = "there is no client with that id"
NO_RECORD = "there is no such record for this client"


def client_key(vault: Vault, db: DbSession, client_id: str) -> bytes:
    try:
        return vault.client_key(db, client_id)
    except KeyError:
        raise LookupError(NO_CLIENT) from None


def decode(table: str, row_id: str, data: Any, read: Callable[[JsonObject], T]) -> T:
    """Read an unsealed payload strictly; a payload we cannot read is a damaged record."""
    try:
        obj = JsonObject(data, "")
        value = read(obj)
        obj.finish()
    except ValidationError:
        raise RecordDamagedError(table, row_id) from None
    return value


def next_order_key(db: DbSession, row_type: type[ClientRow] | ChildRowType) -> int:
    """The next counter value of ``row_type``'s table. The maximum is read once per
    transaction (BEGIN IMMEDIATE keeps every other writer out until it ends)."""
    counters: dict[str, int] = db.info.setdefault("order_keys", {})
    table = row_type.__tablename__
    if table not in counters:
        counters[table] = db.scalar(select(func.max(row_type.order_key))) or 0
    counters[table] += 1
    return counters[table]


# -- payloads of each table --------------------------------------------------------------
def session_payload(session: Session) -> dict[str, Any]:
    override = None if session.phase_override is None else session.phase_override.value
    return {**codec.session_json(session), "phase_override": override}


def _reader(row: ClientChildRow) -> Callable[[JsonObject], Any]:
    client_id = row.client_id
    if isinstance(row, EpisodeRow):
        return lambda o: codec.read_episode(o, episode_id=row.id, client_id=client_id)
    if isinstance(row, SessionRow):
        episode_id = row.episode_id
        return lambda o: codec.read_session(
            o,
            session_id=row.id,
            episode_id=episode_id,
            client_id=client_id,
            phase_override=o.optional_choice("phase_override", Phase),
        )
    if isinstance(row, InventoryRow):
        return lambda o: codec.read_person(o, person_id=row.id, client_id=client_id)
    return lambda o: codec.read_life_event(o, event_id=row.id, client_id=client_id)


def open_child(vault: Vault, key: bytes, row: ClientChildRow) -> Any:
    table = row.__tablename__
    data = vault.unseal(key, row.client_id, table, row.id, row.payload)
    return decode(table, row.id, data, _reader(row))


def open_client(vault: Vault, key: bytes, row: ClientRow) -> Client:
    data = vault.unseal(key, row.id, "clients", row.id, row.payload)
    return decode("clients", row.id, data, lambda o: codec.read_client(o, client_id=row.id))


# -- reading -----------------------------------------------------------------------------
def child_rows(db: DbSession, row_type: type[R], client_id: str) -> Sequence[R]:
    query = select(row_type).where(row_type.client_id == client_id).order_by(row_type.order_key)
    return db.scalars(query).all()


def read_record(vault: Vault, db: DbSession, client_id: str) -> ClientRecord:
    row = db.get(ClientRow, client_id)
    if row is None:
        raise LookupError(NO_CLIENT)
    key = client_key(vault, db, client_id)

    def opened(row_type: ChildRowType) -> list[Any]:
        return [open_child(vault, key, r) for r in child_rows(db, row_type, client_id)]

    return make_record(
        open_client(vault, key, row),
        opened(EpisodeRow),
        opened(SessionRow),
        opened(InventoryRow),
        opened(LifeEventRow),
    )


def make_record(
    client: Client,
    episodes: Sequence[Episode],
    sessions: Sequence[Session],
    people: Sequence[InventoryPerson],
    events: Sequence[LifeEvent],
) -> ClientRecord:
    """A record in its canonical order: episodes by start, sessions by (date, id), life
    events by date (ties keep the order they were added), people as they were added."""
    return ClientRecord(
        client=client,
        episodes=tuple(sorted(episodes, key=lambda e: e.start_date)),
        sessions=tuple(sorted(sessions, key=session_order_key)),
        inventory=tuple(people),
        life_events=tuple(sorted(events, key=lambda e: e.date)),
    )


def read_child(
    vault: Vault, db: DbSession, row_type: ChildRowType, client_id: str, row_id: str
) -> Any | None:
    """The decoded row, None if there is none; LookupError if it belongs to another client."""
    row = db.get(row_type, row_id)
    if row is None:
        return None
    if row.client_id != client_id:
        raise LookupError(NO_RECORD)
    return open_child(vault, client_key(vault, db, client_id), row)


# -- writing -----------------------------------------------------------------------------
def write_summary(vault: Vault, db: DbSession, record: ClientRecord) -> None:
    client_id = record.client.id
    row = db.get(ClientRow, client_id)
    if row is None:
        raise LookupError(NO_CLIENT)
    data = codec.summary_json(summarize(record))
    row.summary = vault.seal(
        client_key(vault, db, client_id), client_id, SUMMARY_TABLE, client_id, data
    )


def refresh_summary(vault: Vault, db: DbSession, client_id: str) -> None:
    """Recompute the sealed summary from the record as this transaction now holds it."""
    db.flush()
    write_summary(vault, db, read_record(vault, db, client_id))


def _new_child(
    vault: Vault,
    db: DbSession,
    row_type: ChildRowType,
    client_id: str,
    row_id: str,
    data: dict[str, Any],
    **columns: str,
) -> None:
    row = row_type()
    row.id, row.client_id = row_id, client_id
    row.order_key = next_order_key(db, row_type)
    row.payload = _seal_child(vault, db, row_type, client_id, row_id, data)
    for name, value in columns.items():
        setattr(row, name, value)
    db.add(row)


def _seal_child(
    vault: Vault,
    db: DbSession,
    row_type: ChildRowType,
    client_id: str,
    row_id: str,
    data: dict[str, Any],
) -> bytes:
    key = client_key(vault, db, client_id)
    return vault.seal(key, client_id, row_type.__tablename__, row_id, data)


def put_child(
    vault: Vault,
    db: DbSession,
    row_type: ChildRowType,
    client_id: str,
    row_id: str,
    data: dict[str, Any],
    **columns: str,
) -> None:
    """Insert or replace one sealed row (a fresh nonce on every write)."""
    row = db.get(row_type, row_id)
    if row is None:
        _new_child(vault, db, row_type, client_id, row_id, data, **columns)
        return
    if row.client_id != client_id:
        raise LookupError(NO_RECORD)
    row.payload = _seal_child(vault, db, row_type, client_id, row_id, data)
    for name, value in columns.items():
        setattr(row, name, value)


def child_exists(vault: Vault, row_type: ChildRowType, row_id: str) -> bool:
    with vault.reading() as db:
        return db.get(row_type, row_id) is not None


def save_child(
    vault: Vault,
    row_type: ChildRowType,
    client_id: str,
    row_id: str,
    data: dict[str, Any],
    **columns: str,
) -> None:
    """One transaction: the row (CREATE or EDIT) and the client's summary."""
    event = AuditEvent.EDIT if child_exists(vault, row_type, row_id) else AuditEvent.CREATE
    with vault.transaction(event, client_id, row_id) as db:
        put_child(vault, db, row_type, client_id, row_id, data, **columns)
        refresh_summary(vault, db, client_id)


def delete_child(vault: Vault, row_type: ChildRowType, client_id: str, row_id: str) -> None:
    with vault.transaction(AuditEvent.DELETE, client_id, row_id) as db:
        row = db.get(row_type, row_id)
        if row is None or row.client_id != client_id:
            raise LookupError(NO_RECORD)
        db.delete(row)
        refresh_summary(vault, db, client_id)


def add_client_row(vault: Vault, db: DbSession, client: Client) -> None:
    """A new client: a fresh data key (wrapped by the master key) and the sealed payload."""
    if db.get(ClientRow, client.id) is not None:
        raise ValidationError("id", "a client with this id already exists")
    key, wrapped = vault.new_client_key(client.id)
    db.add(
        ClientRow(
            id=client.id,
            order_key=next_order_key(db, ClientRow),
            key_version=CLIENT_KEY_VERSION,
            wrapped_key=wrapped,
            payload=vault.seal(key, client.id, "clients", client.id, codec.client_json(client)),
        )
    )
    db.flush()


def add_record(vault: Vault, db: DbSession, record: ClientRecord) -> None:
    """Write a whole new record (import, demo) with its summary, in the caller's transaction."""
    cid = record.client.id
    add_client_row(vault, db, record.client)
    for episode in record.episodes:
        _new_child(vault, db, EpisodeRow, cid, episode.id, codec.episode_json(episode))
    db.flush()  # foreign keys are checked at once: episodes before their sessions
    for session in record.sessions:
        data = session_payload(session)
        _new_child(vault, db, SessionRow, cid, session.id, data, episode_id=session.episode_id)
    for person in record.inventory:
        _new_child(vault, db, InventoryRow, cid, person.id, codec.person_json(person))
    for event in record.life_events:
        _new_child(vault, db, LifeEventRow, cid, event.id, codec.life_event_json(event))
    write_summary(vault, db, record)
    db.flush()


def add_records(
    vault: Vault, records: Sequence[ClientRecord], event: AuditEvent, detail: str = ""
) -> list[str]:
    """All ``records`` in one transaction (nothing is written if any of them fails)."""
    ids = [r.client.id for r in records]
    try:
        with vault.transaction(event, *ids, detail=detail) as db:
            for record in records:
                add_record(vault, db, record)
    except BaseException:
        for client_id in ids:
            vault.forget_client_key(client_id)
        raise
    return ids
