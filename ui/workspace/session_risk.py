"""The session editor's risk banner: this session's PHQ-9 item 9 first (the note cannot be
signed without a risk assessment), else the client's open risk or this session's other
risk sources (HAM-D item 3, risk noted), which only a risk review clears."""

from ipt_desktop.domain.model import ClientRecord, Session
from ipt_desktop.domain.risk_records import says_something
from ipt_desktop.domain.risk_status import risk_status
from ui.common.banner import Banner

from .problem_banner import show_risk_prompt
from .session_form import SessionForm
from .session_prompts import CLIENT_RISK_TEXT, CLIENT_RISK_TITLE, SESSION_RISK_TITLE


def show_risk(
    banner: Banner, form: SessionForm, session: Session, record: ClientRecord | None
) -> bool:
    """Show what applies; True when this session's item 9 still lacks its assessment."""
    positive = form.phq9.item9Positive()
    written = says_something(form.risk_field.text())
    missing = positive and not written
    button = banner.actionButton()
    if positive and not session.is_signed:
        show_risk_prompt(banner, True, missing)
        return missing
    status = None if record is None else risk_status(record)
    if status is not None and (status.is_open or form.risk_sources.positive()):
        if status.is_open:
            banner.showMessage(CLIENT_RISK_TITLE, f"{_sentence(status.detail)} {CLIENT_RISK_TEXT}")
        else:  # a source typed in this session, not saved yet
            banner.showMessage(SESSION_RISK_TITLE, CLIENT_RISK_TEXT)
        if button is not None:
            button.setVisible(not written and not session.is_signed)
    else:
        banner.clear()
    return missing


def _sentence(text: str) -> str:
    return f"{text[:1].upper()}{text[1:]}."
