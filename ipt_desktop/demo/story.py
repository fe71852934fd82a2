"""How a fictional demo client is sketched, and how a sketch becomes a ClientRecord.

Dates are counted back from ``today``, so the demo always looks current, and everything
but the ids is a pure function of ``today``. Notes follow the IPT session shape: the
opening question, recent events linked to mood, problem-area work, techniques, homework.

Each client is one consistent story. A note's texts are ``Beat``s that name the life
events they mention (by key) and the techniques they describe: a beat is used once, and
only in a session held on or after every event it mentions, so no note tells of something
that has not happened yet, no sentence repeats, and the techniques ticked are the ones the
note describes. ``build_demo`` also returns those links, so a test can check them.
"""

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ipt_desktop.domain.date_words import MONTHS
from ipt_desktop.domain.enums import (
    DisputeStage,
    EpisodeKind,
    LifeEventKind,
    Phase,
    ProblemArea,
    Technique,
)
from ipt_desktop.domain.goals import met_reviews
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
MINIMAL_BELOW = 5  # PHQ-9 0-4: minimal

_EQ, _AFFECT = Technique.EXPLORATORY_QUESTIONING, Technique.ENCOURAGEMENT_OF_AFFECT


@dataclass(frozen=True)
class Beat:
    """One text of a note, the life events it mentions (keys) and the techniques it shows."""

    text: str
    mentions: tuple[str, ...] = ()
    techniques: tuple[Technique, ...] = ()


#: The initial phase. Diagnosis comes from the clinical interview; the PHQ-9 rates severity.
INITIAL_WORK = (
    Beat(
        "Assessment interview: symptoms meet the criteria for a depressive episode; the PHQ-9 "
        "rates its severity. Explained depression as a common, treatable illness and gave the "
        "sick role: for now it is fine to do less, without blame. Agreed a contract of "
        "{planned} sessions.",
        techniques=(_EQ,),
    ),
    Beat(
        "Interpersonal inventory: asked about the important people, who helps and where things "
        "are strained. Around the onset: {focus}.",
        techniques=(_EQ,),
    ),
    Beat(
        "Completed the inventory; looked at the closeness circle together. The client wants a "
        "little more time before settling the focus.",
    ),
)
ACCEPTANCE_WORK = Beat(
    "Shared the interpersonal formulation linking the depression to {focus}. The client "
    "recognised it and accepted it; we wrote the goals together (clarified what each goal "
    "would look like in a normal week).",
    techniques=(Technique.CLARIFICATION,),
)
TERMINATION_WORK = (
    Beat(
        "Raised the ending: two sessions after this one. Reviewed what has changed since the "
        "first session and what helped. Some sadness about ending, and some pride; feelings "
        "about ending explored.",
        techniques=(_EQ, _AFFECT),
    ),
    Beat(
        "Reviewed achievements and the skills to keep using. Listed early warning signs of "
        "recurrence and what to do if they appear.",
    ),
    Beat(
        "Last session of the contract: went through the written relapse-prevention plan and "
        "agreed the plan after ending.",
    ),
)
PLANS = {
    Phase.INITIAL: "Finish the inventory; bring the formulation to agree next time.",
    Phase.MIDDLE: "Continue the problem-area work; start with the homework.",
    Phase.TERMINATION: "Prepare for ending: bring thoughts on what to keep using.",
    Phase.MAINTENANCE: "Next maintenance session in four weeks; call sooner if warning signs.",
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
    key: str  # how beats mention it
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
    work: tuple["Text", ...]  # middle-phase (or maintenance) problem-area work, each used once
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
    #: The clinician's plan is in ``termination.plan``; the client's words here.
    goals_met: tuple[str, ...] = ()
    recurrent: bool | None = None
    medication: str = ""
    prescriber: str = ""
    referrer: str = ""


@dataclass(frozen=True)
class Story:
    name: str
    age: int
    focus: str  # what the depression is linked to, in a few words
    better: tuple["Text", ...]  # answers to the opening question on a better week
    harder: tuple["Text", ...]  # ... on a harder (or unchanged) week
    recent: tuple["Text", ...]  # recent interpersonal events and their link to mood
    homework: tuple["Text", ...]
    people: tuple[PersonSketch, ...]
    events: tuple[EventSketch, ...]
    contracts: tuple[ContractSketch, ...]
    ended: bool = False
    onset_days_ago: int | None = None
    preferred_name: str = ""


#: A plain string is a beat that mentions no event and shows no technique.
Text = str | Beat


def beat(text: Text) -> Beat:
    return text if isinstance(text, Beat) else Beat(text)


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


class _Beats:
    """Hands out each beat of a client's story once, never before the events it mentions."""

    def __init__(self, story: Story, today: dt.date) -> None:
        self._when = {e.key: today - dt.timedelta(days=e.days_ago) for e in story.events}
        self._used: set[str] = set()

    def take(self, pool: Sequence[Text], day: dt.date) -> Beat | None:
        for item in pool:
            candidate = beat(item)
            if candidate.text in self._used:
                continue
            if all(self._when[key] <= day for key in candidate.mentions):
                self._used.add(candidate.text)
                return candidate
        return None


def _note(
    story: Story,
    contract: ContractSketch,
    number: int,
    phase: Phase,
    day: dt.date,
    beats: _Beats,
    previous: Phase | None,
) -> tuple[SessionNote, tuple[str, ...]]:
    """The note of session ``number`` and the keys of the life events it mentions."""
    held = contract.phq9
    # A better week when the PHQ-9 fell since last time, or is in the minimal range.
    total = held[number - 1]
    improving = total < MINIMAL_BELOW or (number > 1 and total < held[number - 2])
    opening = beats.take(story.better if improving else story.harder, day)
    if number == contract.accepted_at:
        work: Beat | None = ACCEPTANCE_WORK
    elif phase is Phase.INITIAL:
        work = INITIAL_WORK[min(number, len(INITIAL_WORK)) - 1]
    elif phase is Phase.TERMINATION:
        left = contract.planned - number
        work = TERMINATION_WORK[max(0, min(2, 2 - left))]
    else:
        work = beats.take(contract.work, day)
    recent = beats.take(story.recent, day)
    homework = beats.take(story.homework, day) if phase is not Phase.TERMINATION else None
    role_play = contract.role_play.get(number, "")
    used = [b for b in (opening, work, recent, homework) if b is not None]
    techniques = [t for b in used for t in b.techniques]
    if role_play:
        techniques.append(Technique.ROLE_PLAY)
    if homework is not None:
        techniques.append(Technique.HOMEWORK)
    mentions = tuple(dict.fromkeys(key for b in used for key in b.mentions))
    note = SessionNote(
        since_last_met="" if opening is None else opening.text,
        recent_events="" if recent is None else recent.text,
        problem_area_work=""
        if work is None
        else work.text.format(planned=contract.planned, focus=story.focus),
        techniques=tuple(dict.fromkeys(techniques)),
        role_play=role_play,
        homework="" if homework is None else homework.text,
        risk_assessment=contract.risk_assessments.get(number, ""),
        plan=PLANS[phase] if phase is not previous else _next_session(contract, number, day),
    )
    return note, mentions


def _next_session(contract: ContractSketch, number: int, day: dt.date) -> str:
    """The plan line of a session that is not the first of its phase."""
    if number >= contract.planned:
        return "Contract complete; the plan after ending is in the termination record."
    when = day + dt.timedelta(days=contract.interval_days)
    return f"Next: session {number + 1} of {contract.planned}, {when.day} {MONTHS[when.month - 1]}."


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
        onset=None
        if story.onset_days_ago is None
        else today - dt.timedelta(days=story.onset_days_ago),
        goal_reviews=met_reviews(contract.goals_met),
        recurrent=contract.recurrent,
        medication=contract.medication,
        prescriber=contract.prescriber,
        referrer=contract.referrer,
    )


