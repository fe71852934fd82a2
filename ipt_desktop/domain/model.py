"""The IPT clinical record as frozen value objects (DESIGN.md section 3, IPT.md).

Every value validates itself on construction, so an invalid record cannot exist in memory.
Change a value with ``dataclasses.replace`` (which validates again). Ids are UUID strings
assigned before anything is stored (they are bound into the encryption's associated data).
"""

import datetime as dt
from dataclasses import dataclass, field

from .client_entry import ClientEntry
from .enums import (
    DisputeStage,
    EpisodeKind,
    LifeEventKind,
    Phase,
    PlanAfterEnding,
    ProblemArea,
    Technique,
)
from .errors import ValidationError
from .goals import GoalReview, GoalStatus, check_reviews
from .ids import check_id
from .ids import new_id as new_id  # re-exported: callers make ids from model
from .phase_tasks import SessionTasks
from .risk_records import RiskDecision, RiskReview, SafetyPlan
from .validation import (
    check_date,
    check_int,
    check_items,
    check_name,
    check_text,
    check_text_list,
)
from .worksheets import Worksheet, check_worksheets

MIN_ACUTE_SESSIONS = 12
MAX_ACUTE_SESSIONS = 16
#: Brief (8-session) and long maintenance contracts are allowed; the acute default is 12-16.
MIN_PLANNED_SESSIONS = 1
MAX_PLANNED_SESSIONS = 60
OPENING_QUESTION = "How have things been since we last met?"


@dataclass(frozen=True)
class Client:
    name: str
    date_of_birth: dt.date | None = None
    #: When the therapist marked the client as ended (no active treatment). None = active.
    ended_on: dt.date | None = None
    id: str = field(default_factory=new_id)
    #: The name the client wants to be called in letters ("" = derive from ``name``).
    preferred_name: str = ""

    def __post_init__(self) -> None:
        check_id("id", self.id)
        check_name("name", self.name)
        check_text("preferred_name", self.preferred_name, max_chars=200)
        if self.date_of_birth is not None:
            check_date("date_of_birth", self.date_of_birth)
        if self.ended_on is not None:
            check_date("ended_on", self.ended_on)


@dataclass(frozen=True)
class Formulation:
    problem_areas: tuple[ProblemArea, ...] = ()
    dispute_stage: DisputeStage | None = None
    text: str = ""
    accepted_on: dt.date | None = None

    def __post_init__(self) -> None:
        areas = tuple(self.problem_areas)
        object.__setattr__(self, "problem_areas", areas)
        if len(areas) > 2:
            raise ValidationError("problem_areas", "IPT focuses on one or two problem areas")
        if len(set(areas)) != len(areas):
            raise ValidationError("problem_areas", "the same problem area is listed twice")
        for i, area in enumerate(areas):
            if not isinstance(area, ProblemArea):
                raise ValidationError(f"problem_areas[{i}]", "is not a problem area")
        if self.dispute_stage is not None:
            if not isinstance(self.dispute_stage, DisputeStage):
                raise ValidationError("dispute_stage", "is not a dispute stage")
            if ProblemArea.ROLE_DISPUTE not in areas:
                raise ValidationError(
                    "dispute_stage", "a dispute stage needs the role dispute problem area"
                )
        check_text("text", self.text)
        if self.accepted_on is not None:
            check_date("accepted_on", self.accepted_on)


@dataclass(frozen=True)
class Termination:
    achievements: tuple[str, ...] = ()
    relapse_prevention_skills: tuple[str, ...] = ()
    warning_signs: tuple[str, ...] = ()
    #: What to do when warning signs appear: who to contact, when to come back.
    what_to_do: str = ""
    plan_kind: PlanAfterEnding = PlanAfterEnding.NONE
    #: The clinician's plan, in clinical terms (clinical summary only).
    plan: str = ""
    #: The client's next step, in the second person and plain words (the letter only).
    client_next_step: str = ""

    def __post_init__(self) -> None:
        for name in ("achievements", "relapse_prevention_skills", "warning_signs"):
            object.__setattr__(self, name, check_text_list(name, getattr(self, name)))
        check_text("what_to_do", self.what_to_do)
        if not isinstance(self.plan_kind, PlanAfterEnding):
            raise ValidationError("plan_kind", "is not a plan after ending")
        check_text("plan", self.plan)
        check_text("client_next_step", self.client_next_step)


