"""The closed vocabularies of IPT (IPT.md): phases, problem areas, dispute stages, etc."""

from enum import StrEnum


class Phase(StrEnum):
    INITIAL = "initial"
    MIDDLE = "middle"
    TERMINATION = "termination"
    MAINTENANCE = "maintenance"

    @property
    def label(self) -> str:
        return {
            Phase.INITIAL: "Initial",
            Phase.MIDDLE: "Middle",
            Phase.TERMINATION: "Termination",
            Phase.MAINTENANCE: "Maintenance",
        }[self]


class EpisodeKind(StrEnum):
    ACUTE = "acute"
    MAINTENANCE = "maintenance"


class ProblemArea(StrEnum):
    GRIEF = "grief"
    ROLE_DISPUTE = "role_dispute"
    ROLE_TRANSITION = "role_transition"
    INTERPERSONAL_DEFICITS = "interpersonal_deficits"

    @property
    def label(self) -> str:
        return {
            ProblemArea.GRIEF: "Grief",
            ProblemArea.ROLE_DISPUTE: "Interpersonal (role) dispute",
            ProblemArea.ROLE_TRANSITION: "Role transition",
            ProblemArea.INTERPERSONAL_DEFICITS: "Interpersonal deficits",
        }[self]


class DisputeStage(StrEnum):
    RENEGOTIATION = "renegotiation"
    IMPASSE = "impasse"
    DISSOLUTION = "dissolution"


class LifeEventKind(StrEnum):
    GRIEF = "grief"
    ROLE_TRANSITION = "role_transition"
    ROLE_DISPUTE = "role_dispute"
    INTERPERSONAL_DEFICITS = "interpersonal_deficits"
    OTHER = "other"


class Technique(StrEnum):
    EXPLORATORY_QUESTIONING = "exploratory_questioning"
    ENCOURAGEMENT_OF_AFFECT = "encouragement_of_affect"
    CLARIFICATION = "clarification"
    COMMUNICATION_ANALYSIS = "communication_analysis"
    DECISION_ANALYSIS = "decision_analysis"
    ROLE_PLAY = "role_play"
    THERAPEUTIC_RELATIONSHIP = "therapeutic_relationship"
    HOMEWORK = "homework"
    NATURAL_SUPPORTS = "natural_supports"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class PlanAfterEnding(StrEnum):
    MAINTENANCE_CONTRACT = "maintenance_contract"
    BOOSTER_SESSIONS = "booster_sessions"
    REFERRAL = "referral"
    ALTERNATIVE_TREATMENT = "alternative_treatment"
    NONE = "none"


class Severity(StrEnum):
    """Band names shared by PHQ-9, GAD-7 and HAM-D (each uses the subset it has)."""

    NORMAL = "normal"
    MINIMAL = "minimal"
    MILD = "mild"
    MODERATE = "moderate"
    MODERATELY_SEVERE = "moderately_severe"
    SEVERE = "severe"
    VERY_SEVERE = "very_severe"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()
