"""Measures the client rated themself, on the therapist's laptop (hand-over mode).

A session's measures are either entered by the therapist (the default) or by the client in
hand-over mode. ``ClientEntry`` records which measures the client entered and when the
hand-over started and ended, so the record never passes a client's own rating off as the
therapist's, nor the other way round.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .errors import ValidationError


class Questionnaire(StrEnum):
    """What hand-over mode can ask, in the order it asks."""

    MOOD = "mood"
    PHQ9 = "phq9"
    GAD7 = "gad7"


QUESTIONNAIRE_ORDER: tuple[Questionnaire, ...] = (
    Questionnaire.MOOD,
    Questionnaire.PHQ9,
    Questionnaire.GAD7,
)


def _check_moment(name: str, value: object) -> dt.datetime:
    if not isinstance(value, dt.datetime) or value.utcoffset() is None:
        raise ValidationError(name, "must be a date and time with its UTC offset")
    return value


@dataclass(frozen=True)
class ClientEntry:
    """Which measures of a session the client entered, and when (hand-over mode)."""

    measures: tuple[Questionnaire, ...]
    started_at: dt.datetime
    completed_at: dt.datetime

    def __post_init__(self) -> None:
        measures = tuple(self.measures)
        if not measures:
            raise ValidationError("client_entry.measures", "names no measure")
        for i, measure in enumerate(measures):
            if not isinstance(measure, Questionnaire):
                raise ValidationError(f"client_entry.measures[{i}]", "is not a questionnaire")
        if len(set(measures)) != len(measures):
            raise ValidationError("client_entry.measures", "names a measure twice")
        ordered = tuple(q for q in QUESTIONNAIRE_ORDER if q in measures)
        object.__setattr__(self, "measures", ordered)
        _check_moment("client_entry.started_at", self.started_at)
        _check_moment("client_entry.completed_at", self.completed_at)
        if self.completed_at < self.started_at:
            raise ValidationError("client_entry.completed_at", "is before the start")

    def includes(self, measure: Questionnaire) -> bool:
        return measure in self.measures

    def merged(self, other: "ClientEntry") -> "ClientEntry":
        """Two hand-overs of one session (the second finished what the first began)."""
        return ClientEntry(
            tuple(set(self.measures) | set(other.measures)),
            min(self.started_at, other.started_at),
            max(self.completed_at, other.completed_at),
        )
