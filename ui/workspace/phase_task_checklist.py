"""The IPT tasks of the session's phase, as compact check boxes (domain ``phase_tasks``).

Shows the task list of the phase in effect; in the middle phase also the focal area(s)
worked on and, for each area ticked, the strategies from that area's list. A tick recorded
under another phase (the therapist changed the phase afterwards) stays visible, marked with
its phase, so nothing stored is ever hidden.

"Formulation accepted" is not stored with the session: its one home is the formulation's
"accepted on" day. While no acceptance is recorded (or it was recorded in this session) the
box can be ticked (or unticked): ``acceptanceToggled`` asks to record the acceptance on this
session's day (``FormulationAcceptance`` writes it at once, visibly). Recorded in another
session it is shown with its day, read-only.
"""

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLayout, QVBoxLayout, QWidget

from ipt_desktop.domain.enums import Phase, ProblemArea
from ipt_desktop.domain.phase_tasks import (
    TASKS_BY_PHASE,
    PhaseTask,
    SessionTasks,
    Strategy,
    phase_of,
)
from ipt_desktop.domain.task_rules import Acceptance
from ui.common.form_parts import muted_label
from ui.common.ui_text import format_date

COLUMNS = 2
ACCEPTED_HINT = (
    "Ticking records the acceptance on this session's day, on the Formulation tab too "
    "(saved at once; untick to take it back)"
)
ACCEPTED_ELSEWHERE_HINT = "Recorded in another session: change the day on the Formulation tab"


def acceptance_text(acceptance: Acceptance, accepted_on: dt.date | None) -> str:
    """What the "formulation accepted" box says, from where the acceptance stands."""
    day = "" if accepted_on is None else format_date(accepted_on)
    if acceptance is Acceptance.HERE:
        return f"Formulation accepted in this session ({day})"
    if acceptance is Acceptance.EARLIER:
        return f"Formulation accepted on {day}"
    if acceptance is Acceptance.LATER:
        return f"Formulation accepted later, on {day}"
    return "Formulation accepted in this session"


