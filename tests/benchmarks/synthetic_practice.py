"""A synthetic practice: fictional, seeded, reproducible (issue 9).

``generate(shape)`` yields one ``ClientRecord`` per client, in intake order, the same
records for the same shape on every machine (ids come from the seeded generator too).
The full shape is a long-practising therapist: 2,000 clients over twenty years, 32,000
sessions whose notes hold about 2 KB of text, PHQ-9 at every session, GAD-7 and HAM-D for
some clients, an interpersonal inventory and life events for everyone. One client has a
200-session history (acute course, then years of maintenance): the timeline benchmark
paints it. Nothing here describes a real person.
"""

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from ipt_desktop.domain.enums import (
    DisputeStage,
    EpisodeKind,
    LifeEventKind,
    PlanAfterEnding,
    ProblemArea,
    Technique,
)
from ipt_desktop.domain.model import (
    Amendment,
    Client,
    ClientRecord,
    Episode,
    Formulation,
    InventoryPerson,
    LifeEvent,
    PracticeDetails,
    Session,
    SessionNote,
    Termination,
)

from . import synthetic_text as text

#: Bump when the generated records change, so cached vaults are rebuilt. 2: the sealed
#: summaries gained the outcome and risk status (a vault built before would list through
#: the recompute-from-the-record fallback and time that instead).
GENERATOR_VERSION = 2
#: "Today" of the synthetic practice (fixed, so the data does not depend on the day it runs).
TODAY = dt.date(2026, 1, 15)
PRACTICE_YEARS = 20
ACUTE_SESSIONS = 16
MAINTENANCE_BLOCK = 24
ACTIVE_WINDOW = dt.timedelta(days=42)
PRACTICE = PracticeDetails(
    therapist_name="Dr. Imogen Fairlight (fictional)",
    credentials="Clinical psychologist, IPT certified therapist",
    practice_name="Harbour Lane Psychotherapy (fictional)",
    address="1 Example Street\nNowhere Town",
    phone="000 000 0000",
    email="practice@example.invalid",
)


@dataclass(frozen=True)
class PracticeShape:
    clients: int
    sessions: int
    seed: int = 9
    #: One client gets this many sessions (the timeline benchmark); 0 for none.
    long_client_sessions: int = 200
    #: About how many characters of text each session note holds.
    note_chars: int = 2000

    def __post_init__(self) -> None:
        if self.clients < 1 or self.sessions < self.clients:
            raise ValueError("a practice needs clients and at least one session each")
        if self.long_client_sessions > self.sessions - (self.clients - 1):
            raise ValueError("the long client needs fewer sessions than the practice has")

    @property
    def key(self) -> str:
        """Names the cached vault: the same key means the same records."""
        return (
            f"seed{self.seed}-c{self.clients}-s{self.sessions}-long{self.long_client_sessions}"
            f"-n{self.note_chars}-g{GENERATOR_VERSION}"
        )


#: Sessions per client in every practice the benchmark builds (``--clients N``).
SESSIONS_PER_CLIENT = 16
FULL = PracticeShape(clients=2000, sessions=32000)
QUICK = PracticeShape(clients=200, sessions=3200)


def seeded_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def session_counts(shape: PracticeShape) -> list[int]:
    """Sessions per client, summing exactly to ``shape.sessions``; client 0 is the long one
    when there is one. Most courses are acute (12 to 16 sessions), some end early, some go
    on to maintenance."""
    rng = random.Random(f"counts-{shape.seed}")
    first = shape.long_client_sessions or 0
    rest = shape.clients - (1 if first else 0)
    budget = shape.sessions - first
    mean = budget / rest
    counts = [max(1, round(rng.gauss(mean, mean / 4))) for _ in range(rest)]
    difference = budget - sum(counts)
    while difference:
        i = rng.randrange(rest)
        step = 1 if difference > 0 else -1
        if counts[i] + step >= 1:
            counts[i] += step
            difference -= step
    return [first, *counts] if first else counts


def episode_blocks(count: int) -> list[tuple[EpisodeKind, int]]:
    """(kind, number of sessions) of each contract: an acute course of up to 16 sessions,
    then maintenance contracts of up to 24 monthly sessions."""
    acute = min(count, ACUTE_SESSIONS)
    blocks = [(EpisodeKind.ACUTE, acute)]
    left = count - acute
    while left > 0:
        size = min(left, MAINTENANCE_BLOCK)
        blocks.append((EpisodeKind.MAINTENANCE, size))
        left -= size
    return blocks


