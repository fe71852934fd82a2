"""Signing session notes. A signed note is read-only; corrections are amendments beside it."""

import dataclasses
import datetime as dt

from .errors import SignedNoteError, ValidationError
from .model import Amendment, Session
from .risk import risk_assessment_missing, risk_assessment_required
from .risk_records import says_something

RISK_ASSESSMENT_MISSING = (
    "PHQ-9 item 9 is above 0: document a risk assessment and safety plan before signing"
)
RISK_ASSESSMENT_TOO_SHORT = (
    "PHQ-9 item 9 is above 0: the risk assessment must say what was asked, what was found "
    "and what was done (at least a short sentence)"
)
ALREADY_SIGNED = "this note is signed and read-only; add an amendment instead"


def signing_problems(session: Session) -> list[str]:
    """What must be fixed before the note can be signed (empty when it can be signed)."""
    problems: list[str] = []
    if risk_assessment_missing(session):
        problems.append(RISK_ASSESSMENT_MISSING)
    elif risk_assessment_required(session) and not says_something(session.note.risk_assessment):
        problems.append(RISK_ASSESSMENT_TOO_SHORT)
    return problems


def sign(session: Session, at: dt.datetime) -> Session:
    if session.is_signed:
        raise SignedNoteError(ALREADY_SIGNED)
    problems = signing_problems(session)
    if problems:
        raise ValidationError("risk_assessment", problems[0])
    if not isinstance(at, dt.datetime):
        raise ValidationError("signed_at", "must be a date and time")
    return dataclasses.replace(session, signed_at=at)


def amend(session: Session, text: str, at: dt.datetime) -> Session:
    """A copy of the signed ``session`` with one more amendment; the original note is kept."""
    if session.signed_at is None:
        raise ValidationError("amendments", "only a signed note takes amendments; edit it instead")
    amendment = Amendment(written_at=at, text=text)
    try:
        before_signature = at < session.signed_at
    except TypeError:
        raise ValidationError(
            "written_at", "must be given with the same time zone handling as the signature"
        ) from None
    if before_signature:
        raise ValidationError("written_at", "an amendment cannot predate the signature")
    return dataclasses.replace(session, amendments=(*session.amendments, amendment))


def check_edit_allowed(old: Session, new: Session) -> None:
    """Refuse an update from ``old`` to ``new`` that would change a signed note.

    Once signed, only appending amendments is allowed: the note, measures, phase, date,
    signature and every earlier amendment stay as they were. Signing through an update is
    held to the same rules as ``sign``.
    """
    if old.is_signed:
        kept = new.amendments[: len(old.amendments)]
        if kept != old.amendments or dataclasses.replace(new, amendments=old.amendments) != old:
            raise SignedNoteError(ALREADY_SIGNED)
        return
    if new.is_signed:
        problems = signing_problems(new)
        if problems:
            raise ValidationError("risk_assessment", problems[0])