def _sessions(
    story: Story, contract: ContractSketch, episode: Episode, beats: _Beats
) -> tuple[list[Session], dict[str, tuple[str, ...]]]:
    sessions = []
    links: dict[str, tuple[str, ...]] = {}
    count = len(contract.phq9)
    previous: Phase | None = None
    for number, total in enumerate(contract.phq9, 1):
        day = episode.start_date + dt.timedelta(days=contract.interval_days * (number - 1))
        phase = suggest_phase(episode, number, day)
        note, mentions = _note(story, contract, number, phase, day, beats, previous)
        previous = phase
        signed = number <= count - contract.unsigned_last
        gad7 = contract.gad7[number - 1] if number <= len(contract.gad7) else None
        item9 = contract.item9.get(number, 0)
        session = Session(
            episode_id=episode.id,
            client_id=episode.client_id,
            date=day,
            mood=mood_for(total, number),
            phq9=(*answers(total - item9, 8), item9),
            hamd=contract.hamd.get(number),
            gad7=None if gad7 is None else answers(gad7, 7),
            note=note,
            signed_at=dt.datetime.combine(day, SIGNING_TIME) if signed else None,
        )
        sessions.append(session)
        links[session.id] = mentions
    return sessions, links


@dataclass(frozen=True)
class DemoClient:
    """A demo record, and for each session the life events (ids) its note mentions."""

    record: ClientRecord
    mentions: Mapping[str, tuple[str, ...]]


def build_demo(story: Story, today: dt.date) -> DemoClient:
    episodes: list[Episode] = []
    sessions: list[Session] = []
    keyed: dict[str, tuple[str, ...]] = {}
    beats = _Beats(story, today)
    client = Client(
        name=story.name,
        date_of_birth=dt.date(today.year - story.age, 3, 14),
        preferred_name=story.preferred_name,
    )
    for contract in story.contracts:
        episode = _episode(story, contract, client.id, today)
        episodes.append(episode)
        held, links = _sessions(story, contract, episode, beats)
        sessions.extend(held)
        keyed.update(links)
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
    event_ids = {sketch.key: event.id for sketch, event in zip(story.events, events, strict=True)}
    record = make_record(client, episodes, sessions, people, events)
    mentions = {sid: tuple(event_ids[k] for k in keys) for sid, keys in keyed.items()}
    return DemoClient(record=record, mentions=mentions)


def build_record(story: Story, today: dt.date) -> ClientRecord:
    return build_demo(story, today).record
