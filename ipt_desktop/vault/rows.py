"""How one client's record lives in the tables (internal to the services).

Every row's clinical content is one payload sealed under the client's data key, bound to
(vault, client, table, row id). Clear columns: ids, foreign keys and ``order_key``, an
opaque counter that only keeps insertion order (of the clients; of each client's own rows
in the other tables). ``ClientRow.summary`` holds the sealed ``ClientSummary`` and is
rewritten inside every transaction that touches the client.

Manifests (vault/manifest.py): each payload also binds its row ``version`` (bumped on every
write here) and, for a session, its episode. Every row written or deleted through the ORM
inside ``Vault.transaction`` is noted by an ``after_flush`` hook, and the client's sealed
manifest is updated just before the header, in the same transaction, whatever code
computed the summary; a bulk delete must call ``manifest.client_removed``. Readers check
rows against the manifest (``read_record``, ``read_child``).

Stored payloads are read back the lean way (``decode_stored``, ``StoredObject``) with the
same record_codec readers the interchange import runs strictly.
"""

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute
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
from ipt_desktop.domain.risk_records import RiskDecision, RiskReview, SafetyPlan
from ipt_desktop.domain.summary import summarize
from ipt_desktop.store.tables import (
    CLIENT_CHILD_TABLES,
    ClientChildRow,
    ClientRow,
    EpisodeRow,
    InventoryRow,
    LifeEventRow,
    RiskRecordRow,
    SessionRow,
)

from . import codec, manifest, risk_codec
from .audit_log import AuditEvent
from .errors import RecordDamagedError
from .json_fields import JsonObject, StoredObject
from .keys import CLIENT_KEY_VERSION
from .vault import Vault

T = TypeVar("T")
RiskItem = risk_codec.RiskItem
ChildRowType = type[ClientChildRow]

SUMMARY_TABLE = manifest.SUMMARY_TABLE
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


def decode_stored(table: str, row_id: str, data: Any, read: Callable[[JsonObject], T]) -> T:
    """``decode`` the lean way, for a payload of the record tables (see ``StoredObject``)."""
    try:
        obj = StoredObject(data)
        value = read(obj)
        obj.finish()
    except ValidationError:
        raise RecordDamagedError(table, row_id) from None
    return value


def next_client_order_key(db: DbSession) -> int:
    """The next value of the clients' counter (the list's order: as they were added)."""
    return _next_order_key(db, ClientRow.__tablename__, select(func.max(ClientRow.order_key)))


def next_order_key(db: DbSession, row_type: ChildRowType, client_id: str) -> int:
    """The next counter value of one client's rows of ``row_type``'s table.

    Order keys only order a client's own rows, so the maximum is the client's (read
    through the client_id index, once per transaction: BEGIN IMMEDIATE keeps every other
    writer out until it ends), never a scan of everybody's rows.
    """
    query = select(func.max(row_type.order_key)).where(row_type.client_id == client_id)
    return _next_order_key(db, f"{row_type.__tablename__}:{client_id}", query)


def _next_order_key(db: DbSession, counter: str, query: Select[int]) -> int:
    counters: dict[str, int] = db.info.setdefault("order_keys", {})
    if counter not in counters:
        counters[counter] = db.scalar(query) or 0
    counters[counter] += 1
    return counters[counter]


def _new_client_counters(db: DbSession, client_id: str) -> None:
    """A client added in this transaction has no rows yet: no query needed."""
    counters: dict[str, int] = db.info.setdefault("order_keys", {})
    for row_type in CLIENT_CHILD_TABLES:
        counters[f"{row_type.__tablename__}:{client_id}"] = 0


# -- payloads of each table --------------------------------------------------------------
def session_payload(session: Session) -> dict[str, Any]:
    override = None if session.phase_override is None else session.phase_override.value
    return {**codec.session_json(session), "phase_override": override}


def _child_reader(
    row_type: ChildRowType, row_id: str, client_id: str, episode_id: str | None
) -> Callable[[JsonObject], Any]:
    if row_type is EpisodeRow:
        return lambda o: codec.read_episode(o, episode_id=row_id, client_id=client_id)
    if row_type is SessionRow:
        return lambda o: codec.read_session(
            o,
            session_id=row_id,
            episode_id=str(episode_id),
            client_id=client_id,
            phase_override=o.optional_choice("phase_override", Phase),
        )
    if row_type is InventoryRow:
        return lambda o: codec.read_person(o, person_id=row_id, client_id=client_id)
    if row_type is RiskRecordRow:
        return lambda o: risk_codec.read_risk_item(o, row_id, client_id)
    return lambda o: codec.read_life_event(o, event_id=row_id, client_id=client_id)