@dataclass(frozen=True)
class Episode:
    """One treatment contract: an acute course (12-16 sessions) or a maintenance contract."""

    client_id: str
    start_date: dt.date
    kind: EpisodeKind = EpisodeKind.ACUTE
    planned_sessions: int = 16
    formulation: Formulation = field(default_factory=Formulation)
    goals: tuple[str, ...] = ()
    termination: Termination = field(default_factory=Termination)
    id: str = field(default_factory=new_id)
    #: IPT-M: the date the therapist recorded a recurrence (None = none recorded).
    recurrence_on: dt.date | None = None
    # The history a clinical summary for a GP or referrer holds (IPT.md):
    onset: dt.date | None = None  # onset of this depressive episode
    recurrent: bool | None = None  # recurrent (True), single (False), not recorded (None)
    medication: str = ""
    prescriber: str = ""
    referrer: str = ""
    sessions_missed: int = 0  # booked sessions the client did not attend
    #: Each goal's focal area and its review at termination, by the goal's text.
    goal_reviews: tuple[GoalReview, ...] = ()
    #: Earlier depressive episodes before this one (None = not recorded).
    earlier_episodes: int | None = None
    #: Problem-area worksheets (at most one per area; empty ones are not kept).
    worksheets: tuple[Worksheet, ...] = ()

    def __post_init__(self) -> None:
        check_id("id", self.id)
        check_id("client_id", self.client_id)
        check_date("start_date", self.start_date)
        for name in ("recurrence_on", "onset"):
            if getattr(self, name) is not None:
                check_date(name, getattr(self, name))
        if self.recurrent is not None and not isinstance(self.recurrent, bool):
            raise ValidationError("recurrent", "must be true, false or not recorded")
        for name in ("medication", "prescriber", "referrer"):
            check_text(name, getattr(self, name), max_chars=2000)
        check_int("sessions_missed", self.sessions_missed, 0, 1000)
        object.__setattr__(self, "goal_reviews", check_reviews(self.goal_reviews))
        object.__setattr__(self, "worksheets", check_worksheets(self.worksheets))
        if self.earlier_episodes is not None:
            check_int("earlier_episodes", self.earlier_episodes, 0, 100)
            if self.earlier_episodes > 0 and self.recurrent is False:
                raise ValidationError(
                    "earlier_episodes", "a single episode has no earlier episodes"
                )
        if not isinstance(self.kind, EpisodeKind):
            raise ValidationError("kind", "must be acute or maintenance")
        check_int(
            "planned_sessions", self.planned_sessions, MIN_PLANNED_SESSIONS, MAX_PLANNED_SESSIONS
        )
        object.__setattr__(self, "goals", check_text_list("goals", self.goals))

    @property
    def goals_met(self) -> tuple[str, ...]:
        """The listed goals reviewed as met, in the goals' order."""
        met = {r.goal for r in self.goal_reviews if r.status is GoalStatus.MET}
        return tuple(goal for goal in self.goals if goal in met)


#: The structured parts of a session note, in the order of the note, besides its free text.
NOTE_SECTIONS = (
    "since_last_met",
    "recent_events",
    "problem_area_work",
    "role_play",
    "homework",
    "risk_assessment",
    "plan",
)
#: Every text field of a ``SessionNote`` (the one list: validation, search, storage).
NOTE_FIELDS = (*NOTE_SECTIONS, "note")


@dataclass(frozen=True)
class SessionNote:
    """The IPT session note, built around the opening question."""

    since_last_met: str = ""  # the client's answer to OPENING_QUESTION
    recent_events: str = ""  # recent interpersonal events and their link to mood
    problem_area_work: str = ""
    techniques: tuple[Technique, ...] = ()
    role_play: str = ""
    homework: str = ""
    risk_assessment: str = ""
    plan: str = ""
    note: str = ""  # free text

    def __post_init__(self) -> None:
        for name in NOTE_FIELDS:
            check_text(name, getattr(self, name))
        techniques = tuple(self.techniques)
        for i, t in enumerate(techniques):
            if not isinstance(t, Technique):
                raise ValidationError(f"techniques[{i}]", "is not a technique")
        object.__setattr__(self, "techniques", techniques)


@dataclass(frozen=True)
class Amendment:
    """A correction written after a note was signed; kept beside the original."""

    written_at: dt.datetime
    text: str
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        if not isinstance(self.written_at, dt.datetime):
            raise ValidationError("written_at", "must be a date and time")
        if not check_text("text", self.text).strip():
            raise ValidationError("text", "an amendment must say something")


