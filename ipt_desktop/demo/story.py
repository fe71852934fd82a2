"""How a fictional demo client is sketched, and how a sketch becomes a ClientRecord.

Dates are counted back from ``today``, so the demo always looks current, and everything
but the ids is a pure function of ``today``. Notes follow the IPT session shape: the
opening question, recent events linked to mood, problem-area work, techniques, homework.
"""

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ipt_desktop.domain.enums import (
    DisputeStage,
    EpisodeKind,
    LifeEventKind,
    Phase,
    ProblemArea,
    Technique,
)
from ipt_desktop.domain.model import (
    Client,
    ClientRecord,
    Episode,
    Formulation,
    InventoryPerson,
    LifeEvent,
    Session,
    SessionNote,
    Termination,
)
from ipt_desktop.domain.phases import suggest_phase
from ipt_desktop.vault.rows import make_record

SIGNING_TIME = dt.time(18, 30, tzinfo=dt.UTC)

INITIAL_WORK = (
    "Reviewed symptoms with the PHQ-9 and confirmed a depressive episode. Explained depression "
    "as a common, treatable illness and gave the sick role: for now it is fine to do less, "
    "without blame. Agreed a contract of {planned} sessions.",
    "Interpersonal inventory: went through the important people, who helps and where things "
    "are strained. Around the onset: {focus}.",
    "Completed the inventory; looked at the closeness circle together. Client wants a little "
    "more time before settling the focus.",
)
ACCEPTANCE_WORK = (
    "Shared the interpersonal formulation linking the depression to {focus}. Client recognised "
    "it and accepted it; we wrote the goals together."
)
TERMINATION_WORK = (
    "Raised the ending: two sessions after this one. Reviewed what has changed since the first "
    "session and what helped. Some sadness about ending, and some pride.",
    "Reviewed achievements and the skills to keep using. Listed early warning signs of "
    "recurrence and what to do if they appear.",
    "Final session of the contract: went through the written relapse-prevention plan and "
    "agreed the plan after ending. Said goodbye for now.",
)
PLANS = {
    Phase.INITIAL: "Finish the inventory; bring the formulation to agree next time.",
    Phase.MIDDLE: "Continue the problem-area work; review the homework first.",
    Phase.TERMINATION: "Prepare for ending: bring thoughts on what to keep using.",
    Phase.MAINTENANCE: "Next maintenance session in four weeks; call sooner if warning signs.",
}
TECHNIQUES = {
    ProblemArea.GRIEF: (Technique.ENCOURAGEMENT_OF_AFFECT, Technique.EXPLORATORY_QUESTIONING),
    ProblemArea.ROLE_DISPUTE: (Technique.COMMUNICATION_ANALYSIS, Technique.ROLE_PLAY),
    ProblemArea.ROLE_TRANSITION: (Technique.CLARIFICATION, Technique.DECISION_ANALYSIS),
    ProblemArea.INTERPERSONAL_DEFICITS: (
        Technique.THERAPEUTIC_RELATIONSHIP,
        Technique.NATURAL_SUPPORTS,
    ),
}


@dataclass(frozen=True)
class PersonSketch:
    name: str
    relationship: str
    closeness: int
    support: bool = False
    conflict: bool = False
    contact: str = ""
    likes: str = ""
    dislikes: str = ""
    arguments: str = ""
    notes: str = ""
    changed_near_onset: bool = False


@dataclass(frozen=True)
class EventSketch:
    days_ago: int
    kind: LifeEventKind
    description: str


@dataclass(frozen=True)
class ContractSketch:
    """One treatment contract: the sessions held so far, one PHQ-9 total per session."""

    kind: EpisodeKind
    planned: int
    last_session_days_ago: int
    interval_days: int
    phq9: tuple[int, ...]
    work: tuple[str, ...]  # middle-phase (or maintenance) problem-area work, in turn
    item9: Mapping[int, int] = field(default_factory=dict)  # session number -> answer
    risk_assessments: Mapping[int, str] = field(default_factory=dict)
    gad7: tuple[int, ...] = ()  # totals for the first sessions (none after)
    hamd: Mapping[int, int] = field(default_factory=dict)
    accepted_at: int | None = None  # session number on whose date the formulation was accepted
    problem_areas: tuple[ProblemArea, ...] = ()
    dispute_stage: DisputeStage | None = None
    formulation: str = ""
    goals: tuple[str, ...] = ()
    termination: Termination = field(default_factory=Termination)
    unsigned_last: int = 1  # the newest sessions not signed yet
    role_play: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Story:
    name: str
    age: int
    focus: str  # what the depression is linked to, in a few words
    better: tuple[str, ...]  # answers to the opening question on a better week
    harder: tuple[str, ...]  # ... on a harder week
    recent: tuple[str, ...]  # recent interpersonal events and their link to mood
    homework: tuple[str, ...]
    people: tuple[PersonSketch, ...]
    events: tuple[EventSketch, ...]
    contracts: tuple[ContractSketch, ...]
    ended: bool = False


