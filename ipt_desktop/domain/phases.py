"""Which IPT phase a session belongs to (IPT.md, "The phases"); the therapist may override."""

import datetime as dt

from .enums import EpisodeKind, Phase
from .model import Episode, Session
from .validation import check_int

#: The last N sessions of a contract are the termination ("graduation") phase by default.
TERMINATION_SESSIONS = 3


def suggest_phase(episode: Episode, number: int, session_date: dt.date) -> Phase:
    """The default phase of session ``number`` (1-based) of ``episode``, held on ``session_date``.

    A maintenance contract is maintenance throughout. Otherwise the last sessions of the
    contract (and any beyond it) are termination, never session 1; before that, the client's
    acceptance of the formulation (an event, not a count) opens the middle phase.
    """
    check_int("number", number, 1, 10_000)
    if episode.kind is EpisodeKind.MAINTENANCE:
        return Phase.MAINTENANCE
    # Session 1 is never a termination session, however short the contract.
    if number > 1 and number > episode.planned_sessions - TERMINATION_SESSIONS:
        return Phase.TERMINATION
    accepted_on = episode.formulation.accepted_on
    if accepted_on is not None and accepted_on <= session_date:
        return Phase.MIDDLE
    return Phase.INITIAL


def effective_phase(session: Session, episode: Episode, number: int) -> Phase:
    """The therapist's choice when there is one, else the suggestion."""
    if session.phase_override is not None:
        return session.phase_override
    return suggest_phase(episode, number, session.date)
