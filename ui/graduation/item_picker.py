"""A titled list of items to tick and put in order (achievements, skills, warning signs).

Ticked items appear in the summary in the order shown. Order changes by drag and drop or,
from the keyboard, with the Up and Down buttons (Alt+Up / Alt+Down in the list); a double
click or F2 edits an item's wording for this document only (the record is not changed).
"""

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

#: Longer lists scroll inside their frame.
ROWS_SHOWN_MAX = 6


class ItemPicker(QWidget):
    changed = Signal()

    def __init__(self, title: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.heading = QLabel(title, self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.count = QLabel(self)
        self.count.setAccessibleName(f"{title}: how many are included")
        self.list = QListWidget(self)
        self.list.setAccessibleName(title)
        self.list.setAccessibleDescription(
            "Ticked items appear in the summary in this order. Drag to reorder, or use "
            "Alt+Up and Alt+Down. F2 edits the wording for this document only."
        )
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setUniformItemSizes(False)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.list.installEventFilter(self)
        self.empty = QLabel(empty_text, self)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)  # muted text, from the palette
        self.up = QToolButton(self)
        self.up.setArrowType(Qt.ArrowType.UpArrow)
        self.up.setAccessibleName(f"Move the selected item up in {title.lower()}")
        self.up.setToolTip("Move the selected item up (Alt+Up)")
        self.down = QToolButton(self)
        self.down.setArrowType(Qt.ArrowType.DownArrow)
        self.down.setAccessibleName(f"Move the selected item down in {title.lower()}")
        self.down.setToolTip("Move the selected item down (Alt+Down)")

        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.heading)
        head.addWidget(self.count)
        head.addStretch(1)
        head.addWidget(self.up)
        head.addWidget(self.down)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(head)
        column.addWidget(self.list)
        column.addWidget(self.empty)

        self.up.clicked.connect(lambda: self.moveCurrent(-1))
        self.down.clicked.connect(lambda: self.moveCurrent(1))
        self.list.itemChanged.connect(self._item_changed)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        model = self.list.model()
        model.rowsMoved.connect(self._order_changed)
        model.rowsInserted.connect(self._order_changed)
        model.rowsRemoved.connect(self._order_changed)
        self._loading = False
        self.setItems(())

    # -- content ------------------------------------------------------------------------
    def setItems(self, items: Sequence[str], chosen: Sequence[str] | None = None) -> None:
        """Show ``items``; those in ``chosen`` (default: all) are ticked."""
        ticked = set(items if chosen is None else chosen)
        self._loading = True
        try:
            self.list.clear()
            for text in items:
                item = QListWidgetItem(text)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsEditable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                checked = text in ticked
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.list.addItem(item)
        finally:
            self._loading = False
        has_items = bool(items)
        self.list.setVisible(has_items)
        self.empty.setVisible(not has_items)
        self.list.setFixedHeight(self._list_height())
        self._update_count()
        self._update_buttons()

    def items(self) -> tuple[str, ...]:
        """Every item in the order shown, ticked or not."""
        return tuple(self.list.item(row).text() for row in range(self.list.count()))

    def chosenItems(self) -> tuple[str, ...]:
        """The ticked items, in the order shown (blank wording left out)."""
        chosen = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked and item.text().strip():
                chosen.append(item.text().strip())
        return tuple(chosen)

    def setChecked(self, row: int, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.list.item(row).setCheckState(state)

    def moveItem(self, row: int, step: int) -> None:
        """Move the item at ``row`` by ``step`` places (clamped), keeping it selected."""
        target = max(0, min(self.list.count() - 1, row + step))
        if target == row or not 0 <= row < self.list.count():
            return
        self._loading = True
        try:
            item = self.list.takeItem(row)
            self.list.insertItem(target, item)
        finally:
            self._loading = False
        self.list.setCurrentRow(target)
        self._changed()

    def moveCurrent(self, step: int) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.moveItem(row, step)

    def clear(self) -> None:
        self.setItems(())

    # -- internals ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & Qt.KeyboardModifier.AltModifier:
                step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
                if step is not None:
                    self.moveCurrent(step)
                    return True
        return super().eventFilter(watched, event)

    def _list_height(self) -> int:
        rows = min(self.list.count(), ROWS_SHOWN_MAX)
        gap = 2 * self.list.spacing()
        content = sum(max(self.list.sizeHintForRow(row), 1) + gap for row in range(rows))
        return max(content, self.list.fontMetrics().lineSpacing()) + 2 * self.list.frameWidth() + 2

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if not self._loading:
            self._changed()

    def _order_changed(self, *_args: object) -> None:
        if not self._loading:
            self._changed()

    def _changed(self) -> None:
        self._update_count()
        self._update_buttons()
        self.changed.emit()

    def _update_count(self) -> None:
        total = self.list.count()
        self.count.setText(f"({len(self.chosenItems())} of {total} included)" if total else "")
        self.count.setEnabled(False)

    def _update_buttons(self) -> None:
        row, total = self.list.currentRow(), self.list.count()
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < total - 1)
        self.up.setVisible(total > 1)
        self.down.setVisible(total > 1)
