"""The table of records beside an editor: one row selected at a time, never edited in place.

The user picking a row of another record is reported as ``recordChosen``; the tab decides
whether the editor may leave what it shows. Selections made by code inside ``quietly()``
are not reported, so the tab can put the selection back when leaving was refused.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Signal
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
