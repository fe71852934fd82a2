"""A read-only table over a list of frozen records, configured by one spec per column.

The workspace's lists (sessions, inventory people, life events) are all the same model: rows
are immutable values, each column says its header and how to show a record (text, and
optionally a tooltip, a decoration, an alignment, bold), and each row answers
``RECORD_ID_ROLE`` with the record's id so views can find and select it again.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

R = TypeVar("R")
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)


@dataclass(frozen=True)
class ColumnSpec(Generic[R]):
    """How one column shows a record. Unset parts give no data for their role."""

    header: str
    text: Callable[[R], str]
    tooltip: Callable[[R], str | None] | None = None
    decoration: Callable[[R], object] | None = None
    alignment: Qt.AlignmentFlag | None = None
    bold: Callable[[R], bool] | None = None


class RecordTableModel(QAbstractTableModel, Generic[R]):
    def __init__(
        self,
        columns: Sequence[ColumnSpec[R]],
        record_id: Callable[[R], str],
        parent: QObject | None = None,
        *,
        sort_key: Callable[[R], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._record_id = record_id
        self._sort_key = sort_key
        self._records: list[R] = []

    def setRecords(self, records: Sequence[R]) -> None:
        """Show ``records``: in ``sort_key`` order when one was given, else as they come."""
        self.beginResetModel()
        key = self._sort_key
        self._records = list(records) if key is None else sorted(records, key=key)
        self.endResetModel()

    def clear(self) -> None:
        self.setRecords([])

    def record(self, row: int) -> R:
        return self._records[row]

    def recordId(self, record: R) -> str:
        return self._record_id(record)

    def rowFor(self, record_id: str) -> int:
        return next((i for i, r in enumerate(self._records) if self._record_id(r) == record_id), -1)

    # ---- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role in _TEXT_ROLES:
            return column.text(record)
        if role == RECORD_ID_ROLE:
            return self._record_id(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.DecorationRole and column.decoration is not None:
            return column.decoration(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.alignment is not None:
            return int(column.alignment)
        if role == Qt.ItemDataRole.FontRole and column.bold is not None and column.bold(record):
            font = QFont()
            font.setBold(True)
            return font
        return None
