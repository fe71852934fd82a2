"""IPT phase tasks: what is done, what is due and when a due task becomes overdue (issue 19)."""

import dataclasses
import datetime as dt

import pytest

from ipt_desktop.domain.enums import EpisodeKind, Phase, ProblemArea
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import Client, ClientRecord, Episode, Formulation, Session
from ipt_desktop.domain.phase_tasks import (
    STRATEGIES_BY_AREA,
    TASKS_BY_PHASE,
    TICKABLE,
    PhaseTask,
    SessionTasks,
    Strategy,
)
from ipt_desktop.domain.task_rules import task_overview, tasks_offered
from ipt_desktop.domain.timeline import build_timeline

START = dt.date(2026, 1, 5)
CLIENT = Client(name="Test Client")
INITIAL = TASKS_BY_PHASE[Phase.INITIAL]
ALL_INITIAL_TICKS = frozenset(INITIAL) - {PhaseTask.FORMULATION_ACCEPTED}


def course(
    ticks: list[frozenset[PhaseTask] | SessionTasks],
    *,
    planned: int = 16,
    accepted: int | None = None,
    kind: EpisodeKind = EpisodeKind.ACUTE,
) -> tuple[Episode, list[Session]]:
    """One session a week; ``accepted`` is the 1-based session the formulation was accepted."""
    formulation = Formulation(
        accepted_on=None if accepted is None else START + dt.timedelta(weeks=accepted - 1)
    )
    episode = Episode(
        client_id=CLIENT.id,
        start_date=START,
        kind=kind,
        planned_sessions=planned,
        formulation=formulation,
    )
    sessions = [
        Session(
            episode_id=episode.id,
            client_id=CLIENT.id,
            date=START + dt.timedelta(weeks=i),
            tasks=t if isinstance(t, SessionTasks) else SessionTasks(done=t),
        )
        for i, t in enumerate(ticks)
    ]
    return episode, sessions


def due_texts(episode: Episode, sessions: list[Session]) -> list[str]:
    return [d.text for d in task_overview(episode, sessions).due]


NONE: frozenset[PhaseTask] = frozenset()


@pytest.mark.parametrize(
    ("held", "accepted", "expected", "overdue"),
    [
        (0, None, None, None),  # no session yet: nothing is due
        (1, None, "formulation not accepted yet (due by session 4)", False),
        (4, None, "formulation not accepted yet (due by session 4)", False),
        (5, None, "formulation not accepted, session 5", True),
        (6, None, "formulation not accepted, session 6", True),
        (5, 3, None, None),  # accepted at session 3: cleared
        (6, 6, None, None),  # accepted at session 6: cleared (late, see below)
    ],
)
def test_formulation_acceptance_due_then_overdue(
    held: int, accepted: int | None, expected: str | None, overdue: bool | None
) -> None:
    episode, sessions = course(
        [ALL_INITIAL_TICKS] + [NONE] * (held - 1) if held else [], accepted=accepted
    )
    due = [
        d for d in task_overview(episode, sessions).due if d.task is PhaseTask.FORMULATION_ACCEPTED
    ]
    if expected is None:
        assert due == []
    else:
        assert [(d.text, d.overdue) for d in due] == [(expected, overdue)]


def test_every_initial_task_is_due_until_ticked_and_overdue_after_session_4() -> None:
    episode, sessions = course([NONE] * 4)
    due = task_overview(episode, sessions).due
    assert [d.task for d in due] == list(INITIAL)
    assert not any(d.overdue for d in due)
    episode, sessions = course([NONE] * 5)
    assert "sick role not discussed, session 5" in due_texts(episode, sessions)
    episode, sessions = course([NONE, frozenset({PhaseTask.SICK_ROLE}), NONE, NONE, NONE])
    assert not any("sick role" in text for text in due_texts(episode, sessions))


def test_done_records_the_first_session_and_lateness() -> None:
    ticks = [
        frozenset({PhaseTask.HISTORY_REVIEWED}),
        frozenset({PhaseTask.HISTORY_REVIEWED, PhaseTask.SICK_ROLE}),
        NONE,
        NONE,
        frozenset({PhaseTask.INVENTORY}),
    ]
    episode, sessions = course(ticks, accepted=3)
    done = {d.task: d for d in task_overview(episode, sessions).done}
    assert (done[PhaseTask.HISTORY_REVIEWED].number, done[PhaseTask.HISTORY_REVIEWED].late) == (
        1,
        False,
    )
    assert done[PhaseTask.SICK_ROLE].number == 2
    assert done[PhaseTask.FORMULATION_ACCEPTED].number == 3
    assert (done[PhaseTask.INVENTORY].number, done[PhaseTask.INVENTORY].late) == (5, True)
    assert done[PhaseTask.INVENTORY].text == "Interpersonal inventory taken, session 5 (late)"


