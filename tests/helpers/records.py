"""Fictional client records for the report tests and tools/render_pdfs.py.

Every person, practice, address and story here is invented. The names are chosen to cover
several scripts (Latin with accents, Greek, Cyrillic), not to resemble anyone.
"""

import datetime as dt

from ipt_desktop.domain.enums import (
    DisputeStage,
    EpisodeKind,
    LifeEventKind,
    Phase,
    PlanAfterEnding,
    ProblemArea,
)
from ipt_desktop.domain.model import (
    Client,
    ClientRecord,
    Episode,
    Formulation,
    LifeEvent,
    PracticeDetails,
    Session,
    SessionNote,
    Termination,
)

TODAY = dt.date(2025, 5, 2)
LATIN_NAME = "Zoë Núñez-Åkerlund"
GREEK_NAME = "Ελένη Παπαδοπούλου"
CYRILLIC_NAME = "Наталья Воронцова"

PRACTICE = PracticeDetails(
    therapist_name="Dr Mara Ellison",
    credentials="Clinical psychologist · IPT therapist (fictional)",
    practice_name="Harbour Lane Psychotherapy",
    address="12 Harbour Lane\nExampletown EX1 2AB",
    phone="01632 960 123",
    email="mara.ellison@harbourlane.example",
)

ACHIEVEMENTS = (
    "You talked with your sister about your father's death for the first time.",
    "You went back to the Thursday choir after two years away.",
    "You told your manager what you need when the workload gets too much.",
    "You sorted through the boxes in the spare room at your own pace.",
    "You made plans with an old friend and kept them.",
)
SKILLS = (
    "Notice when mood drops and ask what happened with people that week.",
    "Say what you need early, before resentment builds.",
    "Keep one social plan in the diary every week.",
    "Use the choir, your sister and Sam as people to call.",
)
WARNING_SIGNS = (
    "Cancelling plans two weeks running.",
    "Waking at 4 a.m. and lying awake.",
    "Feeling that you are a burden to others.",
    "Dropping the choir.",
)
WHAT_TO_DO = (
    "Tell someone close to you how you are feeling. If the signs last more than two weeks, "
    "call the practice on 01632 960 123 to book a check-in session.\n"
    "If you ever feel unsafe, call your GP or the emergency services straight away."
)


def phq9_items(total: int, item9: int = 0) -> tuple[int, ...]:
    """Nine answers (0-3) adding up to ``total``, with item 9 set to ``item9``."""
    rest = total - item9
    items = []
    for _ in range(8):
        value = min(3, rest)
        items.append(value)
        rest -= value
    if rest:
        raise ValueError("total out of range")
    return (*items, item9)


def _sessions(
    client: Client,
    episode: Episode,
    start: dt.date,
    step_days: int,
    phq9: list[int],
    moods: list[int],
    item9_at: dict[int, tuple[int, str]] | None = None,
) -> list[Session]:
    sessions = []
    for i, (total, mood) in enumerate(zip(phq9, moods, strict=True)):
        item9, assessment = (item9_at or {}).get(i, (0, ""))
        sessions.append(
            Session(
                episode_id=episode.id,
                client_id=client.id,
                date=start + dt.timedelta(days=step_days * i),
                mood=mood,
                phq9=phq9_items(total, item9),
                hamd=min(52, round(total * 1.1)) if i in (0, len(phq9) - 1) else None,
                note=SessionNote(risk_assessment=assessment),
            )
        )
    return sessions


def responder_record(name: str = LATIN_NAME) -> ClientRecord:
    client = Client(name=name, date_of_birth=dt.date(1979, 8, 14))
    episode = Episode(
        client_id=client.id,
        start_date=dt.date(2025, 1, 6),
        planned_sessions=16,
        formulation=Formulation(
            problem_areas=(ProblemArea.GRIEF,),
            text="Depression began after her father's death in 2023; she withdrew from the "
            "choir and her sister, and mourning stalled.",
            accepted_on=dt.date(2025, 1, 20),
        ),
        termination=Termination(
            achievements=ACHIEVEMENTS,
            relapse_prevention_skills=SKILLS,
            warning_signs=WARNING_SIGNS,
            what_to_do=WHAT_TO_DO,
            plan_kind=PlanAfterEnding.BOOSTER_SESSIONS,
            plan="Two booster sessions (August, November); discharge after the second.",
            client_next_step="Two booster sessions: one in August and one in November.",
        ),
    )
    phq9 = [19, 18, 18, 16, 15, 14, 12, 11, 10, 9, 8, 7, 6, 5, 4, 4]
    moods = [3, 3, 4, 4, 5, 4, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8]
    sessions = _sessions(
        client,
        episode,
        dt.date(2025, 1, 6),
        7,
        phq9,
        moods,
        {0: (1, "Passive thoughts, no plan or intent; safety plan agreed.")},
    )
    events = (
        LifeEvent(client.id, dt.date(2023, 10, 2), LifeEventKind.GRIEF, "Father died"),
        LifeEvent(client.id, dt.date(2025, 2, 14), LifeEventKind.OTHER, "Rejoined choir"),
    )
    return ClientRecord(client, (episode,), tuple(sessions), (), events)


