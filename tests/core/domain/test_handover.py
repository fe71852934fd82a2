"""Hand-over answers become client-rated measures only when a questionnaire is complete."""

import dataclasses
import datetime as dt

import pytest

from ipt_desktop.domain.client_entry import ClientEntry, Questionnaire
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.handover import (
    HandoverAnswers,
    entry_after_edit,
    handover_items,
    place_answers,
)
from ipt_desktop.domain.model import Session, new_id

T0 = dt.datetime(2026, 2, 2, 10, 0, tzinfo=dt.UTC)
ALL = (Questionnaire.MOOD, Questionnaire.PHQ9, Questionnaire.GAD7)


def a_session(**changes: object) -> Session:
    base = Session(episode_id=new_id(), client_id=new_id(), date=dt.date(2026, 2, 2))
    return dataclasses.replace(base, **changes)


def answer_all(answers: HandoverAnswers, values: dict[Questionnaire, list[int]]) -> HandoverAnswers:
    items = handover_items(answers.measures)
    for n, item in enumerate(items):
        if item.questionnaire in values:
            value = values[item.questionnaire][item.index]
            answers = answers.with_answer(item, value, T0 + dt.timedelta(seconds=10 * n))
    return answers


def test_items_come_in_a_fixed_order_with_their_choices():
    items = handover_items((Questionnaire.GAD7, Questionnaire.MOOD, Questionnaire.PHQ9))
    assert [i.questionnaire for i in items] == [Questionnaire.MOOD] + [Questionnaire.PHQ9] * 9 + [
        Questionnaire.GAD7
    ] * 7
    assert [v for v, _ in items[0].choices] == list(range(11))
    assert [v for v, _ in items[1].choices] == [0, 1, 2, 3]
    assert items[9].position == "PHQ-9, question 9 of 9"
    assert "better off dead" in items[9].question


def test_complete_questionnaires_are_placed_as_client_rated():
    session = a_session(phq9=(0,) * 9)  # a therapist-entered score is replaced
    answers = answer_all(
        HandoverAnswers(session.id, ALL, T0),
        {Questionnaire.MOOD: [6], Questionnaire.PHQ9: [1, 2, 0, 1, 1, 0, 2, 0, 1]},
    )
    done = T0 + dt.timedelta(minutes=3)
    placed, unfinished = place_answers(session, answers, done)
    assert placed.mood == 6
    assert placed.phq9 == (1, 2, 0, 1, 1, 0, 2, 0, 1)
    assert placed.gad7 is None
    assert unfinished == (Questionnaire.GAD7,)
    assert placed.client_entry == ClientEntry((Questionnaire.MOOD, Questionnaire.PHQ9), T0, done)
    assert answers.item9_positive()


def test_a_half_answered_questionnaire_is_never_a_score():
    session = a_session()
    answers = HandoverAnswers(session.id, (Questionnaire.PHQ9,), T0)
    for item in handover_items(answers.measures)[:8]:
        answers = answers.with_answer(item, 3, T0)
    placed, unfinished = place_answers(session, answers, T0)
    assert placed == session
    assert unfinished == (Questionnaire.PHQ9,)
    assert answers.first_unanswered(handover_items(answers.measures)) == 8


def test_signed_notes_and_other_sessions_are_refused():
    session = a_session(signed_at=T0)
    answers = answer_all(
        HandoverAnswers(session.id, (Questionnaire.MOOD,), T0), {Questionnaire.MOOD: [4]}
    )
    with pytest.raises(ValidationError, match="signed"):
        place_answers(session, answers, T0)
    with pytest.raises(ValidationError, match="another session"):
        place_answers(a_session(), answers, T0)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({Questionnaire.MOOD: (11,)}, "mood[0]"),
        ({Questionnaire.PHQ9: (4,) + (None,) * 8}, "phq9[0]"),
    ],
)
def test_impossible_answers_are_refused(values, field):
    with pytest.raises(ValidationError) as caught:
        HandoverAnswers(new_id(), ALL, T0, values)
    assert caught.value.field == field


def test_a_score_the_therapist_changes_is_no_longer_marked_client_rated():
    entry = ClientEntry((Questionnaire.MOOD, Questionnaire.PHQ9), T0, T0)
    stored = a_session(mood=5, phq9=(1,) * 9, client_entry=entry)
    edited = dataclasses.replace(stored, phq9=(2,) * 9)
    assert entry_after_edit(stored, edited) == ClientEntry((Questionnaire.MOOD,), T0, T0)
    assert entry_after_edit(stored, dataclasses.replace(edited, mood=6)) is None
    assert entry_after_edit(stored, stored) == entry


def test_a_client_mark_needs_the_measure_and_a_proper_time():
    with pytest.raises(ValidationError, match="client-rated but empty"):
        a_session(client_entry=ClientEntry((Questionnaire.GAD7,), T0, T0))
    with pytest.raises(ValidationError, match="UTC offset"):
        ClientEntry((Questionnaire.MOOD,), dt.datetime(2026, 1, 1), T0)
    with pytest.raises(ValidationError, match="before the start"):
        ClientEntry((Questionnaire.MOOD,), T0, T0 - dt.timedelta(seconds=1))
