"""A short list of texts (goals, achievements, skills, warning signs) to add, edit, reorder.

New entries are typed into the line under the list (its placeholder carries the IPT
prompt) and added with Enter or "Add"; double-click an entry to change it. Text typed but
not yet added is never dropped: it is added when the list is read for saving.
"""

import json
from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

MAX_ROWS = 10


class TextListEditor(QWidget):
    edited = Signal()

    def __init__(
        self, name: str, prompt: str, *, rows: int = 4, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._name = name
        self.model = QStringListModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(name)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(1)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self._rows = rows
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.model.rowsInserted.connect(self._fit)
        self.model.rowsRemoved.connect(self._fit)
        self.model.modelReset.connect(self._fit)
        self._fit()
        self.input = QLineEdit(self)
        self.input.setPlaceholderText(prompt)
        self.input.setToolTip(prompt)
        self.input.setAccessibleName(f"New entry for {name}")
        self.input.returnPressed.connect(self.addPending)
        self.input.textEdited.connect(lambda _text: self.edited.emit())
        self._add = QPushButton("Add", self)
        self._add.setAccessibleName(f"Add to {name}")
        self._add.clicked.connect(self.addPending)
        self._remove = QPushButton("Remove", self)
        self._remove.setAccessibleName(f"Remove selected entry from {name}")
        self._remove.clicked.connect(self.removeSelected)
        self._up = QPushButton("Up", self)
        self._up.setAccessibleName(f"Move selected entry of {name} up")
        self._up.clicked.connect(lambda: self._move(-1))
        self._down = QPushButton("Down", self)
        self._down.setAccessibleName(f"Move selected entry of {name} down")
        self._down.clicked.connect(lambda: self._move(1))
        self.model.dataChanged.connect(lambda *_args: self.edited.emit())
        side = QVBoxLayout()
        side.setSpacing(4)
        side.addWidget(self._up)
        side.addWidget(self._down)
        side.addWidget(self._remove)
        side.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.view, 0, 0)
        grid.addLayout(side, 0, 1)
        grid.addWidget(self.input, 1, 0)
        grid.addWidget(self._add, 1, 1)
        grid.setColumnStretch(0, 1)

    def _fit(self) -> None:
        """As tall as its entries (at least ``rows``, at most MAX_ROWS lines), then scroll."""
        line = self.view.fontMetrics().lineSpacing() + 8
        shown = min(max(self._rows, self.model.rowCount() + 1), MAX_ROWS)
        self.view.setFixedHeight(line * shown + 2 * self.view.frameWidth() + 2)

    def values(self) -> tuple[str, ...]:
        """The entries, including text typed but not added yet; blank entries dropped."""
        entries = [text.strip() for text in self.model.stringList()]
        pending = self.input.text().strip()
        if pending:
            entries.append(pending)
        return tuple(e for e in entries if e)

    def setValues(self, values: Sequence[str]) -> None:
        self.model.setStringList(list(values))
        self.input.clear()

    def pendingText(self) -> str:
        return self.input.text()

    def setPendingText(self, text: str) -> None:
        self.input.setText(text)

    def draftText(self) -> str:
        """The entries as kept in a draft (JSON), without the text typed but not added."""
        return json.dumps(list(self.model.stringList()))

    def applyDraftText(self, text: str, pending: str) -> None:
        """Entries and typed text back from a draft; an unreadable draft gives no entries."""
        try:
            entries = json.loads(text)
        except ValueError:
            entries = []
        self.setValues([str(e) for e in entries] if isinstance(entries, list) else [])
        self.setPendingText(pending)

    def addPending(self) -> None:
        text = self.input.text().strip()
        if not text:
            return
        row = self.model.rowCount()
        self.model.insertRows(row, 1)
        self.model.setData(self.model.index(row, 0), text)
        self.input.clear()
        self.edited.emit()

    def removeSelected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.removeRows(index.row(), 1)
            self.edited.emit()

    def _move(self, step: int) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        target = index.row() + step
        if not 0 <= target < self.model.rowCount():
            return
        items = self.model.stringList()
        items[index.row()], items[target] = items[target], items[index.row()]
        self.model.setStringList(items)
        self.view.setCurrentIndex(self.model.index(target, 0))
        self.edited.emit()
