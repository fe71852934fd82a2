"""Prompts for the therapist while a course runs (IPT.md, "Judging the outcome").

Each is a prompt to review, written for the clinician and never shown to the client:
- off track: by sessions 4 to 6 of an acute course, a PHQ-9 less than 20% below baseline;
- initial phase too long: past session 4 with no accepted formulation (in the session
  editor; the overview's task card says it as the overdue "formulation not accepted");
- unusual contract: an acute contract shorter than 8 or longer than 20 sessions.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from .contract import session_order_key
from .enums import EpisodeKind
from .measures import phq9_total
from .model import Episode, Session
from .verdict import drop_at_least

OFF_TRACK_SESSIONS = range(4, 7)  # sessions 4, 5 and 6
#: Less than this fraction below baseline by sessions 4-6 is off track.
ON_TRACK_DROP = (1, 5)
#: The initial phase normally ends by session 3 or 4 with an accepted formulation.
INITIAL_PHASE_LAST_SESSION = 4
USUAL_ACUTE_SESSIONS = range(8, 21)  # 8 to 20

OFF_TRACK_TEXT = (
    "Off track: the PHQ-9 at session {number} is less than 20% below the baseline "
    "({baseline} \N{RIGHTWARDS ARROW} {latest}). Review the formulation, the focal problem "
    "area, and medication or combined treatment."
)
INITIAL_PHASE_TEXT = (
    "Still in the initial phase after session {last}: no formulation has been accepted yet. "
    "The middle phase normally starts by session 3 or 4."
)
UNUSUAL_CONTRACT_TEXT = (
    "An acute IPT course is usually 12 to 16 sessions (8 to 20 at most; group IPT uses 8 to "
    "12). {planned} sessions is unusual: keep it?"
)


@dataclass(frozen=True)
class OffTrack:
    session_number: int
    baseline: int
    latest: int

    @property
    def text(self) -> str:
        return OFF_TRACK_TEXT.format(
            number=self.session_number, baseline=self.baseline, latest=self.latest
        )


def off_track(episode: Episode, sessions: Sequence[Session]) -> OffTrack | None:
    """The latest PHQ-9 of sessions 4-6 of an acute course, when < 20% below baseline."""
    if episode.kind is not EpisodeKind.ACUTE:
        return None
    ordered = sorted((s for s in sessions if s.episode_id == episode.id), key=session_order_key)
    scored = [(n, phq9_total(s.phq9)) for n, s in enumerate(ordered, 1) if s.phq9 is not None]
    if not scored:
        return None
    baseline = scored[0][1]
    in_window = [(n, total) for n, total in scored[1:] if n in OFF_TRACK_SESSIONS]
    if not in_window or baseline == 0:
        return None
    number, latest = in_window[-1]
    if drop_at_least(baseline, latest, ON_TRACK_DROP):
        return None
    return OffTrack(session_number=number, baseline=baseline, latest=latest)


def initial_phase_overdue(episode: Episode, sessions: Sequence[Session]) -> bool:
    """An acute course past session 4 whose formulation the client has not accepted yet."""
    if episode.kind is not EpisodeKind.ACUTE or episode.formulation.accepted_on is not None:
        return False
    held = sum(1 for s in sessions if s.episode_id == episode.id)
    return held > INITIAL_PHASE_LAST_SESSION


def initial_phase_text() -> str:
    return INITIAL_PHASE_TEXT.format(last=INITIAL_PHASE_LAST_SESSION)


def unusual_contract(kind: EpisodeKind, planned_sessions: int) -> bool:
    """An acute contract outside 8-20 sessions asks the therapist to confirm it."""
    return kind is EpisodeKind.ACUTE and planned_sessions not in USUAL_ACUTE_SESSIONS


def unusual_contract_text(planned_sessions: int) -> str:
    return UNUSUAL_CONTRACT_TEXT.format(planned=planned_sessions)


def therapist_prompts(episode: Episode, sessions: Sequence[Session]) -> tuple[str, ...]:
    """The course prompts for the overview's contract card. The initial phase past session 4
    is not among them: the overview's task card says it once, as the more specific overdue
    task ("formulation not accepted, session 5: still in the initial phase, ...",
    ``task_rules``). The session editor, which has no task card, shows
    ``initial_phase_text`` at the session it concerns."""
    found = off_track(episode, sessions)
    return () if found is None else (found.text,)
