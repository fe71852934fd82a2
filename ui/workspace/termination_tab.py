"""Termination ("graduation") of the selected contract.

The client's achievements, the relapse-prevention skills they keep, early warning signs
and what to do when they appear, and the plan after ending (maintenance contract, booster
sessions, referral or alternative treatment). IPT's prompts appear as placeholders and
help. "Prepare graduation summary…" asks the shell for the summary preview.
"""

import dataclasses
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
from ipt_desktop.domain.model import Episode, Termination
from ipt_desktop.domain.verdict import Verdict, judge_episode
from ui.common.banner import Banner, BannerKind
from ui.common.form_parts import labelled, muted_label, section_heading

from .card_frame import CardFrame
from .draft_keeper import DraftKeeper
from .episode_page import EpisodePage, EpisodePageWords
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
    "For the clinical summary, in clinical terms: how often maintenance sessions take "
    "place, when boosters are, who the referral is to and why."
)
CLIENT_STEP_PROMPT = (
    "For the client's letter, in plain words to the client: \"You will see your GP on ... "
    "to talk about medication.\" Left empty, the letter names the plan's kind."
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


WORDS = EpisodePageWords(
    draft_prefix="termination",
    save_name="Save termination",
    cannot_save="The termination record cannot be saved yet",
    not_saved="The termination record was not saved",
)


class TerminationTab(EpisodePage):
    graduationRequested = Signal(str, str)

    def __init__(
        self, record: OpenRecord, keeper: DraftKeeper, parent: QWidget | None = None
    ) -> None:
        super().__init__(record, keeper, WORDS, parent)
        self.graduation = QPushButton("Prepare graduation summary…", self)
        self.graduation.setAccessibleName("Prepare graduation summary")
        self.graduation.setToolTip("Preview the summary letter for the client (and a clinician)")
        self.graduation.clicked.connect(self._graduation)
        self._header_parts()
        header = QHBoxLayout()
        header.setContentsMargins(16, 8, 16, 4)
        header.addWidget(section_heading("Termination (graduation)", self))
        header.addSpacing(10)
        header.addWidget(self._state, 1)
        header.addWidget(self._save)
        header.addWidget(self.graduation)
        self.outcome = Banner(BannerKind.INFO, parent=self)

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
        self.plan = NoteField("Clinician's plan", PLAN_PROMPT, lines=4, parent=body)
        self.plan.edited.connect(self._changed)
        right.addWidget(labelled("Clinician's plan (clinical summary)", self.plan, body, gap=10))
        self.client_next_step = NoteField(
            "The client's next step", CLIENT_STEP_PROMPT, lines=3, parent=body
        )
        self.client_next_step.edited.connect(self._changed)
        right.addWidget(
            labelled("The client's next step (letter)", self.client_next_step, body, gap=10)
        )
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

    def termination(self) -> Termination:
        return Termination(
            achievements=self.lists["achievements"].values(),
            relapse_prevention_skills=self.lists["relapse_prevention_skills"].values(),
            warning_signs=self.lists["warning_signs"].values(),
            what_to_do=self.what_to_do.text(),
            plan_kind=PlanAfterEnding(self.plan_kind.currentData()),
            plan=self.plan.text(),
            client_next_step=self.client_next_step.text(),
        )

    def draftFields(self) -> dict[str, str]:
        fields = {
            "what_to_do": self.what_to_do.text(),
            "plan_kind": str(self.plan_kind.currentData()),
            "plan": self.plan.text(),
            "client_next_step": self.client_next_step.text(),
        }
        for field, editor in self.lists.items():
            fields[field] = editor.draftText()
            fields[f"{field}_pending"] = editor.pendingText()
        return fields

    # ---- the page ------------------------------------------------------------------------

    def _show_page(self, shown: bool) -> None:
        for widget in (self._body, self._save, self.graduation):
            widget.setVisible(shown)
        self._empty.setVisible(not shown)

    def _fill(self, episode: Episode | None) -> None:
        termination = Termination() if episode is None else episode.termination
        for field, editor in self.lists.items():
            editor.setValues(getattr(termination, field))
        self.what_to_do.setText(termination.what_to_do)
        self.plan_kind.setCurrentIndex(self.plan_kind.findData(termination.plan_kind.value))
        self.plan.setText(termination.plan)
        self.client_next_step.setText(termination.client_next_step)

    def _loaded(self) -> None:
        self._show_outcome()

    def _show_outcome(self) -> None:
        """At the end of an acute course without a response, IPT's reminder: the therapy
        fell short, not the client; discuss alternatives. Never mid-course (IPT.md)."""
        record, episode = self._record.record, self._record.episode
        if record is None or episode is None:
            self.outcome.clear()
            return
        judgement = judge_episode(record, episode.id)
        primary = judgement.primary
        shortfall = judgement.verdict in (Verdict.NON_RESPONSE, Verdict.PARTIAL_RESPONSE)
        if not shortfall or primary is None:
            self.outcome.clear()
            return
        self.outcome.showMessage(
            f"{judgement.verdict.label} at the end of this course ({primary.measure.label} "
            f"{primary.baseline} → {primary.latest})",
            NO_RESPONSE_TEXT,
        )

    def _value(self) -> Termination:
        return self.termination()

    def _updated(self, episode: Episode) -> Episode:
        return dataclasses.replace(episode, termination=self.termination())

    def _apply_fields(self, fields: Mapping[str, str]) -> None:
        for field, editor in self.lists.items():
            editor.applyDraftText(fields.get(field, "[]"), fields.get(f"{field}_pending", ""))
        self.what_to_do.setText(fields.get("what_to_do", ""))
        index = self.plan_kind.findData(fields.get("plan_kind", ""))
        self.plan_kind.setCurrentIndex(max(index, 0))
        self.plan.setText(fields.get("plan", ""))
        self.client_next_step.setText(fields.get("client_next_step", ""))

    def _clear_fields(self) -> None:
        for editor in self.lists.values():
            editor.setValues(())
        self.what_to_do.setText("")
        self.plan.setText("")
        self.client_next_step.setText("")

    # ---- internals -----------------------------------------------------------------------

    def _graduation(self) -> None:
        client_id, episode = self._record.client_id, self._record.episode
        if client_id is None or episode is None or not self.saveChanges():
            return
        self.graduationRequested.emit(client_id, episode.id)
