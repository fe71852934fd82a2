"""The tasks of each IPT phase (issue 19; IPT.md "The phases" and "The problem areas").

A session records which tasks the therapist did in it (``SessionTasks``): ticks from the
task list of its phase, and in the middle phase the focal area(s) worked on with the
strategies used from that area's list. Whether a task is done or due across the course is
judged in ``task_rules``; this module holds only the vocabularies and the stored value.

"Formulation accepted" is not a tick: the date the client accepted the formulation lives on
the episode's formulation (it opens the middle phase), and one fact has one home.
"""

from dataclasses import dataclass
from enum import StrEnum

from .enums import Phase, ProblemArea
from .errors import ValidationError


class PhaseTask(StrEnum):
    # initial phase
    HISTORY_REVIEWED = "history_reviewed"
    PSYCHOEDUCATION = "psychoeducation"
    SICK_ROLE = "sick_role"
    INVENTORY = "inventory"
    TIMELINE = "timeline"
    FORMULATION_PRESENTED = "formulation_presented"
    FORMULATION_ACCEPTED = "formulation_accepted"  # derived from the formulation, never ticked
    CONTRACT_AGREED = "contract_agreed"
    # middle phase (besides the focal area and strategies)
    MOOD_LINKED = "mood_linked"
    ROLE_PLAY_OR_ANALYSIS = "role_play_or_analysis"
    HOMEWORK = "homework"
    # termination phase
    ENDING_RAISED = "ending_raised"
    ENDING_FEELINGS = "ending_feelings"
    PROGRESS_REVIEWED = "progress_reviewed"
    GAINS_ATTRIBUTED = "gains_attributed"
    WARNING_SIGNS_AGREED = "warning_signs_agreed"
    PLAN_AGREED = "plan_agreed"
    # maintenance
    EVENTS_AND_MOOD_REVIEWED = "events_and_mood_reviewed"
    WARNING_SIGNS_CHECKED = "warning_signs_checked"
    NEXT_INTERVAL_PLANNED = "next_interval_planned"

    @property
    def label(self) -> str:
        return _TEXTS[self][0]

    @property
    def missing(self) -> str:
        """The task not done, as a due prompt says it ("sick role not discussed")."""
        return _TEXTS[self][1]

    @property
    def short(self) -> str:
        """A few words for the timeline's marks."""
        return _TEXTS[self][2]


_TEXTS: dict[PhaseTask, tuple[str, str, str]] = {
    PhaseTask.HISTORY_REVIEWED: (
        "Diagnosis and history reviewed",
        "diagnosis and history not reviewed",
        "History",
    ),
    PhaseTask.PSYCHOEDUCATION: (
        "Psychoeducation about depression given",
        "no psychoeducation about depression",
        "Psychoeducation",
    ),
    PhaseTask.SICK_ROLE: ("Sick role discussed", "sick role not discussed", "Sick role"),
    PhaseTask.INVENTORY: (
        "Interpersonal inventory taken",
        "interpersonal inventory not taken",
        "Inventory",
    ),
    PhaseTask.TIMELINE: (
        "Onset and life events placed on the timeline",
        "onset and life events not on the timeline",
        "Timeline",
    ),
    PhaseTask.FORMULATION_PRESENTED: (
        "Formulation presented",
        "formulation not presented",
        "Formulation presented",
    ),
    PhaseTask.FORMULATION_ACCEPTED: (
        "Formulation accepted",
        "formulation not accepted",
        "Formulation accepted",
    ),
    PhaseTask.CONTRACT_AGREED: ("Contract agreed", "contract not agreed", "Contract"),
    PhaseTask.MOOD_LINKED: (
        "Mood linked to interpersonal events since the last session",
        "mood not linked to interpersonal events",
        "Mood linked",
    ),
    PhaseTask.ROLE_PLAY_OR_ANALYSIS: (
        "Role play or communication analysis (where used)",
        "no role play or communication analysis",
        "Role play",
    ),
    PhaseTask.HOMEWORK: ("Homework set and reviewed", "no homework set", "Homework"),
    PhaseTask.ENDING_RAISED: ("Ending raised", "ending not raised", "Ending raised"),
    PhaseTask.ENDING_FEELINGS: (
        "Feelings about ending discussed",
        "feelings about ending not discussed",
        "Feelings",
    ),
    PhaseTask.PROGRESS_REVIEWED: (
        "Progress reviewed with the measures",
        "progress not reviewed with the measures",
        "Progress",
    ),
    PhaseTask.GAINS_ATTRIBUTED: (
        "Gains attributed to the client",
        "gains not attributed to the client",
        "Gains",
    ),
    PhaseTask.WARNING_SIGNS_AGREED: (
        "Warning signs agreed",
        "warning signs not agreed",
        "Warning signs",
    ),
    PhaseTask.PLAN_AGREED: (
        "Plan after ending agreed",
        "plan after ending not agreed",
        "Plan",
    ),
    PhaseTask.EVENTS_AND_MOOD_REVIEWED: (
        "Interpersonal events and mood reviewed",
        "interpersonal events and mood not reviewed",
        "Events and mood",
    ),
    PhaseTask.WARNING_SIGNS_CHECKED: (
        "Early warning signs checked",
        "early warning signs not checked",
        "Warning signs",
    ),
    PhaseTask.NEXT_INTERVAL_PLANNED: (
        "Plan for the next interval",
        "no plan for the next interval",
        "Next interval",
    ),
}

