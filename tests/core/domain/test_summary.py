"""The client-list summary: phase, progress, latest measures, the risk flag."""

import datetime as dt

import pytest

from ipt_desktop.domain.enums import EpisodeKind, Phase, ProblemArea, Severity
from ipt_desktop.domain.model import (
    Client,
    ClientRecord,
    Episode,
    Formulation,
    Session,
    SessionNote,
)
from ipt_desktop.domain.summary import summarize

CLIENT = Client(name="Fictional Ana Sørensen")
START = dt.date(2026, 1, 5)
SIGNED_AT = dt.datetime(2026, 4, 1, 12, 0, tzinfo=dt.UTC)
NO_RISK = (1, 1, 1, 1, 1, 1, 1, 1, 0)


def episode(
    start: dt.date = START,
    planned: int = 16,
    kind: EpisodeKind = EpisodeKind.ACUTE,
    areas: tuple[ProblemArea, ...] = (ProblemArea.GRIEF,),
) -> Episode:
    return Episode(
        client_id=CLIENT.id,
        start_date=start,
        kind=kind,
        planned_sessions=planned,
        formulation=Formulation(problem_areas=areas, accepted_on=START + dt.timedelta(weeks=2)),
    )


def weekly(ep: Episode, count: int, **values: object) -> list[Session]:
    return [
        Session(
            episode_id=ep.id,
            client_id=CLIENT.id,
            date=ep.start_date + dt.timedelta(weeks=i),
            **values,  # type: ignore[arg-type]
        )
        for i in range(count)
    ]


def test_a_client_without_an_episode() -> None:
    summary = summarize(ClientRecord(client=CLIENT))
    assert summary.client_id == CLIENT.id
    assert summary.name == CLIENT.name
    assert summary.active is True
    assert summary.phase is None
    assert summary.session_number is None
    assert summary.planned_sessions is None
    assert summary.progress_label == ""
    assert summary.last_session_date is None
    assert summary.latest_phq9 is None
    assert summary.latest_phq9_severity is None
    assert summary.latest_mood is None
    assert summary.risk_flag is False
    assert summary.problem_areas == ()


@pytest.mark.parametrize(
    ("kind", "phase"),
    [(EpisodeKind.ACUTE, Phase.INITIAL), (EpisodeKind.MAINTENANCE, Phase.MAINTENANCE)],
)
def test_an_episode_without_sessions_yet(kind: EpisodeKind, phase: Phase) -> None:
    ep = episode(kind=kind, planned=12)
    summary = summarize(ClientRecord(client=CLIENT, episodes=(ep,)))
    assert summary.phase is phase
    assert summary.session_number is None
    assert summary.planned_sessions == 12
    assert summary.progress_label == ""


@pytest.mark.parametrize(
    ("count", "phase", "label"),
    [
        (1, Phase.INITIAL, "Session 1 of 16"),
        (7, Phase.MIDDLE, "Session 7 of 16"),
        (14, Phase.TERMINATION, "Session 14 of 16"),
        (17, Phase.TERMINATION, "Session 17 of 16 (over contract)"),
    ],
)
def test_phase_and_progress_follow_the_latest_session(count: int, phase: Phase, label: str) -> None:
    ep = episode()
    sessions = weekly(ep, count)
    summary = summarize(ClientRecord(client=CLIENT, episodes=(ep,), sessions=tuple(sessions)))
    assert summary.phase is phase
    assert summary.session_number == count
    assert summary.progress_label == label
    assert summary.last_session_date == sessions[-1].date


def test_the_therapists_override_sets_the_phase() -> None:
    ep = episode()
    sessions = weekly(ep, 3, phase_override=Phase.MIDDLE)
    summary = summarize(ClientRecord(client=CLIENT, episodes=(ep,), sessions=tuple(sessions)))
    assert summary.phase is Phase.MIDDLE  # the suggestion would have been INITIAL


