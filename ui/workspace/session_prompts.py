"""What the session editor says: the item-9 risk prompt, the signed state, the ending."""

from collections.abc import Sequence

from ipt_desktop.domain.client_entry import ClientEntry
from ipt_desktop.domain.contract import ContractProgress, session_order_key
from ipt_desktop.domain.course_prompts import (
    initial_phase_overdue,
    initial_phase_text,
    off_track,
)
from ipt_desktop.domain.handover import TITLES
from ipt_desktop.domain.model import Episode, Session
from ui.common.ui_text import format_datetime

RISK_TITLE = "PHQ-9 item 9 is above 0: document a risk assessment"
RISK_TEXT = (
    "Thoughts of being better off dead or of self-harm were reported. Whatever the total, "
    "write the risk assessment and safety plan for this session. The note cannot be signed "
    "until it is written."
)
RISK_DONE_TITLE = "PHQ-9 item 9 is above 0: risk assessment written"
RISK_DONE_TEXT = "Check that the safety plan is complete before signing."
CLIENT_RISK_TITLE = "Risk is open for this client"
SESSION_RISK_TITLE = "A risk source in this session: record a risk review"
CLIENT_RISK_TEXT = (
    "Record a risk review (Overview, Record risk review…): a later 0 does not clear it. "
    "Write what you asked and found in this session's risk assessment."
)
SIGN_BLOCKED_TIP = "Write the risk assessment first (PHQ-9 item 9 is above 0)"
SIGN_TIP = "Sign the note: it becomes read-only (Ctrl+Shift+S)"
SIGNED_TEXT = (
    "The note is kept as it was signed. Corrections and additions are amendments, listed "
    "under the note with their own date and time."
)
ENDING_TEXT = (
    "Bring up the ending: review progress and what helped, feelings about ending, warning "
    "signs and relapse prevention, and the plan after ending (maintenance, boosters, referral)."
)


def ending_title(step: ContractProgress) -> str:
    if step.overrun:
        return f"This session is beyond the contract of {step.planned} sessions"
    if step.remaining == 0:
        return "This is the last session of the contract"
    if step.remaining == 1:
        return "1 session remains after this one"
    return f"{step.remaining} sessions remain after this one"


REVIEW_TITLE = "For the therapist: review the course"


def review_prompt(episode: Episode, sessions: Sequence[Session], session: Session) -> str:
    """The off-track or initial-phase prompt that applies at ``session`` ('' when none).

    Counted on the episode's sessions up to and including this one, so an earlier session
    never shows what only came later."""
    others = [s for s in sessions if s.id != session.id and s.episode_id == episode.id]
    upto = [s for s in others if session_order_key(s) < session_order_key(session)]
    upto.append(session)
    found = off_track(episode, upto)
    texts = []
    if found is not None and found.session_number == len(upto):
        texts.append(found.text)
    if initial_phase_overdue(episode, upto):
        texts.append(initial_phase_text())
    return " ".join(texts)


def client_entry_message(entry: ClientEntry) -> tuple[str, str]:
    """(title, text) of the editor's banner for measures the client rated in hand-over."""
    names = ", ".join(TITLES[q] for q in entry.measures)
    start, end = format_datetime(entry.started_at), format_datetime(entry.completed_at)
    if start.split(", ")[0] == end.split(", ")[0]:  # the same day: say it once
        end = end.split(", ")[-1]
    return (
        f"Client-rated: {names}",
        f"Entered by the client in hand-over mode, {start} to {end}. "
        "Changing a score makes it yours.",
    )
