"""Records the client's acceptance of the formulation from the session where it happened.

The acceptance has one home, the formulation's "accepted on" day (it opens the middle
phase). Ticking "formulation accepted" in a session's checklist writes that day at once
(the session's date), as the Formulation tab's own Save would; unticking it in the session
that recorded it takes it back. The note itself stays as it was (saved or not): the tick is
not part of the note. A refused write is said in the session editor's problem banner and the
box goes back to what is stored.
"""

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QObject

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import Session
from ipt_desktop.domain.task_rules import Acceptance
from ipt_desktop.vault.errors import VaultError

from .open_record import OpenRecord
from .phase_task_checklist import PhaseTaskChecklist

NOT_RECORDED = "The acceptance was not recorded"


class FormulationAcceptance(QObject):
    def __init__(
        self,
        record: OpenRecord,
        checklist: PhaseTaskChecklist,
        session: Callable[[], Session | None],
        show_problem: Callable[[str, str], None],
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(checklist)
        self._record = record
        self._checklist = checklist
        self._session = session
        self._show_problem = show_problem
        self._refresh = refresh
        checklist.acceptanceToggled.connect(self._toggled)

    def _toggled(self, accepted: bool) -> None:
        session = self._session()
        episode = None if session is None else self._record.episode_of(session)
        day = self._checklist.sessionDate()
        if session is None or episode is None or day is None:
            self._refresh()
            return
        stands = self._checklist.acceptance()
        if accepted and stands is not Acceptance.OPEN:
            self._refresh()  # recorded meanwhile: show what is stored
            return
        if not accepted and stands is not Acceptance.HERE:
            self._refresh()
            return
        formulation = dataclasses.replace(
            episode.formulation, accepted_on=day if accepted else None
        )
        try:
            self._record.save_episode(dataclasses.replace(episode, formulation=formulation))
        except (ValidationError, VaultError) as error:
            self._show_problem(NOT_RECORDED, str(error))
        self._refresh()
