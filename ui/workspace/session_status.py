"""What stands above the session form and speaks about the note as a whole.

The header ("Session 7 of 16", the phase, the note's state, Save / Sign / Delete) and the
banners: the note is signed and read-only, PHQ-9 item 9 needs a risk assessment, the
client's own entry, the review prompt and the ending prompt. ``SessionStatus`` makes them
(children of the editor, so its layout places them) and says what they show for a session;
the editor (``session_editor``) keeps the form, the saving and the signing.
"""

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from ipt_desktop.domain.contract import ContractProgress
from ipt_desktop.domain.enums import Phase
from ipt_desktop.domain.model import Episode, Session
from ui.common.banner import Banner, BannerKind
from ui.common.ui_text import format_datetime

from .session_header import SessionHeader
from .session_prompts import (
    ENDING_TEXT,
    REVIEW_TITLE,
    SIGNED_TEXT,
    client_entry_message,
    ending_title,
    review_prompt,
)


def signed_text(session: Session) -> str | None:
    """ "Signed on ..." for a signed note, None for a draft."""
    if session.signed_at is None:
        return None
    return f"Signed on {format_datetime(session.signed_at)}"


class SessionStatus:
    """The header and the note's banners, made as children of ``parent``."""

    def __init__(self, parent: QWidget) -> None:
        self.header = SessionHeader(parent)
        self.risk_banner = Banner(BannerKind.RISK, "Go to risk assessment", parent)
        self.ending_banner = Banner(BannerKind.INFO, parent=parent)
        self.review_banner = Banner(BannerKind.INFO, parent=parent)  # therapist prompts
        self.signed_banner = Banner(BannerKind.INFO, "Add an amendment", parent)
        self.client_banner = Banner(BannerKind.INFO, parent=parent)

    def clear(self) -> None:
        """No note: an empty header and no banners."""
        self.header.clear()
        self.risk_banner.clear()
        self.ending_banner.clear()
        self.review_banner.clear()
        self.signed_banner.clear()
        self.client_banner.clear()

    def show_loaded(self, session: Session) -> None:
        """What a note says as loaded: signed and read-only, and the client's own entry."""
        if session.client_entry is None:
            self.client_banner.clear()
        else:
            self.client_banner.showMessage(*client_entry_message(session.client_entry))
        self.header.setSigned(session.is_signed)
        text = signed_text(session)
        if text is None:
            self.signed_banner.clear()
        else:
            self.signed_banner.showMessage(f"{text} · read-only", SIGNED_TEXT)

    def show_outside_contract(self, number: int) -> None:
        """A note with no episode: its number only, and no contract prompts."""
        self.header.setTitle(f"Session {number}")
        self.ending_banner.clear()
        self.review_banner.clear()

    def show_contract(
        self,
        episode: Episode,
        sessions: Sequence[Session],
        session: Session,
        step: ContractProgress,
        phase: Phase,
    ) -> None:
        """The note's place in its contract, its phase, and the review and ending prompts
        (for a draft only: a signed note is not prompted)."""
        review = review_prompt(episode, sessions, session)
        if review and not session.is_signed:
            self.review_banner.showMessage(REVIEW_TITLE, review)
        else:
            self.review_banner.clear()
        self.header.setTitle(step.label)
        self.header.setPhase(phase)
        if step.raise_ending and not session.is_signed:
            self.ending_banner.showMessage(ending_title(step), ENDING_TEXT)
        else:
            self.ending_banner.clear()
