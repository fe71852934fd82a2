"""Hand-over mode as plain data: the items the client answers, and what the answers become.

The client answers one item at a time. ``HandoverAnswers`` holds what was answered so far
(never anything from the record); ``place_answers`` puts every *complete* questionnaire
into the session as client-rated and hands back what is still unfinished, which stays a
draft until the client finishes it. A half-answered PHQ-9 is never written as a score.
"""

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from .client_entry import QUESTIONNAIRE_ORDER, ClientEntry, Questionnaire
from .errors import ValidationError
from .measures import GAD7_ITEMS, ITEM_MAX, ITEM_MIN, PHQ9_ITEM9_INDEX, PHQ9_ITEMS
from .model import Session
from .validation import check_int

MOOD_MIN = 0
MOOD_MAX = 10
TWO_WEEKS_STEM = "Over the last 2 weeks, how often have you been bothered by this problem?"
MOOD_QUESTION = "How has your mood been today?"
FREQUENCY_CHOICES: tuple[tuple[int, str], ...] = (
    (0, "Not at all"),
    (1, "Several days"),
    (2, "More than half the days"),
    (3, "Nearly every day"),
)
TITLES: Mapping[Questionnaire, str] = {
    Questionnaire.MOOD: "Mood",
    Questionnaire.PHQ9: "PHQ-9",
    Questionnaire.GAD7: "GAD-7",
}
ITEM_COUNTS: Mapping[Questionnaire, int] = {
    Questionnaire.MOOD: 1,
    Questionnaire.PHQ9: len(PHQ9_ITEMS),
    Questionnaire.GAD7: len(GAD7_ITEMS),
}


@dataclass(frozen=True)
class HandoverItem:
    """One screen of the hand-over: a question and its answers (value, label)."""

    questionnaire: Questionnaire
    index: int  # 0-based within the questionnaire
    question: str
    stem: str
    choices: tuple[tuple[int, str], ...]

    @property
    def position(self) -> str:
        count = ITEM_COUNTS[self.questionnaire]
        title = TITLES[self.questionnaire]
        return title if count == 1 else f"{title}, question {self.index + 1} of {count}"


def _mood_choices() -> tuple[tuple[int, str], ...]:
    labels = {MOOD_MIN: "0 – the worst", MOOD_MAX: "10 – the best"}
    return tuple((v, labels.get(v, str(v))) for v in range(MOOD_MIN, MOOD_MAX + 1))


def handover_items(measures: tuple[Questionnaire, ...]) -> tuple[HandoverItem, ...]:
    """Every item of the chosen questionnaires, in the fixed order mood, PHQ-9, GAD-7."""
    items: list[HandoverItem] = []
    for q in QUESTIONNAIRE_ORDER:
        if q not in measures:
            continue
        if q is Questionnaire.MOOD:
            items.append(
                HandoverItem(q, 0, MOOD_QUESTION, "0 is the worst, 10 the best.", _mood_choices())
            )
            continue
        texts = PHQ9_ITEMS if q is Questionnaire.PHQ9 else GAD7_ITEMS
        for i, text in enumerate(texts):
            items.append(HandoverItem(q, i, text, TWO_WEEKS_STEM, FREQUENCY_CHOICES))
    return tuple(items)


def _empty(q: Questionnaire) -> tuple[int | None, ...]:
    return (None,) * ITEM_COUNTS[q]


