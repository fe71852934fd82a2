"""Overview: the client's risk status (first, unmissable when open), the contract and
progress, the focal problem areas, the latest measures with response / remission, and the
client's IPT timeline (phases, sessions, measures, events).
"""

import datetime as dt
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.contract import ContractProgress, planned_end_date, progress
from ipt_desktop.domain.course_prompts import therapist_prompts
from ipt_desktop.domain.enums import DisputeStage, EpisodeKind, ProblemArea
from ipt_desktop.domain.phases import effective_phase
from ipt_desktop.domain.task_rules import task_overview
from ipt_desktop.domain.timeline import build_timeline, episode_window
from ipt_desktop.domain.verdict import judge_episode
from ui.common.form_parts import muted_label
from ui.common.ui_text import format_date

from .adaptive_row import AdaptiveRow
from .badges import PhaseBadge
from .card_frame import CardFrame
from .contract_editor import KIND_LABELS, ContractEditor
from .form_scroll import FormScrollArea
from .measures_card import MeasuresCard
from .open_record import OpenRecord
from .risk_actions import RiskActions
from .risk_panel import RiskPanel
from .task_card import TaskCard
from .timeline_slot import TimelineFactory, TimelineView

NO_CONTRACT = "No treatment contract yet. Agree its length with the client to begin."
NARROW_WIDTH = 860
WIDE_SHARES = (4, 3, 6)  # contract, focal areas, measures
NARROW_SHARES = (1, 1, 0)  # the measures card is on a row of its own
NO_AREAS = "Not chosen yet: the inventory and formulation lead to one or two focal areas."


def ending_text(step: ContractProgress) -> str:
    """What the contract's position asks of the therapist ('' when nothing yet)."""
    if step.overrun:
        return "Beyond the contract: agree a new contract or bring therapy to an end."
    if not step.raise_ending:
        return ""
    if step.remaining == 0:
        return f"All {step.planned} planned sessions are held: agree the plan after ending."
    if step.remaining == 1:
        return "1 session remains: bring up the ending."
    return f"{step.remaining} sessions remain: bring up the ending."


TIMELINE_MIN_HEIGHT = 580


