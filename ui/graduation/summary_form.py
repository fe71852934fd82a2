"""The left side of the graduation preview: what the document says and how it is made.

The therapist picks the document (the letter for the client, the clinical termination
summary, or both), the paper and the charts; edits the opening and closing words (and
the recommendations of the clinical summary); ticks and orders the achievements, skills
and warning signs; and may set a PDF password. Nothing here is saved to the record: these
choices make one document.
"""

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.graduation import (
    DocumentKind,
    GraduationContent,
    PaperSize,
    preview_warnings,
    select,
    with_greeting_name,
)
from ui.common.clinical_colours import muted_text

from .item_picker import ItemPicker

PAPER_NAMES = {PaperSize.A4: "A4", PaperSize.LETTER: "US Letter"}
KIND_LABELS = {
    DocumentKind.LETTER: "Letter for the client",
    DocumentKind.CLINICAL: "Clinical summary for another clinician",
    DocumentKind.BOTH: "Both: the letter, then the clinical summary",
}
PASSWORD_NOTE = (
    "The PDF is encrypted with AES-256, but a PDF password is weak protection: whoever has "  # noqa: S105 - a message
    "the file can try passwords offline, as fast as their computer allows. Use a long, "
    "random password and give it to the reader another way (in person, by phone)."
)
TEXT_LINES = 6