def test_the_current_episode_is_the_latest_starting_one() -> None:
    acute = episode(planned=12, areas=(ProblemArea.ROLE_DISPUTE, ProblemArea.GRIEF))
    maintenance = episode(
        start=START + dt.timedelta(weeks=14),
        planned=6,
        kind=EpisodeKind.MAINTENANCE,
        areas=(ProblemArea.ROLE_TRANSITION,),
    )
    sessions = (*weekly(acute, 12, mood=6), *weekly(maintenance, 2, mood=8))
    record = ClientRecord(client=CLIENT, episodes=(maintenance, acute), sessions=sessions)
    summary = summarize(record)
    assert summary.phase is Phase.MAINTENANCE
    assert summary.session_number == 2
    assert summary.planned_sessions == 6
    assert summary.progress_label == "Session 2 of 6"
    assert summary.problem_areas == (ProblemArea.ROLE_TRANSITION,)
    assert summary.latest_mood == 8


def test_latest_measures_are_the_latest_present_ones() -> None:
    ep = episode()
    first, second, third = weekly(ep, 3)
    sessions = (
        Session(episode_id=ep.id, client_id=CLIENT.id, date=first.date, phq9=(3,) * 8 + (0,)),
        Session(episode_id=ep.id, client_id=CLIENT.id, date=second.date, phq9=NO_RISK, mood=3),
        Session(episode_id=ep.id, client_id=CLIENT.id, date=third.date, hamd=14),
    )
    summary = summarize(ClientRecord(client=CLIENT, episodes=(ep,), sessions=sessions[::-1]))
    assert summary.latest_phq9 == 8
    assert summary.latest_phq9_severity is Severity.MILD
    assert summary.latest_mood == 3
    assert summary.last_session_date == third.date


@pytest.mark.parametrize("ended_on", [None, dt.date(2026, 5, 1)])
def test_active_means_not_ended(ended_on: dt.date | None) -> None:
    client = Client(name="Fictional Bo", ended_on=ended_on, id=CLIENT.id)
    assert summarize(ClientRecord(client=client)).active is (ended_on is None)


POSITIVE = (1, 1, 1, 1, 1, 1, 1, 1, 1)
ASSESSED = SessionNote(risk_assessment="Fictional: assessed, safety plan agreed.")


def _session(week: int, phq9: tuple[int, ...] | None, note: SessionNote, signed: bool) -> Session:
    return Session(
        episode_id=EPISODE.id,
        client_id=CLIENT.id,
        date=START + dt.timedelta(weeks=week),
        phq9=phq9,
        note=note,
        signed_at=SIGNED_AT if signed else None,
    )


EPISODE = episode()


@pytest.mark.parametrize(
    ("sessions", "flag"),
    [
        ([], False),
        ([(0, NO_RISK, SessionNote(), True)], False),
        # Item 9 positive in the latest PHQ-9: flagged even when assessed and signed.
        ([(0, NO_RISK, SessionNote(), True), (1, POSITIVE, ASSESSED, True)], True),
        ([(0, POSITIVE, ASSESSED, True), (1, None, SessionNote(), True)], True),
        # An earlier positive, assessed in the note and signed, with a later PHQ-9 at 0:
        # still flagged. A later 0 never clears the flag; only a risk review does
        # (tests/core/domain/test_risk_status.py).
        ([(0, POSITIVE, ASSESSED, True), (1, NO_RISK, SessionNote(), True)], True),
        # An earlier unsigned positive without an assessment keeps the flag up.
        ([(0, POSITIVE, SessionNote(), False), (1, NO_RISK, SessionNote(), False)], True),
        ([(0, POSITIVE, ASSESSED, False), (1, NO_RISK, SessionNote(), False)], True),
        # Signed without an assessment (not possible through sign(), e.g. imported): flagged.
        ([(0, POSITIVE, SessionNote(), True), (1, NO_RISK, SessionNote(), True)], True),
    ],
)
def test_risk_flag(
    sessions: list[tuple[int, tuple[int, ...] | None, SessionNote, bool]], flag: bool
) -> None:
    built = tuple(_session(*row) for row in sessions)
    record = ClientRecord(client=CLIENT, episodes=(EPISODE,), sessions=built)
    assert summarize(record).risk_flag is flag
