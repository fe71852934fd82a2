"""What of the IPT tasks is done and what is due in one episode (issue 19, IPT.md).

The rules, for an acute course with ``n`` sessions held:
- initial tasks are due by session 4 (the initial phase normally ends by session 3 or 4):
  listed as due while ``n <= 4``, and overdue from session 5 ("formulation not accepted,
  session 5: still in the initial phase, ..."; this is also the overview's one "initial phase
  too long" prompt);
- the ending is raised at least 3 sessions before the last (session ``planned - 3``, still
  the middle phase: the checklist offers it there from the second half of the contract);
  from that session on, an ending not yet raised is overdue ("ending not raised, 3 sessions
  remain"); raised later, it counts as done late;
- the other termination tasks are due once the course is in its termination phase, and
  overdue when the last planned session is held without them;
- a middle-phase session records the focal area worked on, a strategy from that area's
  list, and the link of mood to interpersonal events: the latest session lacking one of
  them shows it as due for that session;
- a maintenance session reviews events and mood, checks the early warning signs and plans
  the next interval: the latest session lacking one shows it as due.
A task counts as done in the first session that ticks it. "Formulation accepted" is done
in the first session on or after the day the formulation records as accepted.

The client's acceptance opens the middle phase, so the session in which it happens is
already a middle-phase session, often session 4 or 5: that session (``acceptance_session``)
also offers the initial tasks not done in an earlier session, "formulation presented" and
"formulation accepted" among them, so they are recorded where they happened.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from .contract import ENDING_NOTICE_SESSIONS, session_order_key
from .enums import EpisodeKind, Phase
from .model import Episode, Session
from .phase_tasks import TASKS_BY_PHASE, PhaseTask
from .phases import effective_phase

#: Initial-phase tasks are due by this session (IPT.md: the initial phase ends by 3 or 4).
INITIAL_TASKS_BY_SESSION = 4
#: Tasks done once per course; the others are done in every session of their phase.
ONCE_PER_COURSE = TASKS_BY_PHASE[Phase.INITIAL] + TASKS_BY_PHASE[Phase.TERMINATION]
ACCEPTED = PhaseTask.FORMULATION_ACCEPTED
#: The overdue acceptance also says what it means for the course: this one line is the
#: overview's "initial phase too long" prompt (``course_prompts`` leaves it to the task card).
STILL_INITIAL = ": still in the initial phase, which normally ends by session 3 or 4"
FOCAL_AREA_LABEL = "Focal area"
STRATEGY_LABEL = "Strategy"


@dataclass(frozen=True)
class HeldSession:
    number: int  # within the episode, from 1
    session: Session
    phase: Phase


@dataclass(frozen=True)
class TaskDone:
    task: PhaseTask
    number: int | None  # the session it was done in (None: no session on or after that day)
    date: dt.date
    late: bool  # done after the session IPT sets for it

    @property
    def text(self) -> str:
        where = f"session {self.number}" if self.number is not None else "between sessions"
        return f"{self.task.label}, {where}" + (" (late)" if self.late else "")

    @property
    def short_text(self) -> str:
        where = f"session {self.number}" if self.number is not None else "between sessions"
        return f"{self.task.short} ({where}{', late' if self.late else ''})"


@dataclass(frozen=True)
class TaskDue:
    task: PhaseTask | None  # None: the focal area or strategy of a middle-phase session
    text: str
    overdue: bool  # past the session IPT sets for it: a prompt, not only a reminder


@dataclass(frozen=True)
class Tally:
    """A task of every session of a phase: in how many of those sessions it was done."""

    label: str
    phase: Phase
    done_in: int
    sessions: int


@dataclass(frozen=True)
class TaskOverview:
    held: int
    done: tuple[TaskDone, ...]  # once-per-course tasks, in the order they were done
    due: tuple[TaskDue, ...]  # overdue first
    tallies: tuple[Tally, ...]  # per-session tasks of the middle and maintenance phases

    @property
    def overdue(self) -> tuple[TaskDue, ...]:
        return tuple(d for d in self.due if d.overdue)


class Acceptance(Enum):
    """Where the formulation's acceptance stands, seen from one session."""

    OPEN = "open"  # not recorded yet: this session may record it
    HERE = "here"  # recorded in this session (the first on or after the day)
    EARLIER = "earlier"  # recorded before this session
    LATER = "later"  # recorded after this session