def _muted(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    palette = label.palette()
    palette.setColor(label.foregroundRole(), muted_text(palette))
    label.setPalette(palette)
    return label


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    label.setContentsMargins(0, 12, 0, 0)
    return label


def _text_edit(name: str, parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    line = edit.fontMetrics().lineSpacing()
    edit.setFixedHeight(TEXT_LINES * line + 2 * edit.frameWidth() + 12)
    return edit


class SummaryForm(QWidget):
    #: Anything that changes the document's pages.
    changed = Signal()
    #: The password choice (it changes how the file is written, not what the pages show).
    passwordChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base: GraduationContent | None = None

        self.kinds = QButtonGroup(self)
        self.kindButtons: dict[DocumentKind, QRadioButton] = {}
        kind_box = QVBoxLayout()
        kind_box.setSpacing(2)
        for kind, label in KIND_LABELS.items():
            button = QRadioButton(label, self)
            button.setAccessibleName(label)
            self.kinds.addButton(button)
            self.kindButtons[kind] = button
            kind_box.addWidget(button)
        self.kindButtons[DocumentKind.LETTER].setChecked(True)

        self.paper = QComboBox(self)
        self.paper.setAccessibleName("Paper size")
        for size, name in PAPER_NAMES.items():
            self.paper.addItem(name, size)
        paper_label = QLabel("&Paper:", self)
        paper_label.setBuddy(self.paper)
        self.moodChart = QCheckBox("Mood chart in the letter", self)
        self.moodChart.setAccessibleName("Include the mood chart in the letter")
        self.phq9Chart = QCheckBox("PHQ-9 scores in the chart", self)
        self.phq9Chart.setAccessibleName("Include the PHQ-9 chart")
        self.goalsInLetter = QCheckBox("Goals in the letter (what you set out to do)", self)
        self.goalsInLetter.setAccessibleName("List the goals in the letter")
        self.goalsInLetter.setToolTip(
            "Each goal with how far it was reached, in plain words; the evidence stays in "
            "the clinical summary"
        )
        self.worksheetsInSummary = QCheckBox("Problem-area worksheets in the summary", self)
        self.worksheetsInSummary.setAccessibleName("Add the worksheets to the clinical summary")
        options = QHBoxLayout()
        options.addWidget(paper_label)
        options.addWidget(self.paper)
        options.addStretch(1)
        charts = QHBoxLayout()
        charts.addWidget(self.moodChart)
        charts.addSpacing(12)
        charts.addWidget(self.phq9Chart)
        charts.addStretch(1)

        self.greetingName = QLineEdit(self)
        self.greetingName.setAccessibleName("Name in the greeting")
        self.greetingName.setPlaceholderText("The name the client wants to be called")
        self.greetingName.setToolTip(
            "Saved as the client's preferred name when the letter is saved or printed"
        )
        greeting_label = QLabel("&Greeting: Dear", self)
        greeting_label.setBuddy(self.greetingName)
        self._greeting_row = QHBoxLayout()
        self._greeting_row.addWidget(greeting_label)
        self._greeting_row.addWidget(self.greetingName, 1)
        self._greeting_label = greeting_label
        #: Unfinished course, empty sections: said here, never dropped silently.
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setAccessibleName("Warnings about the letter")
        warning_font = self.warnings.font()
        warning_font.setBold(True)
        self.warnings.setFont(warning_font)
        self.opening = _text_edit("Opening words", self)
        self.closing = _text_edit("Closing words", self)
        self.recommendations = _text_edit("Recommendations", self)
        self.letterNote = _muted(
            "The opening and closing words and the chart choices belong to the letter; "
            "choose the letter or both to edit them.",
            self,
        )
        self.achievements = ItemPicker(
            "Achievements", "No achievements were recorded in the Termination tab.", self
        )
        self.skills = ItemPicker(
            "Skills to keep using", "No skills were recorded in the Termination tab.", self
        )
        self.signs = ItemPicker(
            "Early warning signs", "No warning signs were recorded in the Termination tab.", self
        )

        self.usePassword = QCheckBox("Protect the PDF with a password", self)
        self.usePassword.setAccessibleName("Protect the PDF with a password")
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("PDF password")
        self.password.setPlaceholderText("PDF password")
        self.password.setEnabled(False)
        self.passwordNote = _muted(PASSWORD_NOTE, self)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 8, 10)
        column.setSpacing(6)
        column.addWidget(_heading("Document", self))
        column.addLayout(kind_box)
        column.addLayout(options)
        column.addLayout(charts)
        # Each on its own line: the form never gets wider for them.
        column.addWidget(self.goalsInLetter)
        column.addWidget(self.worksheetsInSummary)
        column.addWidget(self.warnings)
        column.addLayout(self._greeting_row)
        self._add_text(column, "&Opening words", self.opening)
        self._add_text(column, "&Closing words", self.closing)
        column.addWidget(self.letterNote)
        self._add_text(column, "&Recommendations (clinical summary)", self.recommendations)
        column.addWidget(_heading("What to include", self))
        column.addWidget(
            _muted(
                "Tick what the document should say. Drag to change the order, or select an "
                "item and use the arrows (Alt+Up, Alt+Down). F2 edits the wording.",
                self,
            )
        )
        for picker in (self.achievements, self.skills, self.signs):
            column.addSpacing(4)
            column.addWidget(picker)
        column.addWidget(_heading("Password (optional)", self))
        column.addWidget(self.usePassword)
        column.addWidget(self.password)
        column.addWidget(self.passwordNote)
        column.addStretch(1)

        self.kinds.buttonToggled.connect(self._kind_toggled)
        self.paper.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.moodChart.toggled.connect(self._charts_toggled)
        self.phq9Chart.toggled.connect(lambda _on: self.changed.emit())
        self.goalsInLetter.toggled.connect(lambda _on: self.changed.emit())
        self.worksheetsInSummary.toggled.connect(lambda _on: self.changed.emit())
        for edit in (self.opening, self.closing, self.recommendations):
            edit.textChanged.connect(self.changed)
        self.greetingName.textChanged.connect(lambda _t: self.changed.emit())
        for picker in (self.achievements, self.skills, self.signs):
            picker.changed.connect(self.changed)
        self.usePassword.toggled.connect(self._password_toggled)
        self.password.textChanged.connect(lambda _t: self.passwordChanged.emit())
        self._update_kind()

    def _add_text(self, column: QVBoxLayout, label_text: str, edit: QPlainTextEdit) -> None:
        label = QLabel(label_text, self)
        label.setBuddy(edit)
        label.setContentsMargins(0, 6, 0, 0)
        column.addWidget(label)
        column.addWidget(edit)
        edit.setProperty("fieldLabel", label)

    # -- content --------------------------------------------------------------------------
    def setContent(self, content: GraduationContent) -> None:
        """Show the proposed content (every item ticked); emits ``changed`` once."""
        self._base = content
        self.blockSignals(True)
        try:
            self.greetingName.setText(content.greeting_name)
            self.opening.setPlainText(content.opening_words)
            self.closing.setPlainText(content.closing_words)
            self.recommendations.setPlainText(content.recommendations)
            self.moodChart.setChecked(content.include_mood_chart)
            self.phq9Chart.setChecked(content.include_phq9_chart)
            self.goalsInLetter.setChecked(content.include_goals_in_letter)
            self.goalsInLetter.setEnabled(bool(content.goals))
            self.worksheetsInSummary.setChecked(content.include_worksheets)
            self.worksheetsInSummary.setEnabled(bool(content.worksheets))
            self.achievements.setItems(content.achievements)
            self.skills.setItems(content.skills)
            self.signs.setItems(content.warning_signs)
        finally:
            self.blockSignals(False)
        self._show_warnings()
        self._charts_toggled(self.moodChart.isChecked())

    def content(self) -> GraduationContent:
        """The proposed content with the therapist's choices. Raises ValidationError for
        text the document cannot hold; LookupError before ``setContent``."""
        if self._base is None:
            raise LookupError("no summary content was set")
        edited = dataclasses.replace(
            with_greeting_name(self._base, self.greetingName.text()),
            opening_words=self.opening.toPlainText(),
            closing_words=self.closing.toPlainText(),
            recommendations=self.recommendations.toPlainText(),
            include_mood_chart=self.moodChart.isChecked(),
            include_phq9_chart=self.moodChart.isChecked() and self.phq9Chart.isChecked(),
            include_goals_in_letter=self.goalsInLetter.isChecked() and bool(self._base.goals),
            include_worksheets=self.worksheetsInSummary.isChecked(),
        )
        return select(
            edited,
            achievements=self.achievements.chosenItems(),
            skills=self.skills.chosenItems(),
            signs=self.signs.chosenItems(),
        )

    def kind(self) -> DocumentKind:
        return next(k for k, b in self.kindButtons.items() if b.isChecked())

    def setKind(self, kind: DocumentKind) -> None:
        self.kindButtons[DocumentKind(kind)].setChecked(True)

    def paperSize(self) -> PaperSize:
        return PaperSize(self.paper.currentData())

    def setPaperSize(self, paper: PaperSize) -> None:
        self.paper.setCurrentIndex(max(0, self.paper.findData(PaperSize(paper))))

    def pdfPassword(self) -> str | None:
        """The password to protect the file with; None when no password is wanted."""
        return self.password.text() if self.usePassword.isChecked() else None

    def passwordProblem(self) -> str:
        if self.usePassword.isChecked() and not self.password.text():
            return "Type a password, or untick “Protect the PDF with a password”."
        return ""

    def clearSensitive(self) -> None:
        """Drop every decrypted value (the dialog is closing or the app locks)."""
        self._base = None
        self.blockSignals(True)
        try:
            for edit in (self.opening, self.closing, self.recommendations):
                edit.clear()
            self.greetingName.clear()
            self.warnings.clear()
            for picker in (self.achievements, self.skills, self.signs):
                picker.clear()
            self.password.clear()
        finally:
            self.blockSignals(False)

    # -- internals ------------------------------------------------------------------------
    def _kind_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._update_kind()
            self.changed.emit()

    def _update_kind(self) -> None:
        kind = self.kind()
        letter = kind is not DocumentKind.CLINICAL
        clinical = kind is not DocumentKind.LETTER
        for edit, shown in (
            (self.opening, letter),
            (self.closing, letter),
            (self.recommendations, clinical),
        ):
            edit.setVisible(shown)
            label = edit.property("fieldLabel")
            if isinstance(label, QLabel):
                label.setVisible(shown)
        self.letterNote.setVisible(not letter)
        self.greetingName.setVisible(letter)
        self._greeting_label.setVisible(letter)
        self.warnings.setVisible(letter and bool(self.warnings.text()))
        self.moodChart.setVisible(letter)
        self.phq9Chart.setVisible(letter)
        self.goalsInLetter.setVisible(letter)
        self.worksheetsInSummary.setVisible(clinical)
        self.phq9Chart.setEnabled(self.moodChart.isChecked())

    def _show_warnings(self) -> None:
        if self._base is None:
            self.warnings.clear()
            return
        self.warnings.setText(
            "\n".join(f"\N{WARNING SIGN} {w}" for w in preview_warnings(self._base))
        )

    def greetingNameText(self) -> str:
        return self.greetingName.text().strip()

    def _charts_toggled(self, _on: bool) -> None:
        self._update_kind()
        self.changed.emit()

    def _password_toggled(self, on: bool) -> None:
        self.password.setEnabled(on)
        if on:
            self.password.setFocus()
        self.passwordChanged.emit()
