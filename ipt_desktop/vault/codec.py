"""Domain values <-> JSON, one pair of functions per type (internal to the services).

The same shapes serve the sealed payloads and the interchange format (which nests them and
adds a few fields: see docs/interchange-format.md). Ids are not part of a payload: they
live in the row (and in the sealing's associated data); the caller passes them in.
Readers take a ``JsonObject`` and leave ``finish()`` to the caller, who may read more.
"""

from enum import StrEnum
from typing import Any, TypeVar

from ipt_desktop.domain.client_entry import ClientEntry, Questionnaire
from ipt_desktop.domain.enums import (
    DisputeStage,
    EpisodeKind,
    LifeEventKind,
    Phase,
    PlanAfterEnding,
    ProblemArea,
    Severity,
    Technique,
)
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.goals import MAX_EVIDENCE_CHARS, GoalReview, GoalStatus, met_reviews
from ipt_desktop.domain.measures import HAMD_MAX
from ipt_desktop.domain.model import (
    INVENTORY_QUESTIONS,
    MAX_PLANNED_SESSIONS,
    MIN_PLANNED_SESSIONS,
    NOTE_SECTIONS,
    Amendment,
    Client,
    Episode,
    Formulation,
    InventoryPerson,
    LifeEvent,
    PracticeDetails,
    Session,
    SessionNote,
    Termination,
    new_id,
)
from ipt_desktop.domain.phase_tasks import PhaseTask, SessionTasks, Strategy
from ipt_desktop.domain.risk_records import RiskLevel
from ipt_desktop.domain.risk_status import RiskStatus
from ipt_desktop.domain.summary import ClientSummary
from ipt_desktop.domain.verdict import Verdict
from ipt_desktop.domain.worksheets import WORKSHEET_QUESTIONS, Worksheet

from .json_fields import JsonObject, write_moment

JsonDict = dict[str, Any]
E = TypeVar("E", bound=StrEnum)

PRACTICE_FIELDS = ("therapist_name", "credentials", "practice_name", "address", "phone", "email")


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())


def _value(member: StrEnum | None) -> str | None:
    return None if member is None else member.value


# -- client ------------------------------------------------------------------------------
def client_json(client: Client) -> JsonDict:
    return {
        "name": client.name,
        "date_of_birth": _iso(client.date_of_birth),
        "ended_on": _iso(client.ended_on),
        "preferred_name": client.preferred_name,
    }


def read_client(obj: JsonObject, *, client_id: str) -> Client:
    return obj.build(
        Client,
        {},
        name=obj.name("name"),
        date_of_birth=obj.optional_date("date_of_birth"),
        ended_on=obj.optional_date("ended_on"),
        preferred_name=obj.text("preferred_name", max_chars=200),
        id=client_id,
    )


# -- episode -----------------------------------------------------------------------------
def termination_json(termination: Termination) -> JsonDict:
    return {
        "achievements": list(termination.achievements),
        "relapse_prevention_skills": list(termination.relapse_prevention_skills),
        "warning_signs": list(termination.warning_signs),
        "what_to_do": termination.what_to_do,
        "plan_kind": termination.plan_kind.value,
        "plan": termination.plan,
        "client_next_step": termination.client_next_step,
    }


def read_termination(obj: JsonObject | None) -> Termination:
    if obj is None:
        return Termination()
    termination = obj.build(
        Termination,
        {},
        achievements=obj.texts("achievements"),
        relapse_prevention_skills=obj.texts("relapse_prevention_skills"),
        warning_signs=obj.texts("warning_signs"),
        what_to_do=obj.text("what_to_do"),
        plan_kind=obj.choice("plan_kind", PlanAfterEnding, PlanAfterEnding.NONE),
        plan=obj.text("plan"),
        client_next_step=obj.text("client_next_step"),
    )
    obj.finish()
    return termination


