"""Fidelity at a glance and the de-identified supervision summary of one episode (issue 19).

What an IPT supervisor or certifier needs, and nothing that identifies the client: no name,
no date of birth, no free text (notes, formulation, goals, worksheets, life events), and no
calendar dates: time is counted in weeks from the first session. What it holds: the
contract, the focal areas, the task completion per phase, the per-session tasks,
techniques, focal areas and strategies, and the measures (numbers) by week.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from .enums import DisputeStage, EpisodeKind, Phase, ProblemArea, Technique
from .measures import gad7_total, phq9_total
from .model import ClientRecord, Episode
from .phase_tasks import TASKS_BY_PHASE, PhaseTask, Strategy
from .task_rules import HeldSession, Tally, TaskDue, first_done, held_sessions, task_overview


@dataclass(frozen=True)
class PhaseCompletion:
    """The once-per-course tasks of a phase: how many were done, how many late, which not."""

    phase: Phase
    done: int
    total: int
    late: int
    missing: tuple[PhaseTask, ...]

    @property
    def text(self) -> str:
        late = f", {self.late} late" if self.late else ""
        return f"{self.done} of {self.total} done{late}"


@dataclass(frozen=True)
class SupervisionSession:
    number: int
    week: int  # weeks from the first session (0 = the first session's week)
    phase: Phase
    tasks: tuple[PhaseTask, ...]
    focal_areas: tuple[ProblemArea, ...]
    strategies: tuple[Strategy, ...]
    techniques: tuple[Technique, ...]
    mood: int | None
    phq9: int | None
    gad7: int | None
    hamd: int | None


@dataclass(frozen=True)
class SupervisionReport:
    kind: EpisodeKind
    planned: int
    held: int
    missed: int
    focal_areas: tuple[ProblemArea, ...]
    dispute_stage: DisputeStage | None
    #: The week of the first session on or after the formulation's acceptance.
    accepted_week: int | None
    accepted_session: int | None
    completion: tuple[PhaseCompletion, ...]  # initial and termination (acute only)
    tallies: tuple[Tally, ...]
    due: tuple[TaskDue, ...]
    sessions: tuple[SupervisionSession, ...]


def phase_completion(episode: Episode, held: Sequence[HeldSession]) -> tuple[PhaseCompletion, ...]:
    if episode.kind is not EpisodeKind.ACUTE:
        return ()
    done = first_done(episode, held)
    result = []
    for phase in (Phase.INITIAL, Phase.TERMINATION):
        tasks = TASKS_BY_PHASE[phase]
        finished = [done[t] for t in tasks if t in done]
        result.append(
            PhaseCompletion(
                phase,
                len(finished),
                len(tasks),
                sum(d.late for d in finished),
                tuple(t for t in tasks if t not in done),
            )
        )
    return tuple(result)


def supervision_report(record: ClientRecord, episode_id: str) -> SupervisionReport:
    episode = next(e for e in record.episodes if e.id == episode_id)
    held = held_sessions(episode, record.sessions)
    first = held[0].session.date if held else episode.start_date
    overview = task_overview(episode, record.sessions)
    accepted = first_done(episode, held).get(PhaseTask.FORMULATION_ACCEPTED)
    sessions = tuple(
        SupervisionSession(
            number=h.number,
            week=(h.session.date - first).days // 7,
            phase=h.phase,
            tasks=tuple(t for t in PhaseTask if t in h.session.tasks.done),
            focal_areas=h.session.tasks.focal_areas,
            strategies=h.session.tasks.strategies,
            techniques=h.session.note.techniques,
            mood=h.session.mood,
            phq9=None if h.session.phq9 is None else phq9_total(h.session.phq9),
            gad7=None if h.session.gad7 is None else gad7_total(h.session.gad7),
            hamd=h.session.hamd,
        )
        for h in held
    )
    return SupervisionReport(
        kind=episode.kind,
        planned=episode.planned_sessions,
        held=len(held),
        missed=episode.sessions_missed,
        focal_areas=episode.formulation.problem_areas,
        dispute_stage=episode.formulation.dispute_stage,
        accepted_week=None if accepted is None else (accepted.date - first).days // 7,
        accepted_session=None if accepted is None else accepted.number,
        completion=phase_completion(episode, held),
        tallies=overview.tallies,
        due=overview.due,
        sessions=sessions,
    )
