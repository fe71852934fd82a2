"""Formulation and goals of the selected contract.

One or two focal problem areas (a third is refused), the dispute stage (only with a role
dispute), the interpersonal formulation, the date the client accepted it, and the goals.
Acceptance is the event that opens the middle phase: sessions on or after that date are
suggested as "Middle".
"""

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.enums import DisputeStage, ProblemArea
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import Episode, Formulation
from ui.common.banner import Banner, BannerKind
from ui.common.date_field import DateField
from ui.common.form_parts import labelled, muted_label, section_heading

from .draft_keeper import DraftKeeper
from .episode_history_form import EpisodeHistoryForm
from .episode_page import EpisodePage, EpisodePageWords
from .note_field import NoteField
from .open_record import OpenRecord
from .text_list_editor import TextListEditor
from .worksheet_panel import WorksheetPanel

MAX_AREAS = 2
#: Beyond this width lines get too long to read comfortably.
READING_WIDTH = 1000
AREA_HELP = {
    ProblemArea.GRIEF: "Complicated mourning after the death of someone important "
    "(other losses, such as a job, a home or health, are role transitions).",
    ProblemArea.ROLE_DISPUTE: "Non-reciprocal expectations with a partner, boss, parent, child.",
    ProblemArea.ROLE_TRANSITION: "A life change or a loss other than a death: a move, a new "
    "job or its loss, divorce, illness, becoming a parent.",
    ProblemArea.INTERPERSONAL_DEFICITS: "Social isolation, not tied to a life change.",
}
STAGE_HELP = {
    DisputeStage.RENEGOTIATION: "Renegotiation: both still talk and try to settle it.",
    DisputeStage.IMPASSE: "Impasse: talk has stopped; resentment, no movement.",
    DisputeStage.DISSOLUTION: "Dissolution: the relationship is ending or has ended.",
}
THIRD_AREA = "IPT focuses on one or two problem areas. Untick one before choosing another."
ACCEPT_HINT = (
    "The client's acceptance opens the middle phase: sessions from this date on are "
    "suggested as “Middle”. Leave empty while the formulation is not yet agreed."
)
FORMULATION_PROMPT = (
    "In plain words the client can recognise: the depression as an illness, what was "
    "happening in their relationships when it began, and the focal area(s) to work on."
)


WORDS = EpisodePageWords(
    draft_prefix="formulation",
    save_name="Save formulation and goals",
    cannot_save="The formulation cannot be saved yet",
    not_saved="The formulation was not saved",
)