def _gap(kind: EpisodeKind) -> dt.timedelta:
    return dt.timedelta(weeks=1 if kind is EpisodeKind.ACUTE else 4)


def course_length(count: int) -> dt.timedelta:
    """From the first session to the last, with four weeks between two contracts."""
    blocks = episode_blocks(count)
    sessions = sum((_gap(kind) * n for kind, n in blocks), dt.timedelta())
    return sessions + dt.timedelta(weeks=4) * len(blocks)


def _phq9(total: int, rng: random.Random, item9: int) -> tuple[int, ...]:
    items = [0] * 9
    items[8] = item9
    left = max(0, min(total - item9, 24))
    while left > 0:
        i = rng.randrange(8)
        if items[i] < 3:
            items[i] += 1
            left -= 1
    return tuple(items)


def _gad7(total: int, rng: random.Random) -> tuple[int, ...]:
    items = [0] * 7
    left = max(0, min(total, 21))
    while left > 0:
        i = rng.randrange(7)
        if items[i] < 3:
            items[i] += 1
            left -= 1
    return tuple(items)


class _ClientWriter:
    """Builds one client's record from its own seeded generator."""

    def __init__(self, shape: PracticeShape, index: int, count: int, start: dt.date) -> None:
        self.shape = shape
        self.rng = random.Random(f"client-{shape.seed}-{index}")
        self.count = count
        self.start = start
        self.client_id = seeded_id(self.rng)

    def person_name(self, people: list[InventoryPerson]) -> str:
        return self.rng.choice(people).name if people else "a friend"

    def inventory(self) -> list[InventoryPerson]:
        rng = self.rng
        people = []
        for _ in range(rng.randint(3, 7)):
            people.append(
                InventoryPerson(
                    client_id=self.client_id,
                    name=rng.choice(text.FIRST_NAMES),
                    relationship=rng.choice(text.RELATIONSHIPS),
                    closeness=rng.randint(1, 3),
                    support=rng.random() < 0.6,
                    conflict=rng.random() < 0.3,
                    contact=text.paragraph(text.INVENTORY_NOTES, 80, "them", rng),
                    notes=text.paragraph(text.INVENTORY_NOTES, 160, "them", rng),
                    changed_near_onset=rng.random() < 0.2,
                    id=seeded_id(rng),
                )
            )
        return people

    def life_events(self) -> list[LifeEvent]:
        rng = self.rng
        return [
            LifeEvent(
                client_id=self.client_id,
                date=self.start - dt.timedelta(days=rng.randint(0, 400)),
                kind=rng.choice(list(LifeEventKind)),
                description=rng.choice(text.LIFE_EVENTS),
                id=seeded_id(rng),
            )
            for _ in range(rng.randint(1, 4))
        ]

    def episode(
        self, kind: EpisodeKind, planned: int, start: dt.date, person: str, completed: bool
    ) -> Episode:
        rng = self.rng
        areas = tuple(rng.sample(list(ProblemArea), rng.choice((1, 1, 2))))
        stage = rng.choice(list(DisputeStage)) if ProblemArea.ROLE_DISPUTE in areas else None
        termination = Termination()
        if completed:
            termination = Termination(
                achievements=tuple(text.fill(a, person) for a in text.ACHIEVEMENTS[:2]),
                relapse_prevention_skills=text.SKILLS[: rng.randint(1, 3)],
                warning_signs=tuple(text.fill(w, person) for w in text.WARNING_SIGNS),
                what_to_do="Call the practice and book a booster session.",
                plan_kind=rng.choice(list(PlanAfterEnding)),
                plan="Booster session in three months.",
            )
        return Episode(
            client_id=self.client_id,
            start_date=start,
            kind=kind,
            planned_sessions=planned,
            formulation=Formulation(
                problem_areas=areas,
                dispute_stage=stage,
                text=text.fill(rng.choice(text.FORMULATION), person),
                accepted_on=start + dt.timedelta(weeks=3),
            ),
            goals=tuple(text.fill(g, person) for g in rng.sample(text.GOALS, 2)),
            termination=termination,
            id=seeded_id(rng),
        )

    def note(self, person: str, item9: int) -> SessionNote:
        rng, size = self.rng, self.shape.note_chars
        free = text.paragraph(text.FREE_TEXT, size * 20 // 100, person, rng)
        if rng.random() < 0.01:
            free += " " + text.fill(text.RARE_SENTENCE, person)
        return SessionNote(
            since_last_met=text.paragraph(text.OPENING, size * 15 // 100, person, rng),
            recent_events=text.paragraph(text.EVENTS, size * 18 // 100, person, rng),
            problem_area_work=text.paragraph(text.PROBLEM_WORK, size * 27 // 100, person, rng),
            techniques=tuple(rng.sample(list(Technique), rng.randint(2, 4))),
            role_play="" if rng.random() < 0.6 else text.fill(text.EVENTS[0], person),
            homework=text.paragraph(text.HOMEWORK, size * 6 // 100, person, rng),
            risk_assessment=text.fill(rng.choice(text.RISK), person) if item9 else "",
            plan=text.paragraph(text.PLANS, size * 6 // 100, person, rng),
            note=free,
        )

    def session(
        self, episode: Episode, day: dt.date, progress: float, people: list[InventoryPerson]
    ) -> Session:
        rng = self.rng
        total = max(0, round(20 - 14 * progress + rng.gauss(0, 2.5)))
        item9 = 1 if rng.random() < 0.03 else 0
        signed = day < TODAY - dt.timedelta(days=14) or rng.random() < 0.5
        signed_at = (
            dt.datetime.combine(day + dt.timedelta(days=1), dt.time(18, 0), dt.UTC)
            if signed
            else None
        )
        amendments: tuple[Amendment, ...] = ()
        if signed_at is not None and rng.random() < 0.02:
            amendments = (
                Amendment(
                    written_at=signed_at + dt.timedelta(days=2),
                    text=text.fill(rng.choice(text.AMENDMENT), self.person_name(people)),
                    id=seeded_id(rng),
                ),
            )
        return Session(
            episode_id=episode.id,
            client_id=self.client_id,
            date=day,
            mood=max(0, min(10, round(2 + 6 * progress + rng.gauss(0, 1.2)))),
            phq9=_phq9(total, rng, item9),
            hamd=(
                max(0, min(52, round(total * 1.1 + rng.gauss(0, 2))))
                if rng.random() < 0.15
                else None
            ),
            gad7=_gad7(round(total * 0.7), rng) if rng.random() < 0.4 else None,
            note=self.note(self.person_name(people), item9),
            signed_at=signed_at,
            amendments=amendments,
            id=seeded_id(rng),
        )

    def record(self) -> ClientRecord:
        rng = self.rng
        name = f"{rng.choice(text.FIRST_NAMES)} {rng.choice(text.LAST_NAMES)}"
        people = self.inventory()
        events = self.life_events()
        blocks = episode_blocks(self.count)
        episodes: list[Episode] = []
        sessions: list[Session] = []
        day = self.start
        for block, (kind, n) in enumerate(blocks):
            if kind is EpisodeKind.ACUTE:
                planned = ACUTE_SESSIONS if n >= ACUTE_SESSIONS else rng.randint(max(12, n), 16)
            else:
                planned = max(n, 8)
            gap = _gap(kind)
            last_day = day + gap * (n - 1)
            completed = last_day < TODAY - ACTIVE_WINDOW and block == len(blocks) - 1
            episode = self.episode(kind, planned, day, self.person_name(people), completed)
            episodes.append(episode)
            for i in range(n):
                progress = (len(sessions) + 1) / self.count
                sessions.append(self.session(episode, day + gap * i, progress, people))
            day = last_day + dt.timedelta(weeks=4)
        last = sessions[-1].date
        ended = None if last >= TODAY - ACTIVE_WINDOW else min(TODAY, last + dt.timedelta(days=14))
        dob = dt.date(rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28))
        client = Client(name=name, date_of_birth=dob, ended_on=ended, id=self.client_id)
        return ClientRecord(
            client=client,
            episodes=tuple(episodes),
            sessions=tuple(sorted(sessions, key=lambda s: (s.date, s.id))),
            inventory=tuple(people),
            life_events=tuple(sorted(events, key=lambda e: e.date)),
        )


def generate(shape: PracticeShape) -> Iterator[ClientRecord]:
    """Every client of the practice, in intake order (same shape, same records)."""
    counts = session_counts(shape)
    first_day = TODAY - dt.timedelta(days=365 * PRACTICE_YEARS)
    span = (TODAY - first_day).days
    for index, count in enumerate(counts):
        rng = random.Random(f"start-{shape.seed}-{index}")
        latest_start = TODAY - course_length(count)
        spread = first_day + dt.timedelta(days=span * index // len(counts) + rng.randint(0, 20))
        start = min(spread, latest_start)
        yield _ClientWriter(shape, index, count, start).record()
