"""Filters of the client list: search text, phase, active or ended (the model keeps the
order: by name).

The search matches names at once (caseless, NFKC, any script, like ``domain.search``); a
search over every note runs in the background and adds the clients whose notes match
(``setNoteHits``), with the matching snippet shown under the row.
"""

from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ipt_desktop.domain.enums import Phase
from ipt_desktop.domain.search import SearchHit, normalize

from .client_list_model import ClientListModel, ClientRole

Index = QModelIndex | QPersistentModelIndex


class StatusFilter(Enum):
    ACTIVE = "Active clients"
    ENDED = "Ended treatment"
    ALL = "All clients"


class ClientFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._query = ""
        self._phase: Phase | None = None
        self._status = StatusFilter.ACTIVE
        self._note_hits: dict[str, SearchHit] = {}
        self._note_clients: frozenset[str] = frozenset()
        self._hit_count = 0
        # No sorting here: the model keeps its rows in the list's order (sort_key).
        self.setDynamicSortFilter(True)

    # -- settings -----------------------------------------------------------------------
    def setQuery(self, text: str) -> None:
        """New search text: names filter at once; earlier note hits no longer apply."""
        self.beginFilterChange()
        self._query = text
        self._needle = normalize(text).strip()
        self._note_hits = {}
        self._note_clients = frozenset()
        self._hit_count = 0
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def query(self) -> str:
        return self._query

    def setNoteHits(
        self, query: str, hits: list[SearchHit], clients: frozenset[str] = frozenset()
    ) -> None:
        """Results of the background search; ignored if the query changed meanwhile.
        ``clients``: every client found, also those past the hits given (no snippet)."""
        if query != self._query:
            return
        self.beginFilterChange()
        self._note_hits = {}
        self._note_clients = clients
        self._hit_count = len(hits)
        for hit in hits:
            if hit.field != "client.name":
                self._note_hits.setdefault(hit.client_id, hit)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def noteMatchCount(self) -> int:
        """Clients found by their notes."""
        return len(self._note_clients | self._note_hits.keys())

    def noteHitCount(self) -> int:
        """Texts found in notes (the hits given to ``setNoteHits``)."""
        return self._hit_count

    def setPhase(self, phase: Phase | None) -> None:
        self.beginFilterChange()
        self._phase = phase
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def phase(self) -> Phase | None:
        return self._phase

    def setStatus(self, status: StatusFilter) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def status(self) -> StatusFilter:
        return self._status

    def clearSearch(self) -> None:
        self.setQuery("")

    # -- Qt overrides -------------------------------------------------------------------
    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        # Called for every row on every filter change (20,000 at a time): the model's
        # Python list is read directly, and the name was folded once, when it was added.
        model = self.sourceModel()
        if not isinstance(model, ClientListModel) or source_parent.isValid():
            return False
        summary = model.summaryAt(source_row)
        if self._status is StatusFilter.ACTIVE and not summary.active:
            return False
        if self._status is StatusFilter.ENDED and summary.active:
            return False
        if self._phase is not None and summary.phase is not self._phase:
            return False
        if not self._needle:
            return True
        return (
            self._needle in model.foldedNameAt(source_row)
            or summary.client_id in self._note_hits
            or summary.client_id in self._note_clients
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == ClientRole.SNIPPET:
            if not index.isValid() or not self._needle:
                return None
            client_id = super().data(index, ClientRole.CLIENT_ID)
            hit = self._note_hits.get(str(client_id))
            return None if hit is None else hit.snippet
        return super().data(index, role)
