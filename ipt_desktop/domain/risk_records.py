"""What the therapist records about suicide risk (IPT.md, "PHQ-9 item 9").

- ``RiskReview``: a documented risk assessment: the date, the level (low / moderate / high),
  what was asked, what was found and the actions taken. Each of the three texts must say
  something real (``MIN_REVIEW_WORDS`` words and ``MIN_REVIEW_CHARS`` characters): one
  character is not an assessment.
- ``SafetyPlan``: the client's structured safety plan, one per client, printable for them.
- ``RiskDecision``: the therapist's explicit decision to end a client or make a graduation
  letter while risk is open, with the reason (sealed like every record: the reason may
  hold clinical words; the audit log only gets the event).

Ids are UUID strings assigned before anything is stored (``ids``), as in ``model``.
"""

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from .errors import ValidationError
from .ids import check_id, new_id
from .validation import check_date, check_text, check_text_list

MIN_REVIEW_WORDS = 3
MIN_REVIEW_CHARS = 15
MIN_REASON_WORDS = 3
MIN_REASON_CHARS = 15
#: The texts of a review, each a short sentence at least, with what they are about.
REVIEW_PARTS = (
    ("asked", "what was asked"),
    ("found", "what was found"),
    ("actions", "the actions taken"),
)


def check_real_content(field_name: str, value: object, what: str, words: int, chars: int) -> str:
    """``value`` as text that says at least a short sentence; else a message saying so."""
    text = check_text(field_name, value)
    if not says_something(text, words, chars):
        raise ValidationError(
            field_name,
            f"write at least a short sentence on {what} "
            f"({words} words and {chars} characters or more)",
        )
    return text


def says_something(text: str, words: int = MIN_REVIEW_WORDS, chars: int = MIN_REVIEW_CHARS) -> bool:
    """Whether ``text`` is at least a short sentence (the rule of ``check_real_content``)."""
    stripped = " ".join(text.split())
    return len(stripped.split(" ")) >= words and len(stripped) >= chars


class RiskLevel(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"

    @property
    def label(self) -> str:
        return {RiskLevel.LOW: "Low", RiskLevel.MODERATE: "Moderate", RiskLevel.HIGH: "High"}[self]


class DecisionAction(StrEnum):
    """What the therapist decided to do despite open risk."""

    END_CLIENT = "end_client"
    GRADUATION_LETTER = "graduation_letter"

    @property
    def label(self) -> str:
        return {
            DecisionAction.END_CLIENT: "end treatment",
            DecisionAction.GRADUATION_LETTER: "make the graduation letter",
        }[self]


@dataclass(frozen=True)
class RiskReview:
    client_id: str
    date: dt.date
    level: RiskLevel
    asked: str
    found: str
    actions: str
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        check_id("client_id", self.client_id)
        check_date("date", self.date)
        if not isinstance(self.level, RiskLevel):
            raise ValidationError("level", "must be low, moderate or high")
        check_real_content(
            "asked", self.asked, "what was asked", MIN_REVIEW_WORDS, MIN_REVIEW_CHARS
        )
        check_real_content(
            "found", self.found, "what was found", MIN_REVIEW_WORDS, MIN_REVIEW_CHARS
        )
        check_real_content(
            "actions", self.actions, "the actions taken", MIN_REVIEW_WORDS, MIN_REVIEW_CHARS
        )


#: The parts of a safety plan, in the order they are printed, with their headings.
SAFETY_PLAN_PARTS: tuple[tuple[str, str], ...] = (
    ("warning_signs", "Warning signs that a crisis may be starting"),
    ("coping_steps", "Things I can do on my own to take my mind off things"),
    ("distractions", "People and places that help me feel better or distract me"),
    ("help_contacts", "People I can ask for help"),
    ("professionals", "Professionals and crisis lines I can contact"),
    ("safe_surroundings", "Making my surroundings safe"),
)


@dataclass(frozen=True)
class SafetyPlan:
    client_id: str
    updated_on: dt.date
    warning_signs: tuple[str, ...] = ()
    coping_steps: tuple[str, ...] = ()
    distractions: tuple[str, ...] = ()
    help_contacts: tuple[str, ...] = ()
    professionals: tuple[str, ...] = ()
    safe_surroundings: tuple[str, ...] = ()
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        check_id("client_id", self.client_id)
        check_date("updated_on", self.updated_on)
        for name, _heading in SAFETY_PLAN_PARTS:
            object.__setattr__(self, name, check_text_list(name, getattr(self, name)))

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name, _heading in SAFETY_PLAN_PARTS)


@dataclass(frozen=True)
class RiskDecision:
    client_id: str
    date: dt.date
    action: DecisionAction
    reason: str
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        check_id("client_id", self.client_id)
        check_date("date", self.date)
        if not isinstance(self.action, DecisionAction):
            raise ValidationError("action", "is not a decision this app records")
        check_real_content("reason", self.reason, "the reason", MIN_REASON_WORDS, MIN_REASON_CHARS)


@dataclass(frozen=True)
class CrisisContacts:
    """The practice's crisis contacts, printed on every client letter and safety plan."""

    out_of_hours: str = ""
    emergency: str = ""
    other: str = ""

    def __post_init__(self) -> None:
        for name in ("out_of_hours", "emergency", "other"):
            check_text(name, getattr(self, name), max_chars=2000)

    @property
    def is_empty(self) -> bool:
        return not (self.out_of_hours.strip() or self.emergency.strip() or self.other.strip())

    def lines(self) -> tuple[tuple[str, str], ...]:
        """(label, text) for every contact given, in print order."""
        parts = (
            ("Emergency", self.emergency),
            ("Out of hours", self.out_of_hours),
            ("Also", self.other),
        )
        return tuple((label, text.strip()) for label, text in parts if text.strip())
