"""Invalid input is refused with a message naming the field; any script is kept as typed."""

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipt_desktop.domain.enums import DisputeStage, ProblemArea
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import (
    Client,
    Episode,
    Formulation,
    InventoryPerson,
    LifeEvent,
    Session,
    SessionNote,
    new_id,
)
from ipt_desktop.domain.validation import parse_date

CLIENT_ID = new_id()
EPISODE_ID = new_id()
DAY = dt.date(2026, 2, 2)


def session(**values: object) -> Session:
    return Session(episode_id=EPISODE_ID, client_id=CLIENT_ID, date=DAY, **values)  # type: ignore[arg-type]


INVALID: dict[str, tuple[Callable[[], object], str]] = {
    "PHQ-9 with 8 items": (lambda: session(phq9=(0,) * 8), "phq9"),
    "PHQ-9 with 10 items": (lambda: session(phq9=(0,) * 10), "phq9"),
    "PHQ-9 item of 4": (lambda: session(phq9=(0, 0, 4, 0, 0, 0, 0, 0, 0)), "phq9[2]"),
    "PHQ-9 item of -1": (lambda: session(phq9=(0, 0, 0, 0, 0, 0, 0, 0, -1)), "phq9[8]"),
    "PHQ-9 boolean item": (lambda: session(phq9=(True, 0, 0, 0, 0, 0, 0, 0, 0)), "phq9[0]"),
    "PHQ-9 as text": (lambda: session(phq9="000000000"), "phq9"),
    "GAD-7 with 9 items": (lambda: session(gad7=(0,) * 9), "gad7"),
    "mood 11": (lambda: session(mood=11), "mood"),
    "mood -1": (lambda: session(mood=-1), "mood"),
    "mood as float": (lambda: session(mood=5.5), "mood"),
    "HAM-D 53": (lambda: session(hamd=53), "hamd"),
    "30 February": (lambda: parse_date("date", "2026-02-30"), "date"),
    "year 0": (lambda: parse_date("date", "0000-01-01"), "date"),
    "date with time": (lambda: parse_date("date", "2026-02-02T10:00"), "date"),
    "date in another order": (lambda: parse_date("date", "02/02/2026"), "date"),
    "date before 1900": (lambda: parse_date("date", "1899-12-31"), "date"),
    "empty client name": (lambda: Client(name=""), "name"),
    "blank client name": (lambda: Client(name="  \t "), "name"),
    "client name not text": (lambda: Client(name=None), "name"),  # type: ignore[arg-type]
    "third focal problem area": (
        lambda: Formulation(
            problem_areas=(
                ProblemArea.GRIEF,
                ProblemArea.ROLE_DISPUTE,
                ProblemArea.ROLE_TRANSITION,
            )
        ),
        "problem_areas",
    ),
    "same problem area twice": (
        lambda: Formulation(problem_areas=(ProblemArea.GRIEF, ProblemArea.GRIEF)),
        "problem_areas",
    ),
    "dispute stage without a dispute": (
        lambda: Formulation(problem_areas=(ProblemArea.GRIEF,), dispute_stage=DisputeStage.IMPASSE),
        "dispute_stage",
    ),
    "planned sessions 0": (
        lambda: Episode(client_id=CLIENT_ID, start_date=DAY, planned_sessions=0),
        "planned_sessions",
    ),
    "closeness ring 4": (
        lambda: InventoryPerson(client_id=CLIENT_ID, name="Fictional Tom", closeness=4),
        "closeness",
    ),
    "lone surrogate in a name": (lambda: Client(name="Ana\ud800"), "name"),
    "lone surrogate in a note": (lambda: session(note=SessionNote(note="\ud800")), "note"),
    "NUL in a note": (lambda: session(note=SessionNote(homework="a\x00b")), "homework"),
    "bad id": (lambda: Client(name="Fictional Bo", id="not-an-id"), "id"),
}


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_input_is_refused_naming_the_field(case: str) -> None:
    build, field = INVALID[case]
    with pytest.raises(ValidationError) as caught:
        build()
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")


def test_a_dispute_stage_with_a_dispute_is_accepted() -> None:
    formulation = Formulation(
        problem_areas=(ProblemArea.ROLE_DISPUTE, ProblemArea.GRIEF),
        dispute_stage=DisputeStage.RENEGOTIATION,
    )
    assert formulation.dispute_stage is DisputeStage.RENEGOTIATION


def test_replace_validates_again() -> None:
    good = session(mood=5)
    with pytest.raises(ValidationError) as caught:
        dataclasses.replace(good, mood=11)
    assert caught.value.field == "mood"


def test_a_lone_surrogate_is_never_echoed_in_the_message() -> None:
    with pytest.raises(ValidationError) as caught:
        Client(name="Fictional Ana\ud800")
    assert "Ana" not in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "Zoë Åkesson-Ñúñez",  # accents
        "Zoe\u0308 decomposed",  # combining diaeresis stays decomposed
        "Σοφία Παπαδοπούλου",  # Greek
        "Ольга Смирнова",  # Cyrillic
        "فاطمة الزهراء",  # Arabic
        "שרה לוי",  # Hebrew
        "王小明",  # Chinese
        "山田 花子",  # Japanese
        "김민준",  # Korean
        "Ana 🙂👩‍👩‍👧🏳️‍🌈",  # emoji, ZWJ sequences
        "ﬁne ＡＢＣ",  # compatibility characters are not normalised away
    ],
)
def test_names_and_notes_in_any_script_are_kept_unchanged(text: str) -> None:
    client = Client(name=text)
    person = InventoryPerson(client_id=client.id, name=text, notes=text)
    event = LifeEvent(client_id=client.id, date=DAY, description=text)
    note = session(note=SessionNote(note=text, since_last_met=text)).note
    assert client.name == text
    assert (person.name, person.notes) == (text, text)
    assert event.description == text
    assert (note.note, note.since_last_met) == (text, text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-02-28", dt.date(2026, 2, 28)), ("2028-02-29", dt.date(2028, 2, 29))],
)
def test_parse_date_accepts_real_dates(value: str, expected: dt.date) -> None:
    assert parse_date("date", value) == expected


@given(st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1))
def test_any_text_without_surrogates_or_nul_is_kept(text: str) -> None:
    assert session(note=SessionNote(note=text)).note.note == text


@given(st.lists(st.integers(min_value=-5, max_value=8), min_size=9, max_size=9))
def test_phq9_items_outside_0_to_3_are_refused(items: list[int]) -> None:
    if all(0 <= v <= 3 for v in items):
        assert session(phq9=tuple(items)).phq9 == tuple(items)
    else:
        with pytest.raises(ValidationError) as caught:
            session(phq9=tuple(items))
        bad = next(i for i, v in enumerate(items) if not 0 <= v <= 3)
        assert caught.value.field == f"phq9[{bad}]"