def episode_json(episode: Episode) -> JsonDict:
    formulation = episode.formulation
    return {
        "kind": episode.kind.value,
        "start_date": episode.start_date.isoformat(),
        "planned_sessions": episode.planned_sessions,
        "problem_areas": [area.value for area in formulation.problem_areas],
        "dispute_stage": _value(formulation.dispute_stage),
        "formulation": formulation.text,
        "formulation_accepted_on": _iso(formulation.accepted_on),
        "goals": list(episode.goals),
        "goals_met": list(episode.goals_met),  # derived from goal_reviews, for older readers
        "goal_reviews": [goal_review_json(r) for r in episode.goal_reviews],
        "earlier_episodes": episode.earlier_episodes,
        "worksheets": [
            {"area": w.area.value, "answers": dict(w.answers)} for w in episode.worksheets
        ],
        "termination": termination_json(episode.termination),
        "recurrence_on": _iso(episode.recurrence_on),
        "onset": _iso(episode.onset),
        "recurrent": episode.recurrent,
        "medication": episode.medication,
        "prescriber": episode.prescriber,
        "referrer": episode.referrer,
        "sessions_missed": episode.sessions_missed,
    }


_FORMULATION_NAMES = {"text": "formulation", "accepted_on": "formulation_accepted_on"}


def read_episode(obj: JsonObject, *, episode_id: str, client_id: str) -> Episode:
    kind = obj.choice("kind", EpisodeKind, EpisodeKind.ACUTE)
    start_date = obj.date("start_date")
    planned = obj.number("planned_sessions", MIN_PLANNED_SESSIONS, MAX_PLANNED_SESSIONS, 16)
    formulation = obj.build(
        Formulation,
        _FORMULATION_NAMES,
        problem_areas=obj.choices("problem_areas", ProblemArea),
        dispute_stage=obj.optional_choice("dispute_stage", DisputeStage),
        text=obj.text("formulation"),
        accepted_on=obj.optional_date("formulation_accepted_on"),
    )
    goals = obj.texts("goals")
    reviews = read_goal_reviews(obj)
    termination = read_termination(obj.optional_object("termination"))
    return obj.build(
        Episode,
        {},
        client_id=client_id,
        start_date=start_date,
        kind=kind,
        planned_sessions=planned,
        formulation=formulation,
        goals=goals,
        goal_reviews=reviews,
        earlier_episodes=obj.optional_number("earlier_episodes", 0, 100),
        worksheets=tuple(read_worksheet(w) for w in obj.objects("worksheets")),
        termination=termination,
        recurrence_on=obj.optional_date("recurrence_on"),
        onset=obj.optional_date("onset"),
        recurrent=obj.optional_flag("recurrent"),
        medication=obj.text("medication", max_chars=2000),
        prescriber=obj.text("prescriber", max_chars=2000),
        referrer=obj.text("referrer", max_chars=2000),
        sessions_missed=obj.number("sessions_missed", 0, 1000, 0),
        id=episode_id,
    )


def read_worksheet(obj: JsonObject) -> Worksheet:
    area = _member_of(obj, "area", ProblemArea)
    given = obj.optional_object("answers")
    answers: dict[str, str] = {}
    if given is not None:
        for question in WORKSHEET_QUESTIONS[area]:
            if given.has(question.key):
                answers[question.key] = given.text(question.key)
        given.finish()
    worksheet = obj.build(Worksheet.of, {}, area=area, answers=answers)
    obj.finish()
    return worksheet


def goal_review_json(review: GoalReview) -> JsonDict:
    return {
        "goal": review.goal,
        "area": _value(review.area),
        "status": _value(review.status),
        "evidence": review.evidence,
    }


def read_goal_reviews(obj: JsonObject) -> tuple[GoalReview, ...]:
    """``goal_reviews``; records and files from before it have ``goals_met`` (texts) only,
    read as those goals reviewed as met. When both are given they must agree."""
    met = obj.texts("goals_met")
    if not obj.has("goal_reviews"):
        return obj.build(met_reviews, {"goals": "goals_met"}, goals=met)
    reviews = []
    for item in obj.objects("goal_reviews"):
        reviews.append(
            item.build(
                GoalReview,
                {},
                goal=item.text("goal", max_chars=2000),
                area=item.optional_choice("area", ProblemArea),
                status=item.optional_choice("status", GoalStatus),
                evidence=item.text("evidence", max_chars=MAX_EVIDENCE_CHARS),
            )
        )
        item.finish()
    said_met = {r.goal for r in reviews if r.status is GoalStatus.MET}
    if obj.has("goals_met") and not all(isinstance(goal, str) for goal in met):
        # The lean reader hands texts over unchecked: a damaged list must be refused, not
        # raise TypeError in the comparison below.
        raise ValidationError(obj.at("goals_met"), "must be a list of texts")
    if obj.has("goals_met") and set(met) != said_met:
        raise ValidationError(
            obj.at("goals_met"), "disagrees with the goals goal_reviews marks met"
        )
    return tuple(reviews)


