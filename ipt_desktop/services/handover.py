"""Hand-over mode as a use case: the client's answers, sealed after every item, then placed.

While the client answers, every answer is saved at once as an encrypted draft (the client's
data key, table "drafts", key ``handover:<session id>``): a crash, a kill or the auto-lock
loses no answered item. After the therapist unlocks, ``place_pending`` puts every complete
questionnaire into the session as client-rated; what is unfinished stays a draft, and the
next hand-over of that session resumes at the first unanswered item.

The draft holds only this hand-over's answers: nothing of the record, so the client can
never see earlier answers.
"""

import datetime as dt
from dataclasses import dataclass

from ipt_desktop.domain.client_entry import QUESTIONNAIRE_ORDER, Questionnaire
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.handover import HandoverAnswers, place_answers
from ipt_desktop.domain.model import Session
from ipt_desktop.vault.json_fields import read_moment, write_moment
from ipt_desktop.vault.vault import Vault

from .clients import load_record
from .drafts import Draft, discard_draft, list_drafts, load_draft, save_draft
from .sessions import save_session

PREFIX = "handover:"
_NONE = "-"


def handover_draft_key(session_id: str) -> str:
    return f"{PREFIX}{session_id}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


# -- the draft's text fields ------------------------------------------------------------
def answers_to_fields(answers: HandoverAnswers) -> dict[str, str]:
    fields = {
        "session_id": answers.session_id,
        "measures": ",".join(q.value for q in answers.measures),
        "started_at": write_moment(answers.started_at),
        "answered_at": "" if answers.answered_at is None else write_moment(answers.answered_at),
    }
    for q, values in answers.values.items():
        fields[q.value] = ",".join(_NONE if v is None else str(v) for v in values)
    return fields


def _values(field: str, text: str) -> tuple[int | None, ...]:
    out: list[int | None] = []
    for part in text.split(","):
        if part == _NONE:
            out.append(None)
        elif part.isdigit():
            out.append(int(part))
        else:
            raise ValidationError(field, "is not a list of answers")
    return tuple(out)


def answers_from_fields(fields: dict[str, str]) -> HandoverAnswers:
    try:
        measures = tuple(Questionnaire(m) for m in fields["measures"].split(",") if m)
        values = {q: _values(q.value, fields[q.value]) for q in measures}
        answered = fields.get("answered_at", "")
        return HandoverAnswers(
            session_id=fields["session_id"],
            measures=measures,
            started_at=read_moment("started_at", fields["started_at"]),
            values=values,
            answered_at=read_moment("answered_at", answered) if answered else None,
        )
    except (KeyError, ValueError) as exc:
        raise ValidationError("handover draft", "does not read") from exc


# -- during the hand-over ---------------------------------------------------------------
def begin_handover(
    vault: Vault, session: Session, measures: tuple[Questionnaire, ...]
) -> HandoverAnswers:
    """Start (or resume) the hand-over of ``session``; sealed at once, before any answer."""
    if session.is_signed:
        raise ValidationError("session", "a signed note cannot take new answers")
    chosen = tuple(q for q in QUESTIONNAIRE_ORDER if q in measures)
    if not chosen:
        raise ValidationError("measures", "choose at least one questionnaire")
    kept = load_progress(vault, session.id)
    if kept is not None:
        # Resume: the unfinished answers of this same session's hand-over, plus anything new.
        values = {q: kept.values[q] for q in kept.measures}
        answers = HandoverAnswers(
            session.id,
            tuple(set(kept.measures) | set(chosen)),
            kept.started_at,
            values,
            kept.answered_at,
        )
    else:
        answers = HandoverAnswers(session.id, chosen, _now())
    save_progress(vault, session.client_id, answers)
    return answers


def save_progress(vault: Vault, client_id: str, answers: HandoverAnswers) -> None:
    """Seal the answers so far (called after every item)."""
    save_draft(vault, handover_draft_key(answers.session_id), client_id, answers_to_fields(answers))


def load_progress(vault: Vault, session_id: str) -> HandoverAnswers | None:
    draft = load_draft(vault, handover_draft_key(session_id))
    return None if draft is None else answers_from_fields(draft.fields)


# -- after the therapist unlocks --------------------------------------------------------
@dataclass(frozen=True)
class PendingHandover:
    client_id: str
    answers: HandoverAnswers


@dataclass(frozen=True)
class PlacedAnswers:
    """What ``place_pending`` did, for the therapist's notice after unlock."""

    client_id: str
    session: Session | None  # None: the session was deleted meanwhile
    placed: tuple[Questionnaire, ...]
    unfinished: tuple[Questionnaire, ...]
    replaced: tuple[Questionnaire, ...]  # had a value before the client's answer
    item9_positive: bool
    problem: str | None = None  # when nothing could be placed (e.g. signed meanwhile)


def pending_handovers(vault: Vault) -> list[PendingHandover]:
    """Every hand-over draft in the vault, answered or not."""
    found: list[PendingHandover] = []
    for draft in list_drafts(vault):
        if draft.key.startswith(PREFIX) and draft.client_id is not None:
            found.append(PendingHandover(draft.client_id, _answers(draft)))
    return found


def _answers(draft: Draft) -> HandoverAnswers:
    return answers_from_fields(draft.fields)


def place_pending(vault: Vault, pending: PendingHandover) -> PlacedAnswers:
    """Put the complete questionnaires into the session; keep the rest as a draft."""
    answers = pending.answers
    record = load_record(vault, pending.client_id)
    session = next((s for s in record.sessions if s.id == answers.session_id), None)
    positive = answers.item9_positive()
    if session is None:
        return PlacedAnswers(
            pending.client_id,
            None,
            (),
            answers.measures,
            (),
            positive,
            "the session was deleted; the answers are kept as a draft",
        )
    try:
        updated, unfinished = place_answers(session, answers, answers.answered_at or _now())
    except ValidationError as error:
        return PlacedAnswers(
            pending.client_id, session, (), answers.measures, (), positive, error.message
        )
    placed = tuple(q for q in answers.measures if q not in unfinished)
    replaced = tuple(q for q in placed if getattr(session, q.value) is not None)
    if placed:
        updated = save_session(vault, updated)
    key = handover_draft_key(answers.session_id)
    if unfinished:
        rest = HandoverAnswers(
            answers.session_id,
            unfinished,
            answers.started_at,
            {q: answers.values[q] for q in unfinished},
            answers.answered_at,
        )
        save_progress(vault, pending.client_id, rest)
    else:
        discard_draft(vault, key)
    return PlacedAnswers(pending.client_id, updated, placed, unfinished, replaced, positive)


def discard_handover(vault: Vault, session_id: str) -> None:
    discard_draft(vault, handover_draft_key(session_id))
