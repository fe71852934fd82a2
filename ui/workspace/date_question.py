"""Asking about a session date worth a second look (``domain.session_dates``), once."""

import datetime as dt

from ipt_desktop.domain.model import Session
from ipt_desktop.domain.session_dates import date_questions

from .open_record import OpenRecord
from .workspace_dialogs import WorkspaceDialogs


class DateQuestion:
    """Remembers a refused date so leaving the editor does not ask twice."""

    def __init__(self) -> None:
        self._declined: dt.date | None = None

    def reset(self) -> None:
        self._declined = None

    def refusal(
        self,
        record: OpenRecord,
        dialogs: WorkspaceDialogs,
        stored: Session,
        new_date: dt.date,
        today: dt.date,
    ) -> str | None:
        """None when ``new_date`` may be saved (unchanged, unremarkable, or confirmed);
        otherwise the questions that were declined (or declined before)."""
        if new_date == stored.date:
            return None
        questions = date_questions(
            stored,
            new_date,
            record.episode_of(stored),
            record.sessions_of(stored.episode_id),
            today,
        )
        if not questions:
            return None
        text = "\n".join(questions)
        if new_date != self._declined and dialogs.confirmDate(text):
            return None
        self._declined = new_date
        return text