def tasks_offered(
    episode: Episode, number: int, phase: Phase, sessions: Sequence[Session] = ()
) -> tuple[PhaseTask, ...]:
    """The checklist of session ``number``: its phase's tasks. In an acute course's middle
    phase, the session where the formulation was accepted (``sessions``: the episode's,
    as stored) first lists the initial tasks not done in an earlier session; from the second
    half of the contract the middle phase also offers "ending raised", which belongs before
    the termination phase (at least 3 sessions before the last)."""
    tasks = TASKS_BY_PHASE[phase]
    if phase is not Phase.MIDDLE or episode.kind is not EpisodeKind.ACUTE:
        return tasks
    held = held_sessions(episode, sessions)
    if acceptance_session(episode, held) == number:
        done = first_done(episode, held)
        still_open = tuple(
            t
            for t in TASKS_BY_PHASE[Phase.INITIAL]
            if t not in done or (done[t].number or 0) >= number
        )
        tasks = (*still_open, *tasks)
    if number > episode.planned_sessions // 2:
        return (*tasks, PhaseTask.ENDING_RAISED)
    return tasks


def acceptance_session(episode: Episode, held: Sequence[HeldSession]) -> int | None:
    """The number of the session where the formulation was accepted: the first held on or
    after the day recorded (None: not accepted, or no session since)."""
    accepted = episode.formulation.accepted_on
    if accepted is None:
        return None
    return next((h.number for h in held if h.session.date >= accepted), None)


def acceptance_at(
    episode: Episode, sessions: Sequence[Session], number: int, session_date: dt.date
) -> Acceptance:
    """Where the acceptance stands for session ``number`` held on ``session_date``."""
    accepted = episode.formulation.accepted_on
    if accepted is None:
        return Acceptance.OPEN
    if accepted > session_date:
        return Acceptance.LATER
    at = acceptance_session(episode, held_sessions(episode, sessions))
    return Acceptance.HERE if at is None or at >= number else Acceptance.EARLIER


def held_sessions(episode: Episode, sessions: Sequence[Session]) -> tuple[HeldSession, ...]:
    ordered = sorted((s for s in sessions if s.episode_id == episode.id), key=session_order_key)
    return tuple(
        HeldSession(n, s, effective_phase(s, episode, n)) for n, s in enumerate(ordered, 1)
    )


def first_done(episode: Episode, held: Sequence[HeldSession]) -> dict[PhaseTask, TaskDone]:
    """Each once-per-course task that is done: where it was done first."""
    found: dict[PhaseTask, TaskDone] = {}
    for h in held:
        for task in sorted(h.session.tasks.done & set(ONCE_PER_COURSE), key=_order):
            if task not in found:
                found[task] = TaskDone(task, h.number, h.session.date, _late(task, h, episode))
    accepted = episode.formulation.accepted_on
    if accepted is not None:
        at = next((h for h in held if h.session.date >= accepted), None)
        task = PhaseTask.FORMULATION_ACCEPTED
        if at is None:
            found[task] = TaskDone(task, None, accepted, False)
        else:
            found[task] = TaskDone(task, at.number, at.session.date, _late(task, at, episode))
    return found


def task_overview(episode: Episode, sessions: Sequence[Session]) -> TaskOverview:
    held = held_sessions(episode, sessions)
    done = first_done(episode, held)
    due: list[TaskDue] = []
    if held and episode.kind is EpisodeKind.ACUTE:
        due += _initial_due(done, len(held))
        due += _termination_due(done, held, episode.planned_sessions)
    if held:
        due += _latest_session_due(held[-1])
    ordered_done = sorted(done.values(), key=lambda d: (d.date, d.number or 0, _order(d.task)))
    due.sort(key=lambda d: not d.overdue)
    return TaskOverview(len(held), tuple(ordered_done), tuple(due), _tallies(held))


