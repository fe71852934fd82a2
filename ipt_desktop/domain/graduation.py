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
from .goals import GoalReview, reviews_of
from .measures import item9_positive
from .model import ClientRecord, Episode, PracticeDetails, Session
from .outcomes import Outcome, gad7_outcome, hamd_outcome, phq9_outcome
from .risk_records import CrisisContacts, says_something
from .risk_status import RiskStatus, risk_status
from .validation import check_date, check_int, check_name, check_text, check_text_list
from .verdict import EpisodeJudgement, Verdict, judge_episode
from .worksheets import Worksheet


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
    #: The name in the greeting (the client's preferred name; editable in the preview).
    greeting_name: str = ""
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
    #: The outcome judgement of the episode (a verdict only at the end of the course).
    verdict: Verdict = Verdict.NOT_MEASURED
    #: The course is over (ended, or its planned sessions reached).
    course_complete: bool = True
    #: The client's next step in plain words (the letter); ``plan`` is the clinician's.
    client_next_step: str = ""
    # Only in the clinical summary (IPT.md: "A clinical summary for a GP or referrer"):
    recurrent: bool | None = None
    onset: dt.date | None = None
    medication: str = ""
    prescriber: str = ""
    referrer: str = ""
    sessions_missed: int = 0
    goals: tuple[str, ...] = ()
    goals_met: tuple[str, ...] = ()
    #: One review per goal, in the goals' order (focal area, met / partly / not, evidence).
    goal_reviews: tuple[GoalReview, ...] = ()
    #: The therapist chose to list the goals in the letter ("What you set out to do").
    include_goals_in_letter: bool = False
    earlier_episodes: int | None = None
    #: Weeks from the onset of the episode to the first session (None: onset not recorded).
    untreated_weeks: int | None = None
    worksheets: tuple[Worksheet, ...] = ()
    #: The therapist chose to add the problem-area worksheets to the clinical summary.
    include_worksheets: bool = False
    #: Level of risk at discharge, from the risk review record (h12b); "" = not recorded.
    risk_level_at_discharge: str = ""

    @property
    def sessions_remaining(self) -> int:
        return 0 if self.course_complete else max(self.planned_sessions - self.sessions_attended, 0)

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
            "greeting_name",
            "sign_off",
            "formulation",
            "recommendations",
            "client_next_step",
            "medication",
            "prescriber",
            "referrer",
            "risk_level_at_discharge",
        ):
            check_text(name, getattr(self, name))
        if not isinstance(self.plan_kind, PlanAfterEnding):
            raise ValidationError("plan_kind", "is not a plan after ending")
        if not isinstance(self.crisis_contacts, CrisisContacts):
            raise ValidationError("crisis_contacts", "must be the practice's crisis contacts")
        if not isinstance(self.practice, PracticeDetails):
            raise ValidationError("practice", "must be the practice details")
        object.__setattr__(self, "risk_history", tuple(self.risk_history))
        object.__setattr__(self, "goal_reviews", tuple(self.goal_reviews))
        object.__setattr__(self, "worksheets", tuple(self.worksheets))
        for name in ("goals", "goals_met"):
            object.__setattr__(self, name, check_text_list(name, getattr(self, name)))
        check_int("sessions_missed", self.sessions_missed, 0, 10_000)
        if self.onset is not None:
            check_date("onset", self.onset)
        if not isinstance(self.verdict, Verdict):
            raise ValidationError("verdict", "is not an outcome verdict")


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
    """Whether the primary measure (PHQ-9, else HAM-D) shows response or remission.

    Kept for callers that only compare two scores; the letter uses ``letter_tone``, which
    also knows whether the course is over.
    """
    for outcome in (phq9, hamd):
        if outcome is not None and outcome.measurements >= 2:
            return outcome.response or outcome.remission
    return None


def letter_tone(judgement: EpisodeJudgement) -> bool | None:
    """True: the course helped; False: a finished acute course that did not; None: no verdict.

    Mid-course there is no verdict (None). A maintenance episode is never told the
    treatment failed: staying well is True, anything else is None.
    """
    if judgement.kind is EpisodeKind.MAINTENANCE:
        return True if judgement.verdict is Verdict.STAYING_WELL else None
    if not judgement.complete:
        return None
    return judgement.verdict.improved


def with_greeting_name(content: GraduationContent, name: str) -> GraduationContent:
    """The content greeting the client by ``name`` (blank: no greeting line)."""
    name = name.strip()
    return dataclasses.replace(
        content, greeting_name=name, salutation=wording.salutation(name) if name else ""
    )


