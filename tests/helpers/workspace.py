"""Test data for the workspace tests: a fictional client written through the services,
and scripted answers to the workspace's questions (no dialog may block a test)."""

import datetime as dt
from dataclasses import dataclass, field

from ipt_desktop.domain.enums import LifeEventKind, ProblemArea
from ipt_desktop.domain.model import (
    Client,
    Episode,
    Formulation,
    InventoryPerson,
    LifeEvent,
    Session,
    SessionNote,
)
from ipt_desktop.services import clients, episodes, life_events, people, sessions
from ipt_desktop.vault.vault import Vault
from ui.workspace.close_guard import CloseChoice

TODAY = dt.date(2025, 3, 31)
START = dt.date(2025, 1, 6)


@dataclass
class FakeDialogs:
    """Scripted answers to the workspace's questions, and a log of what was asked."""

    sign: bool = True
    delete: bool = True
    leave: bool = True
    date: bool = True
    asked: list[str] = field(default_factory=list)
    date_questions: list[str] = field(default_factory=list)
    deletions: list[str] = field(default_factory=list)
    close: CloseChoice = CloseChoice.SAVE
    close_questions: list[str] = field(default_factory=list)

    def confirmSign(self, what: str) -> bool:
        self.asked.append("sign")
        return self.sign

    def confirmDate(self, questions: str) -> bool:
        self.asked.append("date")
        self.date_questions.append(questions)
        return self.date

    def confirmDelete(self, what: str) -> bool:
        self.asked.append("delete")
        self.deletions.append(what)
        return self.delete

    def leaveWithProblems(self, problems: str) -> bool:
        self.asked.append("leave")
        return self.leave

    def askBeforeClosing(self, unsaved: str) -> CloseChoice:
        self.asked.append("close")
        self.close_questions.append(unsaved)
        return self.close


@dataclass(frozen=True)
class Fixture:
    """The ids of the fictional client written into the test vault."""

    client_id: str
    episode_id: str
    session_ids: tuple[str, ...]  # oldest first
    person_ids: tuple[str, ...]
    event_ids: tuple[str, ...]


def phq9(total: int, item9: int = 0) -> tuple[int, ...]:
    rest = total - item9
    return (*(min(3, max(0, rest - 3 * i)) for i in range(8)), item9)


def write_client(vault: Vault, name: str = "Fictional Fern Okafor", planned: int = 12) -> Fixture:
    client = Client(name=name)
    clients.create_client(vault, client)
    episode = Episode(
        client.id,
        START,
        planned_sessions=planned,
        formulation=Formulation((ProblemArea.ROLE_TRANSITION,), text="A move and a new job."),
        goals=("Make one new friend at work",),
    )
    episodes.save_episode(vault, episode)
    ids = []
    for week, total in enumerate((19, 16, 14)):
        session = Session(
            episode.id,
            client.id,
            START + dt.timedelta(weeks=week),
            mood=3 + week,
            phq9=phq9(total),
            note=SessionNote(since_last_met=f"Fictional week {week + 1}."),
        )
        sessions.save_session(vault, session)
        ids.append(session.id)
    friend = InventoryPerson(client.id, "Fictional Sam", "friend", closeness=2, support=True)
    boss = InventoryPerson(client.id, "Fictional Boss", "manager", closeness=3, conflict=True)
    for person in (friend, boss):
        people.save_person(vault, person)
    event = LifeEvent(client.id, dt.date(2024, 11, 1), LifeEventKind.ROLE_TRANSITION, "Moved city")
    life_events.save_life_event(vault, event)
    return Fixture(client.id, episode.id, tuple(ids), (friend.id, boss.id), (event.id,))
