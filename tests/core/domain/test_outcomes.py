"""Outcome rules: response at 50%, remission, the 5-point minimal important change."""

import datetime as dt

import pytest

from ipt_desktop.domain.model import Session, new_id
from ipt_desktop.domain.outcomes import (
    Measure,
    Outcome,
    describe,
    gad7_outcome,
    hamd_outcome,
    is_response,
    phq9_outcome,
)

CLIENT = new_id()
EPISODE = new_id()
START = dt.date(2026, 1, 5)


def phq9_items(total: int) -> tuple[int, ...]:
    """Nine answers adding up to ``total`` (item 9 stays 0 up to 24)."""
    items = []
    left = total
    for _ in range(9):
        items.append(min(3, left))
        left -= items[-1]
    return tuple(items)


def gad7_items(total: int) -> tuple[int, ...]:
    items = []
    left = total
    for _ in range(7):
        items.append(min(3, left))
        left -= items[-1]
    return tuple(items)


def session(
    week: int,
    *,
    phq9: int | None = None,
    hamd: int | None = None,
    gad7: int | None = None,
    session_id: str | None = None,
) -> Session:
    return Session(
        episode_id=EPISODE,
        client_id=CLIENT,
        date=START + dt.timedelta(weeks=week),
        phq9=None if phq9 is None else phq9_items(phq9),
        hamd=hamd,
        gad7=None if gad7 is None else gad7_items(gad7),
        id=session_id or new_id(),
    )


def phq9_course(*totals: int) -> Outcome:
    outcome = phq9_outcome([session(week, phq9=total) for week, total in enumerate(totals)])
    assert outcome is not None
    return outcome


@pytest.mark.parametrize(
    ("baseline", "latest", "response"),
    [
        (20, 10, True),  # exactly 50% below: response
        (20, 11, False),
        (21, 10, True),  # 10 <= 10.5
        (21, 11, False),
        (10, 5, True),
        (10, 6, False),
        (1, 0, True),
        (0, 0, False),  # no response without a baseline above 0
        (8, 12, False),
    ],
)
def test_is_response_means_at_least_half_below_baseline(
    baseline: int, latest: int, response: bool
) -> None:
    assert is_response(baseline, latest) is response


@pytest.mark.parametrize(
    ("baseline", "latest", "response", "remission", "mic"),
    [
        (18, 9, True, False, True),  # exactly 50%
        (18, 10, False, False, True),
        (18, 4, True, True, True),  # remission: below 5
        (18, 5, True, False, True),  # 5 is not remission
        (10, 5, True, False, True),  # improvement of exactly 5 points
        (10, 6, False, False, False),  # 4 points is not a minimal important change
        (6, 4, False, False, False),  # baseline 6 is not clinical: never remission
        (10, 4, True, True, True),  # baseline 10 is clinical: remission
        (9, 4, True, False, True),  # baseline 9 is not: improved, not remitted
        (12, 15, False, False, False),  # worse
    ],
)
def test_phq9_outcome_rules(
    baseline: int, latest: int, response: bool, remission: bool, mic: bool
) -> None:
    outcome = phq9_course(baseline, 14, latest)
    assert (outcome.baseline, outcome.latest) == (baseline, latest)
    assert outcome.change == latest - baseline
    assert outcome.response is response
    assert outcome.remission is remission
    assert outcome.minimal_important_change is mic
    assert outcome.measurements == 3


@pytest.mark.parametrize(
    ("baseline", "latest", "response", "remission"),
    [
        (24, 7, True, True),  # 7 or below: remission
        (24, 8, True, False),
        (24, 12, True, False),
        (24, 13, False, False),
        (16, 7, True, True),
    ],
)
def test_hamd_outcome_rules(baseline: int, latest: int, response: bool, remission: bool) -> None:
    outcome = hamd_outcome([session(0, hamd=baseline), session(6, hamd=latest)])
    assert outcome is not None
    assert outcome.measure is Measure.HAMD
    assert outcome.response is response
    assert outcome.remission is remission


@pytest.mark.parametrize(
    ("baseline", "latest", "remission", "mic"),
    [(15, 4, True, True), (15, 5, False, True), (15, 12, False, False), (15, 11, False, True)],
)
def test_gad7_outcome_rules(baseline: int, latest: int, remission: bool, mic: bool) -> None:
    outcome = gad7_outcome([session(0, gad7=baseline), session(8, gad7=latest)])
    assert outcome is not None
    assert outcome.measure is Measure.GAD7
    assert outcome.remission is remission
    assert outcome.minimal_important_change is mic


def test_baseline_is_the_earliest_session_by_date_then_id_whatever_the_order_given() -> None:
    first_id, second_id = sorted([new_id(), new_id()])
    sessions = [
        session(10, phq9=6),
        session(0, phq9=22, session_id=second_id),
        session(0, phq9=19, session_id=first_id),  # same date, smaller id: the baseline
        session(5, phq9=None, hamd=10),
        session(12, phq9=None),  # latest session has no PHQ-9: not the latest measurement
    ]
    outcome = phq9_outcome(sessions)
    assert outcome is not None
    assert outcome.baseline == 19
    assert outcome.latest == 6
    assert outcome.baseline_date == START
    assert outcome.latest_date == START + dt.timedelta(weeks=10)
    assert outcome.measurements == 3


def test_percent_change_is_relative_to_baseline_and_none_from_zero() -> None:
    assert phq9_course(20, 10).percent_change == pytest.approx(-50.0)
    assert phq9_course(8, 10).percent_change == pytest.approx(25.0)
    assert phq9_course(0, 3).percent_change is None


def test_a_single_measurement_shows_the_baseline_only() -> None:
    outcome = phq9_course(3)
    assert (outcome.baseline, outcome.latest, outcome.change) == (3, 3, 0)
    assert outcome.response is False
    assert outcome.remission is False  # a first score is where treatment starts
    assert outcome.measurements == 1
    assert describe(outcome) == "Baseline only"


def test_no_measurement_gives_no_outcome() -> None:
    sessions = [session(0), session(1, hamd=20)]
    assert phq9_outcome(sessions) is None
    assert gad7_outcome(sessions) is None
    assert hamd_outcome([session(0, phq9=10)]) is None
    assert phq9_outcome([]) is None


@pytest.mark.parametrize(
    ("totals", "label"),
    [
        ((18, 3), "Remission"),
        ((18, 9), "Response"),
        ((14, 9), "Improved (5+ points)"),
        ((14, 10), "No reliable change"),
        ((14, 18), "No reliable change"),
        ((14, 19), "Worse"),
    ],
)
def test_describe_phq9(totals: tuple[int, int], label: str) -> None:
    assert describe(phq9_course(*totals)) == label


@pytest.mark.parametrize(
    ("baseline", "latest", "label"),
    [
        (20, 7, "Remission"),
        (20, 10, "Response"),
        (20, 15, "Improved"),
        (20, 20, "No change"),
        (20, 24, "Worse"),
    ],
)
def test_describe_hamd(baseline: int, latest: int, label: str) -> None:
    outcome = hamd_outcome([session(0, hamd=baseline), session(4, hamd=latest)])
    assert outcome is not None
    assert describe(outcome) == label
