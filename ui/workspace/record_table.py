"""The table of records beside an editor: one row selected at a time, never edited in place.

The user picking a row of another record is reported as ``recordChosen``; the tab decides
whether the editor may leave what it shows. Selections made by code inside ``quietly()``
are not reported, so the tab can put the selection back when leaving was refused.
Optional columns (``setOptionalColumns``) are hidden, in the order given, while the table is
too narrow to show every column whole; the table asks for the width of the others.
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from .record_table_model import RECORD_ID_ROLE, RecordTableModel


class RecordTable(QTableView):
    recordChosen = Signal(str)

    def __init__(
        self,
        model: RecordTableModel[Any],
        accessible_name: str,
        stretch_column: int,
        parent: QWidget | None = None,
        *,
        word_wrap: bool = True,
        scroll_to_selection: bool = False,
    ) -> None:
        super().__init__(parent)
        self._records = model
        self._quiet = False
        self._scroll_to_selection = scroll_to_selection
        self.setModel(model)
        self.setAccessibleName(accessible_name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        if not word_wrap:
            self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        self.selectionModel().selectionChanged.connect(self._selection_changed)
        self._optional: tuple[int, ...] = ()
        model.modelReset.connect(self._fit_columns)

    def setOptionalColumns(self, columns: Sequence[int]) -> None:
        """Columns that may be hidden when the table is narrow, the first to go first."""
        self._optional = tuple(columns)
        self._fit_columns()
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if not self._optional:
            return hint
        kept = [c for c in range(self._records.columnCount()) if c not in self._optional]
        columns = sum(self._column_width(c) for c in kept)
        chrome = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), columns + chrome), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    @contextmanager
    def quietly(self) -> Iterator[None]:
        """Selection changes made inside are the code's own: they are not reported."""
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False

    def selectRecord(self, record_id: str | None) -> None:
        """Select the row of ``record_id`` (no row when None or not listed)."""
        selection = self.selectionModel()
        row = -1 if record_id is None else self._records.rowFor(record_id)
        if row < 0:
            selection.clearSelection()
            return
        index = self._records.index(row, 0)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if self._scroll_to_selection:
            self.scrollTo(index)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._quiet:
            return
        indexes = selected.indexes()
        if indexes:
            self.recordChosen.emit(str(indexes[0].data(RECORD_ID_ROLE)))

    def _column_width(self, column: int) -> int:
        return max(self.sizeHintForColumn(column), self.horizontalHeader().sectionSizeHint(column))

    def _fit_columns(self) -> None:
        if not self._optional:
            return
        count = self._records.columnCount()
        needed = {column: self._column_width(column) for column in range(count)}
        chrome = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        available = self.width() - chrome
        shown = set(needed)
        for column in self._optional:
            if sum(needed[c] for c in shown) <= available:
                break
            shown.discard(column)
        for column in range(count):
            self.setColumnHidden(column, column not in shown)
