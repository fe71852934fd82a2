"""Which session dates get a second look (issue 13, item 3)."""

import datetime as dt

import pytest

from ipt_desktop.domain.model import Client, Episode, Session
from ipt_desktop.domain.session_dates import (
    FUTURE_DAYS,
    date_questions,
    renumbered_by_removal,
    renumbered_signed,
)

CLIENT = Client(name="Fictional Dates Client")
EPISODE = Episode(CLIENT.id, dt.date(2025, 1, 6), planned_sessions=12)
TODAY = dt.date(2025, 3, 3)
SIGNED_AT = dt.datetime(2025, 2, 1, 12, 0, tzinfo=dt.UTC)


def weekly(signed: tuple[int, ...] = ()) -> list[Session]:
    return [
        Session(
            EPISODE.id,
            CLIENT.id,
            EPISODE.start_date + dt.timedelta(weeks=i),
            signed_at=SIGNED_AT if i in signed else None,
        )
        for i in range(4)
    ]


@pytest.mark.parametrize(
    ("new_date", "asked"),
    [
        (TODAY, []),
        (TODAY + dt.timedelta(days=FUTURE_DAYS), []),
        (TODAY + dt.timedelta(days=FUTURE_DAYS + 1), ["15 days from today"]),
        (dt.date(2031, 1, 1), ["days from today"]),
        (dt.date(2025, 1, 5), ["before this contract began (2025-01-06)"]),
        (dt.date(2025, 1, 6), []),
    ],
)
def test_future_and_before_the_contract(new_date: dt.date, asked: list[str]) -> None:
    sessions = weekly()
    questions = date_questions(sessions[-1], new_date, EPISODE, sessions, TODAY)
    assert len(questions) == len(asked)
    for question, fragment in zip(questions, asked, strict=True):
        assert fragment in question


def test_moving_a_note_past_signed_ones_names_each_renumbered_note() -> None:
    sessions = weekly(signed=(1, 2))
    moved = renumbered_signed(sessions, sessions[3], dt.date(2025, 1, 7))
    assert [(m.date, m.before, m.after) for m in moved] == [
        (dt.date(2025, 1, 13), 2, 3),
        (dt.date(2025, 1, 20), 3, 4),
    ]
    questions = date_questions(sessions[3], dt.date(2025, 1, 7), EPISODE, sessions, TODAY)
    assert questions == [
        "The signed note of 2025-01-13 would become session 3 instead of 2.",
        "The signed note of 2025-01-20 would become session 4 instead of 3.",
    ]
    # unsigned neighbours may be renumbered without a question
    assert renumbered_signed(weekly(), weekly()[3], dt.date(2025, 1, 7)) == []


def test_deleting_before_a_signed_note_renumbers_it() -> None:
    sessions = weekly(signed=(3,))
    moved = renumbered_by_removal(sessions, sessions[0])
    assert [(m.before, m.after) for m in moved] == [(4, 3)]
    assert renumbered_by_removal(sessions, sessions[3]) == []
