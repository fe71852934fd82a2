"""The demo practice shows the IPT tasks being done (issue 19): each session ticks what its
note describes, linked structurally (every tick points at the section of the note and the
words in it), so the task overview of a demo client is true to its story: nothing overdue
that the notes did, the ending raised in time, termination and maintenance tasks done, the
goals of finished courses reviewed in agreement with the measures, and worksheets and
earlier episodes where the story has them."""

import datetime as dt
import re

import pytest

from ipt_desktop.demo.practice import build_demo_clients
from ipt_desktop.demo.story import DemoClient
from ipt_desktop.domain.contract import ENDING_NOTICE_SESSIONS
from ipt_desktop.domain.enums import EpisodeKind, Phase
from ipt_desktop.domain.measures import phq9_total
from ipt_desktop.domain.model import Episode
from ipt_desktop.domain.phase_tasks import TASKS_BY_PHASE, PhaseTask, Strategy
from ipt_desktop.domain.task_rules import (
    INITIAL_TASKS_BY_SESSION,
    HeldSession,
    held_sessions,
    task_overview,
    tasks_offered,
)

TODAYS = [dt.date(2026, 3, 2), dt.date(2027, 1, 1)]
INITIAL = TASKS_BY_PHASE[Phase.INITIAL]
TERMINATION = TASKS_BY_PHASE[Phase.TERMINATION]


@pytest.fixture(scope="module", params=TODAYS, ids=str)
def demo(request: pytest.FixtureRequest) -> list[DemoClient]:
    return build_demo_clients(request.param)


def courses(client: DemoClient) -> list[tuple[Episode, tuple[HeldSession, ...]]]:
    record = client.record
    return [(e, held_sessions(e, record.sessions)) for e in record.episodes]


def finished(episode: Episode, held: tuple[HeldSession, ...]) -> bool:
    return episode.kind is EpisodeKind.ACUTE and len(held) >= episode.planned_sessions


def test_every_tick_is_backed_by_the_words_of_its_note(demo: list[DemoClient]) -> None:
    ticked = 0
    for client in demo:
        for episode, held in courses(client):
            for h in held:
                tasks, note = h.session.tasks, h.session.note
                backing = client.backing[h.session.id]
                ticks: set[PhaseTask | Strategy] = {*tasks.done, *tasks.strategies}
                assert ticks == {b.item for b in backing}, (client.record.client.name, h.number)
                for b in backing:
                    assert b.text.strip(), b
                    assert b.text in getattr(note, b.section), (b, h.number)
                offered = set(tasks_offered(episode, h.number, h.phase))
                if h.session.date == episode.formulation.accepted_on:
                    # Presented and accepted in one session, the first of the middle phase.
                    offered.add(PhaseTask.FORMULATION_PRESENTED)
                assert tasks.done <= offered, (h.number, h.phase, tasks.done)
                for strategy in tasks.strategies:
                    assert strategy.area in episode.formulation.problem_areas, strategy
                ticked += len(ticks)
    assert ticked > 100  # the demo does tick its work


def test_no_initial_task_is_overdue_when_the_notes_did_the_work(demo: list[DemoClient]) -> None:
    for client in demo:
        for episode, held in courses(client):
            overview = task_overview(episode, client.record.sessions)
            assert not overview.overdue, (client.record.client.name, overview.overdue)
            if episode.kind is not EpisodeKind.ACUTE or len(held) <= INITIAL_TASKS_BY_SESSION:
                continue
            when = {d.task: d.number for d in overview.done}
            for task in INITIAL:
                number = when.get(task)
                assert number is not None and number <= INITIAL_TASKS_BY_SESSION, (task, number)


def test_a_client_in_the_initial_phase_has_only_what_is_still_ahead_due(
    demo: list[DemoClient],
) -> None:
    early = [
        (client, episode)
        for client in demo
        for episode, held in courses(client)
        if episode.kind is EpisodeKind.ACUTE and len(held) < INITIAL_TASKS_BY_SESSION
    ]
    assert early  # Timofey, two sessions in
    for client, episode in early:
        overview = task_overview(episode, client.record.sessions)
        done = {d.task for d in overview.done}
        assert {d.task for d in overview.due} == set(INITIAL) - done
        assert all(not d.overdue for d in overview.due)


def test_finished_courses_raise_the_ending_in_time_and_do_the_termination_tasks(
    demo: list[DemoClient],
) -> None:
    ended = 0
    for client in demo:
        for episode, held in courses(client):
            if not finished(episode, held):
                continue
            ended += 1
            done = {d.task: d for d in task_overview(episode, client.record.sessions).done}
            raised = done[PhaseTask.ENDING_RAISED]
            assert raised.number is not None
            assert raised.number <= episode.planned_sessions - ENDING_NOTICE_SESSIONS
            assert not raised.late
            for task in TERMINATION:
                assert task in done, (client.record.client.name, task)
    assert ended >= 3  # Ada, Eleni, Salma


def test_maintenance_sessions_review_events_and_plan_the_next_interval(
    demo: list[DemoClient],
) -> None:
    seen = 0
    for client in demo:
        for episode, held in courses(client):
            if episode.kind is not EpisodeKind.MAINTENANCE:
                continue
            for h in held:
                seen += 1
                assert PhaseTask.EVENTS_AND_MOOD_REVIEWED in h.session.tasks.done
                assert PhaseTask.NEXT_INTERVAL_PLANNED in h.session.tasks.done
            assert any(PhaseTask.WARNING_SIGNS_CHECKED in h.session.tasks.done for h in held)
    assert seen


def test_goals_of_finished_courses_are_reviewed_and_agree_with_the_measures(
    demo: list[DemoClient],
) -> None:
    for client in demo:
        for episode, held in courses(client):
            if not finished(episode, held):
                continue
            reviewed = {r.goal: r for r in episode.goal_reviews}
            assert set(reviewed) == set(episode.goals), client.record.client.name
            first = phq9_total(held[0].session.phq9)
            last = phq9_total(held[-1].session.phq9)
            for review in reviewed.values():
                assert review.status is not None and review.evidence.strip(), review
                assert review.area in episode.formulation.problem_areas, review
                for start, end in re.findall(r"PHQ-9 (\d+) to (\d+)", review.evidence):
                    assert (int(start), int(end)) == (first, last), review


def test_worksheets_and_earlier_episodes_follow_the_stories(demo: list[DemoClient]) -> None:
    with_sheets = 0
    for client in demo:
        for episode, _ in courses(client):
            areas = [w.area for w in episode.worksheets]
            assert set(areas) <= set(episode.formulation.problem_areas)
            with_sheets += bool(areas)
            if episode.recurrent:
                assert episode.earlier_episodes is not None and episode.earlier_episodes > 0
            else:
                assert not episode.earlier_episodes
    assert with_sheets >= 2


def test_only_the_course_that_treated_the_onset_records_it(demo: list[DemoClient]) -> None:
    """A maintenance contract after the acute course has no onset of its own: its timeline
    must not shade the acute course as untreated time."""
    for client in demo:
        later = sorted(client.record.episodes, key=lambda e: e.start_date)[1:]
        for episode in later:
            assert episode.onset is None, client.record.client.name
