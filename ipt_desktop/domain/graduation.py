"""The content of the graduation summary (IPT.md, "What the graduation summary holds").

``default_content`` gathers the facts of one episode and proposes warm, plain wording; the
therapist then chooses and edits (``select`` or ``dataclasses.replace``) and the reports
package prints the result. Pure data: nothing here knows about PDFs.
"""

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from . import graduation_wording as wording
from .contract import session_numbers
from .enums import DisputeStage, EpisodeKind, PlanAfterEnding, ProblemArea
from .errors import ValidationError
from .measures import item9_positive
from .model import ClientRecord, Episode, PracticeDetails
from .outcomes import Outcome, gad7_outcome, hamd_outcome, phq9_outcome
from .risk_records import CrisisContacts, says_something
from .validation import check_date, check_int, check_name, check_text, check_text_list


class DocumentKind(StrEnum):
    LETTER = "letter"  # for the client
    CLINICAL = "clinical"  # the termination summary for another clinician
    BOTH = "both"  # the letter, then the clinical summary on a new page


class PaperSize(StrEnum):
    A4 = "a4"
    LETTER = "letter"


@dataclass(frozen=True)
class RiskEntry:
    """A session whose PHQ-9 item 9 was answered above 0."""

    session_date: dt.date
    session_number: int
    assessment_documented: bool


@dataclass(frozen=True)
class GraduationContent:
    client_name: str
    episode_start: dt.date
    episode_end: dt.date
    sessions_attended: int
    planned_sessions: int
    problem_areas: tuple[ProblemArea, ...]
    #: Plain words for each problem area, in the same order (editable).
    focus: tuple[str, ...]
    achievements: tuple[str, ...]
    skills: tuple[str, ...]
    warning_signs: tuple[str, ...]
    what_to_do: str
    plan_kind: PlanAfterEnding
    plan: str
    opening_words: str
    closing_words: str
    include_phq9_chart: bool
    #: True: PHQ-9 (or HAM-D) response or remission; False: measured and not; None: unknown.
    responded: bool | None
    next_step: str
    letter_date: dt.date
    practice: PracticeDetails
    salutation: str = ""
    sign_off: str = wording.SIGN_OFF
    include_mood_chart: bool = True
    episode_kind: EpisodeKind = EpisodeKind.ACUTE
    date_of_birth: dt.date | None = None
    #: The practice's crisis contacts, printed on the client's letter.
    crisis_contacts: CrisisContacts = field(default_factory=CrisisContacts)
    # Only in the clinical summary:
    formulation: str = ""
    dispute_stage: DisputeStage | None = None
    phq9: Outcome | None = None
    hamd: Outcome | None = None
    gad7: Outcome | None = None
    risk_history: tuple[RiskEntry, ...] = ()
    recommendations: str = ""

    def __post_init__(self) -> None:
        check_name("client_name", self.client_name)
        for name in ("episode_start", "episode_end", "letter_date"):
            check_date(name, getattr(self, name))
        if self.date_of_birth is not None:
            check_date("date_of_birth", self.date_of_birth)
        check_int("sessions_attended", self.sessions_attended, 0, 10_000)
        check_int("planned_sessions", self.planned_sessions, 0, 10_000)
        areas = tuple(self.problem_areas)
        if not all(isinstance(a, ProblemArea) for a in areas):
            raise ValidationError("problem_areas", "is not a list of problem areas")
        object.__setattr__(self, "problem_areas", areas)
        for name in ("focus", "achievements", "skills", "warning_signs"):
            object.__setattr__(self, name, check_text_list(name, getattr(self, name)))
        for name in (
            "what_to_do",
            "plan",
            "opening_words",
            "closing_words",
            "next_step",
            "salutation",
            "sign_off",
            "formulation",
            "recommendations",
        ):
            check_text(name, getattr(self, name))
        if not isinstance(self.plan_kind, PlanAfterEnding):
            raise ValidationError("plan_kind", "is not a plan after ending")
        if not isinstance(self.crisis_contacts, CrisisContacts):
            raise ValidationError("crisis_contacts", "must be the practice's crisis contacts")
        if not isinstance(self.practice, PracticeDetails):
            raise ValidationError("practice", "must be the practice details")
        object.__setattr__(self, "risk_history", tuple(self.risk_history))


