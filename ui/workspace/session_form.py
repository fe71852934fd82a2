"""The fields of an IPT session note, top to bottom in the order a session runs.

Session date and phase; the opening question ("How have things been since we last met?")
and recent interpersonal events; the measures (mood, PHQ-9, HAM-D, GAD-7); the risk
assessment; the IPT work (techniques, problem-area work, role play, homework); the plan and
a free note; the signature and amendments. This class only shows and reads values; the
``SessionEditor`` decides when they are saved, signed or amended.
"""

import dataclasses
from collections.abc import Mapping
from contextlib import suppress

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ipt_desktop.domain.enums import Phase, ProblemArea, Technique
from ipt_desktop.domain.handover import entry_after_edit
from ipt_desktop.domain.model import OPENING_QUESTION, Session, SessionNote
from ipt_desktop.domain.phase_tasks import TICKABLE, SessionTasks, Strategy
from ui.common.date_field import DateField
from ui.common.form_parts import field_label, labelled, section_heading

from .adaptive_row import AdaptiveRow
from .gad7_form import Gad7Form
from .hamd_field import HamdField
from .mood_slider import MoodSlider
from .note_field import NoteField
from .phase_task_checklist import PhaseTaskChecklist
from .phq9_form import Phq9Form
from .risk_sources_field import RiskSourcesField
from .signature_panel import SignaturePanel
from .technique_checklist import TechniqueChecklist

#: Note fields, in screen order: (SessionNote attribute, label, placeholder prompt).
_OPENING = (
    "since_last_met",
    "The client's answer",
    "In the client's words: mood since the last session and what happened.",
)
_EVENTS = (
    "recent_events",
    "Recent interpersonal events and mood",
    "Link recent events with mood: who was involved, what happened, how it felt.",
)
_RISK = (
    "risk_assessment",
    "Risk assessment and safety plan",
    "Thoughts of death or self-harm: frequency, intent, plan, protective factors, "
    "safety plan agreed, who to contact.",
)
_WORK = (
    (
        "problem_area_work",
        "Problem-area work",
        "Work on the focal area(s): grief, role dispute, role transition or interpersonal "
        "deficits. What was explored, what changed.",
    ),
    ("role_play", "Role play", "The situation rehearsed, how it went, what the client noticed."),
    ("homework", "Homework", "What the client will try before the next session."),
)
_CLOSING = (
    ("plan", "Plan for the next session", "What to follow up next time."),
    ("note", "Free note", "Anything else."),
)


