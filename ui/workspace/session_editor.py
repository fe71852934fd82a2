"""The IPT session editor: one note, saved, signed (then read-only) and amended.

The header and the banners above the form (the contract position, the phase, the PHQ-9
item-9 risk prompt, the review and ending prompts, the signed and client-entry notes) are
made and filled by ``SessionStatus``; the form's values are the ``SessionForm``'s. Here:
loading a note, saving, signing, deleting and amending it, and the problem banner for
anything that keeps the note from being saved or signed (an impossible date, a
half-answered PHQ-9, a HAM-D over 52, a missing risk assessment), with a button that goes
to it. Ctrl+Z puts back values (``ValueUndo``); a remarkable new date is asked about
(``DateQuestion``); a positive item 9 moves the focus to the risk assessment and blocks
signing until it is written.
"""

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ipt_desktop.domain.contract import progress, session_numbers
from ipt_desktop.domain.enums import Phase
from ipt_desktop.domain.errors import SignedNoteError, ValidationError
from ipt_desktop.domain.model import Session
from ipt_desktop.domain.phases import suggest_phase
from ipt_desktop.domain.session_dates import renumbered_by_removal, renumbering_text
from ipt_desktop.domain.signing import signing_problems
from ipt_desktop.domain.task_rules import acceptance_at, tasks_offered
from ipt_desktop.vault.errors import VaultError
from ui.common.ui_text import format_date

from .date_question import DateQuestion
from .draft_keeper import DraftKeeper
from .form_scroll import FormScrollArea
from .formulation_acceptance import FormulationAcceptance
from .open_record import OpenRecord
from .problem_banner import (
    ProblemBanner,
    banner_column,
    field_widget,
    readable,
)
from .session_form import SessionForm
from .session_handover import SessionHandover
from .session_header import UNSAVED
from .session_risk import show_risk
from .session_status import SessionStatus, signed_text
from .value_undo import ValueUndo
from .workspace_dialogs import WorkspaceDialogs