def answers(total: int, count: int) -> tuple[int, ...]:
    """``count`` answers (each 0-3) adding up to ``total``, spread evenly but not sorted."""
    base, extra = divmod(total, count)
    items = [base + 1] * extra + [base] * (count - extra)
    if not 0 <= min(items) <= max(items) <= 3:
        raise ValueError("total out of reach")
    return tuple(items[(i * 5) % count] for i in range(count))  # 5 is prime to 6, 7 and 8


def mood_for(phq9_total: int, number: int) -> int:
    """A client's 0-10 mood that roughly mirrors the PHQ-9, with a small weekly wobble."""
    wobble = (0, 1, 0, -1)[number % 4]
    return max(0, min(10, round(9 - phq9_total * 0.3) + wobble))


def _pick(pool: Sequence[str], index: int) -> str:
    return pool[index % len(pool)] if pool else ""


def _note(story: Story, contract: ContractSketch, number: int, phase: Phase) -> SessionNote:
    held = contract.phq9
    improving = number > 1 and held[number - 1] < held[number - 2]
    opening = _pick(story.better if improving else story.harder, number)
    if number == contract.accepted_at:
        work = ACCEPTANCE_WORK
    elif phase is Phase.INITIAL:
        work = INITIAL_WORK[min(number, len(INITIAL_WORK)) - 1]
    elif phase is Phase.TERMINATION:
        left = contract.planned - number
        work = TERMINATION_WORK[max(0, min(2, 2 - left))]
    else:
        work = _pick(contract.work, number)
    areas = contract.problem_areas or (ProblemArea.INTERPERSONAL_DEFICITS,)
    techniques = [Technique.EXPLORATORY_QUESTIONING]
    techniques += [t for t in TECHNIQUES[areas[number % len(areas)]] if t not in techniques]
    if number in contract.role_play:
        techniques.append(Technique.ROLE_PLAY)
    techniques.append(Technique.HOMEWORK)
    return SessionNote(
        since_last_met=opening,
        recent_events=_pick(story.recent, number),
        problem_area_work=work.format(planned=contract.planned, focus=story.focus),
        techniques=tuple(dict.fromkeys(techniques)),
        role_play=contract.role_play.get(number, ""),
        homework=_pick(story.homework, number),
        risk_assessment=contract.risk_assessments.get(number, ""),
        plan=PLANS[phase],
    )


def _episode(story: Story, contract: ContractSketch, client_id: str, today: dt.date) -> Episode:
    first = today - dt.timedelta(
        days=contract.last_session_days_ago + contract.interval_days * (len(contract.phq9) - 1)
    )
    accepted = None
    if contract.accepted_at is not None:
        accepted = first + dt.timedelta(days=contract.interval_days * (contract.accepted_at - 1))
    return Episode(
        client_id=client_id,
        start_date=first,
        kind=contract.kind,
        planned_sessions=contract.planned,
        formulation=Formulation(
            problem_areas=contract.problem_areas,
            dispute_stage=contract.dispute_stage,
            text=contract.formulation,
            accepted_on=accepted,
        ),
        goals=contract.goals,
        termination=contract.termination,
    )


def _sessions(
    story: Story, contract: ContractSketch, episode: Episode, today: dt.date
) -> list[Session]:
    sessions = []
    count = len(contract.phq9)
    for number, total in enumerate(contract.phq9, 1):
        day = episode.start_date + dt.timedelta(days=contract.interval_days * (number - 1))
        phase = suggest_phase(episode, number, day)
        signed = number <= count - contract.unsigned_last
        gad7 = contract.gad7[number - 1] if number <= len(contract.gad7) else None
        item9 = contract.item9.get(number, 0)
        sessions.append(
            Session(
                episode_id=episode.id,
                client_id=episode.client_id,
                date=day,
                mood=mood_for(total, number),
                phq9=(*answers(total - item9, 8), item9),
                hamd=contract.hamd.get(number),
                gad7=None if gad7 is None else answers(gad7, 7),
                note=_note(story, contract, number, phase),
                signed_at=dt.datetime.combine(day, SIGNING_TIME) if signed else None,
            )
        )
    return sessions


def build_record(story: Story, today: dt.date) -> ClientRecord:
    episodes: list[Episode] = []
    sessions: list[Session] = []
    client = Client(name=story.name, date_of_birth=dt.date(today.year - story.age, 3, 14))
    for contract in story.contracts:
        episode = _episode(story, contract, client.id, today)
        episodes.append(episode)
        sessions.extend(_sessions(story, contract, episode, today))
    if story.ended:
        client = dataclasses.replace(client, ended_on=max(s.date for s in sessions))
    people = [InventoryPerson(client_id=client.id, **dataclasses.asdict(p)) for p in story.people]
    events = [
        LifeEvent(
            client_id=client.id,
            date=today - dt.timedelta(days=e.days_ago),
            kind=e.kind,
            description=e.description,
        )
        for e in story.events
    ]
    return make_record(client, episodes, sessions, people, events)