class PhaseTaskChecklist(QWidget):
    edited = Signal()
    #: The therapist ticked (True) or unticked "formulation accepted" in this session.
    acceptanceToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._phase = Phase.INITIAL
        self._offered: tuple[PhaseTask, ...] = TASKS_BY_PHASE[Phase.INITIAL]
        self._areas: tuple[ProblemArea, ...] = ()
        self._loading = False
        self._read_only = False
        self._acceptance = Acceptance.OPEN
        self._session_date: dt.date | None = None
        self._columns = COLUMNS
        self._tasks: dict[PhaseTask, QCheckBox] = {}
        self._area_boxes: dict[ProblemArea, QCheckBox] = {}
        self._strategy_boxes: dict[Strategy, QCheckBox] = {}

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.title = QLabel(self)
        column.addWidget(self.title)
        self._task_grid = self._grid(column)
        self.areas_label = QLabel("Focal area worked on", self)
        column.addWidget(self.areas_label)
        self._area_grid = self._grid(column)
        self.no_areas = muted_label(
            "No focal area chosen in the formulation yet: all four are offered.", self
        )
        column.addWidget(self.no_areas)
        self.strategies_label = QLabel("Strategies used (from the area's list)", self)
        column.addWidget(self.strategies_label)
        self._strategy_grid = self._grid(column)

        for task in PhaseTask:
            box = QCheckBox(task.label, self)
            box.setAccessibleName(f"IPT task: {task.label}")
            if task is PhaseTask.FORMULATION_ACCEPTED:
                box.clicked.connect(self.acceptanceToggled)  # the user's click only
            else:
                box.toggled.connect(self._toggled)
            self._tasks[task] = box
        for area in ProblemArea:
            box = QCheckBox(area.label, self)
            box.setAccessibleName(f"Focal area worked on: {area.label}")
            box.toggled.connect(self._area_toggled)
            self._area_boxes[area] = box
        for strategy in Strategy:
            box = QCheckBox(strategy.label, self)
            box.setAccessibleName(f"Strategy used: {strategy.label}")
            box.setToolTip(strategy.area.label)
            box.toggled.connect(self._toggled)
            self._strategy_boxes[strategy] = box
        self._arrange()

    # ---- public --------------------------------------------------------------------------

    def box(self, task: PhaseTask) -> QCheckBox:
        return self._tasks[task]

    def areaBox(self, area: ProblemArea) -> QCheckBox:
        return self._area_boxes[area]

    def strategyBox(self, strategy: Strategy) -> QCheckBox:
        return self._strategy_boxes[strategy]

    def phase(self) -> Phase:
        return self._phase

    def acceptance(self) -> Acceptance:
        return self._acceptance

    def sessionDate(self) -> dt.date | None:
        return self._session_date

    def setContext(
        self,
        phase: Phase,
        areas: Iterable[ProblemArea],
        accepted_on: dt.date | None,
        session_date: dt.date,
        offered: Iterable[PhaseTask] | None = None,
        acceptance: Acceptance | None = None,
    ) -> None:
        """The phase in effect, the episode's focal areas, the formulation's acceptance (the
        day, and where it stands from this session: ``task_rules.acceptance_at``), and the
        tasks to offer (``task_rules.tasks_offered``; default: the phase's list)."""
        self._phase = phase
        self._offered = TASKS_BY_PHASE[phase] if offered is None else tuple(offered)
        self._areas = tuple(areas)
        self._session_date = session_date
        if acceptance is None:
            if accepted_on is None:
                acceptance = Acceptance.OPEN
            elif accepted_on <= session_date:
                acceptance = Acceptance.EARLIER
            else:
                acceptance = Acceptance.LATER
        self._acceptance = acceptance
        box = self._tasks[PhaseTask.FORMULATION_ACCEPTED]
        box.setChecked(acceptance in (Acceptance.HERE, Acceptance.EARLIER))
        box.setText(acceptance_text(acceptance, accepted_on))
        self._enable_acceptance()
        self._arrange()

    def value(self) -> SessionTasks:
        areas = tuple(a for a, box in self._area_boxes.items() if box.isChecked())
        return SessionTasks(
            done=frozenset(
                t
                for t, box in self._tasks.items()
                if box.isChecked() and t is not PhaseTask.FORMULATION_ACCEPTED
            ),
            focal_areas=areas,
            strategies=tuple(
                s for s, box in self._strategy_boxes.items() if box.isChecked() and s.area in areas
            ),
        )

    def setValue(self, tasks: SessionTasks) -> None:
        self._loading = True
        try:
            for task, box in self._tasks.items():
                if task is not PhaseTask.FORMULATION_ACCEPTED:
                    box.setChecked(task in tasks.done)
            for area, box in self._area_boxes.items():
                box.setChecked(area in tasks.focal_areas)
            for strategy, box in self._strategy_boxes.items():
                box.setChecked(strategy in tasks.strategies)
        finally:
            self._loading = False
        self._arrange()

    def setReadOnly(self, read_only: bool) -> None:
        self._read_only = read_only
        for task, box in self._tasks.items():
            if task is not PhaseTask.FORMULATION_ACCEPTED:
                box.setEnabled(not read_only)
        self._enable_acceptance()
        for group in (self._area_boxes, self._strategy_boxes):
            for other in group.values():
                other.setEnabled(not read_only)

    def minimumSizeHint(self) -> QSize:
        widest = max(box.minimumSizeHint().width() for box in self._tasks.values())
        return QSize(min(widest, 260), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._fit_columns(event.size().width()):
            self._arrange()
        super().resizeEvent(event)

    def _fit_columns(self, width: int) -> bool:
        """As many columns as the widest shown label allows at ``width`` (labels change with
        the session: "(initial)", the day of acceptance); True if that changed. Shown means
        not hidden: while the editor itself is not on screen no box "is visible", and the
        columns were then sized for a 200 px default, clipping the long labels."""
        boxes = [
            b for b in (*self._tasks.values(), *self._strategy_boxes.values()) if not b.isHidden()
        ]
        widest = max((b.sizeHint().width() for b in boxes), default=200)
        spacing = self._task_grid.horizontalSpacing()
        columns = max(1, min(COLUMNS, (width + spacing) // (widest + spacing)))
        changed = columns != self._columns
        self._columns = columns
        return changed

    # ---- internals -----------------------------------------------------------------------

    def _grid(self, column: QVBoxLayout) -> QGridLayout:
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 4)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(2)
        grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        column.addLayout(grid)
        return grid

    def _enable_acceptance(self) -> None:
        box = self._tasks[PhaseTask.FORMULATION_ACCEPTED]
        open_here = self._acceptance in (Acceptance.OPEN, Acceptance.HERE)
        box.setEnabled(open_here and not self._read_only)
        box.setToolTip(ACCEPTED_HINT if open_here else ACCEPTED_ELSEWHERE_HINT)

    def _toggled(self, _checked: bool) -> None:
        if not self._loading:
            self.edited.emit()

    def _area_toggled(self, checked: bool) -> None:
        if not checked:  # a strategy belongs to an area worked on: untick the area's ones
            self._loading, was = True, self._loading
            try:
                for strategy, box in self._strategy_boxes.items():
                    if not self._area_boxes[strategy.area].isChecked():
                        box.setChecked(False)
            finally:
                self._loading = was
        self._arrange()
        self._toggled(checked)

    def _arrange(self) -> None:
        phase = self._phase
        self.title.setText(f"{phase.label} phase tasks done in this session")
        own = self._offered
        shown_tasks: list[QCheckBox] = []
        for task, box in self._tasks.items():
            mine = task in own
            if task is PhaseTask.FORMULATION_ACCEPTED:  # its text says when (setContext)
                if mine:
                    shown_tasks.append(box)
                continue
            # Marked with its phase when recorded or offered outside it (an initial task
            # still open in the session where the formulation was accepted).
            home = phase_of(task)
            marked = not mine or (home is Phase.INITIAL and phase is not Phase.INITIAL)
            box.setText(f"{task.label} ({home.label.lower()})" if marked else task.label)
            if mine or box.isChecked():
                shown_tasks.append(box)
        middle = phase is Phase.MIDDLE
        offered = self._areas or tuple(ProblemArea)
        shown_areas = [
            box
            for area, box in self._area_boxes.items()
            if (middle and area in offered) or box.isChecked()
        ]
        shown_strategies = [
            box
            for strategy, box in self._strategy_boxes.items()
            if self._area_boxes[strategy.area].isChecked() or box.isChecked()
        ]
        self._place(self._task_grid, self._tasks.values(), shown_tasks)
        if self.width() > 0 and self._fit_columns(self.width()):
            self._place(self._task_grid, self._tasks.values(), shown_tasks)
        self._place(self._area_grid, self._area_boxes.values(), shown_areas)
        self._place(self._strategy_grid, self._strategy_boxes.values(), shown_strategies)
        self.areas_label.setVisible(bool(shown_areas))
        self.no_areas.setVisible(middle and not self._areas)
        self.strategies_label.setVisible(bool(shown_strategies))
        self.updateGeometry() if self.isVisible() else None

    def _place(self, grid: QGridLayout, every: Iterable[QCheckBox], shown: list[QCheckBox]) -> None:
        for box in every:
            grid.removeWidget(box)
            if box.isHidden() == (box in shown):  # only a real change (no needless events)
                box.setHidden(box not in shown)
        rows = max(1, -(-len(shown) // self._columns))
        # Column by column, so Tab runs down a column the way the eye reads it.
        for i, box in enumerate(shown):
            grid.addWidget(box, i % rows, i // rows)