@dataclass(frozen=True)
class HandoverAnswers:
    """What the client answered so far in one hand-over (None: not answered yet)."""

    session_id: str
    measures: tuple[Questionnaire, ...]
    started_at: dt.datetime
    values: Mapping[Questionnaire, tuple[int | None, ...]] = field(default_factory=dict)
    answered_at: dt.datetime | None = None  # the latest answer

    def __post_init__(self) -> None:
        measures = tuple(q for q in QUESTIONNAIRE_ORDER if q in self.measures)
        if not measures:
            raise ValidationError("measures", "choose at least one questionnaire")
        object.__setattr__(self, "measures", measures)
        values = {q: tuple(self.values.get(q, _empty(q))) for q in measures}
        for q, answers in values.items():
            if len(answers) != ITEM_COUNTS[q]:
                raise ValidationError(q.value, f"needs {ITEM_COUNTS[q]} answers")
            high = MOOD_MAX if q is Questionnaire.MOOD else ITEM_MAX
            for i, v in enumerate(answers):
                if v is not None:
                    check_int(f"{q.value}[{i}]", v, ITEM_MIN, high)
        object.__setattr__(self, "values", values)

    def answer(self, item: HandoverItem) -> int | None:
        return self.values[item.questionnaire][item.index]

    def with_answer(self, item: HandoverItem, value: int, at: dt.datetime) -> "HandoverAnswers":
        answers = list(self.values[item.questionnaire])
        answers[item.index] = value
        values = {**self.values, item.questionnaire: tuple(answers)}
        return dataclasses.replace(self, values=values, answered_at=at)

    def complete(self, q: Questionnaire) -> bool:
        return q in self.values and all(v is not None for v in self.values[q])

    def answered_count(self) -> int:
        return sum(v is not None for answers in self.values.values() for v in answers)

    def item9_positive(self) -> bool:
        """The client answered PHQ-9 item 9 above 0 (thoughts of death or self-harm)."""
        phq9 = self.values.get(Questionnaire.PHQ9)
        value = None if phq9 is None else phq9[PHQ9_ITEM9_INDEX]
        return value is not None and value > 0

    def first_unanswered(self, items: tuple[HandoverItem, ...]) -> int:
        """Where a resumed hand-over starts: the first item without an answer."""
        for i, item in enumerate(items):
            if self.answer(item) is None:
                return i
        return len(items)


def place_answers(
    session: Session, answers: HandoverAnswers, completed_at: dt.datetime
) -> tuple[Session, tuple[Questionnaire, ...]]:
    """The session with every complete questionnaire placed as client-rated.

    Returns the new session and the questionnaires that are still unfinished (their
    answers are not placed: a partial PHQ-9 is not a score). A signed note is refused.
    """
    if session.id != answers.session_id:
        raise ValidationError("session", "these answers belong to another session")
    if session.is_signed:
        raise ValidationError("session", "the note was signed meanwhile: answers not placed")
    done = tuple(q for q in answers.measures if answers.complete(q))
    unfinished = tuple(q for q in answers.measures if q not in done)
    if not done:
        return session, unfinished

    def placed(q: Questionnaire) -> tuple[int, ...]:
        return tuple(v for v in answers.values[q] if v is not None)

    mood = placed(Questionnaire.MOOD)[0] if Questionnaire.MOOD in done else session.mood
    phq9 = placed(Questionnaire.PHQ9) if Questionnaire.PHQ9 in done else session.phq9
    gad7 = placed(Questionnaire.GAD7) if Questionnaire.GAD7 in done else session.gad7
    entry = ClientEntry(done, answers.started_at, max(completed_at, answers.started_at))
    if session.client_entry is not None:
        entry = session.client_entry.merged(entry)
    updated = dataclasses.replace(session, mood=mood, phq9=phq9, gad7=gad7, client_entry=entry)
    return updated, unfinished


def entry_after_edit(stored: Session, edited: Session) -> ClientEntry | None:
    """The client mark of an edited session: a measure the therapist changed is theirs now.

    Without this a score typed over by the therapist would still read "entered by the
    client" (a false record the therapist would not notice).
    """
    entry = stored.client_entry
    if entry is None:
        return None
    kept = tuple(q for q in entry.measures if getattr(stored, q.value) == getattr(edited, q.value))
    if not kept:
        return None
    return ClientEntry(kept, entry.started_at, entry.completed_at)
