"""The fictional client that ``self-test`` seals into its throw-away vault.

Nobody here is real. The name mixes scripts (accented Latin, Greek, Cyrillic) so that the
PDF check also proves the embedded font covers them.
"""

import datetime as dt

from ipt_desktop.domain.enums import EpisodeKind, PlanAfterEnding, ProblemArea
from ipt_desktop.domain.model import (
    Client,
    ClientRecord,
    Episode,
    Formulation,
    PracticeDetails,
    Session,
    SessionNote,
    Termination,
)

NAME = "Zoë Self-Test Ελένη Наталья"
FIRST_SESSION = dt.date(2025, 1, 6)
#: (mood 0-10, PHQ-9 items) per weekly session: a fictional responder.
SESSIONS: tuple[tuple[int, tuple[int, ...]], ...] = (
    (3, (2, 2, 2, 2, 2, 2, 1, 1, 0)),
    (4, (2, 2, 2, 1, 2, 1, 1, 1, 0)),
    (5, (1, 2, 1, 1, 1, 1, 1, 1, 0)),
    (6, (1, 1, 1, 1, 1, 1, 0, 1, 0)),
    (7, (1, 1, 0, 1, 0, 1, 0, 0, 0)),
    (8, (0, 1, 0, 0, 0, 1, 0, 0, 0)),
)

PRACTICE = PracticeDetails(
    therapist_name="Dr Ada Fictional",
    practice_name="Self-Test Practice (fictional)",
    address="1 Example Street\nExampletown",
)


def fictional_record() -> ClientRecord:
    """A client with one acute episode, six weekly sessions and a termination plan."""
    client = Client(name=NAME, date_of_birth=dt.date(1980, 2, 29))
    episode = Episode(
        client_id=client.id,
        start_date=FIRST_SESSION,
        kind=EpisodeKind.ACUTE,
        planned_sessions=len(SESSIONS),
        formulation=Formulation(
            problem_areas=(ProblemArea.ROLE_TRANSITION,),
            text="A fictional formulation written by the self-test.",
            accepted_on=FIRST_SESSION + dt.timedelta(weeks=1),
        ),
        goals=("Rebuild a weekly routine with friends.",),
        termination=Termination(
            achievements=("Rejoined the Thursday walking group.",),
            relapse_prevention_skills=("Notice early when mood drops and talk to someone.",),
            warning_signs=("Cancelling plans two weeks running.",),
            what_to_do="Call the practice to book a check-in session.",
            plan_kind=PlanAfterEnding.NONE,
        ),
    )
    sessions = tuple(
        Session(
            episode_id=episode.id,
            client_id=client.id,
            date=FIRST_SESSION + dt.timedelta(weeks=number),
            mood=mood,
            phq9=phq9,
            note=SessionNote(note=f"Fictional session {number + 1} of the self-test."),
        )
        for number, (mood, phq9) in enumerate(SESSIONS)
    )
    return ClientRecord(client=client, episodes=(episode,), sessions=sessions)
