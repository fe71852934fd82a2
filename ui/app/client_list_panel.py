"""The left-hand panel: find a client (names at once, notes in the background), filter by phase
and by active or ended, and the list itself.

The panel never switches the workspace by itself: it emits ``clientRequested`` and the main
window decides (the workspace may have unsaved edits to keep first). ``selectClient`` moves
the selection quietly, e.g. back to where it was when a switch was cancelled.
"""

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.enums import Phase
from ipt_desktop.domain.summary import ClientSummary
from ipt_desktop.services.client_search import SearchResult
from ui.common.icons import tinted_icon
from ui.common.task_runner import TaskRunner
from ui.common.ui_text import count_text

from .client_filter_proxy import ClientFilterProxy, StatusFilter
from .client_list_model import ClientListModel, ClientRole
from .client_row_delegate import ClientRowDelegate

NoteSearch = Callable[[str], SearchResult]
#: Searching every note waits for a pause in typing, and for at least this many characters.
NOTE_SEARCH_DELAY_MS = 350  # while the scan answers (seconds per search)
INDEXED_SEARCH_DELAY_MS = 120  # once the index answers (milliseconds per search)
STILL_INDEXING = "index still being built"
#: Said beside a count or a search result while the list is still loading (the count
#: itself says "so far": matches may be among the clients not yet loaded).
STILL_LOADING = "list still loading"
NOTE_SEARCH_MIN_CHARS = 2


