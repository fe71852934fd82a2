"""Latest measures of the selected contract, with the change from baseline and the outcome.

Per measure: the latest score with its band (colour and words), baseline -> latest with
the change, and the outcome in plain words. Only the primary measure (PHQ-9, else HAM-D)
carries a verdict, and only at the end of the course ("Response", "Remission"); before
that it says "In progress", and the other measures only say how they changed ("Improved
(5+ points)"). A positive PHQ-9 item 9 at the latest measurement is said in words too.
"""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ipt_desktop.domain.contract import session_order_key
from ipt_desktop.domain.enums import EpisodeKind
from ipt_desktop.domain.measures import (
    gad7_severity,
    hamd_severity,
    item9_positive,
    phq9_severity,
)
from ipt_desktop.domain.model import Session
from ipt_desktop.domain.outcomes import (
    Measure,
    Outcome,
    gad7_outcome,
    hamd_outcome,
    phq9_outcome,
)
from ipt_desktop.domain.verdict import EpisodeJudgement, Verdict, change_words
from ui.common.clinical_colours import risk_colour
from ui.common.form_parts import CellLabel, active_palette, muted_label, set_muted, set_text_colour
from ui.common.ui_text import NONE_TEXT, format_date

from .badges import SeverityLabel

_SEVERITY = {Measure.PHQ9: phq9_severity, Measure.HAMD: hamd_severity, Measure.GAD7: gad7_severity}


def change_text(baseline: int, latest: int) -> str:
    change = latest - baseline
    sign = "+" if change > 0 else ("−" if change < 0 else "±")
    # Non-breaking around the arrow: a narrow card wraps before the change, not inside.
    return f"{baseline}\u00a0→\u00a0{latest} ({sign}{abs(change)})"


class MeasuresCard(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(14)
        self._grid.setVerticalSpacing(6)
        for column, title in enumerate(("", "Latest", "Start\u00a0→ latest", "Outcome")):
            header = muted_label(title, self)
            self._grid.addWidget(header, 0, column)
        self._labels: dict[Measure, tuple[SeverityLabel, QLabel, QLabel]] = {}
        for row, measure in enumerate((Measure.PHQ9, Measure.HAMD, Measure.GAD7), start=1):
            name = QLabel(measure.label, self)
            latest = SeverityLabel(self)
            change = CellLabel(NONE_TEXT, self)
            outcome = CellLabel(NONE_TEXT, self)
            for label in (latest, change, outcome):  # a narrow card wraps, never cuts
                label.setWordWrap(True)
            font = outcome.font()
            font.setBold(True)
            outcome.setFont(font)
            self._grid.addWidget(name, row, 0)
            self._grid.addWidget(latest, row, 1)
            self._grid.addWidget(change, row, 2)
            self._grid.addWidget(outcome, row, 3)
            self._labels[measure] = (latest, change, outcome)
        self._mood = QLabel(NONE_TEXT, self)
        self._mood_change = CellLabel(NONE_TEXT, self)
        self._grid.addWidget(QLabel("Mood", self), 4, 0)
        self._grid.addWidget(self._mood, 4, 1)
        self._grid.addWidget(self._mood_change, 4, 2)
        self._grid.setColumnStretch(4, 1)  # spare width after the columns, not inside one
        self._risk = QLabel(self)
        self._risk.setWordWrap(True)
        self._grid.addWidget(self._risk, 5, 0, 1, 5)
        self._note = muted_label("", self)
        self._grid.addWidget(self._note, 6, 0, 1, 5)

    def outcomeText(self, measure: Measure) -> str:
        return self._labels[measure][2].text()

    def latestText(self, measure: Measure) -> str:
        return self._labels[measure][0].plainText()

    def riskText(self) -> str:
        return self._risk.text() if self._risk.isVisibleTo(self) else ""

    def show_sessions(
        self, sessions: Sequence[Session], judgement: EpisodeJudgement | None = None
    ) -> None:
        outcomes: dict[Measure, Outcome | None] = {
            Measure.PHQ9: phq9_outcome(sessions),
            Measure.HAMD: hamd_outcome(sessions),
            Measure.GAD7: gad7_outcome(sessions),
        }
        primary = None if judgement is None or judgement.primary is None else judgement.primary
        for measure, (latest, change, outcome_label) in self._labels.items():
            outcome = outcomes[measure]
            if outcome is None:
                latest.setScore(None, None)
                change.setText(NONE_TEXT)
                outcome_label.setText(NONE_TEXT)
                continue
            latest.setScore(outcome.latest, _SEVERITY[measure](outcome.latest))
            if outcome.measurements < 2:
                change.setText(f"{outcome.baseline} at start")
            else:
                change.setText(change_text(outcome.baseline, outcome.latest))
            change.setToolTip(
                f"{format_date(outcome.baseline_date)} → {format_date(outcome.latest_date)}"
            )
            if primary is not None and judgement is not None and measure is primary.measure:
                outcome_label.setText(_verdict_text(judgement, outcome))
            else:
                outcome_label.setText(change_words(outcome))
        ordered = sorted(sessions, key=session_order_key)
        moods = [s.mood for s in ordered if s.mood is not None]
        self._mood.setText(NONE_TEXT if not moods else f"{moods[-1]} / 10")
        self._mood_change.setText(change_text(moods[0], moods[-1]) if len(moods) > 1 else NONE_TEXT)
        self._mood_change.setToolTip("Mood runs 0 (worst) to 10 (best): higher is better.")
        with_phq9 = [s for s in ordered if s.phq9 is not None]
        if with_phq9 and item9_positive(with_phq9[-1].phq9):
            when = format_date(with_phq9[-1].date)
            self._risk.setText(f"PHQ-9 item 9 above 0 at the latest measurement ({when})")
            set_text_colour(self._risk, risk_colour(active_palette(self)))
            font = self._risk.font()
            font.setBold(True)
            self._risk.setFont(font)
            self._risk.show()
        else:
            self._risk.hide()
        self._note.setText(_note_text(judgement) if any(outcomes.values()) else NO_MEASURES)
        self._note.setTextFormat(Qt.TextFormat.PlainText)
        set_muted(self._note)


NO_MEASURES = "No measures recorded in this contract yet."
NOTE_ACUTE = (
    "The primary measure (PHQ-9, else HAM-D) decides the outcome at the end of the course: "
    "response at least 50% below the start, partial 25-49%; remission only from a start of "
    "PHQ-9 10 or HAM-D 8 or more."
)
NOTE_MAINTENANCE = (
    "Maintenance: staying well, or recurrence (PHQ-9 10 or more twice in a row), judged "
    "against the acute course's start."
)


def _note_text(judgement: EpisodeJudgement | None) -> str:
    if judgement is not None and judgement.kind is EpisodeKind.MAINTENANCE:
        return NOTE_MAINTENANCE
    return NOTE_ACUTE


def _verdict_text(judgement: EpisodeJudgement, outcome: Outcome) -> str:
    """The primary measure's cell: a verdict at the end of the course, else progress."""
    if judgement.verdict is Verdict.IN_PROGRESS:
        return f"In progress: {change_words(outcome).lower()}"
    if judgement.verdict is Verdict.NOT_MEASURED:
        return change_words(outcome)
    return judgement.verdict.label
