"""Termination ("graduation") of the selected contract.

The client's achievements, the relapse-prevention skills they keep, early warning signs
and what to do when they appear, and the plan after ending (maintenance contract, booster
sessions, referral or alternative treatment). IPT's prompts appear as placeholders and
help. "Prepare graduation summary…" asks the shell for the summary preview.
"""

import dataclasses
import json
from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.enums import PlanAfterEnding
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import Termination
from ipt_desktop.domain.outcomes import phq9_outcome
from ipt_desktop.services.errors import VaultError

from .banner import Banner, BannerKind
from .card_frame import CardFrame
from .draft_keeper import DraftKeeper
from .form_parts import labelled, muted_label, section_heading
from .note_field import NoteField
from .open_record import OpenRecord
from .text_list_editor import TextListEditor

PLAN_LABELS = {
    PlanAfterEnding.NONE: "Not decided yet",
    PlanAfterEnding.MAINTENANCE_CONTRACT: "Maintenance contract (IPT-M)",
    PlanAfterEnding.BOOSTER_SESSIONS: "Booster sessions",
    PlanAfterEnding.REFERRAL: "Referral",
    PlanAfterEnding.ALTERNATIVE_TREATMENT: "Alternative treatment",
}
LISTS = (
    ("achievements", "Achievements", "What has the client achieved? Why do they feel better?"),
    (
        "relapse_prevention_skills",
        "Relapse-prevention skills",
        "A skill the client will keep using, e.g. raising a worry early with their partner",
    ),
    (
        "warning_signs",
        "Early warning signs",
        "An early sign of recurrence: poor sleep, pulling away from people, irritability…",
    ),
)
WHAT_TO_DO = "When warning signs appear: what the client will do, who to call, when to come back."
PLAN_PROMPT = (
    "Details: how often maintenance sessions take place, when boosters are, who the "
    "referral is to and why."
)
NO_RESPONSE_TEXT = (
    "If the client has not improved, the therapy, not the client, fell short: say so, and "
    "discuss alternatives (another treatment, medication, a referral) or a further contract."
)
IPT_PROMPTS = (
    "Review progress: compare the first and latest measures together, and name what changed.",
    "Credit the client: the gains are theirs. Ask why they feel better.",
    "Discuss the nature of depression and the risk of recurrence; agree the warning signs.",
    "Talk about feelings about ending: sadness, pride, worry. Ending is a graduation.",
    "If the client has not improved: the therapy, not the client, fell short — discuss "
    "alternatives (another treatment, medication, a referral).",
    "Offer a maintenance contract when recurrence risk is high (monthly IPT-M delays relapse).",
)


