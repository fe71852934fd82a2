"""The pages of hand-over mode: welcome, one item, the item-9 support message, the summary,
thank you. Each is a centred column of large, calm type; none holds anything of the record."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from . import handover_texts as texts
from .choice_buttons import MIN_BUTTON_HEIGHT, ChoiceButtons

COLUMN_MAX_WIDTH = 820
TITLE_SCALE = 2.4
QUESTION_SCALE = 2.0
BODY_SCALE = 1.6
SUMMARY_SCALE = 1.3


def scaled(widget: QWidget, factor: float, *, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(max(font.pointSizeF(), 9.0) * factor)
    font.setBold(bold)
    widget.setFont(font)


def text_label(
    text: str, parent: QWidget, factor: float = BODY_SCALE, *, bold: bool = False
) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    scaled(label, factor, bold=bold)
    return label


def big_button(text: str, parent: QWidget, accessible: str | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    button.setMinimumHeight(MIN_BUTTON_HEIGHT)
    button.setMinimumWidth(180)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setAccessibleName(accessible or text)
    scaled(button, BODY_SCALE)
    button.setMinimumWidth(max(180, button.sizeHint().width() + 40))
    return button


class CentredPage(QWidget):
    """A page whose content column is centred and at most COLUMN_MAX_WIDTH wide."""

    def __init__(self, name: str, parent: QWidget | None = None, *, fill: bool = False) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.column = QVBoxLayout()
        self.column.setSpacing(20)
        holder = QWidget(self)
        holder.setMaximumWidth(COLUMN_MAX_WIDTH)
        holder.setLayout(self.column)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(holder, 100)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        if fill:  # a page with a list: the column takes the whole height
            outer.addLayout(row, 1)
        else:
            outer.addStretch(1)
            outer.addLayout(row)
            outer.addStretch(2)

    def buttonRow(self, *buttons: QPushButton, stretch_at: int = 1) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        for i, button in enumerate(buttons):
            if i == stretch_at:
                row.addStretch(1)
            row.addWidget(button)
        if stretch_at >= len(buttons):
            row.addStretch(1)
        return row


class WelcomePage(CentredPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(texts.WELCOME_TITLE, parent)
        self.title = text_label(texts.WELCOME_TITLE, self, TITLE_SCALE, bold=True)
        self.body = text_label(texts.WELCOME_TEXT, self)
        self.start = big_button(texts.START, self, "Start the questions")
        self.start.setDefault(True)
        self.column.addWidget(self.title)
        self.column.addWidget(self.body)
        self.column.addSpacing(12)
        self.column.addLayout(self.buttonRow(self.start, stretch_at=0))


class ItemPage(CentredPage):
    """One question: where we are, the stem, the question, the answers, Back / Next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Question", parent)
        self.position = text_label("", self, 1.3)
        self.stem = text_label("", self)
        self.question = text_label("", self, QUESTION_SCALE, bold=True)
        self.choices = ChoiceButtons(self)
        scaled(self.choices, BODY_SCALE)
        self.back = big_button(texts.BACK, self, "Back to the previous question")
        self.next = big_button(texts.NEXT, self, "Next question")
        self.next.setDefault(True)
        self.column.addWidget(self.position)
        self.column.addWidget(self.stem)
        self.column.addWidget(self.question)
        self.column.addWidget(self.choices)
        self.column.addSpacing(8)
        self.column.addLayout(self.buttonRow(self.back, self.next))


class SupportPage(CentredPage):
    """Shown once after a positive PHQ-9 item 9: talk with your therapist today; contacts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(texts.SUPPORT_TITLE, parent)
        self.title = text_label(texts.SUPPORT_TITLE, self, TITLE_SCALE, bold=True)
        self.body = text_label(texts.SUPPORT_TEXT, self)
        self.contacts_intro = text_label(texts.SUPPORT_CONTACTS, self)
        self.contacts = text_label("", self, BODY_SCALE, bold=True)
        self.contacts.setAccessibleName("Crisis contacts")
        self.emergency = text_label(texts.SUPPORT_EMERGENCY, self)
        self.proceed = big_button(texts.SUPPORT_CONTINUE, self, "Continue with the questions")
        self.proceed.setDefault(True)
        for widget in (self.title, self.body, self.contacts_intro, self.contacts, self.emergency):
            self.column.addWidget(widget)
        self.column.addLayout(self.buttonRow(self.proceed, stretch_at=0))

    def setContacts(self, lines: tuple[str, ...]) -> None:
        self.contacts.setText("\n".join(lines))


class SummaryPage(CentredPage):
    """Every answer of this hand-over (and nothing else); select one to change it."""

    itemChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(texts.SUMMARY_TITLE, parent, fill=True)
        self.title = text_label(texts.SUMMARY_TITLE, self, TITLE_SCALE, bold=True)
        self.body = text_label(texts.SUMMARY_TEXT, self)
        self._rows = QWidget(self)
        self._rows_layout = QVBoxLayout(self._rows)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(6)
        self.list_area = QScrollArea(self)
        self.list_area.setWidgetResizable(True)
        self.list_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.list_area.setWidget(self._rows)
        self.list_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back = big_button(texts.BACK, self, "Back to the last question")
        self.done = big_button(texts.DONE, self, "Done: save my answers and finish")
        self.column.addWidget(self.title)
        self.column.addWidget(self.body)
        self.column.addWidget(self.list_area, 1)
        self.column.addLayout(self.buttonRow(self.back, self.done))
        self.rows: list[QWidget] = []
        self.change_buttons: list[QPushButton] = []

    def setRows(self, rows: list[tuple[str, str, bool]]) -> None:
        """(question, answer text, answered) per item, in order."""
        while (old := self._rows_layout.takeAt(0)) is not None:
            widget = old.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.rows = []
        self.change_buttons = []
        for n, (question, answer, answered) in enumerate(rows):
            row = QWidget(self._rows)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 6, 0, 6)
            texts_column = QVBoxLayout()
            texts_column.setSpacing(2)
            label = text_label(question, row, SUMMARY_SCALE)
            given = text_label(f"→ {answer}", row, SUMMARY_SCALE, bold=answered)
            texts_column.addWidget(label)
            texts_column.addWidget(given)
            change = QPushButton("Change", row)
            change.setMinimumHeight(48)
            change.setMinimumWidth(110)
            scaled(change, SUMMARY_SCALE)
            change.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            change.setAccessibleName(f"Change the answer to question {n + 1}: {answer}")
            change.setAccessibleDescription(question)
            change.clicked.connect(lambda _checked=False, i=n: self.itemChosen.emit(i))
            line.addLayout(texts_column, 1)
            line.addWidget(change, 0, Qt.AlignmentFlag.AlignVCenter)
            row.setProperty("answered", answered)
            self._rows_layout.addWidget(row)
            row.show()
            self.rows.append(row)
            self.change_buttons.append(change)
        self._rows_layout.addStretch(1)
        self.done.setEnabled(all(answered for _q, _a, answered in rows))


class ThanksPage(CentredPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(texts.THANKS_TITLE, parent)
        self.title = text_label(texts.THANKS_TITLE, self, TITLE_SCALE, bold=True)
        self.body = text_label(texts.THANKS_TEXT, self)
        self.hand_back = big_button(texts.HAND_BACK, self)
        self.hand_back.setDefault(True)
        self.column.addWidget(self.title)
        self.column.addWidget(self.body)
        self.column.addLayout(self.buttonRow(self.hand_back, stretch_at=0))
