"""What the timeline marks about the course besides sessions and measures (issue 19): the
untreated time from an episode's onset to its first session, and the sessions in which the
initial-phase IPT tasks were first done. Plain data; the renderers draw it."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from .enums import EpisodeKind, Phase
from .model import ClientRecord
from .phase_tasks import TASKS_BY_PHASE, PhaseTask
from .task_rules import first_done, held_sessions


@dataclass(frozen=True)
class UntreatedSpan:
    """The time from the onset of an episode's depression to its first session."""

    episode_id: str
    start: dt.date  # the onset
    end: dt.date  # the first session (or the contract's start before any session)

    @property
    def weeks(self) -> int:
        return (self.end - self.start).days // 7

    @property
    def label(self) -> str:
        return f"Untreated {self.weeks} wk" if self.weeks >= 1 else "Untreated"


def untreated_spans(record: ClientRecord) -> tuple[UntreatedSpan, ...]:
    spans = []
    for episode in record.episodes:
        if episode.onset is None:
            continue
        dates = [s.date for s in record.sessions if s.episode_id == episode.id]
        first = min(dates, default=episode.start_date)
        if episode.onset < first:
            spans.append(UntreatedSpan(episode.id, episode.onset, first))
    return tuple(sorted(spans, key=lambda u: (u.start, u.episode_id)))


def initial_tasks_by_session(record: ClientRecord) -> dict[str, tuple[PhaseTask, ...]]:
    """Session id -> the initial-phase tasks first done in it, per acute episode."""
    found: defaultdict[str, list[PhaseTask]] = defaultdict(list)
    initial = TASKS_BY_PHASE[Phase.INITIAL]
    for episode in record.episodes:
        if episode.kind is not EpisodeKind.ACUTE:
            continue
        held = held_sessions(episode, record.sessions)
        by_number = {h.number: h.session.id for h in held}
        for task, done in first_done(episode, held).items():
            if task in initial and done.number is not None:
                found[by_number[done.number]].append(task)
    return {sid: tuple(sorted(tasks, key=initial.index)) for sid, tasks in found.items()}
