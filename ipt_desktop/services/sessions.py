"""Session notes: save, sign, amend, delete. A signed note is read-only (DESIGN.md section 3)."""

import dataclasses
import datetime as dt
import json
from collections.abc import Callable

from sqlalchemy.orm import Session as DbSession

from ipt_desktop.domain import signing
from ipt_desktop.domain.contract import session_order_key
from ipt_desktop.domain.errors import SignedNoteError, ValidationError
from ipt_desktop.domain.model import ClientRecord, Session
from ipt_desktop.store.tables import DraftRow, EpisodeRow, SessionRow
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.vault import Vault

from . import practice_memory
from .drafts import session_draft_key
from .practice_memory import Changes

SIGNED_CANNOT_BE_DELETED = "a signed note cannot be deleted"
NO_EPISODE = "the client has no treatment contract yet: add one before the first session"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _read(vault: Vault, db: DbSession, client_id: str, session_id: str) -> Session | None:
    session: Session | None = client_rows.read_child(vault, db, SessionRow, client_id, session_id)
    return session


def _in_record(record: ClientRecord, session_id: str) -> Session | None:
    return next((s for s in record.sessions if s.id == session_id), None)


def _event_for(old: Session | None, new: Session) -> AuditEvent:
    if old is None:
        return AuditEvent.CREATE
    if old.is_signed:
        return AuditEvent.AMEND
    return AuditEvent.SIGN if new.is_signed else AuditEvent.EDIT


def _record_now(vault: Vault, db: DbSession, client_id: str) -> ClientRecord:
    """The client's record as this transaction holds it: the copy kept in memory when it
    is current (no decryption), else read once."""
    kept = practice_memory.kept_record(vault, client_id)
    return kept if kept is not None else client_rows.read_record(vault, db, client_id)


def _with_session(record: ClientRecord, session: Session | None, session_id: str) -> ClientRecord:
    """``record`` with the session ``session_id`` replaced by ``session`` (None: removed)."""
    others = [s for s in record.sessions if s.id != session_id]
    sessions = others if session is None else [*others, session]
    return dataclasses.replace(record, sessions=tuple(sorted(sessions, key=session_order_key)))


def _write(
    vault: Vault, db: DbSession, record: ClientRecord, session: Session, changes: Changes
) -> None:
    """Seal the row, then the summary of the record with it: the session is decoded back
    from its payload, so the summary is made from exactly what a later read would give."""
    episode = db.get(EpisodeRow, session.episode_id)
    if episode is None or episode.client_id != session.client_id:
        raise ValidationError("episode_id", "is not a treatment contract of this client")
    data = client_rows.session_payload(session)
    client_rows.put_child(
        vault, db, SessionRow, session.client_id, session.id, data, episode_id=session.episode_id
    )
    stored = json.loads(json.dumps(data, ensure_ascii=False))
    again = client_rows.child_value(
        SessionRow, session.id, session.client_id, stored, session.episode_id
    )
    new_record = _with_session(record, again, session.id)
    client_rows.write_summary(vault, db, new_record)
    changes.row(session.client_id, SessionRow.__tablename__, session.id, stored)
    changes.record(new_record)


def save_session(vault: Vault, session: Session) -> Session:
    """Create or update a note. Refuses (SignedNoteError) any change to a signed note but
    appended amendments; a note signed through here obeys the same rules as ``sign``.

    With the client's record kept in memory (it is once opened or saved in this unlock)
    the note is read once and nothing else is decrypted; the summary is updated from it."""
    kept = practice_memory.kept_record(vault, session.client_id)
    if kept is not None:
        before = _in_record(kept, session.id)
    else:
        with vault.reading() as db:
            before = _read(vault, db, session.client_id, session.id)
    event = _event_for(before, session)
    with (
        practice_memory.tracked(vault) as changes,
        vault.transaction(event, session.client_id, session.id) as db,
    ):
        record = _record_now(vault, db, session.client_id)
        old = _in_record(record, session.id)
        if old is None and db.get(SessionRow, session.id) is not None:
            raise LookupError(client_rows.NO_RECORD)  # the id is another client's note
        if old is not None:
            signing.check_edit_allowed(old, session)
        elif session.is_signed and (problems := signing.signing_problems(session)):
            raise ValidationError("risk_assessment", problems[0])
        _write(vault, db, record, session, changes)
    return session


def _change(
    vault: Vault,
    event: AuditEvent,
    client_id: str,
    session_id: str,
    how: Callable[[Session], Session],
) -> Session:
    with (
        practice_memory.tracked(vault) as changes,
        vault.transaction(event, client_id, session_id) as db,
    ):
        record = _record_now(vault, db, client_id)
        old = _in_record(record, session_id)
        if old is None:
            raise LookupError(client_rows.NO_RECORD)
        new = how(old)
        _write(vault, db, record, new, changes)
    return new


def sign_session(
    vault: Vault, client_id: str, session_id: str, at: dt.datetime | None = None
) -> Session:
    """Finalise a note. ValidationError("risk_assessment", ...) when PHQ-9 item 9 is positive
    and no risk assessment is written; SignedNoteError when it is already signed."""
    moment = at or _now()
    return _change(vault, AuditEvent.SIGN, client_id, session_id, lambda s: signing.sign(s, moment))


def amend_session(
    vault: Vault, client_id: str, session_id: str, text: str, at: dt.datetime | None = None
) -> Session:
    """Add a correction beside a signed note (the original stays as it was)."""
    moment = at or _now()
    return _change(
        vault, AuditEvent.AMEND, client_id, session_id, lambda s: signing.amend(s, text, moment)
    )


def delete_session(vault: Vault, client_id: str, session_id: str) -> None:
    """Delete an unsigned note and its draft; SignedNoteError for a signed one."""
    with (
        practice_memory.tracked(vault) as changes,
        vault.transaction(AuditEvent.DELETE, client_id, session_id) as db,
    ):
        record = _record_now(vault, db, client_id)
        old = _in_record(record, session_id)
        row = db.get(SessionRow, session_id)
        if old is None or row is None:
            raise LookupError(client_rows.NO_RECORD)
        if old.is_signed:
            raise SignedNoteError(SIGNED_CANNOT_BE_DELETED)
        draft = db.get(DraftRow, session_draft_key(session_id))
        if draft is not None:
            db.delete(draft)
        db.delete(row)
        new_record = _with_session(record, None, session_id)
        client_rows.write_summary(vault, db, new_record)
        changes.removed_row(session_id)
        changes.record(new_record)


def new_session_for(record: ClientRecord, on: dt.date) -> Session:
    """A blank note dated ``on`` in the contract running then (the latest one started on
    or before ``on``, else the latest). Its phase is left to the domain's suggestion."""
    started = [e for e in record.episodes if e.start_date <= on]
    episode = max(started, key=lambda e: e.start_date, default=record.current_episode)
    if episode is None:
        raise ValidationError("episode", NO_EPISODE)
    return Session(episode_id=episode.id, client_id=record.client.id, date=on)