class SessionEditor(QWidget):
    edited = Signal()
    sessionDeleted = Signal(str)
    #: client id, session id, questionnaire values: the shell starts hand-over mode.
    handoverRequested = Signal(str, str, list)

    def __init__(
        self,
        record: OpenRecord,
        keeper: DraftKeeper,
        dialogs: Callable[[], WorkspaceDialogs],
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._record = record
        self._keeper = keeper
        self._dialogs = dialogs
        self._today = today
        self._date_question = DateQuestion()
        self._session: Session | None = None
        #: The session "New session" stored blank, as stored, until its note is first saved.
        self._started_blank: Session | None = None
        self._dirty = False

        self.status = SessionStatus(self)
        self.header = self.status.header
        self.header.saveRequested.connect(self.saveChanges)
        self.header.signRequested.connect(self.signCurrent)
        self.header.deleteRequested.connect(self.deleteCurrent)
        self.handover = SessionHandover(self, dialogs, self)
        self.handover.requested.connect(self.handoverRequested)
        self.header.handoverRequested.connect(self.handover.request)

        self.risk_banner = self.status.risk_banner
        self.risk_banner.actionTriggered.connect(self.goToRiskAssessment)
        self.ending_banner = self.status.ending_banner
        self.review_banner = self.status.review_banner
        self.signed_banner = self.status.signed_banner
        self.signed_banner.actionTriggered.connect(self.goToAmendment)
        self.client_banner = self.status.client_banner
        self.form = SessionForm(self)
        self._scroll = FormScrollArea(self.form, "Session note", self)
        self.problem_banner = ProblemBanner(self._scroll, self)
        banners = banner_column(
            self.signed_banner,
            self.risk_banner,
            self.client_banner,
            self.problem_banner,
            self.review_banner,
            self.ending_banner,
        )

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addLayout(banners)
        column.addWidget(self._scroll, 1)

        self.form.edited.connect(self._mark_dirty)
        self.undo = ValueUndo(self.form, self)
        self.undo.undone.connect(self._value_undone)
        self._saved_at: tuple[str, str] | None = None  # (session id, "HH:MM") of the last save
        self.form.date_field.edited.connect(self._refresh_derived)
        self.form.phase_combo.activated.connect(lambda _index: self._refresh_derived())
        self.form.phq9.item9Changed.connect(self._item9_changed)
        self.form.risk_field.edited.connect(self._refresh_risk)
        self.form.risk_sources.edited.connect(self._refresh_risk)
        self.form.signature.amendRequested.connect(self._amend)
        self.form.signature.edited.connect(self.edited)
        self.acceptance = FormulationAcceptance(
            record, self.form.tasks, self.session, self._show_problem, self._refresh_derived
        )
        keeper.watch(self, self.edited)
        self.setEnabled(False)

    # ---- loading -------------------------------------------------------------------------

    def sessionId(self) -> str | None:
        return None if self._session is None else self._session.id

    def session(self) -> Session | None:
        return self._session

    def load(self, session_id: str | None) -> None:
        """Show a stored session (None: nothing); a draft kept for it comes back."""
        session = None if session_id is None else self._record.session(session_id)
        if session is None or session != self._started_blank:
            self._started_blank = None  # another session, or this one saved since
        if session is None or self._session is None or session.id != self._session.id:
            self._scroll.verticalScrollBar().setValue(0)  # another note: from its top
        self._session = session
        self._dirty = False
        self._date_question.reset()
        self.handover.setSession(session)
        self.problem_banner.clear()
        self.setEnabled(session is not None)
        if session is None:
            self.form.clear_sensitive()
            self.status.clear()
            return
        self.status.show_loaded(session)
        self.form.show_session(session)
        self.form.set_read_only(session.is_signed)
        self.form.signature.show_state(signed_text(session), session.amendments)
        # The stored override; _refresh_derived fills in the suggestion beside it.
        self.form.set_phase_choices(Phase.INITIAL, session.phase_override)
        self._refresh_derived()
        self._keeper.restore(self)
        self.undo.reset()

    def savedAtText(self) -> str:
        """ "14:02" after this note was saved in this sitting ('' otherwise)."""
        saved = self._saved_at
        return saved[1] if saved and self._session and saved[0] == self._session.id else ""

    def refresh(self) -> None:
        """The record changed elsewhere (e.g. the formulation was accepted): recompute."""
        if self._session is None:
            return
        stored = self._record.session(self._session.id)
        if stored is None:
            self.load(None)
            return
        self._session = stored
        self._refresh_derived()

    # ---- saving --------------------------------------------------------------------------

    def isDirty(self) -> bool:
        if self._session is None:
            return False
        if self._session.is_signed:
            return bool(self.form.signature.amendmentField().text().strip())
        return self._dirty

    def problems(self) -> str | None:
        """Why the current edits cannot be saved (None when they can, or there are none)."""
        if not self.isDirty() or self._session is None:
            return None
        if self._session.is_signed:
            return "An amendment was written but not added yet."
        try:
            self._collect()
        except ValidationError as error:
            return self._readable(error)
        return None

    def saveChanges(self) -> bool:
        """Save valid edits. False (with the problem shown) when they cannot be saved."""
        session = self._session
        if session is None or not self.isDirty():
            return True
        if session.is_signed:
            self._show_problem("The amendment has not been added", self.problems() or "")
            return False
        try:
            collected = self._collect()
            if not self._date_confirmed(collected):
                return False
            saved = self._record.save_session(collected)
        except ValidationError as error:
            self._show_problem("This note cannot be saved yet", self._readable(error), error.field)
            return False
        except (SignedNoteError, VaultError) as error:
            self._show_problem("The note was not saved", str(error))
            return False
        self._keeper.discard(self.draftKey())
        self._saved_at = (saved.id, dt.datetime.now().strftime("%H:%M"))
        self.load(saved.id)
        return True

    def signCurrent(self) -> None:
        """Sign after a question; a refusal always says why and offers to go to the problem."""
        session = self._session
        if session is None:
            return
        if session.is_signed:
            self._show_problem("This note is already signed", "Add an amendment instead.")
            return
        if self._dirty and not self.saveChanges():
            why = f"It cannot be saved yet. {self.problems() or ''}"
            self.problem_banner.showProblem(
                "The note was not signed", why, self.problem_banner.target()
            )
            return
        session = self._session
        if session is None:
            return
        problems = signing_problems(session)
        if problems:
            self._refresh_risk()
            self._show_problem(
                "The note was not signed",
                f"{problems[0][0].upper()}{problems[0][1:]}.",
                "risk_assessment",
            )
            return
        if not self._dialogs().confirmSign(f"{self.header.title()}, {format_date(session.date)}"):
            return
        try:
            signed = self._record.sign_session(session.id)
        except ValidationError as error:
            self._show_problem("The note was not signed", error.message, error.field)
            return
        except (SignedNoteError, VaultError) as error:
            self._show_problem("The note was not signed", str(error))
            return
        self.load(signed.id)

    def deleteCurrent(self) -> None:
        session = self._session
        if session is None or session.is_signed:
            return
        what = f"The unsigned note of {format_date(session.date)} will be deleted."
        siblings = self._record.sessions_of(session.episode_id)
        renumbered = renumbering_text(renumbered_by_removal(siblings, session))
        if renumbered:  # signed notes are never renumbered without the therapist knowing
            what += "\n" + "\n".join(renumbered)
        if not self._dialogs().confirmDelete(what):
            return
        try:
            self._record.delete_session(session.id)
        except (SignedNoteError, VaultError) as error:
            self._show_problem("The session was not deleted", str(error))
            return
        self._keeper.discard(f"session:{session.id}")
        self.load(None)
        self.sessionDeleted.emit(session.id)

    def goToAmendment(self) -> None:
        field = self.form.signature.amendmentField()
        self._scroll.ensureWidgetVisible(field, 0, 120)
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    def goToProblem(self) -> None:
        self.problem_banner.goToTarget()

    def startNew(self) -> None:
        """A new note: shown from the top, the cursor in the client's answer."""
        self._started_blank = self._session
        self._scroll.verticalScrollBar().setValue(0)
        self.form.texts["since_last_met"].setFocus(Qt.FocusReason.OtherFocusReason)

    def discardStartedBlank(self) -> None:
        """Discard on closing: a session started with "New session" whose note was never
        saved is removed again, so an empty session does not stay in the record as one that
        was held (it would count in the contract and on the letter). Anything stored in it
        since (a save, a measure placed from the hand-over) keeps it."""
        started, self._started_blank = self._started_blank, None
        if started is None or self._record.session(started.id) != started:
            return
        try:
            self._record.delete_session(started.id)
        except (SignedNoteError, VaultError):
            return  # it stays, listed, as before
        self._keeper.discard(f"session:{started.id}")

    def goToRiskAssessment(self) -> None:
        field = self.form.risk_field
        self._scroll.ensureWidgetVisible(field, 0, 120)
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- drafts (DraftSource) ------------------------------------------------------------

    def draftKey(self) -> str | None:
        return None if self._session is None else f"session:{self._session.id}"

    def draftFields(self) -> dict[str, str]:
        if self._session is None:
            return {}
        if self._session.is_signed:
            return {"amendment": self.form.signature.amendmentField().text()}
        return self.form.draft_fields()

    def applyDraft(self, fields: Mapping[str, str]) -> None:
        if self._session is None:
            return
        if self._session.is_signed:
            self.form.signature.setAmendmentText(fields.get("amendment", ""))
        else:
            self.form.apply_draft_fields(fields)
            self._dirty = True
        self._refresh_derived()

    def clearSensitive(self) -> None:
        self.load(None)

    # ---- internals -----------------------------------------------------------------------

    def _collect(self) -> Session:
        assert self._session is not None
        return self.form.session_from(self._session)

    def _date_confirmed(self, edited: Session) -> bool:
        """A new date far ahead, before the contract, or renumbering a signed note is asked
        about once; refused, the note stays unsaved and the date field says why."""
        assert self._session is not None
        refused = self._date_question.refusal(
            self._record, self._dialogs(), self._session, edited.date, self._today()
        )
        if refused is None:
            return True
        self._show_problem("The note was not saved: check the session date", refused, "date")
        return False

    def _mark_dirty(self) -> None:
        if self._session is None or self._session.is_signed:
            return
        self._dirty = True
        self.header.setStatus(UNSAVED)
        self.edited.emit()

    def _value_undone(self) -> None:
        self._mark_dirty()
        self._refresh_derived()

    def _item9_changed(self, positive: bool) -> None:
        self._refresh_risk()
        if positive:
            self.goToRiskAssessment()

    def _number(self, session: Session) -> int:
        siblings = [s for s in self._record.sessions_of(session.episode_id) if s.id != session.id]
        return session_numbers([*siblings, session])[session.id]

    def _edited_date_session(self) -> Session:
        assert self._session is not None
        day = self.form.date_field.peek()  # while typing: no message for a half-typed date
        if day is None or day == self._session.date:
            return self._session
        return dataclasses.replace(self._session, date=day)

    def _refresh_derived(self) -> None:
        if self._session is None:
            return
        session = self._edited_date_session()
        episode = self._record.episode_of(session)
        number = self._number(session)
        override = self.form.phase_override()
        if episode is None:
            self.status.show_outside_contract(number)
        else:
            suggested = suggest_phase(episode, number, session.date)
            self.form.set_phase_choices(suggested, override)
            phase = override or suggested
            sessions = self._record.sessions_of(session.episode_id)
            self.status.show_contract(episode, sessions, session, progress(episode, number), phase)
            formulation = episode.formulation
            self.form.tasks.setContext(
                phase,
                formulation.problem_areas,
                formulation.accepted_on,
                session.date,
                tasks_offered(episode, number, phase, sessions),
                acceptance_at(episode, sessions, number, session.date),
            )
        self.header.showState(signed_text(session), self._dirty, self.savedAtText())
        self._refresh_risk()

    def _refresh_risk(self) -> None:
        session = self._session
        if session is None:
            return
        missing = show_risk(self.risk_banner, self.form, session, self._record.record)
        self.header.setSignBlocked(session.is_signed or missing)
        self.form.risk_field.setAccessibleDescription(
            "Required: PHQ-9 item 9 is above 0" if missing else ""
        )

    def _amend(self, text: str) -> None:
        session = self._session
        if session is None:
            return
        try:
            self._record.amend_session(session.id, text)
        except (ValidationError, SignedNoteError, VaultError) as error:
            self._show_problem("The amendment was not added", str(error))
            return
        self._keeper.discard(self.draftKey())
        self.load(session.id)

    def _show_problem(self, title: str, message: str, field: str | None = None) -> None:
        self.problem_banner.showProblem(title, message, field_widget(self.form, field))

    def _readable(self, error: ValidationError) -> str:
        return readable(self.form, error)