class OverviewTab(QWidget):
    sessionActivated = Signal(str)
    formulationRequested = Signal()

    def __init__(
        self,
        record: OpenRecord,
        timeline_factory: TimelineFactory,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._record = record
        self._today = today

        # -- contract card: a summary, or the editor
        self.contract_card = CardFrame("Contract and progress", self)
        self._contract_stack = QStackedWidget(self.contract_card)
        summary = QWidget(self._contract_stack)
        self._contract_line = QLabel(summary)
        self._contract_line.setWordWrap(True)
        self._dates_line = muted_label("", summary)
        self._progress_label = QLabel(summary)
        font = self._progress_label.font()
        font.setBold(True)
        self._progress_label.setFont(font)
        self._phase = PhaseBadge(summary)
        self._bar = QProgressBar(summary)
        self._bar.setTextVisible(False)
        self._bar.setMaximumHeight(8)
        self._bar.setAccessibleName("Sessions held in this contract")
        self._ending = QLabel(summary)
        self._ending.setWordWrap(True)
        # Prompts for the therapist (off track, initial phase too long): never client wording.
        self.prompts = QLabel(summary)
        self.prompts.setWordWrap(True)
        self.prompts.setTextFormat(Qt.TextFormat.PlainText)
        self.prompts.setAccessibleName("Prompts for the therapist")
        prompt_font = self.prompts.font()
        prompt_font.setBold(True)
        self.prompts.setFont(prompt_font)
        self._edit = QPushButton("Edit contract…", summary)
        self._edit.setAccessibleName("Edit contract")
        self._edit.clicked.connect(self._edit_contract)
        self._new = QPushButton("New contract…", summary)
        self._new.setAccessibleName("Start a new contract")
        self._new.setToolTip("A continuation or maintenance contract after the acute course")
        self._new.clicked.connect(self._new_contract)
        # Narrow cards put the badge under the progress, the second button under the first.
        progress_row = AdaptiveRow(summary)
        progress_row.addWidget(self._progress_label)
        progress_row.addWidget(self._phase)
        buttons = AdaptiveRow(summary)
        buttons.addWidget(self._edit)
        buttons.addWidget(self._new)
        summary_column = QVBoxLayout(summary)
        summary_column.setContentsMargins(0, 0, 0, 0)
        summary_column.addWidget(self._contract_line)
        summary_column.addWidget(self._dates_line)
        summary_column.addWidget(progress_row, 0, Qt.AlignmentFlag.AlignLeft)
        summary_column.addWidget(self._bar)
        summary_column.addWidget(self._ending)
        summary_column.addWidget(self.prompts)
        summary_column.addStretch(1)
        summary_column.addWidget(buttons, 0, Qt.AlignmentFlag.AlignLeft)
        self.contract_editor = ContractEditor(record, today, self._contract_stack)
        self.contract_editor.finished.connect(self._editor_finished)
        self._contract_stack.addWidget(summary)
        self._contract_stack.addWidget(self.contract_editor)
        self._contract_stack.currentChanged.connect(self._page_shown)
        self._page_shown(0)
        self.contract_card.body.addWidget(self._contract_stack)

        # -- focal problem areas
        self.areas_card = CardFrame("Focal problem areas", self)
        self._areas = QLabel(self.areas_card)
        self._areas.setWordWrap(True)
        self._areas.setTextFormat(Qt.TextFormat.PlainText)
        self._accepted = muted_label("", self.areas_card)
        self._open_formulation = QPushButton("Formulation and goals…", self.areas_card)
        self._open_formulation.setAccessibleName("Open formulation and goals")
        self._open_formulation.clicked.connect(self.formulationRequested)
        self.areas_card.body.addWidget(self._areas)
        self.areas_card.body.addWidget(self._accepted)
        self.areas_card.body.addStretch(1)
        areas_buttons = QHBoxLayout()
        areas_buttons.addWidget(self._open_formulation)
        areas_buttons.addStretch(1)
        self.areas_card.body.addLayout(areas_buttons)

        # -- measures
        self.measures_card = CardFrame("Latest measures (this contract)", self)
        self.measures = MeasuresCard(self.measures_card)
        self.measures_card.body.addWidget(self.measures)

        # -- IPT tasks done and due
        self.task_card = TaskCard(self)

        # -- timeline
        self.timelineWidget = timeline_factory(self)
        # Three charts stay readable (every HAM-D band named) at any window size: a short
        # window scrolls the overview instead of squashing them.
        self.timelineWidget.setMinimumHeight(TIMELINE_MIN_HEIGHT)
        self.timeline = cast(TimelineView, self.timelineWidget)
        self.timeline.sessionActivated.connect(self.sessionActivated)

        # -- risk status: first, so it cannot be missed
        self.risk_panel = RiskPanel(self)
        self.risk_actions = RiskActions(record, today, self)
        self.risk_panel.reviewRequested.connect(self.risk_actions.recordReview)
        self.risk_panel.safetyPlanRequested.connect(self.risk_actions.editSafetyPlan)

        cards = QGridLayout()
        cards.setHorizontalSpacing(10)
        cards.addWidget(self.contract_card, 0, 0)
        cards.addWidget(self.areas_card, 0, 1)
        cards.addWidget(self.measures_card, 0, 2)
        content = _Page(self.timelineWidget, self)
        column = QVBoxLayout(content)
        column.setContentsMargins(10, 10, 10, 10)
        column.setSpacing(10)
        self._cards = cards
        self._narrow: bool | None = None
        column.addWidget(self.risk_panel)
        column.addLayout(cards)
        column.addWidget(self.task_card)
        column.addWidget(self.timelineWidget, 1)
        # A short window scrolls the overview up and down rather than squeeze the cards.
        self._scroll = FormScrollArea(content, "Overview", self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._scroll)

    # ---- public --------------------------------------------------------------------------

    def refresh(self) -> None:
        record = self._record.record
        episode = self._record.episode
        if record is None:
            self.clearSensitive()
            return
        timeline = build_timeline(record, self._today())
        self.timeline.setTimeline(timeline)
        self.timeline.setContractWindow(
            None if episode is None else episode_window(timeline, episode, record.sessions)
        )
        self.risk_panel.showRecord(record)
        sessions = self._record.episode_sessions()
        judgement = None if episode is None else judge_episode(record, episode.id)
        self.measures.show_sessions(sessions, judgement)
        prompts = () if episode is None else therapist_prompts(episode, sessions)
        self.prompts.setText("\n".join(f"\N{WARNING SIGN} {p}" for p in prompts))
        self.prompts.setVisible(bool(prompts))
        self.task_card.show_overview(None if episode is None else task_overview(episode, sessions))
        self._new.setEnabled(episode is not None)
        if episode is None:
            self._contract_line.setText(NO_CONTRACT)
            self._dates_line.setText("")
            self._progress_label.setText("")
            self._phase.setPhase(None)
            self._bar.hide()
            self._ending.setText("")
            self._edit.setText("Agree a contract…")
            self._areas.setText(NO_AREAS)
            self._accepted.setText("")
            self._open_formulation.setEnabled(False)
            return
        self._edit.setText("Edit contract…")
        self._open_formulation.setEnabled(True)
        kind = KIND_LABELS[episode.kind]
        self._contract_line.setText(f"{kind}, {episode.planned_sessions} sessions")
        end = planned_end_date(episode, record.sessions)
        ends = "" if end is None else f" · planned end about {format_date(end)}"
        self._dates_line.setText(f"Started {format_date(episode.start_date)}{ends}")
        held = len(sessions)
        self._bar.show()
        self._bar.setRange(0, episode.planned_sessions)
        self._bar.setValue(min(held, episode.planned_sessions))
        if held:
            step = progress(episode, held)
            self._progress_label.setText(step.label)
            self._phase.setPhase(effective_phase(sessions[-1], episode, held))
            self._ending.setText(ending_text(step))
        else:
            self._progress_label.setText("No sessions yet")
            self._phase.setPhase(None)
            self._ending.setText("")
        self._ending.setVisible(bool(self._ending.text()))
        self._show_areas(episode.formulation.problem_areas, episode.formulation.dispute_stage)
        accepted = episode.formulation.accepted_on
        if accepted is not None:
            self._accepted.setText(f"Formulation accepted on {format_date(accepted)}.")
        elif episode.kind is EpisodeKind.MAINTENANCE:
            self._accepted.setText("Maintenance contract: keeping the gains.")
        else:
            self._accepted.setText("Formulation not yet accepted by the client.")

    def clearSensitive(self) -> None:
        self.timeline.setTimeline(None)
        self.risk_panel.showRecord(None)
        self.measures.show_sessions(())
        self.task_card.clearSensitive()
        for label in (self._contract_line, self._dates_line, self._progress_label, self._areas):
            label.clear()
        self._accepted.clear()
        self._ending.clear()
        self.prompts.clear()
        self._phase.setPhase(None)
        self._contract_stack.setCurrentIndex(0)

    # ---- internals -----------------------------------------------------------------------

    def _show_areas(self, areas: tuple[ProblemArea, ...], stage: DisputeStage | None) -> None:
        if not areas:
            self._areas.setText(NO_AREAS)
            return
        lines = [area.label for area in areas]
        if stage is not None:
            lines = [
                f"{line} — stage: {stage.value}" if area is ProblemArea.ROLE_DISPUTE else line
                for line, area in zip(lines, areas, strict=True)
            ]
        self._areas.setText("\n".join(lines))

    def _edit_contract(self) -> None:
        episode = self._record.episode
        if episode is None:
            self.contract_editor.editNew()
        else:
            self.contract_editor.editExisting(episode)
        self._contract_stack.setCurrentWidget(self.contract_editor)
        self.contract_editor.kind.setFocus()

    def _new_contract(self) -> None:
        self.contract_editor.editNew()
        self._contract_stack.setCurrentWidget(self.contract_editor)
        self.contract_editor.kind.setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._share_width(event.size().width() < NARROW_WIDTH)
        super().resizeEvent(event)

    def _share_width(self, narrow: bool) -> None:
        """Narrow (a laptop at 1024 px), the measures card goes under the other two and
        takes the whole width: three cards side by side would be wider than the view and
        cut off its right edge. Wide, the three share the row."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        self._cards.removeWidget(self.measures_card)
        if narrow:
            self._cards.addWidget(self.measures_card, 1, 0, 1, 2)
        else:
            self._cards.addWidget(self.measures_card, 0, 2)
        self._cards.setVerticalSpacing(10)
        for index, stretch in enumerate(NARROW_SHARES if narrow else WIDE_SHARES):
            self._cards.setColumnStretch(index, stretch)

    def _page_shown(self, index: int) -> None:
        """Only the page shown sets the card's size (the editor is wider than the summary)."""
        for page in range(self._contract_stack.count()):
            policy = QSizePolicy.Policy.Preferred if page == index else QSizePolicy.Policy.Ignored
            widget = self._contract_stack.widget(page)
            if widget is None:
                continue
            widget.setSizePolicy(policy, policy)
            widget.updateGeometry()

    def _editor_finished(self) -> None:
        self._contract_stack.setCurrentIndex(0)
        self.refresh()


class _Page(QWidget):
    """The overview's content. Its height for a width is what the cards need with the
    timeline at its minimum: the scroll area fills the view with it, and scrolls only when
    even that does not fit (a short window)."""

    def __init__(self, stretchy: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stretchy = stretchy

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        if layout is None:
            return super().heightForWidth(width)
        spare = self._stretchy.sizeHint().height() - self._stretchy.minimumHeight()
        return layout.heightForWidth(width) - max(spare, 0)
