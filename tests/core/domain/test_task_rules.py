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
from ipt_desktop.domain.phases import effective_phase
from ipt_desktop.domain.task_rules import (
    STILL_INITIAL,
    Acceptance,
    acceptance_at,
    task_overview,
    tasks_offered,
)
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
        (5, None, f"formulation not accepted, session 5{STILL_INITIAL}", True),
        (6, None, f"formulation not accepted, session 6{STILL_INITIAL}", True),
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


def test_the_session_of_acceptance_offers_the_initial_tasks_still_open() -> None:
    # Presented and accepted in session 5, already a middle-phase session.
    ticks = [frozenset({PhaseTask.HISTORY_REVIEWED, PhaseTask.SICK_ROLE})] + [NONE] * 5
    episode, sessions = course(ticks, accepted=5)
    numbers = {n: effective_phase(s, episode, n) for n, s in enumerate(sessions, 1)}
    assert numbers[5] is Phase.MIDDLE and numbers[4] is Phase.INITIAL
    offered = tasks_offered(episode, 5, Phase.MIDDLE, sessions)
    still_open = [t for t in INITIAL if t not in ticks[0]]
    assert list(offered[: len(still_open)]) == still_open
    assert PhaseTask.FORMULATION_PRESENTED in offered
    assert PhaseTask.FORMULATION_ACCEPTED in offered
    assert PhaseTask.HISTORY_REVIEWED not in offered  # done in session 1
    assert set(TASKS_BY_PHASE[Phase.MIDDLE]) <= set(offered)
    # The next middle session is the middle phase's own list again.
    assert tasks_offered(episode, 6, Phase.MIDDLE, sessions) == TASKS_BY_PHASE[Phase.MIDDLE]
    # Without the sessions the rule cannot know where the acceptance happened.
    assert tasks_offered(episode, 5, Phase.MIDDLE) == TASKS_BY_PHASE[Phase.MIDDLE]


def test_a_task_ticked_in_the_session_of_acceptance_stays_offered_there() -> None:
    presented = frozenset({PhaseTask.FORMULATION_PRESENTED})
    episode, sessions = course([NONE, NONE, presented, NONE], accepted=3)
    assert PhaseTask.FORMULATION_PRESENTED in tasks_offered(episode, 3, Phase.MIDDLE, sessions)
    episode, sessions = course([NONE, presented, NONE, NONE], accepted=3)
    offered = tasks_offered(episode, 3, Phase.MIDDLE, sessions)
    assert PhaseTask.FORMULATION_PRESENTED not in offered  # done in session 2
    assert PhaseTask.FORMULATION_ACCEPTED in offered


def test_presented_in_the_session_of_acceptance_clears_the_overdue_prompt() -> None:
    episode, sessions = course([ALL_INITIAL_TICKS - {PhaseTask.FORMULATION_PRESENTED}] + [NONE] * 4)
    assert "formulation not presented, session 5" in due_texts(episode, sessions)
    ticks = [ALL_INITIAL_TICKS - {PhaseTask.FORMULATION_PRESENTED}, NONE, NONE, NONE]
    episode, sessions = course([*ticks, frozenset({PhaseTask.FORMULATION_PRESENTED})], accepted=5)
    overview = task_overview(episode, sessions)
    assert not overview.overdue
    done = {d.task: d for d in overview.done}
    assert done[PhaseTask.FORMULATION_PRESENTED].number == 5
    assert done[PhaseTask.FORMULATION_PRESENTED].late is True
    assert done[PhaseTask.FORMULATION_ACCEPTED].number == 5


@pytest.mark.parametrize(
    ("accepted", "number", "stands"),
    [
        (None, 3, Acceptance.OPEN),
        (5, 5, Acceptance.HERE),
        (5, 4, Acceptance.LATER),
        (5, 6, Acceptance.EARLIER),
        (2, 2, Acceptance.HERE),
    ],
)
def test_where_the_acceptance_stands_from_a_session(
    accepted: int | None, number: int, stands: Acceptance
) -> None:
    episode, sessions = course([NONE] * 6, accepted=accepted)
    assert acceptance_at(episode, sessions, number, sessions[number - 1].date) is stands


def test_acceptance_between_sessions_is_here_in_the_next_session() -> None:
    episode, sessions = course([NONE] * 6, accepted=4)
    episode = dataclasses.replace(
        episode,
        formulation=Formulation(accepted_on=sessions[3].date - dt.timedelta(days=2)),
    )
    assert acceptance_at(episode, sessions, 4, sessions[3].date) is Acceptance.HERE
    assert acceptance_at(episode, sessions, 3, sessions[2].date) is Acceptance.LATER
    assert acceptance_at(episode, sessions, 5, sessions[4].date) is Acceptance.EARLIER
