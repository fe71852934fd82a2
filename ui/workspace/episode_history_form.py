"""The history a clinical summary for a GP or referrer holds (IPT.md): the episode (single
or recurrent, onset), medication and prescriber, who referred, sessions missed, which
goals were met, and for a maintenance contract a recurrence the therapist records.

Part of the formulation tab; it edits the same episode and is saved with it.
"""

import dataclasses
import json
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.enums import EpisodeKind
from ipt_desktop.domain.model import Episode
from ui.common.date_field import DateField
from ui.common.form_parts import muted_label

RECURRENT_CHOICES = (("Not recorded", None), ("Single episode", False), ("Recurrent", True))
GOALS_MET_HINT = "Tick the goals the client has met (the clinical summary lists them)."
RECURRENCE_HINT = (
    "Maintenance only: the day you judged that depression came back. A PHQ-9 of 10 or more "
    "at two measurements in a row counts as a recurrence too."
)


class EpisodeHistoryForm(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.onset = DateField("Onset of this episode", allow_empty=True, parent=self)
        self.recurrent = QComboBox(self)
        self.recurrent.setAccessibleName("Single or recurrent episode")
        for label, _value in RECURRENT_CHOICES:
            self.recurrent.addItem(label)
        self.recurrent.setMaximumWidth(self.recurrent.sizeHint().width() + 24)
        self.medication = self._line("Medication", "e.g. sertraline 50 mg daily, since March")
        self.prescriber = self._line("Prescriber", "Who prescribes it")
        self.referrer = self._line("Referred by", "e.g. the GP, self-referral")
        self.missed = QSpinBox(self)
        self.missed.setRange(0, 1000)
        self.missed.setAccessibleName("Sessions missed")
        self.missed.setSuffix(" missed")
        self.missed.setMaximumWidth(self.missed.sizeHint().width() + 24)
        self.recurrence = DateField("Recurrence recorded on", allow_empty=True, parent=self)
        self._goals_box = QWidget(self)
        self._goals_column = QVBoxLayout(self._goals_box)
        self._goals_column.setContentsMargins(0, 0, 0, 0)
        self._goal_boxes: list[QCheckBox] = []
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Episode", self.recurrent)
        form.addRow("Onset", self.onset)
        form.addRow("Medication", self.medication)
        form.addRow("Prescriber", self.prescriber)
        form.addRow("Referred by", self.referrer)
        form.addRow("Sessions", self.missed)
        self._recurrence_hint = muted_label(RECURRENCE_HINT, self)
        form.addRow("Recurrence", self.recurrence)
        form.addRow("", self._recurrence_hint)
        self._form = form
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(muted_label(GOALS_MET_HINT, self))
        column.addWidget(self._goals_box)
        self.onset.edited.connect(self.edited)
        self.recurrence.edited.connect(self.edited)
        self.recurrent.activated.connect(lambda _i: self.edited.emit())
        self.missed.valueChanged.connect(lambda _v: self.edited.emit())

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setAccessibleName(name)
        line.setPlaceholderText(placeholder)
        line.textEdited.connect(lambda _t: self.edited.emit())
        return line

    # -- goals ------------------------------------------------------------------------------
    def setGoals(self, goals: Sequence[str], met: Sequence[str] | None = None) -> None:
        """One tick box per goal; ``met`` None keeps the ticks of goals still listed."""
        chosen = set(self.goalsMet() if met is None else met)
        for box in self._goal_boxes:
            box.deleteLater()
        self._goal_boxes = []
        for goal in goals:
            box = QCheckBox(goal, self._goals_box)
            box.setAccessibleName(f"Goal met: {goal}")
            box.setChecked(goal in chosen)
            box.toggled.connect(lambda _on: self.edited.emit())
            self._goals_column.addWidget(box)
            self._goal_boxes.append(box)

    def goalsMet(self) -> tuple[str, ...]:
        return tuple(box.text() for box in self._goal_boxes if box.isChecked())

    # -- the episode ------------------------------------------------------------------------
    def fill(self, episode: Episode | None) -> None:
        self.onset.setDate(None if episode is None else episode.onset)
        value = None if episode is None else episode.recurrent
        self.recurrent.setCurrentIndex([v for _l, v in RECURRENT_CHOICES].index(value))
        self.medication.setText("" if episode is None else episode.medication)
        self.prescriber.setText("" if episode is None else episode.prescriber)
        self.referrer.setText("" if episode is None else episode.referrer)
        self.missed.blockSignals(True)
        self.missed.setValue(0 if episode is None else episode.sessions_missed)
        self.missed.blockSignals(False)
        self.recurrence.setDate(None if episode is None else episode.recurrence_on)
        maintenance = episode is not None and episode.kind is EpisodeKind.MAINTENANCE
        self.recurrence.setVisible(maintenance)
        self._recurrence_hint.setVisible(maintenance)
        label = self._form.labelForField(self.recurrence)
        if label is not None:
            label.setVisible(maintenance)
        self.setGoals(
            () if episode is None else episode.goals, () if episode is None else episode.goals_met
        )

    def updated(self, episode: Episode) -> Episode:
        """``episode`` with these values (the domain validates them)."""
        return dataclasses.replace(
            episode,
            onset=self.onset.date(),
            recurrent=RECURRENT_CHOICES[self.recurrent.currentIndex()][1],
            medication=self.medication.text(),
            prescriber=self.prescriber.text(),
            referrer=self.referrer.text(),
            sessions_missed=self.missed.value(),
            recurrence_on=self.recurrence.date()
            if episode.kind is EpisodeKind.MAINTENANCE
            else episode.recurrence_on,
            goals_met=self.goalsMet(),
        )

    # -- drafts -----------------------------------------------------------------------------
    def draftFields(self) -> dict[str, str]:
        return {
            "history_onset": self.onset.text(),
            "history_recurrent": str(self.recurrent.currentIndex()),
            "history_medication": self.medication.text(),
            "history_prescriber": self.prescriber.text(),
            "history_referrer": self.referrer.text(),
            "history_missed": str(self.missed.value()),
            "history_recurrence": self.recurrence.text(),
            "history_goals_met": json.dumps(list(self.goalsMet()), ensure_ascii=False),
        }

    def applyFields(self, fields: Mapping[str, str], goals: Sequence[str]) -> None:
        self.onset.setText(fields.get("history_onset", ""))
        index = fields.get("history_recurrent", "0")
        self.recurrent.setCurrentIndex(int(index) if index in ("0", "1", "2") else 0)
        self.medication.setText(fields.get("history_medication", ""))
        self.prescriber.setText(fields.get("history_prescriber", ""))
        self.referrer.setText(fields.get("history_referrer", ""))
        missed = fields.get("history_missed", "0")
        self.missed.setValue(int(missed) if missed.isdigit() else 0)
        self.recurrence.setText(fields.get("history_recurrence", ""))
        try:
            met = json.loads(fields.get("history_goals_met", "[]"))
        except ValueError:
            met = []
        self.setGoals(goals, [m for m in met if isinstance(m, str)])

    def clear(self) -> None:
        self.fill(None)
        self.onset.clearSensitive()
        self.recurrence.clearSensitive()