def child_value(
    row_type: ChildRowType, row_id: str, client_id: str, data: Any, episode_id: str | None = None
) -> Any:
    """The domain value of one child row from its unsealed payload (``episode_id`` is the
    column of a session row)."""
    read = _child_reader(row_type, row_id, client_id, episode_id)
    return decode_stored(row_type.__tablename__, row_id, data, read)


def client_value(client_id: str, data: Any) -> Client:
    """The ``Client`` of a clients row from its unsealed payload."""
    return decode_stored(
        "clients", client_id, data, lambda o: codec.read_client(o, client_id=client_id)
    )


def open_child(vault: Vault, key: bytes, row: ClientChildRow) -> Any:
    table = row.__tablename__
    episode_id = row.episode_id if isinstance(row, SessionRow) else None
    data = vault.unseal(
        key, row.client_id, table, row.id, row.payload, row.version, episode_id or ""
    )
    return child_value(type(row), row.id, row.client_id, data, episode_id)


# -- reading -----------------------------------------------------------------------------
def _opened_children(
    vault: Vault,
    db: DbSession,
    key: bytes,
    row_type: ChildRowType,
    client_id: str,
    found: dict[str, manifest.Entry],
) -> list[Any]:
    """Every row of one client in one table, in the order they were added (Core select:
    no ORM object is built for a row only read). Each row's manifest entry goes into
    ``found``; a row whose payload does not open is left for the manifest check to name
    when the manifest disagrees with it."""
    table = row_type.__tablename__
    columns = child_columns(row_type)
    query = select(*columns).where(row_type.client_id == client_id)
    values = []
    for row in db.execute(query.order_by(row_type.order_key, row_type.id)):
        episode = row.episode_id if row_type is SessionRow else ""
        found[manifest.entry_key(table, row.id)] = manifest.child_entry(
            row_type, row.version, row.payload, episode
        )
        data = vault.unseal(key, client_id, table, row.id, row.payload, row.version, episode)
        values.append(child_value(row_type, row.id, client_id, data, episode or None))
    return values


def child_columns(row_type: ChildRowType) -> list[InstrumentedAttribute[Any]]:
    """The columns a reader needs: id, client id, payload, version (and a session's
    episode id)."""
    columns: list[InstrumentedAttribute[Any]] = [
        row_type.id,
        row_type.client_id,
        row_type.payload,
        row_type.version,
    ]
    if row_type is SessionRow:
        columns.append(SessionRow.episode_id)
    return columns


def read_record(vault: Vault, db: DbSession, client_id: str) -> ClientRecord:
    """The whole record, checked against the client's sealed manifest first: a row
    missing, added, older, altered or moved raises ManifestMismatchError naming it."""
    client_row = db.execute(
        select(
            ClientRow.payload, ClientRow.version, ClientRow.summary, ClientRow.summary_version
        ).where(ClientRow.id == client_id)
    ).first()
    if client_row is None:
        raise LookupError(NO_CLIENT)
    key = client_key(vault, db, client_id)
    found = {
        manifest.entry_key("clients", client_id): manifest.plain_entry(
            client_row.version, client_row.payload
        )
    }
    if client_row.summary is not None:
        found[manifest.entry_key(SUMMARY_TABLE, client_id)] = manifest.plain_entry(
            client_row.summary_version, client_row.summary
        )
    try:
        children = [
            _opened_children(vault, db, key, t, client_id, found) for t in CLIENT_CHILD_TABLES
        ]
    except RecordDamagedError:
        # Name the rows that disagree with the manifest when there are any.
        manifest.check_rows(
            vault, db, client_id, manifest.client_rows_found(vault, db, client_id), whole=True
        )
        raise
    manifest.check_rows(vault, db, client_id, found, whole=True)
    data = vault.unseal(
        key, client_id, "clients", client_id, client_row.payload, client_row.version
    )
    return make_record(client_value(client_id, data), *children)


