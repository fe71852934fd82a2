"""Session notes: save, sign, amend, delete. A signed note is read-only (DESIGN.md section 3)."""

import datetime as dt
from collections.abc import Callable

from sqlalchemy.orm import Session as DbSession

from ipt_desktop.domain import signing
from ipt_desktop.domain.errors import SignedNoteError, ValidationError
from ipt_desktop.domain.model import ClientRecord, Session
from ipt_desktop.store.tables import DraftRow, EpisodeRow, SessionRow
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.vault import Vault

from .drafts import session_draft_key

SIGNED_CANNOT_BE_DELETED = "a signed note cannot be deleted"
NO_EPISODE = "the client has no treatment contract yet: add one before the first session"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _read(vault: Vault, db: DbSession, client_id: str, session_id: str) -> Session | None:
    session: Session | None = client_rows.read_child(vault, db, SessionRow, client_id, session_id)
    return session


def _event_for(old: Session | None, new: Session) -> AuditEvent:
    if old is None:
        return AuditEvent.CREATE
    if old.is_signed:
        return AuditEvent.AMEND
    return AuditEvent.SIGN if new.is_signed else AuditEvent.EDIT


def _write(vault: Vault, db: DbSession, session: Session) -> None:
    episode = db.get(EpisodeRow, session.episode_id)
    if episode is None or episode.client_id != session.client_id:
        raise ValidationError("episode_id", "is not a treatment contract of this client")
    data = client_rows.session_payload(session)
    client_rows.put_child(
        vault, db, SessionRow, session.client_id, session.id, data, episode_id=session.episode_id
    )
    client_rows.refresh_summary(vault, db, session.client_id)


def save_session(vault: Vault, session: Session) -> Session:
    """Create or update a note. Refuses (SignedNoteError) any change to a signed note but
    appended amendments; a note signed through here obeys the same rules as ``sign``."""
    with vault.reading() as db:
        before = _read(vault, db, session.client_id, session.id)
    with vault.transaction(_event_for(before, session), session.client_id, session.id) as db:
        old = _read(vault, db, session.client_id, session.id)
        if old is not None:
            signing.check_edit_allowed(old, session)
        elif session.is_signed and (problems := signing.signing_problems(session)):
            raise ValidationError("risk_assessment", problems[0])
        _write(vault, db, session)
    return session


def _change(
    vault: Vault,
    event: AuditEvent,
    client_id: str,
    session_id: str,
    how: Callable[[Session], Session],
) -> Session:
    with vault.transaction(event, client_id, session_id) as db:
        old = _read(vault, db, client_id, session_id)
        if old is None:
            raise LookupError(client_rows.NO_RECORD)
        new = how(old)
        _write(vault, db, new)
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
    with vault.transaction(AuditEvent.DELETE, client_id, session_id) as db:
        old = _read(vault, db, client_id, session_id)
        row = db.get(SessionRow, session_id)
        if old is None or row is None:
            raise LookupError(client_rows.NO_RECORD)
        if old.is_signed:
            raise SignedNoteError(SIGNED_CANNOT_BE_DELETED)
        draft = db.get(DraftRow, session_draft_key(session_id))
        if draft is not None:
            db.delete(draft)
        db.delete(row)
        client_rows.refresh_summary(vault, db, client_id)


def new_session_for(record: ClientRecord, on: dt.date) -> Session:
    """A blank note dated ``on`` in the contract running then (the latest one started on
    or before ``on``, else the latest). Its phase is left to the domain's suggestion."""
    started = [e for e in record.episodes if e.start_date <= on]
    episode = max(started, key=lambda e: e.start_date, default=record.current_episode)
    if episode is None:
        raise ValidationError("episode", NO_EPISODE)
    return Session(episode_id=episode.id, client_id=record.client.id, date=on)