class TerminationTab(QWidget):
    edited = Signal()
    graduationRequested = Signal(str, str)

    def __init__(
        self, record: OpenRecord, keeper: DraftKeeper, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._record = record
        self._keeper = keeper
        self._episode_id: str | None = None
        self._dirty = False
        self._loading = False
        self._save = QPushButton("Save", self)
        self._save.setAccessibleName("Save termination")
        self._save.clicked.connect(self.saveChanges)
        self.graduation = QPushButton("Prepare graduation summary…", self)
        self.graduation.setAccessibleName("Prepare graduation summary")
        self.graduation.setToolTip("Preview the summary letter for the client (and a clinician)")
        self.graduation.clicked.connect(self._graduation)
        self._state = muted_label("", self)
        header = QHBoxLayout()
        header.setContentsMargins(16, 8, 16, 4)
        header.addWidget(section_heading("Termination (graduation)", self))
        header.addSpacing(10)
        header.addWidget(self._state, 1)
        header.addWidget(self._save)
        header.addWidget(self.graduation)
        self.problem = Banner(BannerKind.PROBLEM, parent=self)
        self.outcome = Banner(BannerKind.INFO, parent=self)
        self._empty = muted_label("No treatment contract yet: agree one on the Overview tab.", self)

        body = QWidget(self)
        self.lists: dict[str, TextListEditor] = {}
        left = QVBoxLayout()
        for field, label, prompt in LISTS:
            editor = TextListEditor(label, prompt, rows=3, parent=body)
            editor.edited.connect(self._changed)
            self.lists[field] = editor
            left.addWidget(labelled(label, editor, body, gap=10))
        self.what_to_do = NoteField(
            "What to do when warning signs appear", WHAT_TO_DO, lines=3, parent=body
        )
        self.what_to_do.edited.connect(self._changed)
        left.addWidget(labelled("What to do when they appear", self.what_to_do, body, gap=10))
        left.addStretch(1)
        right = QVBoxLayout()
        self.plan_kind = QComboBox(body)
        self.plan_kind.setAccessibleName("Plan after ending")
        for kind, label in PLAN_LABELS.items():
            self.plan_kind.addItem(label, kind.value)
        self.plan_kind.activated.connect(self._changed)
        right.addWidget(labelled("Plan after ending", self.plan_kind, body, gap=10))
        self.plan = NoteField("Plan after ending: details", PLAN_PROMPT, lines=4, parent=body)
        self.plan.edited.connect(self._changed)
        right.addWidget(self.plan)
        prompts = CardFrame("IPT prompts for the last sessions", body)
        for prompt in IPT_PROMPTS:
            prompts.body.addWidget(muted_label(f"• {prompt}", prompts))
        right.addWidget(prompts)
        right.addStretch(1)
        grid = QGridLayout(body)
        grid.setContentsMargins(16, 0, 16, 16)
        grid.setHorizontalSpacing(20)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        self._body = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(header)
        for banner in (self.problem, self.outcome):
            row = QHBoxLayout()
            row.setContentsMargins(16, 0, 16, 4)
            row.addWidget(banner)
            outer.addLayout(row)
        outer.addWidget(self._empty)
        outer.addWidget(scroll, 1)
        keeper.watch(self, self.edited)

    # ---- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        episode = self._record.episode
        new_id = None if episode is None else episode.id
        if new_id != self._episode_id:
            if self._dirty:
                self._keeper.saveAll()
            self._load()
        elif not self._dirty:
            self._load()

    def _load(self) -> None:
        episode = self._record.episode
        self._episode_id = None if episode is None else episode.id
        for widget in (self._body, self._save, self.graduation):
            widget.setVisible(episode is not None)
        self._empty.setVisible(episode is None)
        termination = Termination() if episode is None else episode.termination
        self._loading = True
        try:
            for field, editor in self.lists.items():
                editor.setValues(getattr(termination, field))
            self.what_to_do.setText(termination.what_to_do)
            self.plan_kind.setCurrentIndex(self.plan_kind.findData(termination.plan_kind.value))
            self.plan.setText(termination.plan)
        finally:
            self._loading = False
        self._dirty = False
        self._state.setText("")
        self.problem.clear()
        self._show_outcome()
        if episode is not None:
            self._keeper.restore(self)

    def _show_outcome(self) -> None:
        """When PHQ-9 shows no response, IPT's reminder: the therapy fell short, not the
        client; discuss alternatives."""
        outcome = phq9_outcome(self._record.episode_sessions())
        if outcome is None or outcome.measurements < 2 or outcome.response or outcome.remission:
            self.outcome.clear()
            return
        self.outcome.showMessage(
            f"PHQ-9 has not reached response in this contract ({outcome.baseline} → "
            f"{outcome.latest})",
            NO_RESPONSE_TEXT,
        )

    # ---- saving --------------------------------------------------------------------------

    def isDirty(self) -> bool:
        return self._episode_id is not None and self._dirty

    def termination(self) -> Termination:
        return Termination(
            achievements=self.lists["achievements"].values(),
            relapse_prevention_skills=self.lists["relapse_prevention_skills"].values(),
            warning_signs=self.lists["warning_signs"].values(),
            what_to_do=self.what_to_do.text(),
            plan_kind=PlanAfterEnding(self.plan_kind.currentData()),
            plan=self.plan.text(),
        )

    def problems(self) -> str | None:
        if not self.isDirty():
            return None
        try:
            self.termination()
        except ValidationError as error:
            return error.message
        return None

    def saveChanges(self) -> bool:
        episode = self._record.episode
        if episode is None or not self.isDirty():
            return True
        try:
            self._record.save_episode(dataclasses.replace(episode, termination=self.termination()))
        except ValidationError as error:
            self.problem.showMessage("The termination record cannot be saved yet", error.message)
            return False
        except VaultError as error:
            self.problem.showMessage("The termination record was not saved", str(error))
            return False
        self._keeper.discard(self.draftKey())
        self._dirty = False
        self._load()
        return True

    # ---- drafts --------------------------------------------------------------------------

    def draftKey(self) -> str | None:
        return None if self._episode_id is None else f"termination:{self._episode_id}"

    def draftFields(self) -> dict[str, str]:
        fields = {
            "what_to_do": self.what_to_do.text(),
            "plan_kind": str(self.plan_kind.currentData()),
            "plan": self.plan.text(),
        }
        for field, editor in self.lists.items():
            fields[field] = json.dumps(list(editor.model.stringList()))
            fields[f"{field}_pending"] = editor.pendingText()
        return fields

    def applyDraft(self, fields: Mapping[str, str]) -> None:
        self._loading = True
        try:
            for field, editor in self.lists.items():
                try:
                    values = json.loads(fields.get(field, "[]"))
                except ValueError:
                    values = []
                editor.setValues([str(v) for v in values] if isinstance(values, list) else [])
                editor.setPendingText(fields.get(f"{field}_pending", ""))
            self.what_to_do.setText(fields.get("what_to_do", ""))
            index = self.plan_kind.findData(fields.get("plan_kind", ""))
            self.plan_kind.setCurrentIndex(max(index, 0))
            self.plan.setText(fields.get("plan", ""))
        finally:
            self._loading = False
        self._mark_dirty()

    def clearSensitive(self) -> None:
        self._loading = True
        try:
            for editor in self.lists.values():
                editor.setValues(())
            self.what_to_do.setText("")
            self.plan.setText("")
        finally:
            self._loading = False
        self._episode_id = None
        self._dirty = False

    # ---- internals -----------------------------------------------------------------------

    def _graduation(self) -> None:
        client_id, episode = self._record.client_id, self._record.episode
        if client_id is None or episode is None or not self.saveChanges():
            return
        self.graduationRequested.emit(client_id, episode.id)

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self._mark_dirty()

    def _mark_dirty(self) -> None:
        self._dirty = True
        self._state.setText("Unsaved changes")
        self.edited.emit()
