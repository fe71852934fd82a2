"""The client-level risk status (IPT.md, "PHQ-9 item 9"): none, open, or reviewed.

Risk sources, per session: PHQ-9 item 9 above 0, HAM-D item 3 (suicide) above 0, or risk
the therapist noted from what the client said. The status is

- **open** when a source has no risk review on or after its date (a later 0 never clears
  it: only a review does), or when the latest review's level is above low and a session
  has taken place since (a review is due again at the next session);
- **reviewed** (with the latest review's level) when a review covers every source;
- **none** when there is no source and no review.

Pure: the same answer for the client list, the workspace, the guards and the CLI.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .contract import session_numbers, session_order_key
from .measures import item9_positive
from .model import ClientRecord, Session
from .risk_records import RiskLevel, RiskReview


class RiskStatus(StrEnum):
    """The status in one word: the client list's and ``ipt-desktop list``'s ``risk`` key."""

    NONE = "none"
    OPEN = "open"
    REVIEWED = "reviewed"

    @property
    def label(self) -> str:
        return {
            RiskStatus.NONE: "No risk recorded",
            RiskStatus.OPEN: "Risk open",
            RiskStatus.REVIEWED: "Risk reviewed",
        }[self]


class RiskSourceKind(StrEnum):
    PHQ9_ITEM9 = "phq9_item9"
    HAMD_ITEM3 = "hamd_item3"
    NOTED = "noted"

    @property
    def label(self) -> str:
        return {
            RiskSourceKind.PHQ9_ITEM9: "PHQ-9 item 9 above 0",
            RiskSourceKind.HAMD_ITEM3: "HAM-D item 3 (suicide) above 0",
            RiskSourceKind.NOTED: "risk noted by the therapist",
        }[self]


def session_risk_sources(session: Session) -> tuple[RiskSourceKind, ...]:
    kinds: list[RiskSourceKind] = []
    if item9_positive(session.phq9):
        kinds.append(RiskSourceKind.PHQ9_ITEM9)
    if session.hamd_item3 is not None and session.hamd_item3 > 0:
        kinds.append(RiskSourceKind.HAMD_ITEM3)
    if session.risk_noted:
        kinds.append(RiskSourceKind.NOTED)
    return tuple(kinds)


@dataclass(frozen=True)
class RiskSource:
    """One session with a risk source; named by number and date, never by its text."""

    session_id: str
    date: dt.date
    number: int  # the session's number within its contract
    kinds: tuple[RiskSourceKind, ...]

    @property
    def label(self) -> str:
        what = ", ".join(kind.label for kind in self.kinds)
        return f"session {self.number} ({self.date.isoformat()}): {what}"


@dataclass(frozen=True)
class ClientRisk:
    state: RiskStatus
    level: RiskLevel | None  # of the latest review
    last_review: RiskReview | None
    unreviewed: tuple[RiskSource, ...]  # sources with no review on or after their date
    review_due: bool  # level above low and a session since the latest review
    sources: tuple[RiskSource, ...]  # every source, in date order (the risk history)

    @property
    def is_open(self) -> bool:
        return self.state is RiskStatus.OPEN

    @property
    def headline(self) -> str:
        """One line for a banner or a list row (no clinical text)."""
        if self.unreviewed:
            return f"Risk open: {self.detail}"
        if self.review_due and self.last_review is not None:
            return f"Risk review due: {self.detail}"
        if self.last_review is not None:
            return (
                f"Risk reviewed: level {self.last_review.level.value} "
                f"({self.last_review.date.isoformat()})"
            )
        return "No risk recorded"

    @property
    def detail(self) -> str:
        """Why risk is open, without the "Risk open" label (for under a title that says it)."""
        if self.unreviewed:
            first = self.unreviewed[0]
            more = len(self.unreviewed) - 1
            extra = f" and {more} later session{'s' if more > 1 else ''}" if more else ""
            return f"{first.label}{extra}; no risk review since"
        if self.review_due and self.last_review is not None:
            return (
                f"level {self.last_review.level.value} at the review of "
                f"{self.last_review.date.isoformat()}, and a session has taken place since"
            )
        return self.headline


def latest_review(reviews: tuple[RiskReview, ...]) -> RiskReview | None:
    """The latest by date; on one date the one recorded last."""
    if not reviews:
        return None
    return max(enumerate(reviews), key=lambda pair: (pair[1].date, pair[0]))[1]


def risk_status(record: ClientRecord) -> ClientRisk:
    sessions = sorted(record.sessions, key=session_order_key)
    numbers = session_numbers(sessions)
    sources = tuple(
        RiskSource(s.id, s.date, numbers[s.id], kinds)
        for s in sessions
        if (kinds := session_risk_sources(s))
    )
    review = latest_review(record.risk_reviews)
    if review is None:
        unreviewed = sources
        due = False
    else:
        unreviewed = tuple(src for src in sources if src.date > review.date)
        due = review.level is not RiskLevel.LOW and any(s.date > review.date for s in sessions)
    if unreviewed or due:
        state = RiskStatus.OPEN
    elif review is not None:
        state = RiskStatus.REVIEWED
    else:
        state = RiskStatus.NONE
    return ClientRisk(
        state=state,
        level=None if review is None else review.level,
        last_review=review,
        unreviewed=unreviewed,
        review_due=due,
        sources=sources,
    )