# -- session -----------------------------------------------------------------------------
def session_json(session: Session) -> JsonDict:
    """Everything of a session but its phase, which the payload and the file say differently."""
    note = session.note
    return {
        "date": session.date.isoformat(),
        "mood": session.mood,
        "phq9": None if session.phq9 is None else list(session.phq9),
        "hamd": session.hamd,
        "gad7": None if session.gad7 is None else list(session.gad7),
        "hamd_item3": session.hamd_item3,
        "risk_noted": session.risk_noted,
        "note": note.note,
        "note_sections": {name: getattr(note, name) for name in NOTE_SECTIONS},
        "techniques": [t.value for t in note.techniques],
        "signed_at": None if session.signed_at is None else write_moment(session.signed_at),
        "amendments": [
            {"id": a.id, "written_at": write_moment(a.written_at), "text": a.text}
            for a in session.amendments
        ],
        "client_entry": client_entry_json(session.client_entry),
        "tasks": tasks_json(session.tasks),
    }


def tasks_json(tasks: SessionTasks) -> JsonDict:
    return {
        "done": sorted(task.value for task in tasks.done),
        "focal_areas": [area.value for area in tasks.focal_areas],
        "strategies": [strategy.value for strategy in tasks.strategies],
    }


def read_tasks(obj: JsonObject | None) -> SessionTasks:
    """Absent in vaults and files written before the task checklists: nothing ticked."""
    if obj is None:
        return SessionTasks()
    tasks = obj.build(
        SessionTasks,
        {},
        done=frozenset(obj.choices("done", PhaseTask)),
        focal_areas=obj.choices("focal_areas", ProblemArea),
        strategies=obj.choices("strategies", Strategy),
    )
    obj.finish()
    return tasks


def client_entry_json(entry: ClientEntry | None) -> JsonDict | None:
    if entry is None:
        return None
    return {
        "measures": [q.value for q in entry.measures],
        "started_at": write_moment(entry.started_at),
        "completed_at": write_moment(entry.completed_at),
    }


def read_client_entry(obj: JsonObject | None) -> ClientEntry | None:
    """Absent in vaults and files written before hand-over mode: all therapist-entered."""
    if obj is None:
        return None
    entry = obj.build(
        ClientEntry,
        {},
        measures=obj.choices("measures", Questionnaire),
        started_at=obj.moment("started_at"),
        completed_at=obj.moment("completed_at"),
    )
    obj.finish()
    return entry


def read_note(obj: JsonObject) -> SessionNote:
    sections = obj.optional_object("note_sections")
    texts = {name: "" for name in NOTE_SECTIONS}
    if sections is not None:
        texts = {name: sections.text(name) for name in NOTE_SECTIONS}
        sections.finish()
    return obj.build(
        SessionNote,
        {},
        note=obj.text("note"),
        techniques=obj.choices("techniques", Technique),
        **texts,
    )


def read_amendment(obj: JsonObject, *, fresh_id: bool) -> Amendment:
    given_id = obj.text("id", max_chars=100)
    amendment = obj.build(
        Amendment,
        {},
        written_at=obj.moment("written_at"),
        text=obj.text("text"),
        id=new_id() if fresh_id or not given_id else given_id,
    )
    obj.finish()
    return amendment


def read_session(
    obj: JsonObject,
    *,
    session_id: str,
    episode_id: str,
    client_id: str,
    phase_override: Phase | None,
    fresh_ids: bool = False,
) -> Session:
    return obj.build(
        Session,
        {},
        date=obj.date("date"),
        mood=obj.optional_number("mood", 0, 10),
        phq9=obj.optional_answers("phq9", 9, 0, 3),
        hamd=obj.optional_number("hamd", 0, HAMD_MAX),
        gad7=obj.optional_answers("gad7", 7, 0, 3),
        hamd_item3=obj.optional_number("hamd_item3", 0, 4),
        risk_noted=obj.flag("risk_noted", False),
        note=read_note(obj),
        signed_at=obj.optional_moment("signed_at"),
        amendments=tuple(read_amendment(a, fresh_id=fresh_ids) for a in obj.objects("amendments")),
        client_entry=read_client_entry(obj.optional_object("client_entry")),
        tasks=read_tasks(obj.optional_object("tasks")),
        phase_override=phase_override,
        id=session_id,
        episode_id=episode_id,
        client_id=client_id,
    )


