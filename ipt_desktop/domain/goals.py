"""The episode's goals tied to a focal area and reviewed at termination (issue 19).

A goal is written as text on the formulation (``Episode.goals``); its review is kept beside
it by that text: the focal problem area it belongs to, and at termination whether it was
met, partly met or not met, with a line of evidence (for the clinical summary). The letter
may list the goals as "what you set out to do", in plain words and without the evidence,
which is written for clinicians.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .enums import ProblemArea
from .errors import ValidationError
from .validation import check_text

#: The evidence is one line for the summary, not a note.
MAX_EVIDENCE_CHARS = 500


class GoalStatus(StrEnum):
    MET = "met"
    PARTLY_MET = "partly_met"
    NOT_MET = "not_met"

    @property
    def label(self) -> str:
        return {
            GoalStatus.MET: "Met",
            GoalStatus.PARTLY_MET: "Partly met",
            GoalStatus.NOT_MET: "Not met",
        }[self]

    @property
    def plain(self) -> str:
        """The client's words for it (the letter)."""
        return {
            GoalStatus.MET: "you did this",
            GoalStatus.PARTLY_MET: "you made a good start",
            GoalStatus.NOT_MET: "still to work on",
        }[self]


@dataclass(frozen=True)
class GoalReview:
    goal: str  # the text of one of the episode's goals
    area: ProblemArea | None = None
    status: GoalStatus | None = None  # None: not reviewed yet
    evidence: str = ""

    def __post_init__(self) -> None:
        if not check_text("goal", self.goal, max_chars=2000).strip():
            raise ValidationError("goal", "must not be empty")
        if self.area is not None and not isinstance(self.area, ProblemArea):
            raise ValidationError("area", "is not a problem area")
        if self.status is not None and not isinstance(self.status, GoalStatus):
            raise ValidationError("status", "must be met, partly met or not met")
        check_text("evidence", self.evidence, max_chars=MAX_EVIDENCE_CHARS)
        if "\n" in self.evidence:
            raise ValidationError("evidence", "is one line")

    @property
    def is_empty(self) -> bool:
        return self.area is None and self.status is None and not self.evidence.strip()


def check_reviews(reviews: Iterable[GoalReview]) -> tuple[GoalReview, ...]:
    found = tuple(reviews)
    seen: set[str] = set()
    for i, review in enumerate(found):
        if not isinstance(review, GoalReview):
            raise ValidationError(f"goal_reviews[{i}]", "is not a goal review")
        if review.goal in seen:
            raise ValidationError(f"goal_reviews[{i}]", "reviews the same goal twice")
        seen.add(review.goal)
    return found


def reviews_of(goals: Sequence[str], reviews: Iterable[GoalReview]) -> tuple[GoalReview, ...]:
    """One review per goal, in the goals' order (an unreviewed goal gets an empty one);
    a review of a goal no longer listed is left out."""
    by_goal = {r.goal: r for r in reviews}
    return tuple(by_goal.get(goal) or GoalReview(goal) for goal in goals)


def met_reviews(goals: Iterable[str]) -> tuple[GoalReview, ...]:
    """Goals marked met before reviews existed (``goals_met`` in older records)."""
    return tuple(GoalReview(goal, status=GoalStatus.MET) for goal in dict.fromkeys(goals))
