"""Item-9 risk flag before signing; signed notes are read-only; amendments sit beside them."""

import dataclasses
import datetime as dt

import pytest

from ipt_desktop.domain.enums import Phase
from ipt_desktop.domain.errors import SignedNoteError, ValidationError
from ipt_desktop.domain.model import Amendment, Session, SessionNote, new_id
from ipt_desktop.domain.risk import risk_assessment_missing, risk_assessment_required
from ipt_desktop.domain.signing import amend, check_edit_allowed, sign, signing_problems

SIGNED_AT = dt.datetime(2026, 2, 2, 17, 30, tzinfo=dt.UTC)
NOTE_TEXT = "Fictional: talked about the argument with her sister Marguerite."


def item9(answer: int | None) -> tuple[int, ...] | None:
    return None if answer is None else (2, 2, 1, 1, 0, 1, 0, 0, answer)


def session(item9_answer: int | None = 0, risk_assessment: str = "") -> Session:
    return Session(
        episode_id=new_id(),
        client_id=new_id(),
        date=dt.date(2026, 2, 2),
        mood=4,
        phq9=item9(item9_answer),
        note=SessionNote(note=NOTE_TEXT, risk_assessment=risk_assessment),
    )


def signed(item9_answer: int | None = 0) -> Session:
    return sign(session(item9_answer), SIGNED_AT)


@pytest.mark.parametrize(
    ("answer", "risk_assessment", "required", "problems"),
    [
        (None, "", False, 0),  # no PHQ-9 this session
        (0, "", False, 0),
        (1, "", True, 1),  # any answer above 0 requires an assessment
        (2, "", True, 1),
        (3, "", True, 1),
        (1, "   \n\t", True, 1),  # blank is not documented
        (1, "Fictional: no plan or intent; safety plan reviewed.", True, 0),
        (3, "Fictional: crisis line given, follow-up call tomorrow.", True, 0),
        # One character, or a word, is not an assessment (IPT.md: real content).
        (1, "x", True, 1),
        (2, "ok fine", True, 1),
        (0, "x", False, 0),  # no positive answer: nothing is required
    ],
)
def test_item9_requires_a_documented_risk_assessment_before_signing(
    answer: int | None, risk_assessment: str, required: bool, problems: int
) -> None:
    note = session(answer, risk_assessment)
    assert risk_assessment_required(note) is required
    assert risk_assessment_missing(note) is (problems > 0 and not risk_assessment.strip())
    assert len(signing_problems(note)) == problems
    if problems:
        with pytest.raises(ValidationError) as caught:
            sign(note, SIGNED_AT)
        assert caught.value.field == "risk_assessment"
        assert NOTE_TEXT not in str(caught.value)
    else:
        assert sign(note, SIGNED_AT).signed_at == SIGNED_AT


def test_signing_keeps_everything_else() -> None:
    note = session(1, "Fictional: assessed, low risk.")
    result = sign(note, SIGNED_AT)
    assert result.is_signed
    assert dataclasses.replace(result, signed_at=None) == note
    assert not note.is_signed  # values are immutable: the original is untouched


def test_a_signed_note_cannot_be_signed_again() -> None:
    with pytest.raises(SignedNoteError) as caught:
        sign(signed(), SIGNED_AT + dt.timedelta(hours=1))
    assert NOTE_TEXT not in str(caught.value)


def test_sign_needs_a_date_and_time() -> None:
    with pytest.raises(ValidationError) as caught:
        sign(session(), dt.date(2026, 2, 2))  # type: ignore[arg-type]
    assert caught.value.field == "signed_at"


EDITS = {
    "note text": lambda s: dataclasses.replace(s, note=SessionNote(note="changed")),
    "risk assessment": lambda s: dataclasses.replace(
        s, note=dataclasses.replace(s.note, risk_assessment="Added: no plan, plan agreed")
    ),
    "mood": lambda s: dataclasses.replace(s, mood=9),
    "phq9": lambda s: dataclasses.replace(s, phq9=(0,) * 9),
    "hamd": lambda s: dataclasses.replace(s, hamd=12),
    "date": lambda s: dataclasses.replace(s, date=dt.date(2026, 2, 3)),
    "phase": lambda s: dataclasses.replace(s, phase_override=Phase.MIDDLE),
    "unsign": lambda s: dataclasses.replace(s, signed_at=None),
    "resign": lambda s: dataclasses.replace(s, signed_at=SIGNED_AT + dt.timedelta(days=1)),
    "edit an amendment": lambda s: dataclasses.replace(
        s, amendments=(dataclasses.replace(s.amendments[0], text="rewritten"),)
    ),
    "drop an amendment": lambda s: dataclasses.replace(s, amendments=()),
    "amendment slipped in before": lambda s: dataclasses.replace(
        s, amendments=(Amendment(SIGNED_AT, "inserted"), *s.amendments)
    ),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_signed_note_is_read_only(edit: str) -> None:
    old = amend(signed(), "Fictional: date of the next session corrected.", SIGNED_AT)
    new = EDITS[edit](old)
    assert new != old
    with pytest.raises(SignedNoteError):
        check_edit_allowed(old, new)


def test_appending_amendments_to_a_signed_note_is_allowed() -> None:
    old = signed()
    new = amend(old, "Fictional: correction one.", SIGNED_AT + dt.timedelta(days=1))
    newer = amend(new, "Fictional: correction two.", SIGNED_AT + dt.timedelta(days=2))
    check_edit_allowed(old, new)
    check_edit_allowed(old, newer)
    check_edit_allowed(new, newer)
    check_edit_allowed(old, old)


def test_an_unsigned_note_may_change_freely() -> None:
    old = session(0)
    for edit in ("note text", "mood", "phq9", "date", "phase"):
        check_edit_allowed(old, EDITS[edit](old))


def test_signing_through_an_edit_obeys_the_item9_rule() -> None:
    old = session(2)
    with pytest.raises(ValidationError) as caught:
        check_edit_allowed(old, dataclasses.replace(old, signed_at=SIGNED_AT))
    assert caught.value.field == "risk_assessment"
    documented = EDITS["risk assessment"](old)
    check_edit_allowed(old, dataclasses.replace(documented, signed_at=SIGNED_AT))


def test_amendments_are_kept_beside_the_original_with_their_own_time() -> None:
    original = signed()
    first_at = SIGNED_AT + dt.timedelta(hours=3)
    second_at = SIGNED_AT + dt.timedelta(days=2)
    once = amend(original, "Fictional: mood was 5, not 4.", first_at)
    twice = amend(once, "Fictional: homework clarified.", second_at)
    assert twice.note == original.note  # the signed text is untouched
    assert twice.mood == original.mood
    assert twice.signed_at == SIGNED_AT
    assert [(a.text, a.written_at) for a in twice.amendments] == [
        ("Fictional: mood was 5, not 4.", first_at),
        ("Fictional: homework clarified.", second_at),
    ]
    assert twice.amendments[0].id != twice.amendments[1].id
    assert original.amendments == ()


@pytest.mark.parametrize(
    ("note", "text", "at", "field"),
    [
        (session(), "Fictional: too early.", SIGNED_AT, "amendments"),  # not signed
        (signed(), "   ", SIGNED_AT, "text"),  # says nothing
        (signed(), "Fictional.", SIGNED_AT - dt.timedelta(minutes=1), "written_at"),
        (signed(), "Fictional.", dt.datetime(2026, 2, 3, 9, 0), "written_at"),  # naive vs aware
    ],
)
def test_amend_refuses(note: Session, text: str, at: dt.datetime, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        amend(note, text, at)
    assert caught.value.field == field
