"""The answers of one item as large, checkable buttons: touch-sized, keyboard-reachable.

Each button is focusable (Tab), answers with Space or Enter, and carries an accessible
name that a screen reader reads with the question ("Several days, answer 2 of 4").
Digits 0 to 9 choose the answer with that value directly.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QWidget

MIN_BUTTON_HEIGHT = 64
WIDE_COLUMNS = 1  # frequency answers: one per row, the whole label readable
MOOD_COLUMNS = 11


class ChoiceButtons(QWidget):
    chosen = Signal(int)  # the value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idClicked.connect(self.chosen)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(12)
        self._buttons: list[QPushButton] = []

    def setChoices(self, choices: tuple[tuple[int, str], ...], question: str) -> None:
        for button in self._buttons:
            self._group.removeButton(button)
            self._grid.removeWidget(button)
            button.hide()
            button.setObjectName("")
            button.setParent(None)
            button.deleteLater()
        self._buttons = []
        columns = MOOD_COLUMNS if len(choices) > 4 else WIDE_COLUMNS
        for n, (value, label) in enumerate(choices):
            short = label.split(" – ")[0] if columns > 1 else label
            button = QPushButton(short, self)
            button.setCheckable(True)
            button.setMinimumHeight(MIN_BUTTON_HEIGHT)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAccessibleName(f"{label}, answer {n + 1} of {len(choices)}")
            button.setAccessibleDescription(question)
            button.setObjectName(f"choice{value}")
            button.setProperty("choice", True)
            button.setProperty("wide", columns == WIDE_COLUMNS)
            button.setFont(self.font())
            self._group.addButton(button, value)
            self._grid.addWidget(button, n // columns, n % columns)
            button.show()  # at once, so the focus chain has it before the event loop runs
            self._buttons.append(button)

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    def setValue(self, value: int | None) -> None:
        self._group.setExclusive(False)
        for button in self._buttons:
            button.setChecked(self._group.id(button) == value)
        self._group.setExclusive(True)

    def value(self) -> int | None:
        checked = self._group.checkedId()
        return None if checked < 0 else checked

    def focusChosenOrFirst(self) -> None:
        target = self._group.checkedButton() or (self._buttons[0] if self._buttons else None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit():
            button = self._group.button(int(text))
            if button is not None:
                button.click()
                button.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
        super().keyPressEvent(event)