def preview_warnings(content: GraduationContent) -> tuple[str, ...]:
    """What the therapist should know before printing the letter: an unfinished course and
    sections that would be left out because they are empty (never dropped silently)."""
    warnings: list[str] = []
    if content.sessions_remaining > 0:
        noun = "session" if content.sessions_remaining == 1 else "sessions"
        warnings.append(
            f"The course is not finished: {content.sessions_remaining} contracted {noun} "
            "remain. The letter gives no outcome and names the sessions still to come."
        )
    empty = empty_sections(content)
    if empty:
        warnings.append(
            "Empty, so left out of the letter: " + ", ".join(empty) + ". Fill them in the "
            "Termination tab, or print without them."
        )
    return tuple(warnings)


def empty_sections(content: GraduationContent) -> tuple[str, ...]:
    """Letter sections that would print empty (shown as a warning in the preview)."""
    checks = (
        ("What we worked on", any(f.strip() for f in content.focus)),
        ("What you achieved", bool(content.achievements)),
        ("Skills to keep using", bool(content.skills)),
        ("Early warning signs", bool(content.warning_signs)),
        ("If these signs appear", bool(content.what_to_do.strip())),
    )
    return tuple(name for name, filled in checks if not filled)


def default_content(
    record: ClientRecord, episode_id: str, practice: PracticeDetails, today: dt.date
) -> GraduationContent:
    """The facts of ``episode_id`` with proposed wording; every list item is preselected."""
    episode = _find_episode(record, episode_id)
    sessions = sorted(record.sessions_of(episode_id), key=lambda s: (s.date, s.id))
    numbers = session_numbers(sessions)
    judgement = judge_episode(record, episode_id)
    phq9 = phq9_outcome(sessions)
    if episode.kind is EpisodeKind.MAINTENANCE and judgement.primary is not None:
        phq9 = judgement.primary  # IPT-M is judged against the acute baseline
    hamd = hamd_outcome(sessions)
    did_respond = letter_tone(judgement)
    formulation = episode.formulation
    termination = episode.termination
    next_step = wording.next_step_words(termination.plan_kind, termination.client_next_step)
    remaining = 0 if judgement.complete else max(episode.planned_sessions - len(sessions), 0)
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
        salutation=wording.salutation(wording.preferred_name(record.client)),
        greeting_name=wording.preferred_name(record.client),
        opening_words=wording.opening_words(
            len(sessions),
            episode.kind,
            did_respond,
            next_step,
            remaining=remaining,
            partial=did_respond is False and judgement.verdict is Verdict.PARTIAL_RESPONSE,
        ),
        closing_words=wording.closing_words(did_respond, remaining=remaining),
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
        recommendations=wording.recommendations(judgement, remaining),
        verdict=judgement.verdict,
        course_complete=judgement.complete,
        client_next_step=termination.client_next_step,
        recurrent=episode.recurrent,
        onset=episode.onset,
        medication=episode.medication,
        prescriber=episode.prescriber,
        referrer=episode.referrer,
        sessions_missed=episode.sessions_missed,
        goals=episode.goals,
        goals_met=episode.goals_met,
        goal_reviews=reviews_of(episode.goals, episode.goal_reviews),
        earlier_episodes=episode.earlier_episodes,
        untreated_weeks=untreated_weeks(episode, sessions),
        worksheets=episode.worksheets,
        risk_level_at_discharge=risk_level_at_discharge(record, episode),
    )


def untreated_weeks(episode: Episode, sessions: Sequence[Session]) -> int | None:
    """Whole weeks from the episode's onset to its first session (None: onset unknown)."""
    if episode.onset is None:
        return None
    dates = [s.date for s in sessions if s.episode_id == episode.id]
    first = min(dates, default=episode.start_date)
    return max(0, (first - episode.onset).days // 7)


def risk_level_at_discharge(record: ClientRecord, episode: Episode) -> str:
    """The level (low / moderate / high) of the latest risk review, said to be open when a
    risk source has no review after it or a review is due again; "" when none is recorded.

    ``episode`` is kept for the call's shape: reviews belong to the client, not a contract."""
    del episode
    risk = risk_status(record)
    level = risk.level.label.lower() if risk.level is not None else ""
    if risk.state is RiskStatus.OPEN:
        reason = "review due again" if risk.review_due and not risk.unreviewed else "not assessed"
        return f"{level}, risk open ({reason})" if level else f"risk open ({reason})"
    return level