@pytest.mark.parametrize(
    ("planned", "held", "raised_at", "expected"),
    [
        (16, 12, None, None),  # 4 sessions remain: not yet
        (16, 13, None, "ending not raised, 3 sessions remain"),
        (16, 14, None, "ending not raised, 2 sessions remain"),
        (16, 15, None, "ending not raised, 1 session remains"),
        (16, 16, None, "ending not raised, session 16, the last planned"),
        (16, 17, None, "ending not raised, session 17, beyond the contract"),
        (16, 13, 13, None),  # raised in time: cleared
        (16, 15, 14, None),  # raised late: cleared (done, late)
        (12, 9, None, "ending not raised, 3 sessions remain"),
        (12, 8, None, None),
    ],
)
def test_ending_raised_at_least_three_sessions_before_the_last(
    planned: int, held: int, raised_at: int | None, expected: str | None
) -> None:
    ticks = [ALL_INITIAL_TICKS] + [NONE] * (held - 1)
    if raised_at is not None:
        ticks[raised_at - 1] = frozenset({PhaseTask.ENDING_RAISED})
    episode, sessions = course(ticks, planned=planned, accepted=2)
    found = [d for d in task_overview(episode, sessions).due if d.task is PhaseTask.ENDING_RAISED]
    assert [d.text for d in found] == ([] if expected is None else [expected])
    assert all(d.overdue for d in found)


@pytest.mark.parametrize(("raised_at", "late"), [(10, False), (13, False), (14, True)])
def test_ending_raised_late_is_marked(raised_at: int, late: bool) -> None:
    ticks = [ALL_INITIAL_TICKS] + [NONE] * 15
    ticks[raised_at - 1] = frozenset({PhaseTask.ENDING_RAISED})
    episode, sessions = course(ticks, accepted=2)
    done = {d.task: d for d in task_overview(episode, sessions).done}
    assert done[PhaseTask.ENDING_RAISED].late is late


@pytest.mark.parametrize(
    ("held", "expected_overdue"),
    [(14, False), (15, False), (16, True)],
)
def test_termination_tasks_due_in_the_phase_and_overdue_at_the_last_session(
    held: int, expected_overdue: bool
) -> None:
    ticks = [ALL_INITIAL_TICKS] + [NONE] * (held - 1)
    ticks[12] = frozenset({PhaseTask.ENDING_RAISED, PhaseTask.ENDING_FEELINGS})
    episode, sessions = course(ticks, accepted=2)
    due = {d.task: d for d in task_overview(episode, sessions).due}
    assert PhaseTask.ENDING_FEELINGS not in due
    assert due[PhaseTask.WARNING_SIGNS_AGREED].overdue is expected_overdue
    text = due[PhaseTask.WARNING_SIGNS_AGREED].text
    if expected_overdue:
        assert text == "warning signs not agreed, session 16"
    else:
        assert text == "warning signs not agreed yet (due by session 16)"


def test_termination_tasks_not_due_before_the_termination_phase() -> None:
    episode, sessions = course([ALL_INITIAL_TICKS] + [NONE] * 9, accepted=2)
    assert not any(
        d.task in TASKS_BY_PHASE[Phase.TERMINATION] for d in task_overview(episode, sessions).due
    )


@pytest.mark.parametrize(
    ("tasks", "expected"),
    [
        (
            SessionTasks(),
            [
                "focal area worked on not recorded, session 3",
                "mood not linked to interpersonal events, session 3",
            ],
        ),
        (
            SessionTasks(focal_areas=(ProblemArea.GRIEF,), done=frozenset({PhaseTask.MOOD_LINKED})),
            ["no strategy from the area's list, session 3"],
        ),
        (
            SessionTasks(
                focal_areas=(ProblemArea.GRIEF,),
                strategies=(Strategy.GRIEF_RECONSTRUCT,),
                done=frozenset({PhaseTask.MOOD_LINKED}),
            ),
            [],
        ),
    ],
)
def test_latest_middle_session_records_area_strategy_and_mood_link(
    tasks: SessionTasks, expected: list[str]
) -> None:
    episode, sessions = course([ALL_INITIAL_TICKS, NONE, tasks], accepted=2)
    assert due_texts(episode, sessions) == expected