class FormulationTab(EpisodePage):
    def __init__(
        self,
        record: OpenRecord,
        keeper: DraftKeeper,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(record, keeper, WORDS, parent)
        self._today = today
        self._shown_accepted: dt.date | None = None  # the acceptance day last loaded
        self._header_parts()
        header_box = QWidget(self)
        header_box.setMaximumWidth(READING_WIDTH)
        header = QHBoxLayout(header_box)
        header.setContentsMargins(16, 8, 16, 4)
        title = section_heading("Formulation and goals", self)
        header.addWidget(title)
        header.addSpacing(10)
        header.addWidget(self._state, 1)
        header.addWidget(self._save)

        body = QWidget(self)
        self.areas: dict[ProblemArea, QCheckBox] = {}
        areas_grid = QGridLayout()
        areas_grid.setContentsMargins(0, 0, 0, 0)
        areas_grid.setVerticalSpacing(2)
        for row, area in enumerate(ProblemArea):
            box = QCheckBox(area.label, body)
            box.setAccessibleName(f"Focal problem area: {area.label}")
            box.toggled.connect(lambda checked, a=area: self._area_toggled(a, checked))
            self.areas[area] = box
            areas_grid.addWidget(box, row, 0)
            areas_grid.addWidget(muted_label(AREA_HELP[area], body), row, 1)
        areas_grid.setColumnStretch(1, 1)
        self.area_message = Banner(BannerKind.PROBLEM, parent=body)
        self.stage = QComboBox(body)
        self.stage.setAccessibleName("Dispute stage")
        self.stage.addItem("Not set", "")
        for stage in DisputeStage:
            self.stage.addItem(stage.value.capitalize(), stage.value)
            self.stage.setItemData(
                self.stage.count() - 1, STAGE_HELP[stage], Qt.ItemDataRole.ToolTipRole
            )
        self.stage.activated.connect(self._changed)
        self._stage_help = muted_label("Only for an interpersonal (role) dispute.", body)
        self.text = NoteField(
            "Interpersonal formulation", FORMULATION_PROMPT, lines=6, max_lines=18, parent=body
        )
        self.text.edited.connect(self._changed)
        self.accepted = DateField("Formulation accepted on", allow_empty=True, parent=body)
        self.accepted.edited.connect(self._changed)
        self._accept_today = QPushButton("Accepted today", body)
        self._accept_today.setAccessibleName("Mark the formulation as accepted today")
        self._accept_today.clicked.connect(self._accepted_today)
        self.goals = TextListEditor(
            "Goals",
            "Add a goal agreed with the client, e.g. “Talk with my sister about…”",
            rows=5,
            parent=body,
        )
        self.goals.edited.connect(self._changed)
        self.goals.edited.connect(self._goals_changed)
        self.history = EpisodeHistoryForm(body)
        self.history.edited.connect(self._changed)
        self.worksheets = WorksheetPanel(body)
        self.worksheets.edited.connect(self._changed)

        left = QVBoxLayout()
        left.addWidget(section_heading("Focal problem areas (one or two)", body))
        left.addLayout(areas_grid)
        left.addWidget(self.area_message)
        stage_row = QHBoxLayout()
        stage_row.addWidget(QLabel("Dispute stage", body))
        stage_row.addWidget(self.stage)
        stage_row.addWidget(self._stage_help, 1)
        left.addLayout(stage_row)
        left.addWidget(section_heading("Interpersonal formulation", body))
        left.addWidget(self.text)
        self.accepted.addButton(self._accept_today)
        left.addWidget(labelled("Accepted by the client on", self.accepted, body))
        left.addWidget(muted_label(ACCEPT_HINT, body))
        left.addWidget(section_heading("Problem-area worksheets", body))
        left.addWidget(self.worksheets)
        left.addWidget(section_heading("Goals", body))
        left.addWidget(self.goals)
        left.addWidget(section_heading("History, medication and referral", body))
        left.addWidget(self.history)
        left.addStretch(1)
        column = QHBoxLayout(body)
        column.setContentsMargins(16, 0, 16, 16)
        column.addLayout(left, 1)
        column.addStretch(0)
        body.setMaximumWidth(READING_WIDTH)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        self._body = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(header_box)
        problem_row = QHBoxLayout()
        problem_row.setContentsMargins(16, 0, 16, 4)
        problem_row.addWidget(self.problem)
        outer.addLayout(problem_row)
        outer.addWidget(self._empty)
        outer.addWidget(scroll, 1)
        keeper.watch(self, self.edited)
        self._sync_stage()

    def formulation(self) -> Formulation:
        areas = tuple(area for area, box in self.areas.items() if box.isChecked())
        stage_value = self.stage.currentData()
        stage = DisputeStage(stage_value) if stage_value else None
        return Formulation(areas, stage, self.text.text(), self.accepted.date())

    def draftFields(self) -> dict[str, str]:
        return {
            "areas": ",".join(a.value for a, box in self.areas.items() if box.isChecked()),
            "stage": self.stage.currentData() or "",
            "text": self.text.text(),
            "accepted_on": self.accepted.text(),
            "goals": self.goals.draftText(),
            "goal_pending": self.goals.pendingText(),
            **self.history.draftFields(),
            **self.worksheets.draftFields(),
        }

    # ---- the page ------------------------------------------------------------------------

    def _show_page(self, shown: bool) -> None:
        self._empty.setVisible(not shown)
        self._body.setVisible(shown)
        self._save.setVisible(shown)

    def _fill(self, episode: Episode | None) -> None:
        formulation = Formulation() if episode is None else episode.formulation
        self._shown_accepted = formulation.accepted_on
        for area, box in self.areas.items():
            box.setChecked(area in formulation.problem_areas)
        stage = formulation.dispute_stage
        self.stage.setCurrentIndex(self.stage.findData("" if stage is None else stage.value))
        self.text.setText(formulation.text)
        self.accepted.setDate(formulation.accepted_on)
        self.goals.setValues(() if episode is None else episode.goals)
        self.history.fill(episode)
        self.worksheets.setWorksheets(() if episode is None else episode.worksheets)
        self.worksheets.setAreas(formulation.problem_areas)

    def _loaded(self) -> None:
        self.area_message.clear()
        self._sync_stage()

    def _value(self) -> Formulation:
        return self.formulation()

    def _updated(self, episode: Episode) -> Episode:
        formulation = self.formulation()
        if formulation.accepted_on == self._shown_accepted:
            # Not changed here: keep what is stored now (a session may have recorded the
            # acceptance while this tab held other unsaved edits).
            formulation = dataclasses.replace(
                formulation, accepted_on=episode.formulation.accepted_on
            )
        return self.history.updated(
            dataclasses.replace(
                episode,
                formulation=formulation,
                goals=self.goals.values(),
                worksheets=self.worksheets.worksheets(),
            )
        )

    def _invalid_message(self, error: ValidationError) -> str:
        message = self.accepted.validate() if error.field == self.accepted.label() else None
        return message or f"{error.message}."

    def _apply_fields(self, fields: Mapping[str, str]) -> None:
        chosen = fields.get("areas", "").split(",")
        for area, box in self.areas.items():
            box.setChecked(area.value in chosen)
        index = self.stage.findData(fields.get("stage", ""))
        self.stage.setCurrentIndex(max(index, 0))
        self.text.setText(fields.get("text", ""))
        self.accepted.setText(fields.get("accepted_on", ""))
        self.goals.applyDraftText(fields.get("goals", "[]"), fields.get("goal_pending", ""))
        self.history.applyFields(fields, self.goals.values())
        self.worksheets.applyFields(fields)
        self.worksheets.setAreas(self.formulation().problem_areas)
        self._sync_stage()

    def _clear_fields(self) -> None:
        self.text.setText("")
        self.goals.setValues(())
        self.history.clear()
        self.worksheets.setWorksheets(())
        self.accepted.clearSensitive()
        for box in self.areas.values():
            box.setChecked(False)

    # ---- internals -----------------------------------------------------------------------

    def _area_toggled(self, area: ProblemArea, checked: bool) -> None:
        if self._loading:
            return
        chosen = [a for a, box in self.areas.items() if box.isChecked()]
        if checked and len(chosen) > MAX_AREAS:
            box = self.areas[area]
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
            self.area_message.showMessage("Only one or two focal areas", THIRD_AREA)
            return
        self.area_message.clear()
        self._sync_stage()
        self.worksheets.setAreas(chosen)
        self._changed()

    def _sync_stage(self) -> None:
        dispute = self.areas[ProblemArea.ROLE_DISPUTE].isChecked()
        self.stage.setEnabled(dispute)
        if not dispute and self.stage.currentIndex() != 0:
            self.stage.setCurrentIndex(0)

    def _goals_changed(self) -> None:
        self.history.setGoals(self.goals.values())

    def _accepted_today(self) -> None:
        self.accepted.setDate(self._today())
        self._changed()
