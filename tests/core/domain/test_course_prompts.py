"""Therapist prompts: off track at sessions 4-6, initial phase past session 4, and acute
contracts outside 8-20 sessions."""

import datetime as dt

import pytest

from ipt_desktop.domain.course_prompts import (
    initial_phase_overdue,
    off_track,
    therapist_prompts,
    unusual_contract,
)
from ipt_desktop.domain.enums import EpisodeKind, Phase
from ipt_desktop.domain.model import Client, Episode, Formulation, Session
from ipt_desktop.domain.phases import suggest_phase
from ipt_desktop.domain.task_rules import task_overview

START = dt.date(2026, 1, 5)
CLIENT = Client(name="Test Client")


def items(total: int) -> tuple[int, ...]:
    out, left = [], total
    for _ in range(9):
        out.append(min(3, left))
        left -= out[-1]
    return tuple(out)


def course(
    phq9: list[int | None], *, kind: EpisodeKind = EpisodeKind.ACUTE, accepted: int | None = None
) -> tuple[Episode, list[Session]]:
    formulation = Formulation(
        accepted_on=None if accepted is None else START + dt.timedelta(weeks=accepted)
    )
    episode = Episode(client_id=CLIENT.id, start_date=START, kind=kind, formulation=formulation)
    sessions = [
        Session(
            episode_id=episode.id,
            client_id=CLIENT.id,
            date=START + dt.timedelta(weeks=i),
            phq9=None if p is None else items(p),
        )
        for i, p in enumerate(phq9)
    ]
    return episode, sessions


@pytest.mark.parametrize(
    ("latest", "prompt"),
    [
        (20, True),  # no change
        (17, True),  # 15% below 20
        (16, False),  # exactly 20% below: on track
        (10, False),
    ],
)
def test_off_track_boundary_at_20_percent(latest: int, prompt: bool) -> None:
    episode, sessions = course([20, None, None, latest])
    found = off_track(episode, sessions)
    assert (found is not None) is prompt
    if found is not None:
        assert found.session_number == 4
        assert "formulation" in found.text and "medication" in found.text


@pytest.mark.parametrize(
    ("session_number", "prompt"), [(3, False), (4, True), (6, True), (7, False)]
)
def test_off_track_only_at_sessions_4_to_6(session_number: int, prompt: bool) -> None:
    scores: list[int | None] = [18] + [None] * (session_number - 2) + [18]
    episode, sessions = course(scores)
    assert (off_track(episode, sessions) is not None) is prompt


def test_off_track_not_for_maintenance() -> None:
    episode, sessions = course([18, 18, 18, 18], kind=EpisodeKind.MAINTENANCE)
    assert off_track(episode, sessions) is None


def test_off_track_uses_the_latest_score_in_the_window() -> None:
    episode, sessions = course([20, None, None, 19, 10])
    assert off_track(episode, sessions) is None  # session 5 is 50% below


@pytest.mark.parametrize(
    ("held", "accepted", "prompt"),
    [(4, None, False), (5, None, True), (5, 2, False), (8, 6, False)],
)
def test_initial_phase_prompt_after_session_4(
    held: int, accepted: int | None, prompt: bool
) -> None:
    episode, sessions = course([None] * held, accepted=accepted)
    assert initial_phase_overdue(episode, sessions) is prompt
    # The overview says it once, in the task card's overdue acceptance, not as a prompt too.
    assert not any("initial phase" in p for p in therapist_prompts(episode, sessions))
    overdue = [d.text for d in task_overview(episode, sessions).overdue]
    assert any("still in the initial phase" in t for t in overdue) is prompt


def test_initial_phase_prompt_not_for_maintenance() -> None:
    episode, sessions = course([None] * 6, kind=EpisodeKind.MAINTENANCE)
    assert initial_phase_overdue(episode, sessions) is False


@pytest.mark.parametrize(
    ("planned", "unusual"), [(7, True), (8, False), (12, False), (20, False), (21, True), (1, True)]
)
def test_acute_contract_outside_8_to_20_asks_for_confirmation(planned: int, unusual: bool) -> None:
    assert unusual_contract(EpisodeKind.ACUTE, planned) is unusual


def test_maintenance_contract_length_is_not_questioned() -> None:
    assert unusual_contract(EpisodeKind.MAINTENANCE, 36) is False


@pytest.mark.parametrize("planned", [1, 2, 3, 4])
def test_session_1_is_never_termination(planned: int) -> None:
    episode = Episode(client_id=CLIENT.id, start_date=START, planned_sessions=planned)
    assert suggest_phase(episode, 1, START) is Phase.INITIAL
    if planned >= 2:
        assert suggest_phase(episode, planned, START) is Phase.TERMINATION


def test_prompts_are_clinician_words() -> None:
    episode, sessions = course([20, None, None, 20, None])
    texts = therapist_prompts(episode, sessions)
    assert texts and all("you" not in t.lower().split() for t in texts)