def _order(task: PhaseTask) -> int:
    return list(PhaseTask).index(task)


def _late(task: PhaseTask, h: HeldSession, episode: Episode) -> bool:
    if episode.kind is not EpisodeKind.ACUTE:
        return False
    if task in TASKS_BY_PHASE[Phase.INITIAL]:
        return h.number > INITIAL_TASKS_BY_SESSION
    if task is PhaseTask.ENDING_RAISED:
        return h.number > episode.planned_sessions - ENDING_NOTICE_SESSIONS
    return False


def _initial_due(done: dict[PhaseTask, TaskDone], n: int) -> list[TaskDue]:
    overdue = n > INITIAL_TASKS_BY_SESSION
    return [
        TaskDue(
            task,
            f"{task.missing}, session {n}{STILL_INITIAL if task is ACCEPTED else ''}"
            if overdue
            else f"{task.missing} yet (due by session {INITIAL_TASKS_BY_SESSION})",
            overdue,
        )
        for task in TASKS_BY_PHASE[Phase.INITIAL]
        if task not in done
    ]


def _termination_due(
    done: dict[PhaseTask, TaskDone], held: Sequence[HeldSession], planned: int
) -> list[TaskDue]:
    n = len(held)
    due: list[TaskDue] = []
    if PhaseTask.ENDING_RAISED not in done and n >= planned - ENDING_NOTICE_SESSIONS:
        remaining = planned - n
        if remaining > 1:
            when = f"{remaining} sessions remain"
        elif remaining == 1:
            when = "1 session remains"
        elif remaining == 0:
            when = f"session {n}, the last planned"
        else:
            when = f"session {n}, beyond the contract"
        due.append(TaskDue(PhaseTask.ENDING_RAISED, f"ending not raised, {when}", True))
    if held[-1].phase is Phase.TERMINATION or n >= planned:
        for task in TASKS_BY_PHASE[Phase.TERMINATION]:
            if task is PhaseTask.ENDING_RAISED or task in done:
                continue
            if n >= planned:
                due.append(TaskDue(task, f"{task.missing}, session {n}", True))
            else:
                due.append(TaskDue(task, f"{task.missing} yet (due by session {planned})", False))
    return due


def _latest_session_due(latest: HeldSession) -> list[TaskDue]:
    tasks, n = latest.session.tasks, latest.number
    due: list[TaskDue] = []
    if latest.phase is Phase.MIDDLE:
        if not tasks.focal_areas:
            due.append(TaskDue(None, f"focal area worked on not recorded, session {n}", False))
        elif not tasks.strategies:
            due.append(TaskDue(None, f"no strategy from the area's list, session {n}", False))
        if PhaseTask.MOOD_LINKED not in tasks.done:
            due.append(
                TaskDue(
                    PhaseTask.MOOD_LINKED, f"{PhaseTask.MOOD_LINKED.missing}, session {n}", False
                )
            )
    elif latest.phase is Phase.MAINTENANCE:
        for task in TASKS_BY_PHASE[Phase.MAINTENANCE]:
            if task not in tasks.done:
                due.append(TaskDue(task, f"{task.missing}, session {n}", False))
    return due


def _tallies(held: Sequence[HeldSession]) -> tuple[Tally, ...]:
    tallies: list[Tally] = []
    middle = [h for h in held if h.phase is Phase.MIDDLE]
    if middle:
        count = len(middle)
        tallies.append(
            Tally(
                FOCAL_AREA_LABEL,
                Phase.MIDDLE,
                sum(bool(h.session.tasks.focal_areas) for h in middle),
                count,
            )
        )
        tallies.append(
            Tally(
                STRATEGY_LABEL,
                Phase.MIDDLE,
                sum(bool(h.session.tasks.strategies) for h in middle),
                count,
            )
        )
    for phase in (Phase.MIDDLE, Phase.MAINTENANCE):
        group = [h for h in held if h.phase is phase]
        if not group:
            continue
        for task in TASKS_BY_PHASE[phase]:
            hits = sum(task in h.session.tasks.done for h in group)
            tallies.append(Tally(task.short, phase, hits, len(group)))
    return tuple(tallies)
