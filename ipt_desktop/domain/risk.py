"""The PHQ-9 item-9 risk flag (IPT.md): a positive answer must never be missed.

Any answer above 0 on item 9 asks the therapist to document a risk assessment and safety
plan in that session, whatever the total. A 0 is never read as "safe".
"""

from .measures import item9_positive
from .model import Session


def risk_assessment_required(session: Session) -> bool:
    return item9_positive(session.phq9)


def risk_assessment_documented(session: Session) -> bool:
    return bool(session.note.risk_assessment.strip())


def risk_assessment_missing(session: Session) -> bool:
    """Item 9 is positive and the note has no risk assessment yet."""
    return risk_assessment_required(session) and not risk_assessment_documented(session)
