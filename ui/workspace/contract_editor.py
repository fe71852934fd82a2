"""Edit the treatment contract (episode): kind, start date and number of planned sessions.

An acute IPT course is usually 12 to 16 weekly sessions (8 in the brief format); a
maintenance contract (IPT-M) is often monthly. An acute contract shorter than 8 or longer
than 20 sessions is unusual (IPT.md) and asks the therapist to confirm it before saving.
The editor edits the selected contract or prepares a new one; the formulation, goals and
termination of an existing contract are kept as they are.
"""

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.course_prompts import unusual_contract, unusual_contract_text
from ipt_desktop.domain.enums import EpisodeKind
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import MAX_PLANNED_SESSIONS, MIN_PLANNED_SESSIONS, Episode
from ipt_desktop.vault.errors import VaultError
from ui.common.banner import Banner, BannerKind
from ui.common.date_field import DateField
from ui.common.form_parts import muted_label

from .open_record import OpenRecord

KIND_LABELS = {EpisodeKind.ACUTE: "Acute course", EpisodeKind.MAINTENANCE: "Maintenance (IPT-M)"}
LENGTH_HINT = "Usually 12–16 weekly sessions for an acute course (8 in the brief format)."


class ContractEditor(QWidget):
    finished = Signal()  # saved or cancelled

    def __init__(
        self,
        record: OpenRecord,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._record = record
        self._today = today
        self._episode: Episode | None = None
        #: Asks to keep an unusual acute length; tests replace it (no dialog may block).
        self.confirmLength: Callable[[int], bool] = self._ask_length
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Kind of contract")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.start = DateField("Contract start date", parent=self)
        self.planned = QSpinBox(self)
        self.planned.setRange(MIN_PLANNED_SESSIONS, MAX_PLANNED_SESSIONS)
        self.planned.setValue(16)
        self.planned.setAccessibleName("Planned sessions")
        self.planned.setSuffix(" sessions")
        self.problem = Banner(BannerKind.PROBLEM, parent=self)
        self._save = QPushButton("Save contract", self)
        self._save.setAccessibleName("Save contract")
        self._save.clicked.connect(self.save)
        self._cancel = QPushButton("Cancel", self)
        self._cancel.setAccessibleName("Cancel contract changes")
        self._cancel.clicked.connect(self.finished)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Kind", self.kind)
        form.addRow("Starts", self.start)
        form.addRow("Length", self.planned)
        form.addRow("", muted_label(LENGTH_HINT, self))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self._cancel)
        buttons.addWidget(self._save)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addLayout(buttons)

    def editExisting(self, episode: Episode) -> None:
        self._episode = episode
        self.kind.setCurrentIndex(self.kind.findData(episode.kind.value))
        self.start.setDate(episode.start_date)
        self.planned.setValue(episode.planned_sessions)
        self.problem.clear()

    def editNew(self) -> None:
        """Prepare a new contract: maintenance after an acute course, else acute."""
        self._episode = None
        follows = self._record.episode is not None
        kind = EpisodeKind.MAINTENANCE if follows else EpisodeKind.ACUTE
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.start.setDate(self._today())
        self.planned.setValue(12 if follows else 16)
        self.problem.clear()

    def save(self) -> bool:
        client_id = self._record.client_id
        if client_id is None:
            return False
        try:
            start = self.start.date()
            assert start is not None  # the field is not optional
            kind = EpisodeKind(self.kind.currentData())
            planned = self.planned.value()
            if unusual_contract(kind, planned) and not self.confirmLength(planned):
                self.planned.setFocus()
                return False
            if self._episode is None:
                episode = Episode(
                    client_id=client_id,
                    start_date=start,
                    kind=kind,
                    planned_sessions=self.planned.value(),
                )
            else:
                episode = dataclasses.replace(
                    self._record.episode_by_id(self._episode.id) or self._episode,
                    start_date=start,
                    kind=kind,
                    planned_sessions=self.planned.value(),
                )
            self._record.save_episode(episode)
        except ValidationError as error:
            message = self.start.validate() if error.field == self.start.label() else None
            self.problem.showMessage("The contract was not saved", message or f"{error.message}.")
            return False
        except VaultError as error:
            self.problem.showMessage("The contract was not saved", str(error))
            return False
        self.finished.emit()
        return True

    def _ask_length(self, planned: int) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Unusual contract length")
        box.setText("Unusual contract length")
        box.setInformativeText(unusual_contract_text(planned))
        keep = box.addButton(f"Keep {planned} sessions", QMessageBox.ButtonRole.AcceptRole)
        change = box.addButton("Change the length", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(change)
        box.setEscapeButton(change)
        box.exec()
        return box.clickedButton() is keep