def test_maintenance_session_tasks_due_and_tallied() -> None:
    checked = frozenset({PhaseTask.EVENTS_AND_MOOD_REVIEWED, PhaseTask.WARNING_SIGNS_CHECKED})
    episode, sessions = course(
        [checked, frozenset(TASKS_BY_PHASE[Phase.MAINTENANCE]), checked],
        kind=EpisodeKind.MAINTENANCE,
        planned=12,
    )
    overview = task_overview(episode, sessions)
    assert [d.text for d in overview.due] == ["no plan for the next interval, session 3"]
    tallies = {t.label: (t.done_in, t.sessions) for t in overview.tallies}
    assert tallies["Warning signs"] == (3, 3)
    assert tallies["Next interval"] == (1, 3)
    # No initial or termination tasks belong to a maintenance contract.
    assert not any(d.task in INITIAL for d in overview.due)


def test_middle_tallies_count_sessions_of_the_phase() -> None:
    worked = SessionTasks(
        focal_areas=(ProblemArea.ROLE_DISPUTE,),
        strategies=(Strategy.DISPUTE_STAGE,),
        done=frozenset({PhaseTask.MOOD_LINKED, PhaseTask.HOMEWORK}),
    )
    episode, sessions = course([ALL_INITIAL_TICKS, worked, SessionTasks(), worked], accepted=2)
    tallies = {t.label: (t.done_in, t.sessions) for t in task_overview(episode, sessions).tallies}
    assert tallies["Focal area"] == (2, 3)
    assert tallies["Strategy"] == (2, 3)
    assert tallies["Homework"] == (2, 3)


def test_session_tasks_refuse_what_ipt_does_not_allow() -> None:
    with pytest.raises(ValidationError, match="formulation"):
        SessionTasks(done=frozenset({PhaseTask.FORMULATION_ACCEPTED}))
    with pytest.raises(ValidationError, match="focal area"):
        SessionTasks(focal_areas=(ProblemArea.GRIEF,), strategies=(Strategy.DISPUTE_PLAN,))
    with pytest.raises(ValidationError):
        SessionTasks(focal_areas=tuple(ProblemArea)[:3])
    assert PhaseTask.FORMULATION_ACCEPTED not in TICKABLE


def test_every_strategy_belongs_to_exactly_one_area() -> None:
    for strategy in Strategy:
        assert strategy.label
        owners = [area for area, ones in STRATEGIES_BY_AREA.items() if strategy in ones]
        assert owners == [strategy.area]


@pytest.mark.parametrize(
    ("planned", "number", "phase", "ending_offered"),
    [
        (16, 8, Phase.MIDDLE, False),  # first half: not yet
        (16, 9, Phase.MIDDLE, True),
        (16, 13, Phase.MIDDLE, True),  # the last session to raise it in time
        (16, 14, Phase.TERMINATION, True),  # the termination list holds it anyway
        (16, 2, Phase.INITIAL, False),
        (12, 7, Phase.MIDDLE, True),
    ],
)
def test_ending_raised_is_offered_in_the_second_half_of_the_middle_phase(
    planned: int, number: int, phase: Phase, ending_offered: bool
) -> None:
    episode, _sessions = course([], planned=planned)
    offered = tasks_offered(episode, number, phase)
    assert (PhaseTask.ENDING_RAISED in offered) is ending_offered
    assert set(TASKS_BY_PHASE[phase]) <= set(offered)


@pytest.mark.parametrize(
    ("onset_weeks_before", "weeks", "label"),
    [(10, 10, "Untreated 10 wk"), (0, None, None), (-2, None, None)],
)
def test_timeline_shades_the_untreated_time_from_onset_to_first_session(
    onset_weeks_before: int, weeks: int | None, label: str | None
) -> None:
    episode, sessions = course([NONE, NONE])
    episode = dataclasses.replace(episode, onset=START - dt.timedelta(weeks=onset_weeks_before))
    record = ClientRecord(CLIENT, (episode,), tuple(sessions))
    spans = build_timeline(record).untreated
    if weeks is None:
        assert spans == ()
    else:
        (span,) = spans
        assert (span.start, span.end, span.weeks, span.label) == (
            episode.onset,
            START,
            weeks,
            label,
        )
        assert build_timeline(record).axis.start <= episode.onset


def test_a_years_old_onset_widens_the_axis_by_half_a_year_at_most() -> None:
    episode, sessions = course([NONE, NONE])
    episode = dataclasses.replace(episode, onset=START - dt.timedelta(weeks=200))
    timeline = build_timeline(ClientRecord(CLIENT, (episode,), tuple(sessions)))
    assert timeline.untreated[0].weeks == 200
    assert timeline.axis.start > START - dt.timedelta(weeks=30)
