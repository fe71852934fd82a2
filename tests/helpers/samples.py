"""Fictional records written through the services, for the services' tests."""

import dataclasses
import datetime as dt
from typing import Any

from ipt_desktop.domain.enums import (
    DisputeStage,
    LifeEventKind,
    Phase,
    PlanAfterEnding,
    ProblemArea,
    Technique,
)
from ipt_desktop.domain.goals import GoalReview, GoalStatus
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
from ipt_desktop.domain.phase_tasks import PhaseTask, SessionTasks, Strategy
from ipt_desktop.domain.risk_records import RiskLevel, RiskReview, SafetyPlan
from ipt_desktop.domain.worksheets import Worksheet
from ipt_desktop.services import clients, episodes, life_events, people, risk, sessions
from ipt_desktop.vault.vault import Vault

START = dt.date(2026, 1, 5)


def phq(total: int, item9: int = 0) -> tuple[int, ...]:
    """Nine PHQ-9 answers adding up to ``total`` with item 9 answered ``item9``."""
    rest = total - item9
    items = [min(3, max(0, rest - 3 * i)) for i in range(8)]
    assert sum(items) == rest, "total out of reach"
    return (*items, item9)


def full_record(name: str = "Demo – Test Client", marker: str = "") -> ClientRecord:
    """A record using every field of every type (``marker`` goes into every text)."""
    client = Client(
        name=f"{name}{marker}", date_of_birth=dt.date(1980, 2, 29), preferred_name=f"Tess{marker}"
    )
    episode = Episode(
        client_id=client.id,
        start_date=START,
        planned_sessions=12,
        formulation=Formulation(
            (ProblemArea.ROLE_DISPUTE, ProblemArea.GRIEF),
            DisputeStage.IMPASSE,
            f"Formulation {marker}",
            START + dt.timedelta(days=14),
        ),
        goals=(f"Goal one {marker}", "Goal two"),
        termination=Termination(
            (f"Achievement {marker}",),
            ("Skill",),
            ("Sign",),
            f"Call {marker}",
            PlanAfterEnding.BOOSTER_SESSIONS,
            f"Plan {marker}",
            f"Your next step {marker}",
        ),
        goal_reviews=(
            GoalReview(
                f"Goal one {marker}",
                area=ProblemArea.ROLE_DISPUTE,
                status=GoalStatus.MET,
                evidence=f"Evidence {marker}",
            ),
            GoalReview("Goal two", area=ProblemArea.GRIEF, status=GoalStatus.PARTLY_MET),
        ),
        earlier_episodes=2,
        worksheets=(
            Worksheet.of(ProblemArea.GRIEF, {"good_memories": f"Memories {marker}"}),
            Worksheet.of(
                ProblemArea.ROLE_DISPUTE,
                {"other_person": f"Partner {marker}", "plan": "Talk on Sundays"},
            ),
        ),
        recurrence_on=START + dt.timedelta(days=60),
        onset=START - dt.timedelta(days=90),
        recurrent=True,
        medication=f"Sertraline 50 mg {marker}",
        prescriber=f"GP {marker}",
        referrer=f"Self-referral {marker}",
        sessions_missed=2,
    )
    signed_at = dt.datetime(2026, 1, 5, 18, 0, tzinfo=dt.UTC)
    first = Session(
        episode_id=episode.id,
        client_id=client.id,
        date=START,
        mood=3,
        phq9=phq(19, item9=1),
        hamd=22,
        hamd_item3=1,
        risk_noted=True,
        gad7=(3, 2, 2, 1, 0, 1, 2),
        note=SessionNote(
            since_last_met=f"Answer {marker}",
            recent_events=f"Events {marker}",
            problem_area_work=f"Work {marker}",
            techniques=(Technique.ROLE_PLAY, Technique.CLARIFICATION),
            role_play=f"Role play {marker}",
            homework=f"Homework {marker}",
            risk_assessment=f"Risk assessed: passive thoughts, no plan {marker}",
            plan=f"Plan {marker}",
            note=f"Free note {marker}",
        ),
        signed_at=signed_at,
        tasks=SessionTasks(done=frozenset({PhaseTask.SICK_ROLE, PhaseTask.INVENTORY})),
    )
    second = Session(
        episode_id=episode.id,
        client_id=client.id,
        date=START + dt.timedelta(days=7),
        mood=5,
        phq9=phq(12),
        note=SessionNote(note=f"Second {marker}"),
        tasks=SessionTasks(
            done=frozenset({PhaseTask.MOOD_LINKED}),
            focal_areas=(ProblemArea.GRIEF, ProblemArea.ROLE_DISPUTE),
            strategies=(Strategy.GRIEF_RECONSTRUCT, Strategy.DISPUTE_STAGE),
        ),
    )
    third = Session(
        episode_id=episode.id,
        client_id=client.id,
        date=START + dt.timedelta(days=21),
        phase_override=Phase.TERMINATION,
        phq9=phq(6),
    )
    person = InventoryPerson(
        client_id=client.id,
        name=f"Person {marker}",
        relationship="Sister",
        closeness=1,
        support=True,
        conflict=True,
        contact=f"Contact {marker}",
        likes="l",
        dislikes="d",
        can_discuss="c",
        cannot_discuss="n",
        arguments="a",
        would_change="w",
        changed_near_onset=True,
        notes=f"Notes {marker}",
    )
    event = LifeEvent(
        client_id=client.id,
        date=START - dt.timedelta(days=30),
        kind=LifeEventKind.GRIEF,
        description=f"Event {marker}",
    )
    review = RiskReview(
        client_id=client.id,
        date=START,
        level=RiskLevel.LOW,
        asked=f"Asked about thoughts of self-harm {marker}",
        found=f"Passive thoughts, no plan or intent {marker}",
        actions=f"Safety plan written together {marker}",
    )
    plan = SafetyPlan(
        client_id=client.id,
        updated_on=START,
        warning_signs=(f"Staying in bed all day {marker}",),
        coping_steps=("Walk round the block",),
        distractions=("The library",),
        help_contacts=("My sister",),
        professionals=("The GP surgery",),
        safe_surroundings=("Medicines kept by my sister",),
    )
    return ClientRecord(
        client,
        (episode,),
        (first, second, third),
        (person,),
        (event,),
        risk_reviews=(review,),
        safety_plan=plan,
    )


def store(vault: Vault, record: ClientRecord) -> None:
    """Write ``record`` through the public services, one call per object."""
    clients.create_client(vault, record.client)
    for episode in record.episodes:
        episodes.save_episode(vault, episode)
    for session in record.sessions:
        sessions.save_session(vault, session)
    for person in record.inventory:
        people.save_person(vault, person)
    for event in record.life_events:
        life_events.save_life_event(vault, event)
    for review in record.risk_reviews:
        risk.save_risk_review(vault, review)
    if record.safety_plan is not None:
        risk.save_safety_plan(vault, record.safety_plan)


def without_ids(value: Any) -> Any:
    """A comparable form of a domain value or export with every id blanked."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: "<id>"
            if f.name == "id" or f.name.endswith("_id")
            else without_ids(getattr(value, f.name))
            for f in dataclasses.fields(value)
        }
    if isinstance(value, dict):
        return {
            k: "<id>" if k == "id" or k.endswith("_id") else without_ids(v)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [without_ids(v) for v in value]
    return value
