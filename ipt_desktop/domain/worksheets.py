"""Problem-area worksheets, one per focal area of an episode (issue 19), structured as IPT
teaches each area (Weissman, Markowitz and Klerman; Stuart and Robertson). Each answer is a
free text the therapist fills in across sessions; the worksheet is saved with the episode
(sealed) and travels in the interchange format."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .enums import ProblemArea
from .errors import ValidationError
from .validation import check_text


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    prompt: str


WORKSHEET_QUESTIONS: dict[ProblemArea, tuple[Question, ...]] = {
    ProblemArea.GRIEF: (
        Question(
            "good_memories", "Good memories", "The relationship reconstructed: what was good."
        ),
        Question(
            "difficult_memories", "Difficult memories", "What was hard, disappointing or unsaid."
        ),
        Question(
            "circumstances",
            "The circumstances of the death",
            "When and how; how the client learnt of it; the funeral.",
        ),
        Question("what_was_lost", "What was lost", "What the person gave the client's life."),
        Question(
            "mourning_tasks",
            "Mourning tasks",
            "What is still to do or feel; interests and people that may fill part of the gap.",
        ),
    ),
    ProblemArea.ROLE_DISPUTE: (
        Question("other_person", "The other person", "Who, and the relationship."),
        Question(
            "client_expectations",
            "The client's expectations",
            "What the client wants from the other.",
        ),
        Question(
            "other_expectations",
            "The other's expectations",
            "What the other seems to want from the client.",
        ),
        Question("stage", "The stage", "Renegotiation, impasse or dissolution, and why."),
        Question("options", "Options", "What could change, on each side."),
        Question("communication", "Communication patterns", "How they argue, avoid or give in."),
        Question("plan", "Plan for this stage", "What the client will try."),
    ),
    ProblemArea.ROLE_TRANSITION: (
        Question("old_good", "Old role: what was good", "What the client valued in the old role."),
        Question("old_hard", "Old role: what was hard", "What the client does not miss."),
        Question("old_lost", "What was lost", "People, status, routine, identity."),
        Question("new_hard", "New role: what is hard", "What the client struggles with now."),
        Question("new_offers", "New role: what it offers", "Opportunities the new role brings."),
        Question(
            "skills_supports",
            "Skills and supports needed",
            "What would help the client master the new role.",
        ),
    ),
    ProblemArea.INTERPERSONAL_DEFICITS: (
        Question(
            "past_patterns",
            "Past relationship patterns",
            "Important relationships, past and present, and how they went.",
        ),
        Question("themes", "Recurring themes", "What keeps happening in relationships."),
        Question(
            "therapy_relationship",
            "In the therapy relationship",
            "What happens between client and therapist that mirrors it.",
        ),
    ),
}


@dataclass(frozen=True)
class Worksheet:
    area: ProblemArea
    #: (question key, answer) in the order of the area's questions; empty answers left out.
    answers: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.area, ProblemArea):
            raise ValidationError("area", "is not a problem area")
        keys = [q.key for q in WORKSHEET_QUESTIONS[self.area]]
        given = dict(self.answers)
        if len(given) != len(tuple(self.answers)):
            raise ValidationError("answers", "answers a question twice")
        for key, text in given.items():
            if key not in keys:
                raise ValidationError(
                    f"answers.{key[:40]}", f"is not a question of the {self.area.value} worksheet"
                )
            check_text(f"answers.{key}", text)
        ordered = tuple((k, given[k]) for k in keys if given.get(k, "").strip())
        object.__setattr__(self, "answers", ordered)

    def answer(self, key: str) -> str:
        return dict(self.answers).get(key, "")

    @property
    def is_empty(self) -> bool:
        return not self.answers

    @staticmethod
    def of(area: ProblemArea, answers: Mapping[str, str]) -> "Worksheet":
        return Worksheet(area, tuple(answers.items()))


def check_worksheets(worksheets: Iterable[Worksheet]) -> tuple[Worksheet, ...]:
    found = tuple(w for w in worksheets)
    areas = [w.area for w in found if isinstance(w, Worksheet)]
    if len(areas) != len(found):
        raise ValidationError("worksheets", "holds something that is not a worksheet")
    if len(set(areas)) != len(areas):
        raise ValidationError("worksheets", "has two worksheets for one problem area")
    return tuple(w for w in found if not w.is_empty)
