"""The episode's goals, each with its focal area and its review at termination: met, partly
met or not met, with a line of evidence (domain ``goals``). One row per goal listed on the
formulation; a row keeps its values while the goal's text stays the same."""

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ipt_desktop.domain.enums import ProblemArea
from ipt_desktop.domain.goals import MAX_EVIDENCE_CHARS, GoalReview, GoalStatus, reviews_of

NO_AREA = "No focal area"
NOT_REVIEWED = "Not reviewed yet"
EVIDENCE_PROMPT = "Evidence, one line (clinical summary only)"


class GoalRow(QWidget):
    edited = Signal()

    def __init__(self, review: GoalReview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goal = review.goal
        self.label = QLabel(review.goal, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.area = QComboBox(self)
        self.area.setAccessibleName(f"Focal area of the goal: {review.goal}")
        self.area.addItem(NO_AREA, "")
        for area in ProblemArea:
            self.area.addItem(area.label, area.value)
        self.status = QComboBox(self)
        self.status.setAccessibleName(f"Goal reviewed: {review.goal}")
        self.status.addItem(NOT_REVIEWED, "")
        for status in GoalStatus:
            self.status.addItem(status.label, status.value)
        self.evidence = QLineEdit(self)
        self.evidence.setAccessibleName(f"Evidence for the goal: {review.goal}")
        self.evidence.setPlaceholderText(EVIDENCE_PROMPT)
        self.evidence.setMaxLength(MAX_EVIDENCE_CHARS)
        self.show_review(review)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.area)
        row.addWidget(self.status)
        row.addWidget(self.evidence, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 4)
        column.setSpacing(2)
        column.addWidget(self.label)
        column.addLayout(row)
        self.area.activated.connect(lambda _i: self.edited.emit())
        self.status.activated.connect(lambda _i: self.edited.emit())
        self.evidence.textEdited.connect(lambda _t: self.edited.emit())

    def show_review(self, review: GoalReview) -> None:
        self.area.setCurrentIndex(max(0, self.area.findData(review.area or "")))
        self.status.setCurrentIndex(max(0, self.status.findData(review.status or "")))
        self.evidence.setText(review.evidence)

    def review(self) -> GoalReview:
        area, status = self.area.currentData(), self.status.currentData()
        return GoalReview(
            self.goal,
            area=ProblemArea(area) if area else None,
            status=GoalStatus(status) if status else None,
            evidence=self.evidence.text().strip(),
        )

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.area, self.status):
            widget.setEnabled(not read_only)
        self.evidence.setReadOnly(read_only)


class GoalReviewList(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[GoalRow] = []
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(2)

    def rows(self) -> tuple[GoalRow, ...]:
        return tuple(self._rows)

    def row(self, goal: str) -> GoalRow:
        return next(r for r in self._rows if r.goal == goal)

    def setGoals(self, goals: Sequence[str], reviews: Sequence[GoalReview] | None = None) -> None:
        """One row per goal; ``reviews`` None keeps what the rows of goals still listed hold."""
        known = self.reviews() if reviews is None else tuple(reviews)
        for row in self._rows:  # gone at once, not only at the next turn of the event loop
            row.hide()
            self._column.removeWidget(row)
            row.deleteLater()
        self._rows = []
        for review in reviews_of(goals, known):
            row = GoalRow(review, self)
            row.edited.connect(self.edited)
            self._column.addWidget(row)
            self._rows.append(row)

    def reviews(self) -> tuple[GoalReview, ...]:
        """The reviews that say something (an untouched row stores nothing)."""
        return tuple(r for row in self._rows if not (r := row.review()).is_empty)
