"""Hand-over mode: the client answers the chosen questionnaires, one item at a time.

The view is given only this hand-over's answers (``HandoverAnswers``: empty, or the
unfinished answers of the same session's earlier hand-over) and the practice's crisis
contacts. It never sees the record. It emits ``answered`` after every answer (the shell
seals a draft at once), ``finished`` on Done, and ``handBack`` when the client hands the
laptop back; the shell turns every way out into the lock screen.
"""

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ipt_desktop.domain.client_entry import Questionnaire
from ipt_desktop.domain.handover import HandoverAnswers, HandoverItem, handover_items
from ipt_desktop.domain.measures import PHQ9_ITEM9_INDEX

from . import handover_texts as texts
from .handover_pages import ItemPage, SummaryPage, SupportPage, ThanksPage, WelcomePage

#: A chosen answer must be plain to see (not only a shade darker): the palette's highlight,
#: bold text and a thick border, which also shows in high-contrast themes.
CHOSEN_STYLE = """
QPushButton[choice="true"] { padding: 6px 14px; }
QPushButton[wide="true"] { text-align: left; }
QPushButton[choice="true"]:checked {
    background-color: palette(highlight);
    color: palette(highlighted-text);
    font-weight: bold;
    border: 3px solid palette(text);
    border-radius: 6px;
}
"""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def answer_label(item: HandoverItem, value: int | None) -> str:
    if value is None:
        return texts.NOT_ANSWERED
    return dict(item.choices)[value]


class HandoverView(QWidget):
    answered = Signal(object)  # HandoverAnswers, after every answer
    finished = Signal(object)  # HandoverAnswers, on Done
    handBack = Signal()

    def __init__(
        self, answers: HandoverAnswers, contacts: tuple[str, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoverView")
        self.setAccessibleName("Questions for the client")
        self.setStyleSheet(CHOSEN_STYLE)
        self._answers = answers
        self._items = handover_items(answers.measures)
        self._index = answers.first_unanswered(self._items)
        self._support_shown = False
        self.welcome = WelcomePage(self)
        self.item = ItemPage(self)
        self.support = SupportPage(self)
        self.support.setContacts(contacts)
        self.summary = SummaryPage(self)
        self.thanks = ThanksPage(self)
        self.pages = QStackedWidget(self)
        for page in (self.welcome, self.item, self.support, self.summary, self.thanks):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.welcome.start.clicked.connect(self._start)
        self.item.choices.chosen.connect(self._chosen)
        self.item.back.clicked.connect(self.goBack)
        self.item.next.clicked.connect(self.goNext)
        self.support.proceed.clicked.connect(self._after_support)
        self.summary.itemChosen.connect(self.showItem)
        self.summary.back.clicked.connect(lambda: self.showItem(len(self._items) - 1))
        self.summary.done.clicked.connect(self._done)
        self.thanks.hand_back.clicked.connect(self.handBack)
        self._show(self.welcome, self.welcome.start)

    # -- state --------------------------------------------------------------------------
    def answers(self) -> HandoverAnswers:
        return self._answers

    def items(self) -> tuple[HandoverItem, ...]:
        return self._items

    def currentIndex(self) -> int:
        return self._index

    def currentPage(self) -> QWidget | None:
        return self.pages.currentWidget()

    # -- moving -------------------------------------------------------------------------
    def _show(self, page: QWidget, focus: QWidget | None = None) -> None:
        self.pages.setCurrentWidget(page)
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _start(self) -> None:
        if self._index >= len(self._items):
            self.showSummary()
        else:
            self.showItem(self._index)

    def showItem(self, index: int) -> None:
        self._index = max(0, min(index, len(self._items) - 1))
        item = self._items[self._index]
        page = self.item
        page.position.setText(item.position)
        page.stem.setText(item.stem)
        page.question.setText(item.question)
        page.question.setAccessibleName(f"{item.position}: {item.question}")
        page.choices.setChoices(item.choices, item.question)
        value = self._answers.answer(item)
        page.choices.setValue(value)
        page.back.setEnabled(self._index > 0)
        last = self._index == len(self._items) - 1
        page.next.setText(texts.TO_SUMMARY if last else texts.NEXT)
        page.next.setAccessibleName("See all my answers" if last else "Next question")
        page.next.setEnabled(value is not None)
        self._show(page)
        page.choices.focusChosenOrFirst()

    def showSummary(self) -> None:
        rows = []
        for item in self._items:
            value = self._answers.answer(item)
            rows.append(
                (f"{item.position}: {item.question}", answer_label(item, value), value is not None)
            )
        self.summary.setRows(rows)
        self._show(self.summary, self.summary.done if self.summary.done.isEnabled() else None)

    def goBack(self) -> None:
        if self.pages.currentWidget() is self.item and self._index > 0:
            self.showItem(self._index - 1)

    def goNext(self) -> None:
        item = self._items[self._index]
        if self._answers.answer(item) is None:
            return
        if self._needs_support(item):
            self._support_shown = True
            self._show(self.support, self.support.proceed)
            return
        self._advance()

    def _advance(self) -> None:
        if self._index >= len(self._items) - 1:
            self.showSummary()
        else:
            self.showItem(self._index + 1)

    def _after_support(self) -> None:
        self._advance()

    def _needs_support(self, item: HandoverItem) -> bool:
        return (
            not self._support_shown
            and item.questionnaire is Questionnaire.PHQ9
            and item.index == PHQ9_ITEM9_INDEX
            and self._answers.item9_positive()
        )

    def _chosen(self, value: int) -> None:
        item = self._items[self._index]
        self._answers = self._answers.with_answer(item, value, _now())
        self.item.next.setEnabled(True)
        self.answered.emit(self._answers)

    def _done(self) -> None:
        if not all(self._answers.answer(i) is not None for i in self._items):
            return
        self.finished.emit(self._answers)
        self._show(self.thanks, self.thanks.hand_back)