def nonresponder_record(name: str = GREEK_NAME) -> ClientRecord:
    client = Client(name=name, date_of_birth=dt.date(1968, 3, 2))
    episode = Episode(
        client_id=client.id,
        start_date=dt.date(2025, 1, 13),
        planned_sessions=14,
        formulation=Formulation(
            problem_areas=(ProblemArea.ROLE_DISPUTE,),
            dispute_stage=DisputeStage.IMPASSE,
            text="Long-standing dispute with her husband over caring for his mother; "
            "communication has stopped.",
            accepted_on=dt.date(2025, 2, 3),
        ),
        termination=Termination(
            achievements=(
                "You named what you need from your husband, out loud, in the room.",
                "You kept coming every week, even on the hardest days.",
            ),
            relapse_prevention_skills=("Write down what you want to say before a hard talk.",),
            warning_signs=("Staying in bed past midday.", "Not answering the phone."),
            what_to_do="Call the practice or your GP if things get harder before the appointment.",
            plan_kind=PlanAfterEnding.REFERRAL,
            plan="Referred to the GP for a medication review and to the community mental "
            "health team for assessment.",
            client_next_step="A referral to your GP for a medication review, and to the "
            "community mental health team.",
        ),
    )
    phq9 = [18, 19, 17, 18, 17, 16, 17, 16, 16, 15, 16, 15, 15, 15]
    moods = [3, 2, 3, 3, 3, 4, 3, 4, 3, 4, 4, 3, 4, 4]
    sessions = _sessions(
        client,
        episode,
        dt.date(2025, 1, 13),
        7,
        phq9,
        moods,
        {2: (1, "Fleeting thoughts, no intent; crisis numbers given."), 6: (1, "")},
    )
    return ClientRecord(client, (episode,), tuple(sessions))


def maintenance_record(name: str = CYRILLIC_NAME) -> ClientRecord:
    client = Client(name=name)
    acute = Episode(
        client_id=client.id,
        start_date=dt.date(2024, 3, 4),
        planned_sessions=12,
        formulation=Formulation(
            problem_areas=(ProblemArea.ROLE_TRANSITION,), accepted_on=dt.date(2024, 3, 18)
        ),
    )
    maintenance = Episode(
        client_id=client.id,
        start_date=dt.date(2024, 7, 1),
        kind=EpisodeKind.MAINTENANCE,
        planned_sessions=8,
        formulation=Formulation(
            problem_areas=(ProblemArea.ROLE_TRANSITION, ProblemArea.INTERPERSONAL_DEFICITS),
            text="Retirement after 30 years in teaching; few friendships outside work.",
            accepted_on=dt.date(2024, 7, 1),
        ),
        termination=Termination(
            achievements=(
                "You built a weekly routine you enjoy: the allotment, the library "
                "and Friday lunch with Olga.",
                "You volunteered at the reading club and made two new friends.",
                "You got through the winter without your mood sliding.",
            ),
            relapse_prevention_skills=SKILLS[:3],
            warning_signs=WARNING_SIGNS[:3],
            what_to_do=WHAT_TO_DO,
            plan_kind=PlanAfterEnding.NONE,
            plan="Discharged at the end of the maintenance contract; open to re-referral.",
            client_next_step="No further sessions are planned. You are welcome to get in "
            "touch at any time.",
        ),
    )
    acute_sessions = _sessions(
        client,
        acute,
        dt.date(2024, 3, 4),
        7,
        [16, 15, 14, 12, 11, 9, 8, 7, 6, 5, 4, 4],
        [4, 4, 5, 5, 6, 6, 7, 7, 7, 8, 8, 8],
    )
    kept = _sessions(
        client,
        maintenance,
        dt.date(2024, 7, 1),
        28,
        [4, 3, 5, 4, 3, 3, 2, 3],
        [8, 8, 7, 8, 8, 9, 9, 8],
    )
    kept[3] = Session(
        episode_id=kept[3].episode_id,
        client_id=client.id,
        date=kept[3].date,
        mood=kept[3].mood,
        phq9=kept[3].phq9,
        phase_override=Phase.MAINTENANCE,
    )
    return ClientRecord(client, (acute, maintenance), (*acute_sessions, *kept))


def episode_id(record: ClientRecord) -> str:
    """The record's latest episode (the one the graduation letter is about)."""
    episode = record.current_episode
    assert episode is not None
    return episode.id
