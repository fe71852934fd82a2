"""A questionnaire of items answered 0-3 (PHQ-9, GAD-7) with a live total and band.

Each item is one row: its number, its wording, and four radio buttons under the answer
headings ("Not at all" ... "Nearly every day"). Only 0-3 can be entered; a value outside
that set in code is refused. From the keyboard, typing 0, 1, 2 or 3 on an item answers it
and moves the focus to the next item, so a whole questionnaire is nine digits. A form is
either untouched (no score), complete (a total and its band), or partly answered (the
total "so far"; it cannot be saved until every item is answered or the form is cleared).
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QWidget,
)

from ipt_desktop.domain.enums import Severity
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.measures import ITEM_MAX, ITEM_MIN
from ipt_desktop.domain.validation import check_int, check_items
from ui.common.form_parts import WrappedLabel, set_muted
from ui.common.palette import blend

from .adaptive_row import AdaptiveRow
from .badges import SeverityLabel

ANSWERS: tuple[str, ...] = (
    "Not at all",
    "Several days",
    "More than half the days",
    "Nearly every day",
)
_FIRST_ITEM_ROW = 1
ROW_PAD = 3  # pixels of band above and below an item's text
_ANSWER_COLUMN = 2
_DIGIT_KEYS = {Qt.Key.Key_0 + answer: answer for answer in range(ITEM_MIN, ITEM_MAX + 1)}
WORDING_CHARS = 26  # the item wording's column never gets narrower than this many characters


def answer_column_width(metrics: QFontMetrics) -> int:
    """Wide enough for the longest word of any answer heading: the headings wrap."""
    words = {word for answer in ANSWERS for word in answer.split()}
    return max(metrics.horizontalAdvance(word) for word in words) + 12


class ItemScaleForm(QWidget):
    """``edited`` on any user change; ``itemChanged(index)`` names the item that changed."""

    edited = Signal()
    itemChanged = Signal(int)

    def __init__(
        self,
        short_name: str,
        field: str,
        items: Sequence[str],
        severity: Callable[[int], Severity],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._short_name = short_name
        self._field = field
        self._items = tuple(items)
        self._severity = severity
        self._groups: list[QButtonGroup] = []
        self._row_labels: list[tuple[QLabel, QLabel]] = []
        self._read_only = False
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2 * ROW_PAD + 1)
        grid.setContentsMargins(0, 0, 0, 0)
        self._grid = grid
        prompt = QLabel(
            "Over the last 2 weeks, how often has the client been bothered by…  "
            "(keyboard: type 0–3 for each item)"
        )
        prompt.setWordWrap(True)
        self._set_muted(prompt)
        grid.addWidget(prompt, 0, 0, 1, 2, Qt.AlignmentFlag.AlignBottom)
        header_width = answer_column_width(self.fontMetrics())
        for column, answer in enumerate(ANSWERS):
            header = QLabel(f"{answer}\n({column})")
            header.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            header.setWordWrap(True)
            header.setFixedWidth(header_width)
            self._set_muted(header)
            grid.addWidget(header, 0, _ANSWER_COLUMN + column, Qt.AlignmentFlag.AlignBottom)
        for index, wording in enumerate(self._items):
            self._add_item_row(index, wording)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(1, self.fontMetrics().averageCharWidth() * WORDING_CHARS)
        first = self._groups[0].button(0) if self._groups else None
        if first is not None:
            self.setFocusProxy(first)

        self._total = SeverityLabel(self)
        self._status = QLabel(self)
        self._set_muted(self._status)
        self._clear = QPushButton(f"Clear {short_name}", self)
        self._clear.setAccessibleName(f"Clear all {short_name} answers")
        self._clear.clicked.connect(self._cleared)
        total_title = QLabel(f"{short_name} total:", self)
        font = total_title.font()
        font.setBold(True)
        total_title.setFont(font)
        self._total.setFont(font)
        score = QHBoxLayout()
        score.addWidget(total_title)
        score.addWidget(self._total)
        score.addSpacing(12)
        rest = QHBoxLayout()
        rest.addWidget(self._status, 1)
        rest.addWidget(self._clear)
        totals = AdaptiveRow(self)  # in a narrow form the status goes under the total
        totals.setContentsMargins(0, 8, 0, 0)
        totals.addLayout(score)
        totals.addLayout(rest, 1)
        outer = QGridLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(grid, 0, 0)
        outer.addWidget(totals, 1, 0)
        self._refresh_total()

    # ---- values --------------------------------------------------------------------------

    def itemCount(self) -> int:
        return len(self._items)

    def answers(self) -> tuple[int | None, ...]:
        return tuple(None if group.checkedId() < 0 else group.checkedId() for group in self._groups)

    def isPartial(self) -> bool:
        answered = [a for a in self.answers() if a is not None]
        return 0 < len(answered) < len(self._items)

    def value(self) -> tuple[int, ...] | None:
        """The answers, or None if untouched; ValidationError if only some are answered."""
        answers = self.answers()
        if all(a is None for a in answers):
            return None
        missing = [str(i + 1) for i, a in enumerate(answers) if a is None]
        if missing:
            raise ValidationError(
                self._field,
                f"{self._short_name} item {', '.join(missing)} not answered: answer every "
                "item or clear the form",
            )
        return tuple(a for a in answers if a is not None)

    def setValue(self, items: Sequence[int] | None) -> None:
        """Set every answer (not an edit). Out-of-range or wrong-length input is refused."""
        if items is None:
            for group in self._groups:
                self._set_group(group, None)
        else:
            checked = check_items(self._field, items, len(self._items), ITEM_MIN, ITEM_MAX)
            for group, answer in zip(self._groups, checked, strict=True):
                self._set_group(group, answer)
        self._refresh_total()

    def setAnswers(self, answers: Sequence[int | None]) -> None:
        """Set answers, some possibly missing (a restored draft); not an edit."""
        if len(answers) != len(self._items):
            raise ValidationError(self._field, f"must have {len(self._items)} answers")
        for index, (group, answer) in enumerate(zip(self._groups, answers, strict=True)):
            if answer is not None:
                check_int(f"{self._field}[{index}]", answer, ITEM_MIN, ITEM_MAX)
            self._set_group(group, answer)
        self._refresh_total()

    def setAnswer(self, index: int, answer: int | None) -> None:
        """Answer one item as the user would (counts as an edit)."""
        check_int("item", index, 0, len(self._items) - 1)
        if answer is not None:
            check_int(f"{self._field}[{index}]", answer, ITEM_MIN, ITEM_MAX)
        button = None if answer is None else self._groups[index].button(answer)
        if button is None:
            self._set_group(self._groups[index], None)
            self._answered(index)
        else:
            button.click()

    def total(self) -> int | None:
        """The total of a complete form (None when untouched or partial)."""
        answers = self.answers()
        if any(a is None for a in answers):
            return None
        return sum(a for a in answers if a is not None)

    def totalText(self) -> str:
        return f"{self._total.plainText()} {self._status.text()}".strip()

    def radio(self, index: int, answer: int) -> QAbstractButton:
        button = self._groups[index].button(answer)
        assert button is not None
        return button

    def setReadOnly(self, read_only: bool) -> None:
        self._read_only = read_only
        for group in self._groups:
            for button in group.buttons():
                button.setEnabled(not read_only)
        self._clear.setVisible(not read_only)

    def focusItem(self, index: int) -> None:
        """Put the keyboard focus on item ``index`` (its answer, or the first radio)."""
        group = self._groups[index]
        button = group.checkedButton() or group.button(ITEM_MIN)
        if button is not None:
            button.setFocus(Qt.FocusReason.TabFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A digit 0-3 typed on an item's radio answers it and moves to the next item."""
        if event.type() != QEvent.Type.KeyPress or self._read_only:
            return False
        index = watched.property("item_index")
        if not isinstance(index, int) or not isinstance(event, QKeyEvent):
            return False
        answer = _DIGIT_KEYS.get(event.key())
        plain = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if answer is None or event.modifiers() not in plain:
            return False
        self.setAnswer(index, answer)
        self.focusItem(min(index + 1, len(self._items) - 1))
        return True

    # ---- drawing -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Every other item on a faint band, so a row reads straight across."""
        painter = QPainter(self)
        palette = self.palette()
        colour = blend(
            palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Text), 0.045
        )
        # From the row's widgets, not QGridLayout.cellRect (wrong with height-for-width).
        for index in range(0, len(self._items), 2):
            number, wording = self._row_labels[index]
            buttons = self._groups[index].buttons()
            top = min(w.geometry().top() for w in (number, wording, *buttons))
            bottom = max(w.geometry().bottom() for w in (number, wording, *buttons))
            area = self._grid.geometry()
            pad = ROW_PAD
            painter.fillRect(
                QRect(area.left() - 4, top - pad, area.width() + 8, bottom - top + 1 + 2 * pad),
                colour,
            )
        painter.end()
        super().paintEvent(event)

    # ---- internals -----------------------------------------------------------------------

    def _add_item_row(self, index: int, wording: str) -> None:
        row = _FIRST_ITEM_ROW + index
        self._grid.setRowMinimumHeight(row, self.fontMetrics().lineSpacing() + 8)
        number = QLabel(f"{index + 1}.", self)
        number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        text = WrappedLabel(wording, self)
        text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._row_labels.append((number, text))
        self._grid.addWidget(number, row, 0, Qt.AlignmentFlag.AlignVCenter)
        self._grid.addWidget(text, row, 1, Qt.AlignmentFlag.AlignVCenter)
        group = QButtonGroup(self)
        group.setExclusive(True)
        for answer, answer_text in enumerate(ANSWERS):
            button = QRadioButton(self)
            button.setAccessibleName(
                f"{self._short_name} item {index + 1}: {answer_text} ({answer})"
            )
            button.setAccessibleDescription(wording)
            button.setToolTip(f"{answer_text} ({answer})")
            group.addButton(button, answer)
            button.setProperty("item_index", index)
            button.installEventFilter(self)
            self._grid.addWidget(button, row, _ANSWER_COLUMN + answer, Qt.AlignmentFlag.AlignCenter)
        group.idClicked.connect(lambda _answer, i=index: self._answered(i))
        self._groups.append(group)

    def _answered(self, index: int) -> None:
        self._refresh_total()
        self.itemChanged.emit(index)
        self.edited.emit()

    def _cleared(self) -> None:
        if all(a is None for a in self.answers()):
            return
        self.setValue(None)
        for index in range(len(self._items)):
            self.itemChanged.emit(index)
        self.edited.emit()

    @staticmethod
    def _set_group(group: QButtonGroup, answer: int | None) -> None:
        if answer is None:
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
            return
        button = group.button(answer)
        if button is not None:
            button.setChecked(True)

    def _refresh_total(self) -> None:
        answers = self.answers()
        answered = [a for a in answers if a is not None]
        count = len(self._items)
        if len(answered) == count:
            total = sum(answered)
            self._total.setScore(total, self._severity(total))
            self._status.setText(f"all {count} items answered")
        elif answered:
            self._total.setScore(None, None)
            self._total.setText(f"{sum(answered)} so far")
            self._status.setText(f"{len(answered)} of {count} items answered")
        else:
            self._total.setScore(None, None)
            self._status.setText("not given this session")
        self._clear.setEnabled(bool(answered) and not self._read_only)

    @staticmethod
    def _set_muted(label: QLabel) -> None:
        set_muted(label)