class ClientListPanel(QWidget):
    clientRequested = Signal(str)
    contextMenuRequested = Signal(str, object)  # client id, global QPoint
    #: The scan answered a search: the index is not there (not built yet, or dropped).
    indexMissing = Signal()

    def __init__(
        self, runner: TaskRunner, note_search: NoteSearch, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clientListPanel")
        self._runner = runner
        self._note_search = note_search
        self._search_task: int | None = None
        self._note_total = 0
        self._index_ready = False
        self._quiet = False
        self._batch = False
        self._loading: tuple[int, int] | None = None  # (clients read, of how many)
        self.model = ClientListModel(self)
        self.proxy = ClientFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Find a client: name or notes")
        self.search.setAccessibleName("Find a client by name or in notes")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(tinted_icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self._query_changed)
        self.search.installEventFilter(self)
        self.phaseFilter = QComboBox()
        self.phaseFilter.setAccessibleName("Filter by phase")
        self.phaseFilter.addItem("All phases", None)
        for phase in Phase:
            self.phaseFilter.addItem(phase.label, phase)
        self.phaseFilter.currentIndexChanged.connect(
            lambda _i: self.proxy.setPhase(self.phaseFilter.currentData())
        )
        self.statusFilter = QComboBox()
        self.statusFilter.setAccessibleName("Filter by status")
        for status in StatusFilter:
            self.statusFilter.addItem(status.value, status)
        self.statusFilter.currentIndexChanged.connect(
            lambda _i: self.proxy.setStatus(self.statusFilter.currentData())
        )
        self.view = QListView()
        self.view.setAccessibleName("Clients")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(ClientRowDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Every row has the same height until a search shows snippets: with uniform sizes
        # Qt lays out 20,000 rows without asking the delegate for each (160 ms).
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        selection = self.view.selectionModel()
        selection.currentChanged.connect(self._current_changed)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(16)
        self.count = QLabel()
        self.count.setAccessibleName("Number of clients shown")
        self.count.setWordWrap(True)
        self.loading = QLabel()
        self.loading.setObjectName("clientListLoading")
        self.loading.setAccessibleName("Client list loading")
        self.loadingBar = QProgressBar()
        self.loadingBar.setAccessibleName("Client list loading progress")
        self.loadingBar.setTextVisible(False)
        self.loadingBar.setMaximumHeight(6)
        self.loading.setVisible(False)
        self.loadingBar.setVisible(False)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(self.phaseFilter, 1)
        filters.addWidget(self.statusFilter, 1)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.loading)
        layout.addWidget(self.loadingBar)
        layout.addLayout(self._stack, 1)
        layout.addWidget(self.count)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTE_SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_notes)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_count)
        self._update_count()
        self.setTabOrder(self.search, self.phaseFilter)
        self.setTabOrder(self.phaseFilter, self.statusFilter)
        self.setTabOrder(self.statusFilter, self.view)

    # -- data ---------------------------------------------------------------------------
    def setSummaries(self, summaries: list[ClientSummary]) -> None:
        current = self.currentClientId()
        self.model.setSummaries(summaries)
        if current is not None:
            self.selectClient(current)

    def addSummaries(self, summaries: list[ClientSummary]) -> None:
        """A batch of the list as it loads: inserted in order, the selection kept, the
        count said once."""
        current = self.currentClientId()
        self._quiet = self._batch = True
        try:
            self.model.addSummaries(summaries)
        finally:
            self._quiet = self._batch = False
        if current is not None and self.currentClientId() != current:
            self.selectClient(current)
        self._update_count()

    def updateSummary(self, summary: ClientSummary) -> None:
        """A client saved (or added): its row, moved if its name moved it; the selection
        stays on the client shown (no switch is asked for)."""
        current = self.currentClientId()
        self._quiet = True
        try:
            self.model.upsert(summary)
        finally:
            self._quiet = False
        if current is not None and self.currentClientId() != current:
            self.selectClient(current)

    def removeClient(self, client_id: str) -> None:
        self.model.remove(client_id)

    def setLoading(self, loaded: int, total: int) -> None:
        """The list is still loading: ``loaded`` of ``total`` clients read so far."""
        self._loading = (loaded, max(total, loaded))
        total = max(total, loaded)
        self.loading.setText(f"Loading clients… {loaded:,} of {total:,}")
        self.loadingBar.setRange(0, max(total, 1))
        self.loadingBar.setValue(loaded)
        self.loading.setVisible(True)
        self.loadingBar.setVisible(True)
        self._update_count()

    def setLoaded(self) -> None:
        """Every client is in the list (or loading stopped: the lock)."""
        self._loading = None
        self.loading.setVisible(False)
        self.loadingBar.setVisible(False)
        self._update_count()

    def isLoading(self) -> bool:
        return self._loading is not None

    def clear(self) -> None:
        """On lock: no name, no search text, no snippet stays in memory or on screen."""
        self._timer.stop()
        if self._search_task is not None:
            self._runner.cancel(self._search_task)
            self._search_task = None
        self._quiet = True
        self.search.clear()
        self.model.clear()
        self.setLoaded()
        self._note_total = 0
        self.setIndexReady(False)
        self._quiet = False
        self._update_count()

    # -- selection ----------------------------------------------------------------------
    def currentClientId(self) -> str | None:
        index = self.view.currentIndex()
        value = index.data(ClientRole.CLIENT_ID) if index.isValid() else None
        return str(value) if value is not None else None

    def selectClient(self, client_id: str | None) -> None:
        """Move the selection without asking for a switch (no ``clientRequested``)."""
        self._quiet = True
        try:
            selection = self.view.selectionModel()
            row = None if client_id is None else self.model.rowOf(client_id)
            if row is None:
                selection.clearCurrentIndex()
                selection.clearSelection()
                return
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if not index.isValid():  # filtered out: keep the workspace, clear the highlight
                selection.clearSelection()
                return
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.view.scrollTo(index)
        finally:
            self._quiet = False

    def focusSearch(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        self.clientRequested.emit(str(current.data(ClientRole.CLIENT_ID)))

    def _context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if index.isValid():
            client_id = str(index.data(ClientRole.CLIENT_ID))
            self.contextMenuRequested.emit(client_id, self.view.viewport().mapToGlobal(position))

    # -- searching ----------------------------------------------------------------------
    def _query_changed(self, text: str) -> None:
        self.view.setUniformItemSizes(not text.strip())  # snippets only while searching
        self.proxy.setQuery(text)
        if self._search_task is not None:
            self._runner.cancel(self._search_task)
            self._search_task = None
        if len(text.strip()) >= NOTE_SEARCH_MIN_CHARS and not self._quiet:
            self._timer.start()
        else:
            self._timer.stop()
        self._update_count()

    def _search_notes(self) -> None:
        query = self.search.text()
        search = self._note_search
        self._search_task = self._runner.run(
            lambda: search(query),
            lambda hits: self._notes_found(query, hits),
            self._notes_failed,
            label="Searching notes…",
        )

    def _notes_found(self, query: str, result: SearchResult) -> None:
        self._search_task = None
        self._note_total = result.total
        self.setIndexReady(result.from_index)
        if not result.from_index:
            self.indexMissing.emit()
        self.proxy.setNoteHits(query, result.hits, result.client_ids)
        self._update_count()

    def setIndexReady(self, ready: bool) -> None:
        """The index answers from now on (True), or the scan does until it is built."""
        self._index_ready = ready
        self._timer.setInterval(INDEXED_SEARCH_DELAY_MS if ready else NOTE_SEARCH_DELAY_MS)

    def indexBuilt(self) -> None:
        """The index is ready: search again what is typed, so the list says so."""
        self.setIndexReady(True)
        if len(self.search.text().strip()) >= NOTE_SEARCH_MIN_CHARS and not self._quiet:
            self._timer.start()
        self._update_count()

    def _notes_failed(self, exc: BaseException) -> None:
        self._search_task = None
        self.count.setText("The notes could not be searched.")

    def searchPending(self) -> bool:
        return self._timer.isActive() or self._search_task is not None

    # -- status -------------------------------------------------------------------------
    def _update_count(self) -> None:
        if self._batch:  # said once, after the batch
            return
        shown = self.proxy.rowCount()
        total = self.model.rowCount()
        query = self.search.text().strip()
        so_far = " so far" if self._loading is not None else ""
        if query:
            text = count_text(shown, "match", "matches") + so_far
            if self.proxy.noteMatchCount():
                text += f", {self.proxy.noteMatchCount()} in notes"
                if self._note_total > self.proxy.noteHitCount():
                    text += f" (first {self.proxy.noteHitCount():,} of {self._note_total:,} found)"
            if not self._index_ready:
                text += f" · {STILL_INDEXING}"
        else:
            text = count_text(shown, "client") + so_far
        if self._loading is not None:
            text += f" · {STILL_LOADING}"
        self.count.setText(text)
        if shown:
            self._stack.setCurrentWidget(self.view)
            return
        if self._loading is not None:
            self.empty.setText("No client matches among those loaded so far.")
        elif total == 0 and not query:
            self.empty.setText("No clients yet.\nAdd the first with “New client” (Ctrl+Shift+N).")
        elif query:
            self.empty.setText(
                "Searching the notes…" if self.searchPending() else "No client matches."
            )
        else:
            self.empty.setText("No client matches these filters.")
        self._stack.setCurrentWidget(self.empty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and isinstance(event, QKeyEvent):
            key = event.key()
            if (
                event.type() == QEvent.Type.KeyPress
                and key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and (self.proxy.rowCount())
            ):
                first = self.proxy.index(0, 0)
                self.view.setFocus()
                if key != Qt.Key.Key_Down or not self.view.currentIndex().isValid():
                    self.view.setCurrentIndex(first)
                return True
        return super().eventFilter(watched, event)
