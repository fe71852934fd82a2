"""The treatment contract: session numbers, "session 7 of 16", when to raise the ending."""

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .enums import EpisodeKind
from .model import Episode, Session
from .validation import check_int

#: The therapist brings up the ending when this many sessions (or fewer) remain.
ENDING_NOTICE_SESSIONS = 3
ACUTE_INTERVAL = dt.timedelta(weeks=1)
MAINTENANCE_INTERVAL = dt.timedelta(weeks=4)


@dataclass(frozen=True)
class ContractProgress:
    number: int  # this session's number within its episode, from 1
    planned: int
    remaining: int  # sessions still to come after this one (0 once the contract is used up)
    raise_ending: bool  # few sessions remain (or the contract is overrun): talk about ending
    overrun: bool  # more sessions than the contract planned

    @property
    def label(self) -> str:
        return contract_label(self.number, self.planned)


def contract_label(number: int, planned: int) -> str:
    """Label such as "Session 7 of 16", or "Session 17 of 16 (over contract)" past the end."""
    text = f"Session {number} of {planned}"
    return f"{text} (over contract)" if number > planned else text


def session_order_key(session: Session) -> tuple[dt.date, str]:
    return (session.date, session.id)


def session_numbers(sessions: Sequence[Session]) -> dict[str, int]:
    """Session id -> its 1-based number within its episode, in (date, id) order."""
    by_episode: defaultdict[str, list[Session]] = defaultdict(list)
    for session in sessions:
        by_episode[session.episode_id].append(session)
    numbers: dict[str, int] = {}
    for episode_sessions in by_episode.values():
        for number, session in enumerate(sorted(episode_sessions, key=session_order_key), 1):
            numbers[session.id] = number
    return numbers


def progress(episode: Episode, number: int) -> ContractProgress:
    check_int("number", number, 1, 10_000)
    planned = episode.planned_sessions
    remaining = max(planned - number, 0)
    overrun = number > planned
    return ContractProgress(
        number=number,
        planned=planned,
        remaining=remaining,
        raise_ending=overrun or remaining <= ENDING_NOTICE_SESSIONS,
        overrun=overrun,
    )


def session_interval(episode: Episode) -> dt.timedelta:
    return MAINTENANCE_INTERVAL if episode.kind is EpisodeKind.MAINTENANCE else ACUTE_INTERVAL


def planned_end_date(episode: Episode, sessions: Sequence[Session]) -> dt.date | None:
    """Estimated date of the contract's last session.

    Counted on from the latest session held (or from the start date when none is), at one
    session a week (acute) or every four weeks (maintenance). Once every planned session
    is held, it is the date of the last planned one. None if the estimate is past the
    calendar's end.
    """
    held = sorted((s for s in sessions if s.episode_id == episode.id), key=session_order_key)
    planned = episode.planned_sessions
    if len(held) >= planned:
        return held[planned - 1].date
    if held:
        anchor, still_to_come = held[-1].date, planned - len(held)
    else:
        anchor, still_to_come = episode.start_date, planned - 1
    try:
        return anchor + session_interval(episode) * still_to_come
    except OverflowError:
        return None
