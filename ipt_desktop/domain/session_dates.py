"""Session dates that need a second look before they are saved.

A mistyped year (2031 for 2025) is a real date, so it passes validation; saved silently it
moves the planned end, renumbers the sessions and squashes the chart. These rules name the
dates worth a question: more than ``FUTURE_DAYS`` days ahead, before the contract began,
or a date that would change the number of a signed note. The editor asks; the therapist
decides.
"""

import dataclasses
import datetime as dt
from collections.abc import Sequence

from .contract import session_numbers
from .model import Episode, Session

#: A session may be planned up to two weeks ahead without a question.
FUTURE_DAYS = 14


@dataclasses.dataclass(frozen=True)
class Renumbered:
    """A signed note whose session number would change."""

    session_id: str
    date: dt.date
    before: int
    after: int


def _iso(day: dt.date) -> str:
    return day.isoformat()


def renumbered_signed(
    siblings: Sequence[Session], edited: Session, new_date: dt.date
) -> list[Renumbered]:
    """Signed notes of the episode (``edited`` aside) whose number changes if ``edited`` moves
    to ``new_date``. ``siblings`` are the stored sessions of the episode."""
    others = [s for s in siblings if s.id != edited.id]
    before = session_numbers([*others, edited])
    after = session_numbers([*others, dataclasses.replace(edited, date=new_date)])
    return [
        Renumbered(s.id, s.date, before[s.id], after[s.id])
        for s in others
        if s.is_signed and before[s.id] != after[s.id]
    ]


def renumbered_by_removal(siblings: Sequence[Session], removed: Session) -> list[Renumbered]:
    """Signed notes whose number changes if ``removed`` is deleted from its episode."""
    others = [s for s in siblings if s.id != removed.id]
    before = session_numbers([*others, removed])
    after = session_numbers(others)
    return [
        Renumbered(s.id, s.date, before[s.id], after[s.id])
        for s in others
        if s.is_signed and before[s.id] != after[s.id]
    ]


def renumbering_text(moved: Sequence[Renumbered]) -> list[str]:
    return [
        f"The signed note of {_iso(m.date)} would become session {m.after} instead of {m.before}."
        for m in moved
    ]


def date_questions(
    edited: Session,
    new_date: dt.date,
    episode: Episode | None,
    siblings: Sequence[Session],
    today: dt.date,
) -> list[str]:
    """Sentences asking the therapist to confirm ``new_date`` (empty: nothing to ask)."""
    questions: list[str] = []
    ahead = (new_date - today).days
    if ahead > FUTURE_DAYS:
        questions.append(
            f"{_iso(new_date)} is {ahead} days from today, more than {FUTURE_DAYS} days ahead."
        )
    if episode is not None and new_date < episode.start_date:
        questions.append(
            f"{_iso(new_date)} is before this contract began ({_iso(episode.start_date)})."
        )
    questions += renumbering_text(renumbered_signed(siblings, edited, new_date))
    return questions
