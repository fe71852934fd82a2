"""The history a clinical summary for a GP or referrer holds (IPT.md): the episode (single
or recurrent, onset, earlier episodes), medication and prescriber, who referred, sessions
missed, each goal's focal area and its review at termination (met, partly met, not met, with
a line of evidence), and for a maintenance contract a recurrence the therapist records.

Part of the formulation tab; it edits the same episode and is saved with it.
"""

import dataclasses
import json
from collections.abc import Mapping, Sequence
from contextlib import suppress

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.enums import EpisodeKind, ProblemArea
from ipt_desktop.domain.goals import GoalReview, GoalStatus
from ipt_desktop.domain.model import Episode
from ui.common.date_field import DateField
from ui.common.form_parts import muted_label

from .goal_review_list import GoalReviewList

RECURRENT_CHOICES = (("Not recorded", None), ("Single episode", False), ("Recurrent", True))
GOALS_MET_HINT = (
    "Each goal's focal area, and at termination whether it was met, with a line of evidence "
    "(the clinical summary lists them)."
)
EARLIER_NOT_RECORDED = "Not recorded"
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
        self.earlier = QSpinBox(self)
        self.earlier.setRange(-1, 100)  # -1 shows "Not recorded"
        self.earlier.setSpecialValueText(EARLIER_NOT_RECORDED)
        self.earlier.setSuffix(" earlier")
        self.earlier.setAccessibleName("Number of earlier depressive episodes")
        self.earlier.setMaximumWidth(self.earlier.sizeHint().width() + 24)
        self.goals = GoalReviewList(self)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Episode", self.recurrent)
        form.addRow("Onset", self.onset)
        form.addRow("Earlier episodes", self.earlier)
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
        column.addWidget(self.goals)
        self.goals.edited.connect(self.edited)
        self.earlier.valueChanged.connect(lambda _v: self.edited.emit())
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
    def setGoals(self, goals: Sequence[str], reviews: Sequence[GoalReview] | None = None) -> None:
        """One row per goal; ``reviews`` None keeps the values of goals still listed."""
        self.goals.setGoals(goals, reviews)

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
        self.earlier.blockSignals(True)
        earlier = None if episode is None else episode.earlier_episodes
        self.earlier.setValue(-1 if earlier is None else earlier)
        self.earlier.blockSignals(False)
        self.setGoals(
            () if episode is None else episode.goals,
            () if episode is None else episode.goal_reviews,
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
            goal_reviews=self.goals.reviews(),
            earlier_episodes=None if self.earlier.value() < 0 else self.earlier.value(),
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
            "history_earlier": str(self.earlier.value()),
            "history_goal_reviews": json.dumps(
                [goal_review_fields(r) for r in self.goals.reviews()], ensure_ascii=False
            ),
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
        earlier = fields.get("history_earlier", "-1")
        self.earlier.setValue(int(earlier) if earlier.lstrip("-").isdigit() else -1)
        try:
            saved = json.loads(fields.get("history_goal_reviews", "[]"))
        except ValueError:
            saved = []
        reviews = []
        for item in saved if isinstance(saved, list) else []:
            with suppress(ValueError, TypeError, AttributeError):
                reviews.append(goal_review_from_fields(item))
        self.setGoals(goals, reviews)

    def clear(self) -> None:
        self.fill(None)
        self.onset.clearSensitive()
        self.recurrence.clearSensitive()


def goal_review_fields(review: GoalReview) -> dict[str, str]:
    return {
        "goal": review.goal,
        "area": review.area or "",
        "status": review.status or "",
        "evidence": review.evidence,
    }


def goal_review_from_fields(item: Mapping[str, str]) -> GoalReview:
    """A draft's review; a value this version does not know raises ValueError (skipped)."""
    area, status = item.get("area", ""), item.get("status", "")
    return GoalReview(
        str(item["goal"]),
        area=ProblemArea(area) if area else None,
        status=GoalStatus(status) if status else None,
        evidence=str(item.get("evidence", "")),
    )