def make_record(
    client: Client,
    episodes: Sequence[Episode],
    sessions: Sequence[Session],
    people: Sequence[InventoryPerson],
    events: Sequence[LifeEvent],
    risk_items: Sequence[RiskItem] = (),
) -> ClientRecord:
    """A record in its canonical order: episodes by start, sessions by (date, id), life
    events and risk reviews by date (ties keep the order they were added), people as they
    were added. Of several safety plans (none is written that way) the last one counts."""
    plans = [item for item in risk_items if isinstance(item, SafetyPlan)]
    return ClientRecord(
        client=client,
        episodes=tuple(sorted(episodes, key=lambda e: e.start_date)),
        sessions=tuple(sorted(sessions, key=session_order_key)),
        inventory=tuple(people),
        life_events=tuple(sorted(events, key=lambda e: e.date)),
        risk_reviews=tuple(
            sorted((i for i in risk_items if isinstance(i, RiskReview)), key=lambda r: r.date)
        ),
        safety_plan=plans[-1] if plans else None,
        risk_decisions=tuple(
            sorted((i for i in risk_items if isinstance(i, RiskDecision)), key=lambda d: d.date)
        ),
    )


def read_child(
    vault: Vault, db: DbSession, row_type: ChildRowType, client_id: str, row_id: str
) -> Any | None:
    """The decoded row, None if there is none; LookupError if it belongs to another client."""
    row = db.get(row_type, row_id)
    key = manifest.entry_key(row_type.__tablename__, row_id)
    if row is None:
        manifest.check_one(vault, db, client_id, key, None)
        return None
    if row.client_id != client_id:
        raise LookupError(NO_RECORD)
    episode = row.episode_id if isinstance(row, SessionRow) else ""
    entry = manifest.child_entry(row_type, row.version, row.payload, episode)
    manifest.check_one(vault, db, client_id, key, entry)
    return open_child(vault, client_key(vault, db, client_id), row)


# -- writing -----------------------------------------------------------------------------
def write_summary(vault: Vault, db: DbSession, record: ClientRecord) -> None:
    client_id = record.client.id
    row = db.get(ClientRow, client_id)
    if row is None:
        raise LookupError(NO_CLIENT)
    data = codec.summary_json(summarize(record))
    row.summary_version = (row.summary_version or 0) + 1
    row.summary = vault.seal(
        client_key(vault, db, client_id),
        client_id,
        SUMMARY_TABLE,
        client_id,
        data,
        row.summary_version,
    )


def write_client_payload(vault: Vault, db: DbSession, client: Client) -> None:
    """Re-seal the client's own payload (name, date of birth) at its next version."""
    row = db.get(ClientRow, client.id)
    if row is None:
        raise LookupError(NO_CLIENT)
    row.version = (row.version or 0) + 1
    key = client_key(vault, db, client.id)
    row.payload = vault.seal(
        key, client.id, "clients", client.id, codec.client_json(client), row.version
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
    row.order_key = next_order_key(db, row_type, client_id)
    row.version = 1
    for name, value in columns.items():
        setattr(row, name, value)
    row.payload = _seal_child(vault, db, row, data)
    db.add(row)


def _seal_child(vault: Vault, db: DbSession, row: ClientChildRow, data: dict[str, Any]) -> bytes:
    """The payload sealed at the row's version, bound to its episode (a session's)."""
    key = client_key(vault, db, row.client_id)
    episode = row.episode_id if isinstance(row, SessionRow) else ""
    return vault.seal(key, row.client_id, row.__tablename__, row.id, data, row.version, episode)


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
    row.version = (row.version or 0) + 1
    for name, value in columns.items():
        setattr(row, name, value)
    row.payload = _seal_child(vault, db, row, data)


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
            order_key=next_client_order_key(db),
            key_version=CLIENT_KEY_VERSION,
            wrapped_key=wrapped,
            version=1,
            summary_version=0,
            payload=vault.seal(key, client.id, "clients", client.id, codec.client_json(client), 1),
        )
    )
    _new_client_counters(db, client.id)
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
    for item in risk_codec.risk_items_of(record):
        _new_child(vault, db, RiskRecordRow, cid, item.id, risk_codec.risk_payload(item))
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
