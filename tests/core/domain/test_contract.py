"""The treatment contract: numbering, "Session 7 of 16", raising the ending, overruns."""

import datetime as dt

import pytest

from ipt_desktop.domain.contract import (
    ENDING_NOTICE_SESSIONS,
    planned_end_date,
    progress,
    session_numbers,
)
from ipt_desktop.domain.enums import EpisodeKind
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import Episode, Session, new_id

CLIENT = new_id()
START = dt.date(2026, 1, 5)


def episode(planned: int = 16, kind: EpisodeKind = EpisodeKind.ACUTE) -> Episode:
    return Episode(client_id=CLIENT, start_date=START, kind=kind, planned_sessions=planned)


def session(ep: Episode, day: int, session_id: str | None = None) -> Session:
    return Session(
        episode_id=ep.id,
        client_id=CLIENT,
        date=START + dt.timedelta(days=day),
        id=session_id or new_id(),
    )


@pytest.mark.parametrize(
    ("number", "label", "remaining", "raise_ending", "overrun"),
    [
        (1, "Session 1 of 16", 15, False, False),
        (7, "Session 7 of 16", 9, False, False),
        (12, "Session 12 of 16", 4, False, False),
        (13, "Session 13 of 16", 3, True, False),  # 3 sessions remain: raise the ending
        (15, "Session 15 of 16", 1, True, False),
        (16, "Session 16 of 16", 0, True, False),
        (17, "Session 17 of 16 (over contract)", 0, True, True),
        (20, "Session 20 of 16 (over contract)", 0, True, True),
    ],
)
def test_progress_of_a_16_session_contract(
    number: int, label: str, remaining: int, raise_ending: bool, overrun: bool
) -> None:
    result = progress(episode(16), number)
    assert result.label == label
    assert (result.number, result.planned) == (number, 16)
    assert result.remaining == remaining
    assert result.raise_ending is raise_ending
    assert result.overrun is overrun


def test_the_ending_is_raised_relative_to_the_contract_length() -> None:
    assert ENDING_NOTICE_SESSIONS == 3
    assert progress(episode(12), 8).raise_ending is False
    assert progress(episode(12), 9).raise_ending is True
    assert progress(episode(8), 5).raise_ending is True


@pytest.mark.parametrize("number", [0, -1])
def test_progress_refuses_a_number_below_one(number: int) -> None:
    with pytest.raises(ValidationError) as caught:
        progress(episode(), number)
    assert caught.value.field == "number"


def test_session_numbers_count_within_each_episode_by_date_then_id() -> None:
    acute, maintenance = episode(16), episode(6, EpisodeKind.MAINTENANCE)
    low_id, high_id = sorted([new_id(), new_id()])
    a1, a2 = session(acute, 0), session(acute, 7, high_id)
    a2_twin = session(acute, 7, low_id)  # same day: the smaller id comes first
    a4 = session(acute, 14)
    m1, m2 = session(maintenance, 120), session(maintenance, 150)
    numbers = session_numbers([m2, a4, a2, m1, a1, a2_twin])
    assert numbers == {a1.id: 1, a2_twin.id: 2, a2.id: 3, a4.id: 4, m1.id: 1, m2.id: 2}


def test_planned_end_without_sessions_counts_from_the_start_date() -> None:
    assert planned_end_date(episode(16), []) == START + dt.timedelta(weeks=15)
    maintenance = episode(6, EpisodeKind.MAINTENANCE)
    assert planned_end_date(maintenance, []) == START + dt.timedelta(weeks=20)


def test_planned_end_counts_on_from_the_latest_session_held() -> None:
    ep = episode(12)
    other = episode(12)
    held = [session(ep, 0), session(ep, 10), session(ep, 20), session(other, 200)]
    # 3 of 12 held, the latest on day 20: 9 more weekly sessions.
    assert planned_end_date(ep, held) == START + dt.timedelta(days=20, weeks=9)


def test_planned_end_of_a_completed_or_overrun_contract_is_its_last_planned_session() -> None:
    ep = episode(2)
    held = [session(ep, 14), session(ep, 0), session(ep, 7)]
    assert planned_end_date(ep, held) == START + dt.timedelta(days=7)