@dataclass(frozen=True)
class Session:
    episode_id: str
    client_id: str
    date: dt.date
    #: The therapist's choice; None means "use the suggested phase" (rules.suggest_phase).
    phase_override: Phase | None = None
    mood: int | None = None  # 0 (worst) to 10 (best)
    phq9: tuple[int, ...] | None = None  # 9 items, each 0-3
    hamd: int | None = None  # HAM-D 17 total, 0-52
    #: HAM-D item 3 (suicide), 0-4, optional; above 0 is a risk source.
    hamd_item3: int | None = None
    #: The therapist noted risk from what the client said (a risk source).
    risk_noted: bool = False
    gad7: tuple[int, ...] | None = None  # 7 items, each 0-3
    note: SessionNote = field(default_factory=SessionNote)
    signed_at: dt.datetime | None = None
    amendments: tuple[Amendment, ...] = ()
    id: str = field(default_factory=new_id)
    #: Which measures the client rated themself in hand-over mode (None: all by the therapist).
    client_entry: ClientEntry | None = None
    #: The IPT tasks of its phase the therapist ticked as done in this session.
    tasks: SessionTasks = field(default_factory=SessionTasks)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        check_id("episode_id", self.episode_id)
        if not isinstance(self.tasks, SessionTasks):
            raise ValidationError("tasks", "is not a record of IPT tasks")
        check_id("client_id", self.client_id)
        check_date("date", self.date)
        if self.phase_override is not None and not isinstance(self.phase_override, Phase):
            raise ValidationError("phase", "is not a phase")
        if self.mood is not None:
            check_int("mood", self.mood, 0, 10)
        if self.phq9 is not None:
            object.__setattr__(self, "phq9", check_items("phq9", self.phq9, 9, 0, 3))
        if self.hamd is not None:
            check_int("hamd", self.hamd, 0, 52)
        if self.gad7 is not None:
            object.__setattr__(self, "gad7", check_items("gad7", self.gad7, 7, 0, 3))
        _check_risk_sources(self.hamd_item3, self.risk_noted)
        if self.signed_at is not None and not isinstance(self.signed_at, dt.datetime):
            raise ValidationError("signed_at", "must be a date and time")
        object.__setattr__(self, "amendments", tuple(self.amendments))
        if self.client_entry is not None:
            if not isinstance(self.client_entry, ClientEntry):
                raise ValidationError("client_entry", "is not a client entry")
            for measure in self.client_entry.measures:
                if getattr(self, measure.value) is None:
                    raise ValidationError(
                        f"client_entry.{measure.value}", "is marked client-rated but empty"
                    )

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None


def _check_risk_sources(hamd_item3: object, risk_noted: object) -> None:
    """HAM-D item 3 (suicide) is 0-4 when rated; "risk noted" is a yes or no."""
    if hamd_item3 is not None:
        check_int("hamd_item3", hamd_item3, 0, 4)
    if not isinstance(risk_noted, bool):
        raise ValidationError("risk_noted", "must be true or false")


#: The interpersonal inventory's questions (IPT.md), each a free text per person.
INVENTORY_QUESTIONS = (
    "contact",
    "likes",
    "dislikes",
    "can_discuss",
    "cannot_discuss",
    "arguments",
    "would_change",
)
#: Every free text of an ``InventoryPerson`` beyond its name and relationship (the one
#: list: validation and search).
INVENTORY_TEXTS = (*INVENTORY_QUESTIONS, "notes")


@dataclass(frozen=True)
class InventoryPerson:
    """One person of the interpersonal inventory (IPT.md), placed on the closeness circle."""

    client_id: str
    name: str
    relationship: str = ""
    closeness: int = 2  # 1 = inner ring (closest) to 3 = outer ring
    support: bool = False
    conflict: bool = False
    contact: str = ""  # how often they meet, what they do together
    likes: str = ""
    dislikes: str = ""
    can_discuss: str = ""
    cannot_discuss: str = ""
    arguments: str = ""  # arguments and whether they get resolved
    would_change: str = ""
    changed_near_onset: bool = False
    notes: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        check_id("client_id", self.client_id)
        check_name("name", self.name)
        check_text("relationship", self.relationship, max_chars=200)
        check_int("closeness", self.closeness, 1, 3)
        for flag in ("support", "conflict", "changed_near_onset"):
            if not isinstance(getattr(self, flag), bool):
                raise ValidationError(flag, "must be true or false")
        for name in INVENTORY_TEXTS:
            check_text(name, getattr(self, name))


@dataclass(frozen=True)
class LifeEvent:
    client_id: str
    date: dt.date
    kind: LifeEventKind = LifeEventKind.OTHER
    description: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        check_id("client_id", self.client_id)
        check_date("date", self.date)
        if not isinstance(self.kind, LifeEventKind):
            raise ValidationError("kind", "is not a kind of life event")
        check_text("description", self.description)


@dataclass(frozen=True)
class ClientRecord:
    """Everything the vault holds about one client, decrypted, for one workspace."""

    client: Client
    episodes: tuple[Episode, ...] = ()
    sessions: tuple[Session, ...] = ()  # all episodes, in date order
    inventory: tuple[InventoryPerson, ...] = ()
    life_events: tuple[LifeEvent, ...] = ()
    risk_reviews: tuple[RiskReview, ...] = ()  # in date order
    safety_plan: SafetyPlan | None = None
    risk_decisions: tuple[RiskDecision, ...] = ()

    def sessions_of(self, episode_id: str) -> tuple[Session, ...]:
        return tuple(s for s in self.sessions if s.episode_id == episode_id)

    @property
    def current_episode(self) -> Episode | None:
        return max(self.episodes, key=lambda e: e.start_date, default=None)


@dataclass(frozen=True)
class PracticeDetails:
    """Who signs the letters. Stored sealed in the vault, not in QSettings."""

    therapist_name: str = ""
    credentials: str = ""
    practice_name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""

    def __post_init__(self) -> None:
        for name in ("therapist_name", "credentials", "practice_name", "address", "phone", "email"):
            check_text(name, getattr(self, name), max_chars=2000)
