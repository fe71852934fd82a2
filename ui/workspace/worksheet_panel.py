"""The problem-area worksheets of an episode (domain ``worksheets``): one group of fields per
focal area chosen on the formulation, plus any area whose worksheet already holds text (it is
never hidden). Part of the formulation tab and saved with the episode."""

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ipt_desktop.domain.enums import ProblemArea
from ipt_desktop.domain.worksheets import WORKSHEET_QUESTIONS, Worksheet
from ui.common.form_parts import labelled, muted_label, section_heading

from .note_field import NoteField

NO_AREA = "Choose a focal area above: its worksheet appears here."


class WorksheetPanel(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields: dict[tuple[ProblemArea, str], NoteField] = {}
        self._groups: dict[ProblemArea, QWidget] = {}
        self._areas: tuple[ProblemArea, ...] = ()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.empty = muted_label(NO_AREA, self)
        column.addWidget(self.empty)
        for area, questions in WORKSHEET_QUESTIONS.items():
            group = QWidget(self)
            group.setAccessibleName(f"{area.label} worksheet")
            inner = QVBoxLayout(group)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(section_heading(f"{area.label} worksheet", group))
            for question in questions:
                field = NoteField(
                    f"{area.label}: {question.label}", question.prompt, lines=2, parent=group
                )
                field.edited.connect(self.edited)
                self._fields[(area, question.key)] = field
                inner.addWidget(labelled(question.label, field, group))
            self._groups[area] = group
            column.addWidget(group)
        self.setAreas(())

    def field(self, area: ProblemArea, key: str) -> NoteField:
        return self._fields[(area, key)]

    def group(self, area: ProblemArea) -> QWidget:
        return self._groups[area]

    def setAreas(self, areas: Iterable[ProblemArea]) -> None:
        """Show the worksheets of these focal areas (and any holding text)."""
        self._areas = tuple(areas)
        shown = False
        for area, group in self._groups.items():
            visible = area in self._areas or not self._worksheet(area).is_empty
            if group.isHidden() == visible:
                group.setHidden(not visible)
            shown = shown or visible
        self.empty.setHidden(shown)

    def setWorksheets(self, worksheets: Iterable[Worksheet]) -> None:
        by_area = {w.area: w for w in worksheets}
        for (area, key), field in self._fields.items():
            sheet = by_area.get(area)
            field.setText("" if sheet is None else sheet.answer(key))
        self.setAreas(self._areas)

    def worksheets(self) -> tuple[Worksheet, ...]:
        found = (self._worksheet(area) for area in WORKSHEET_QUESTIONS)
        return tuple(w for w in found if not w.is_empty)

    def _worksheet(self, area: ProblemArea) -> Worksheet:
        answers = {q.key: self._fields[(area, q.key)].text() for q in WORKSHEET_QUESTIONS[area]}
        return Worksheet.of(area, answers)

    # -- drafts -----------------------------------------------------------------------------
    def draftFields(self) -> dict[str, str]:
        return {
            f"worksheet.{area.value}.{key}": field.text()
            for (area, key), field in self._fields.items()
            if field.text()
        }

    def applyFields(self, fields: Mapping[str, str]) -> None:
        for (area, key), field in self._fields.items():
            field.setText(fields.get(f"worksheet.{area.value}.{key}", ""))
        self.setAreas(self._areas)