#: Each phase's tasks, in the order a session runs them.
TASKS_BY_PHASE: dict[Phase, tuple[PhaseTask, ...]] = {
    Phase.INITIAL: (
        PhaseTask.HISTORY_REVIEWED,
        PhaseTask.PSYCHOEDUCATION,
        PhaseTask.SICK_ROLE,
        PhaseTask.INVENTORY,
        PhaseTask.TIMELINE,
        PhaseTask.FORMULATION_PRESENTED,
        PhaseTask.FORMULATION_ACCEPTED,
        PhaseTask.CONTRACT_AGREED,
    ),
    Phase.MIDDLE: (
        PhaseTask.MOOD_LINKED,
        PhaseTask.ROLE_PLAY_OR_ANALYSIS,
        PhaseTask.HOMEWORK,
    ),
    Phase.TERMINATION: (
        PhaseTask.ENDING_RAISED,
        PhaseTask.ENDING_FEELINGS,
        PhaseTask.PROGRESS_REVIEWED,
        PhaseTask.GAINS_ATTRIBUTED,
        PhaseTask.WARNING_SIGNS_AGREED,
        PhaseTask.PLAN_AGREED,
    ),
    Phase.MAINTENANCE: (
        PhaseTask.EVENTS_AND_MOOD_REVIEWED,
        PhaseTask.WARNING_SIGNS_CHECKED,
        PhaseTask.NEXT_INTERVAL_PLANNED,
    ),
}
#: Tasks the therapist ticks (everything but the derived formulation acceptance).
TICKABLE = frozenset(PhaseTask) - {PhaseTask.FORMULATION_ACCEPTED}


def phase_of(task: PhaseTask) -> Phase:
    return next(phase for phase, tasks in TASKS_BY_PHASE.items() if task in tasks)


class Strategy(StrEnum):
    """The strategies of each problem area (IPT.md), the value prefixed by the area."""

    GRIEF_MOURNING = "grief_mourning"
    GRIEF_RECONSTRUCT = "grief_reconstruct"
    GRIEF_NEW_INTERESTS = "grief_new_interests"
    DISPUTE_STAGE = "dispute_stage"
    DISPUTE_PLAN = "dispute_plan"
    DISPUTE_COMMUNICATION = "dispute_communication"
    DISPUTE_END_AND_MOURN = "dispute_end_and_mourn"
    TRANSITION_MOURN_OLD = "transition_mourn_old"
    TRANSITION_BOTH_SIDES = "transition_both_sides"
    TRANSITION_MASTERY = "transition_mastery"
    TRANSITION_SUPPORT = "transition_support"
    DEFICITS_PAST_RELATIONSHIPS = "deficits_past_relationships"
    DEFICITS_SOCIAL_SKILLS = "deficits_social_skills"
    DEFICITS_NEW_RELATIONSHIPS = "deficits_new_relationships"

    @property
    def area(self) -> ProblemArea:
        return next(area for area, ones in STRATEGIES_BY_AREA.items() if self in ones)

    @property
    def label(self) -> str:
        return _STRATEGY_LABELS[self]