def select(
    content: GraduationContent,
    *,
    achievements: Sequence[str] | None = None,
    skills: Sequence[str] | None = None,
    signs: Sequence[str] | None = None,
) -> GraduationContent:
    """The same content with the chosen (and ordered) items; None keeps a list as it is."""
    result = content
    if achievements is not None:
        result = dataclasses.replace(result, achievements=tuple(achievements))
    if skills is not None:
        result = dataclasses.replace(result, skills=tuple(skills))
    if signs is not None:
        result = dataclasses.replace(result, warning_signs=tuple(signs))
    return result


def _find_episode(record: ClientRecord, episode_id: str) -> Episode:
    for episode in record.episodes:
        if episode.id == episode_id:
            return episode
    raise ValidationError("episode_id", "is not an episode of this client")


def responded_to_treatment(phq9: Outcome | None, hamd: Outcome | None) -> bool | None:
    """Whether the episode's primary measure shows response or remission.

    PHQ-9 first (the client's own rating); HAM-D when there is no PHQ-9. None when neither
    has a repeated measurement: a single baseline says nothing about the outcome.
    """
    for outcome in (phq9, hamd):
        if outcome is not None and outcome.measurements >= 2:
            return outcome.response or outcome.remission
    return None


def default_content(
    record: ClientRecord, episode_id: str, practice: PracticeDetails, today: dt.date
) -> GraduationContent:
    """The facts of ``episode_id`` with proposed wording; every list item is preselected."""
    episode = _find_episode(record, episode_id)
    sessions = sorted(record.sessions_of(episode_id), key=lambda s: (s.date, s.id))
    numbers = session_numbers(sessions)
    phq9 = phq9_outcome(sessions)
    hamd = hamd_outcome(sessions)
    did_respond = responded_to_treatment(phq9, hamd)
    formulation = episode.formulation
    termination = episode.termination
    next_step = wording.next_step_words(termination.plan_kind, termination.plan)
    remission = any(o is not None and o.measurements >= 2 and o.remission for o in (phq9, hamd))
    risk = tuple(
        RiskEntry(
            session_date=s.date,
            session_number=numbers.get(s.id, 0),
            assessment_documented=says_something(s.note.risk_assessment),
        )
        for s in sessions
        if item9_positive(s.phq9)
    )
    return GraduationContent(
        client_name=record.client.name,
        date_of_birth=record.client.date_of_birth,
        episode_kind=episode.kind,
        episode_start=episode.start_date,
        episode_end=sessions[-1].date if sessions else today,
        sessions_attended=len(sessions),
        planned_sessions=episode.planned_sessions,
        problem_areas=formulation.problem_areas,
        focus=tuple(
            wording.focus_words(a, formulation.dispute_stage) for a in formulation.problem_areas
        ),
        achievements=termination.achievements,
        skills=termination.relapse_prevention_skills,
        warning_signs=termination.warning_signs,
        what_to_do=termination.what_to_do,
        plan_kind=termination.plan_kind,
        plan=termination.plan,
        salutation=wording.salutation(record.client.name),
        opening_words=wording.opening_words(len(sessions), episode.kind, did_respond, next_step),
        closing_words=wording.closing_words(did_respond),
        # A flat or rising PHQ-9 line is no gift to someone it did not help: off by default.
        include_phq9_chart=did_respond is True,
        responded=did_respond,
        next_step=next_step,
        letter_date=today,
        practice=practice,
        formulation=formulation.text,
        dispute_stage=formulation.dispute_stage,
        phq9=phq9,
        hamd=hamd,
        gad7=gad7_outcome(sessions),
        risk_history=risk,
        recommendations=wording.recommendations(did_respond, remission, episode.kind),
    )
