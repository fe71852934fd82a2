"""Phase suggestion (IPT.md): acceptance opens the middle, the last sessions are termination."""

import dataclasses
import datetime as dt

import pytest

from ipt_desktop.domain.enums import EpisodeKind, Phase
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import Episode, Formulation, Session, new_id
from ipt_desktop.domain.phases import TERMINATION_SESSIONS, effective_phase, suggest_phase

CLIENT = new_id()
START = dt.date(2026, 1, 5)
ACCEPTED = dt.date(2026, 1, 19)
D = dt.date


def episode(
    planned: int = 16,
    accepted_on: dt.date | None = ACCEPTED,
    kind: EpisodeKind = EpisodeKind.ACUTE,
) -> Episode:
    return Episode(
        client_id=CLIENT,
        start_date=START,
        kind=kind,
        planned_sessions=planned,
        formulation=Formulation(accepted_on=accepted_on),
    )


@pytest.mark.parametrize(
    ("kind", "planned", "accepted_on", "number", "on", "expected"),
    [
        # Before the client accepts the formulation: initial, whatever the session count.
        (EpisodeKind.ACUTE, 16, None, 1, D(2026, 1, 5), Phase.INITIAL),
        (EpisodeKind.ACUTE, 16, None, 6, D(2026, 2, 9), Phase.INITIAL),
        (EpisodeKind.ACUTE, 16, ACCEPTED, 2, D(2026, 1, 12), Phase.INITIAL),
        (EpisodeKind.ACUTE, 16, ACCEPTED, 3, D(2026, 1, 18), Phase.INITIAL),
        # Acceptance opens the middle phase, from the day it happens.
        (EpisodeKind.ACUTE, 16, ACCEPTED, 3, ACCEPTED, Phase.MIDDLE),
        (EpisodeKind.ACUTE, 16, ACCEPTED, 2, D(2026, 1, 20), Phase.MIDDLE),
        (EpisodeKind.ACUTE, 16, ACCEPTED, 13, D(2026, 3, 30), Phase.MIDDLE),
        # The last 3 sessions of the contract (and any beyond it) are termination.
        (EpisodeKind.ACUTE, 16, ACCEPTED, 14, D(2026, 4, 6), Phase.TERMINATION),
        (EpisodeKind.ACUTE, 16, ACCEPTED, 16, D(2026, 4, 20), Phase.TERMINATION),
        (EpisodeKind.ACUTE, 16, ACCEPTED, 18, D(2026, 5, 4), Phase.TERMINATION),
        (EpisodeKind.ACUTE, 12, None, 10, D(2026, 3, 9), Phase.TERMINATION),
        (EpisodeKind.ACUTE, 12, ACCEPTED, 9, D(2026, 3, 2), Phase.MIDDLE),
        # A maintenance contract is maintenance throughout.
        (EpisodeKind.MAINTENANCE, 12, None, 1, D(2026, 6, 1), Phase.MAINTENANCE),
        (EpisodeKind.MAINTENANCE, 12, ACCEPTED, 12, D(2027, 6, 1), Phase.MAINTENANCE),
    ],
)
def test_suggest_phase(
    kind: EpisodeKind,
    planned: int,
    accepted_on: dt.date | None,
    number: int,
    on: dt.date,
    expected: Phase,
) -> None:
    assert suggest_phase(episode(planned, accepted_on, kind), number, on) is expected


def test_termination_length_is_three_sessions() -> None:
    assert TERMINATION_SESSIONS == 3


def test_suggest_phase_refuses_a_number_below_one() -> None:
    with pytest.raises(ValidationError) as caught:
        suggest_phase(episode(), 0, START)
    assert caught.value.field == "number"


@pytest.mark.parametrize(
    ("kind", "number", "override", "expected"),
    [
        (EpisodeKind.ACUTE, 1, None, Phase.INITIAL),
        (EpisodeKind.ACUTE, 1, Phase.MIDDLE, Phase.MIDDLE),  # override wins
        (EpisodeKind.ACUTE, 15, None, Phase.TERMINATION),
        (EpisodeKind.ACUTE, 15, Phase.MIDDLE, Phase.MIDDLE),
        (EpisodeKind.ACUTE, 5, Phase.TERMINATION, Phase.TERMINATION),
        (EpisodeKind.MAINTENANCE, 3, None, Phase.MAINTENANCE),
        (EpisodeKind.MAINTENANCE, 3, Phase.INITIAL, Phase.INITIAL),
    ],
)
def test_effective_phase_prefers_the_therapists_override(
    kind: EpisodeKind, number: int, override: Phase | None, expected: Phase
) -> None:
    ep = episode(16, None, kind)
    session = Session(episode_id=ep.id, client_id=CLIENT, date=START, phase_override=override)
    assert effective_phase(session, ep, number) is expected


def test_effective_phase_follows_the_session_date_for_acceptance() -> None:
    ep = episode(16, ACCEPTED)
    before = Session(episode_id=ep.id, client_id=CLIENT, date=D(2026, 1, 12))
    after = dataclasses.replace(before, date=D(2026, 1, 26))
    assert effective_phase(before, ep, 2) is Phase.INITIAL
    assert effective_phase(after, ep, 3) is Phase.MIDDLE