class SessionForm(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts: dict[str, NoteField] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 4, 16, 16)
        column.setSpacing(4)

        # -- the session: date and phase
        column.addWidget(section_heading("Session", self))
        self.date_field = DateField("Session date", parent=self)
        self.phase_combo = QComboBox(self)
        self.phase_combo.setAccessibleName("Phase")
        self.phase_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.phase_combo.setToolTip(
            "The suggested phase follows the IPT rules; choose another "
            "to override it for this session."
        )
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.addWidget(field_label("Date", self.date_field, self), 0, 0)
        grid.addWidget(self.date_field, 0, 1)
        grid.addWidget(field_label("Phase", self.phase_combo, self), 1, 0)
        phase_row = QHBoxLayout()
        phase_row.addWidget(self.phase_combo)
        phase_row.addStretch(1)
        grid.addLayout(phase_row, 1, 1)
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)

        # -- the IPT tasks of the session's phase
        column.addWidget(section_heading("IPT tasks", self))
        self.tasks = PhaseTaskChecklist(self)
        column.addWidget(self.tasks)

        # -- the opening question
        column.addWidget(section_heading("Since we last met", self))
        question = QLabel(f"\u201c{OPENING_QUESTION}\u201d", self)
        italic = QFont(question.font())
        italic.setItalic(True)
        question.setFont(italic)
        question.setWordWrap(True)
        column.addWidget(question)
        for name, label, prompt in (_OPENING, _EVENTS):
            column.addWidget(self._text(name, label, prompt))

        # -- measures
        column.addWidget(section_heading("Measures", self))
        self.mood = MoodSlider(self)
        column.addWidget(labelled("Mood today (client's rating)", self.mood, self))
        self.phq9 = Phq9Form(self)
        column.addWidget(labelled("PHQ-9 (client)", self.phq9, self))
        self.hamd = HamdField(self)
        hamd_row = AdaptiveRow(self)  # the label above the field when the form is narrow
        hamd_row.setContentsMargins(0, 8, 0, 4)
        hamd_label = field_label("HAM-D total (clinician-rated, optional)", self.hamd, self)
        hamd_label.setWordWrap(False)
        hamd_row.addWidget(hamd_label)
        hamd_row.addWidget(self.hamd, 1)
        column.addWidget(hamd_row)
        self.gad7 = Gad7Form(self)
        column.addWidget(labelled("GAD-7 (client, optional)", self.gad7, self))

        # -- risk
        column.addWidget(section_heading("Risk", self))
        self.risk_sources = RiskSourcesField(self)
        column.addWidget(self.risk_sources)
        column.addWidget(self._text(*_RISK, lines=3))

        # -- IPT work
        column.addWidget(section_heading("IPT work", self))
        self.techniques = TechniqueChecklist(self)
        column.addWidget(labelled("Techniques used", self.techniques, self))
        for name, label, prompt in _WORK:
            column.addWidget(self._text(name, label, prompt))

        # -- plan and free note
        column.addWidget(section_heading("Plan and notes", self))
        for name, label, prompt in _CLOSING:
            column.addWidget(self._text(name, label, prompt))

        # -- signature
        column.addWidget(section_heading("Signature", self))
        self.signature = SignaturePanel(self)
        column.addWidget(self.signature)
        column.addStretch(1)

        for widget in (
            self.date_field,
            self.mood,
            self.phq9,
            self.hamd,
            self.gad7,
            self.techniques,
            self.tasks,
            self.risk_sources,
        ):
            widget.edited.connect(self.edited)
        self.phase_combo.activated.connect(lambda _index: self.edited.emit())

    # ---- values --------------------------------------------------------------------------

    @property
    def risk_field(self) -> NoteField:
        return self.texts["risk_assessment"]

    def show_session(self, session: Session) -> None:
        """Fill every field from ``session`` (not an edit)."""
        self.date_field.setDate(session.date)
        self.mood.setValue(session.mood)
        self.phq9.setValue(session.phq9)
        self.hamd.setValue(session.hamd)
        self.gad7.setValue(session.gad7)
        self.risk_sources.setValues(session.hamd_item3, session.risk_noted)
        self.techniques.setValue(session.note.techniques)
        self.tasks.setValue(session.tasks)
        for name, field in self.texts.items():
            field.setText(getattr(session.note, name))
        self.signature.clearAmendmentText()

    def note(self) -> SessionNote:
        texts = {name: field.text() for name, field in self.texts.items()}
        return SessionNote(techniques=self.techniques.value(), **texts)

    def session_from(self, stored: Session) -> Session:
        """``stored`` with the values in the form (a ``ValidationError`` names a bad one)."""
        edited = dataclasses.replace(
            stored,
            date=self.date_field.date() or stored.date,
            phase_override=self.phase_override(),
            mood=self.mood.value(),
            phq9=self.phq9.value(),
            hamd=self.hamd.value(),
            hamd_item3=self.risk_sources.item3Value(),
            risk_noted=self.risk_sources.riskNoted(),
            gad7=self.gad7.value(),
            note=self.note(),
            tasks=self.tasks.value(),
            client_entry=None,
        )
        # A score the therapist changed is no longer the client's own rating.
        return dataclasses.replace(edited, client_entry=entry_after_edit(stored, edited))

    def set_phase_choices(self, suggested: Phase, override: Phase | None) -> None:
        combo = self.phase_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(f"{suggested.label} (suggested)", "")
        for phase in Phase:
            combo.addItem(phase.label, phase.value)
        index = 0 if override is None else combo.findData(override.value)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def phase_override(self) -> Phase | None:
        data = self.phase_combo.currentData()
        return Phase(data) if data else None

    def set_read_only(self, read_only: bool) -> None:
        self.date_field.setReadOnly(read_only)
        self.phase_combo.setEnabled(not read_only)
        self.mood.setReadOnly(read_only)
        self.phq9.setReadOnly(read_only)
        self.hamd.setReadOnly(read_only)
        self.gad7.setReadOnly(read_only)
        self.risk_sources.setReadOnly(read_only)
        self.techniques.setReadOnly(read_only)
        self.tasks.setReadOnly(read_only)
        for field in self.texts.values():
            field.setReadOnly(read_only)

    def clear_sensitive(self) -> None:
        for field in self.texts.values():
            field.setText("")
        self.date_field.clearSensitive()
        self.mood.setValue(None)
        self.phq9.setValue(None)
        self.hamd.setValue(None)
        self.gad7.setValue(None)
        self.risk_sources.setValues(None, False)
        self.techniques.setValue(())
        self.tasks.setValue(SessionTasks())
        self.signature.show_state(None, ())
        self.signature.clearAmendmentText()

    # ---- drafts --------------------------------------------------------------------------

    def draft_fields(self) -> dict[str, str]:
        def answers(values: tuple[int | None, ...]) -> str:
            return ",".join("" if a is None else str(a) for a in values)

        mood = self.mood.value()
        fields = {
            "date": self.date_field.text(),
            "phase": self.phase_combo.currentData() or "",
            "mood": "" if mood is None else str(mood),
            "phq9": answers(self.phq9.answers()),
            "hamd": self.hamd.text(),  # as typed, even outside 0-52 (it is shown as a problem)
            "gad7": answers(self.gad7.answers()),
            "techniques": ",".join(t.value for t in self.techniques.value()),
            "hamd_item3": "" if (item3 := self.risk_sources.item3Value()) is None else str(item3),
            "risk_noted": "1" if self.risk_sources.riskNoted() else "",
            **_tasks_fields(self.tasks.value()),
        }
        fields.update({name: field.text() for name, field in self.texts.items()})
        return fields

    def apply_draft_fields(self, fields: Mapping[str, str]) -> None:
        """Put draft values back; anything unreadable is skipped, text always comes back."""
        if "date" in fields:
            self.date_field.setText(fields["date"])
        if "phase" in fields:
            index = self.phase_combo.findData(fields["phase"])
            if index >= 0:
                self.phase_combo.setCurrentIndex(index)
        # A damaged draft value (ValidationError is a ValueError) is skipped; text comes back.
        if "mood" in fields:
            with suppress(ValueError):
                self.mood.setValue(_int_or_none(fields["mood"]))
        if "hamd" in fields:
            self.hamd.setText(fields["hamd"])
        self._apply_risk_sources(fields)
        for form, key in ((self.phq9, "phq9"), (self.gad7, "gad7")):
            if key in fields:
                answers = [_int_or_none(part) for part in fields[key].split(",")]
                with suppress(ValueError):
                    form.setAnswers(answers)
        if "techniques" in fields:
            chosen = [t for t in Technique if t.value in fields["techniques"].split(",")]
            self.techniques.setValue(chosen)
        if "tasks_done" in fields:
            with suppress(ValueError):
                self.tasks.setValue(_tasks_from_fields(fields))
        for name, field in self.texts.items():
            if name in fields:
                field.setText(fields[name])

    # ---- internals -----------------------------------------------------------------------

    def _apply_risk_sources(self, fields: Mapping[str, str]) -> None:
        """HAM-D item 3 and "risk noted" from a draft (an unreadable item 3 is skipped)."""
        if "hamd_item3" not in fields and "risk_noted" not in fields:
            return
        item3 = _int_or_none(fields.get("hamd_item3", ""))
        if item3 is not None and not 0 <= item3 <= 4:
            item3 = None
        self.risk_sources.setValues(item3, fields.get("risk_noted") == "1")

    def _text(self, name: str, label: str, prompt: str, *, lines: int = 3) -> QWidget:
        field = NoteField(label, prompt, lines=lines, parent=self)
        field.edited.connect(self.edited)
        self.texts[name] = field
        return labelled(label, field, self)


def _tasks_fields(tasks: SessionTasks) -> dict[str, str]:
    return {
        "tasks_done": ",".join(sorted(t.value for t in tasks.done)),
        "focal_areas": ",".join(a.value for a in tasks.focal_areas),
        "strategies": ",".join(s.value for s in tasks.strategies),
    }


def _tasks_from_fields(fields: Mapping[str, str]) -> SessionTasks:
    """A draft's ticks; a value this version does not know is dropped, not guessed."""

    def chosen(key: str) -> list[str]:
        return [part for part in fields.get(key, "").split(",") if part]

    areas = tuple(a for a in ProblemArea if a.value in chosen("focal_areas"))
    return SessionTasks(
        done=frozenset(t for t in TICKABLE if t.value in chosen("tasks_done")),
        focal_areas=areas,
        strategies=tuple(
            s for s in Strategy if s.value in chosen("strategies") and s.area in areas
        ),
    )


def _int_or_none(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.lstrip("-").isdigit() else None