_STRATEGY_LABELS: dict[Strategy, str] = {
    Strategy.GRIEF_MOURNING: "Facilitate mourning and catharsis",
    Strategy.GRIEF_RECONSTRUCT: "Reconstruct the relationship with the one who died",
    Strategy.GRIEF_NEW_INTERESTS: "Re-establish interests and relationships",
    Strategy.DISPUTE_STAGE: "Identify the dispute and its stage",
    Strategy.DISPUTE_PLAN: "Choose a plan for the stage",
    Strategy.DISPUTE_COMMUNICATION: "Change communication or expectations",
    Strategy.DISPUTE_END_AND_MOURN: "End a dispute that cannot be resolved, mourn the loss",
    Strategy.TRANSITION_MOURN_OLD: "Mourn the old role",
    Strategy.TRANSITION_BOTH_SIDES: "See both sides of the old and the new role",
    Strategy.TRANSITION_MASTERY: "Gain mastery of the new role",
    Strategy.TRANSITION_SUPPORT: "Rebuild self-esteem and support",
    Strategy.DEFICITS_PAST_RELATIONSHIPS: "Review past relationships",
    Strategy.DEFICITS_SOCIAL_SKILLS: "Learn social skills",
    Strategy.DEFICITS_NEW_RELATIONSHIPS: "Build new relationships, support groups",
}

STRATEGIES_BY_AREA: dict[ProblemArea, tuple[Strategy, ...]] = {
    ProblemArea.GRIEF: (
        Strategy.GRIEF_MOURNING,
        Strategy.GRIEF_RECONSTRUCT,
        Strategy.GRIEF_NEW_INTERESTS,
    ),
    ProblemArea.ROLE_DISPUTE: (
        Strategy.DISPUTE_STAGE,
        Strategy.DISPUTE_PLAN,
        Strategy.DISPUTE_COMMUNICATION,
        Strategy.DISPUTE_END_AND_MOURN,
    ),
    ProblemArea.ROLE_TRANSITION: (
        Strategy.TRANSITION_MOURN_OLD,
        Strategy.TRANSITION_BOTH_SIDES,
        Strategy.TRANSITION_MASTERY,
        Strategy.TRANSITION_SUPPORT,
    ),
    ProblemArea.INTERPERSONAL_DEFICITS: (
        Strategy.DEFICITS_PAST_RELATIONSHIPS,
        Strategy.DEFICITS_SOCIAL_SKILLS,
        Strategy.DEFICITS_NEW_RELATIONSHIPS,
    ),
}


@dataclass(frozen=True)
class SessionTasks:
    """What the therapist recorded as done in one session (stored, sealed, with the session)."""

    done: frozenset[PhaseTask] = frozenset()
    #: Middle phase: the focal area(s) worked on in this session (one or two).
    focal_areas: tuple[ProblemArea, ...] = ()
    #: Strategies used, each from the list of one of ``focal_areas``.
    strategies: tuple[Strategy, ...] = ()

    def __post_init__(self) -> None:
        done = frozenset(self.done)
        for task in done:
            if not isinstance(task, PhaseTask):
                raise ValidationError("done", "holds something that is not an IPT task")
            if task not in TICKABLE:
                raise ValidationError(
                    "done",
                    "cannot tick the formulation as accepted: record the date the client "
                    "accepted it with the formulation",
                )
        object.__setattr__(self, "done", done)
        areas = tuple(self.focal_areas)
        if len(areas) > 2 or len(set(areas)) != len(areas):
            raise ValidationError("focal_areas", "holds one or two different areas")
        for area in areas:
            if not isinstance(area, ProblemArea):
                raise ValidationError("focal_areas", "holds something not a problem area")
        object.__setattr__(self, "focal_areas", areas)
        strategies = tuple(dict.fromkeys(self.strategies))
        for strategy in strategies:
            if not isinstance(strategy, Strategy):
                raise ValidationError("strategies", "holds something not a strategy")
            if strategy.area not in areas:
                raise ValidationError(
                    "strategies",
                    "a strategy belongs to a focal area worked on in the session",
                )
        object.__setattr__(self, "strategies", strategies)

    @property
    def is_empty(self) -> bool:
        return not (self.done or self.focal_areas or self.strategies)
