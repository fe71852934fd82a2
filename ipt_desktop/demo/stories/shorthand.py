"""Short names for the enum members the demo stories use (one place, shared by every story)."""

from ipt_desktop.domain.enums import EpisodeKind, LifeEventKind, ProblemArea, Technique
from ipt_desktop.domain.goals import GoalStatus
from ipt_desktop.domain.phase_tasks import PhaseTask

ACUTE, MAINTENANCE = EpisodeKind.ACUTE, EpisodeKind.MAINTENANCE
GRIEF, DISPUTE = LifeEventKind.GRIEF, LifeEventKind.ROLE_DISPUTE
TRANSITION, DEFICITS = LifeEventKind.ROLE_TRANSITION, LifeEventKind.INTERPERSONAL_DEFICITS
OTHER = LifeEventKind.OTHER
EQ, AFFECT = Technique.EXPLORATORY_QUESTIONING, Technique.ENCOURAGEMENT_OF_AFFECT
CLARIFY, COMMUNICATION = Technique.CLARIFICATION, Technique.COMMUNICATION_ANALYSIS
DECISION, ROLE_PLAY = Technique.DECISION_ANALYSIS, Technique.ROLE_PLAY
RELATIONSHIP, SUPPORTS = Technique.THERAPEUTIC_RELATIONSHIP, Technique.NATURAL_SUPPORTS
WARNING_SIGNS = PhaseTask.WARNING_SIGNS_CHECKED
MET, PARTLY_MET = GoalStatus.MET, GoalStatus.PARTLY_MET
GRIEF_AREA = ProblemArea.GRIEF