# -- inventory and life events -----------------------------------------------------------
def person_json(person: InventoryPerson) -> JsonDict:
    return {
        "name": person.name,
        "relationship": person.relationship,
        "closeness": person.closeness,
        "support": person.support,
        "conflict": person.conflict,
        "notes": person.notes,
        **{name: getattr(person, name) for name in INVENTORY_QUESTIONS},
        "changed_near_onset": person.changed_near_onset,
    }


def read_person(obj: JsonObject, *, person_id: str, client_id: str) -> InventoryPerson:
    return obj.build(
        InventoryPerson,
        {},
        name=obj.name("name"),
        relationship=obj.text("relationship", max_chars=200),
        closeness=obj.number("closeness", 1, 3, 2),
        support=obj.flag("support", False),
        conflict=obj.flag("conflict", False),
        notes=obj.text("notes"),
        changed_near_onset=obj.flag("changed_near_onset", False),
        **{name: obj.text(name) for name in INVENTORY_QUESTIONS},
        id=person_id,
        client_id=client_id,
    )


def life_event_json(event: LifeEvent) -> JsonDict:
    return {
        "date": event.date.isoformat(),
        "kind": event.kind.value,
        "description": event.description,
    }


def read_life_event(obj: JsonObject, *, event_id: str, client_id: str) -> LifeEvent:
    return obj.build(
        LifeEvent,
        {},
        date=obj.date("date"),
        kind=obj.choice("kind", LifeEventKind, LifeEventKind.OTHER),
        description=obj.text("description"),
        id=event_id,
        client_id=client_id,
    )


# -- summary and practice ----------------------------------------------------------------
def summary_json(summary: ClientSummary) -> JsonDict:
    return {
        "name": summary.name,
        "active": summary.active,
        "phase": _value(summary.phase),
        "session_number": summary.session_number,
        "planned_sessions": summary.planned_sessions,
        "last_session_date": _iso(summary.last_session_date),
        "latest_phq9": summary.latest_phq9,
        "latest_phq9_severity": _value(summary.latest_phq9_severity),
        "latest_mood": summary.latest_mood,
        "risk_flag": summary.risk_flag,
        "problem_areas": [area.value for area in summary.problem_areas],
        "outcome": summary.outcome.value,
        "risk": summary.risk.value,
        "risk_level": _value(summary.risk_level),
    }


def read_summary(obj: JsonObject, *, client_id: str) -> ClientSummary:
    summary = ClientSummary(
        client_id=client_id,
        name=obj.name("name"),
        active=obj.flag("active", True),
        phase=obj.optional_choice("phase", Phase),
        session_number=obj.optional_number("session_number", 1, 10_000),
        planned_sessions=obj.optional_number(
            "planned_sessions", MIN_PLANNED_SESSIONS, MAX_PLANNED_SESSIONS
        ),
        last_session_date=obj.optional_date("last_session_date"),
        latest_phq9=obj.optional_number("latest_phq9", 0, 27),
        latest_phq9_severity=obj.optional_choice("latest_phq9_severity", Severity),
        latest_mood=obj.optional_number("latest_mood", 0, 10),
        risk_flag=obj.flag("risk_flag", False),
        problem_areas=obj.choices("problem_areas", ProblemArea),
        # Required: a summary sealed before these existed is recomputed from the record
        # (and rewritten: see services.clients.list_summaries).
        outcome=_member_of(obj, "outcome", Verdict),
        risk=_member_of(obj, "risk", RiskStatus),
        risk_level=_risk_level(obj),
    )
    obj.finish()
    return summary


def _risk_level(obj: JsonObject) -> RiskLevel | None:
    """Written by every version with the risk layer (null: no review yet)."""
    if not obj.has("risk_level"):
        raise ValidationError(obj.at("risk_level"), "is missing")
    return obj.optional_choice("risk_level", RiskLevel)


def _member_of(obj: JsonObject, key: str, kind: type[E]) -> E:
    value = obj.optional_choice(key, kind)
    if value is None:
        raise ValidationError(obj.at(key), "is missing")
    return value


def practice_json(details: PracticeDetails) -> JsonDict:
    return {name: getattr(details, name) for name in PRACTICE_FIELDS}


def read_practice(obj: JsonObject) -> PracticeDetails:
    details = obj.build(
        PracticeDetails, {}, **{name: obj.text(name, max_chars=2000) for name in PRACTICE_FIELDS}
    )
    obj.finish()
    return details
