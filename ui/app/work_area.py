"""The unlocked view: the client list beside the client workspace.

Switching clients asks the workspace first (``maybeSave``): valid edits are saved, invalid
ones kept as drafts, and a cancelled switch puts the list's selection back. The list learns
of saved changes through ``recordChanged`` and refreshes that client's line only.
"""

from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSplitter, QVBoxLayout, QWidget

from ipt_desktop.domain.summary import ClientSummary
from ipt_desktop.services import client_search, clients, collector_hold
from ipt_desktop.vault.vault import Vault
from ui.common.failures import failure_text
from ui.common.task_runner import TaskRunner, run_task
from ui.timeline.timeline_panel import TimelinePanel
from ui.workspace.client_workspace import ClientWorkspace

from . import client_commands
from .client_list_panel import ClientListPanel
from .damaged_records import DamagedRecordsList

LIST_WIDTH = 320
#: Clients inserted into the list per turn of the event loop while it loads (about 6 ms
#: at 20,000 clients: each is a bisection and, mostly, a row insertion of its own).
INSERT_BATCH = 100


@dataclass(frozen=True)
class WorkPlace:
    """Where the therapist was when the app locked: ids and a tab name, nothing clinical."""

    client_id: str | None = None
    tab: str = ""
    session_id: str | None = None


class WorkArea(QWidget):
    statusMessage = Signal(str)
    currentClientChanged = Signal(object)  # str | None
    restoreRequested = Signal()  # from a damaged record's row

    def __init__(
        self,
        vault: Vault,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workArea")
        self._vault = vault
        self._runner = runner
        self._index_task: int | None = None
        # Loading the list (``reload``): the chunk being read, the summaries read and not
        # yet inserted, the clients changed meanwhile (their rows are newer than a chunk).
        self._load_counter = 0
        self._load_generation: int | None = None
        self._chunk_task: int | None = None
        self._queue: list[ClientSummary] = []
        self._touched: set[str] = set()
        self._more = False
        self._loaded = 0
        self._total = 0
        self._resume_after: tuple[int, str] | None = None
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.setInterval(0)
        self._start_timer.timeout.connect(self._start_rest)
        self._insert_timer = QTimer(self)
        self._insert_timer.setSingleShot(True)
        self._insert_timer.setInterval(0)
        self._insert_timer.timeout.connect(self._insert_batch)
        self.panel = ClientListPanel(runner, lambda query: client_search.search(vault, query))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.damaged = DamagedRecordsList()
        self.damaged.restoreRequested.connect(self.restoreRequested)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(4)
        left_layout.addWidget(self.damaged)
        left_layout.addWidget(self.panel, 1)
        self.splitter.addWidget(left)
        # The shell composes the features: the workspace draws its timeline with ui.timeline's.
        self.workspace = ClientWorkspace(vault, self.splitter, timeline_factory=TimelinePanel)
        self.splitter.addWidget(self.workspace)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([LIST_WIDTH, 900])
        self.panel.setMinimumWidth(250)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.panel.clientRequested.connect(self._client_requested)
        self.panel.contextMenuRequested.connect(self._context_menu)
        self.panel.indexMissing.connect(self._build_index)
        self.workspace.recordChanged.connect(self.refreshClient)

    # -- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        """The list after an unlock: the first chunk at once (more than a screen of names;
        the newest clients, where those in treatment are), the rest chunk by chunk on the
        task runner, inserted a batch per turn of the event loop; then the search index is
        built. One damaged client is one "damaged record"
        strip, and every other client is listed and works."""
        self._stop_loading()
        first = clients.list_chunk(self._vault, None, clients.FIRST_CHUNK, newest_first=True)
        self.damaged.setDamaged(first.listing.damaged)
        self.panel.setSummaries(first.listing.summaries)
        self.panel.selectClient(self.workspace.currentClientId())
        self._loaded = len(first.listing.summaries) + len(first.listing.damaged)
        if first.done:
            self._finish_loading()
            return
        self.panel.setLoading(self._loaded, first.total)
        # The rest is read once the first screen is painted: a worker started now would
        # take the interpreter lock from the first paint.
        self._load_generation = self._load_counter = self._load_counter + 1
        self._resume_after = first.last
        self._start_timer.start()

    def _start_rest(self) -> None:
        if self._load_generation is not None:
            self._next_chunk(self._resume_after)

    def isLoading(self) -> bool:
        return self._load_generation is not None

    def _next_chunk(self, after: tuple[int, str] | None) -> None:
        generation = self._load_generation = self._load_counter = self._load_counter + 1
        vault = self._vault
        self._chunk_task = run_task(
            lambda: clients.list_chunk(vault, after, clients.CHUNK, newest_first=True),
            lambda chunk: self._chunk_read(generation, chunk),
            lambda exc: self._chunk_failed(generation, exc),
            label="Loading the client list…",
            runner=self._runner,
        )

    def _chunk_read(self, generation: int, chunk: clients.ListChunk) -> None:
        if generation != self._load_generation or not self._vault.is_unlocked:
            return  # stopped (a lock), or superseded by a reload
        self._chunk_task = None
        self._queue.extend(chunk.listing.summaries)
        # What is loaded stays for this unlock: a full garbage collection need not scan it
        # again. At 20,000 clients one takes 50-100 ms, holding the GIL, in whichever
        # thread allocates: a stall of the window. ``clearSensitive`` undoes this.
        collector_hold.hold_loaded()
        self._loaded += len(chunk.listing.summaries) + len(chunk.listing.damaged)
        self._total = chunk.total
        # A client saved, added or deleted while its chunk was read is already right.
        damaged = [d for d in chunk.listing.damaged if d.client_id not in self._touched]
        if damaged:
            self.damaged.setDamaged([*self.damaged.damaged(), *damaged])
        self._more = not chunk.done
        self._resume_after = chunk.last
        self._insert_timer.start()

    def _insert_batch(self) -> None:
        """One batch into the model per turn of the event loop (no stall over ~25 ms)."""
        if self._load_generation is None:
            return
        batch = self._queue[:INSERT_BATCH]
        del self._queue[:INSERT_BATCH]
        fresh = [s for s in batch if s.client_id not in self._touched]
        if fresh:
            self.panel.addSummaries(fresh)
        shown = self._loaded - len(self._queue)
        if self._queue:
            self.panel.setLoading(shown, self._total)
            self._insert_timer.start()
        elif self._more:
            # The next chunk is read once this one is in: a worker reading meanwhile would
            # make every row insertion wait for the interpreter lock (stalls over 50 ms).
            self.panel.setLoading(shown, self._total)
            self._next_chunk(self._resume_after)
        else:
            self._finish_loading()

    def _chunk_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._load_generation:
            return
        self._stop_loading()
        self.panel.setLoaded()
        reason = failure_text(exc, "an unexpected error (reported).")
        self.statusMessage.emit(f"The rest of the client list could not be loaded: {reason}")

    def _finish_loading(self) -> None:
        self._stop_loading()
        self.panel.setLoaded()
        self._build_index()  # after the list: the two would share the cores

    def _stop_loading(self) -> None:
        """No chunk arrives any more, and none waits to be inserted (a lock, a reload)."""
        if self._chunk_task is not None:
            self._runner.cancel(self._chunk_task)
        self._chunk_task = None
        self._load_generation = None
        self._start_timer.stop()
        self._insert_timer.stop()
        self._queue = []
        self._touched = set()
        self._more = False

    def _touch(self, client_id: str) -> None:
        """While loading: what the list shows for this client is newer than any chunk."""
        if self._load_generation is not None:
            self._touched.add(client_id)

    def _build_index(self) -> None:
        """Decrypt the notes once, in the background, into the in-memory search index;
        until it is ready the scan answers and the list says so."""
        if self._index_task is not None and self._runner.isRunning(self._index_task):
            return
        if self.isLoading():
            return  # built when the list is complete (``_finish_loading``)
        self.panel.setIndexReady(client_search.index_is_ready(self._vault))
        self._index_task = run_task(
            lambda: client_search.build_index(self._vault),
            self._index_built,
            self._index_failed,
            label="Indexing notes for search…",
            runner=self._runner,
        )

    def _index_built(self, ready: bool) -> None:
        self._index_task = None
        if ready:
            self.panel.indexBuilt()

    def _index_failed(self, _exc: BaseException) -> None:
        self._index_task = None  # the scan keeps answering; nothing is lost

    def refreshClient(self, client_id: str) -> None:
        if not self._vault.is_unlocked:
            return
        self._touch(client_id)
        summary = clients.summary_of(self._vault, client_id)  # one client, not the list
        if summary is not None:
            self.panel.updateSummary(summary)
            return
        self.panel.removeClient(client_id)

    # -- switching ------------------------------------------------------------------------
    def currentClientId(self) -> str | None:
        return self.workspace.currentClientId()

    def _client_requested(self, client_id: str) -> None:
        # After the selection change has finished: maybeSave may open a dialog.
        QTimer.singleShot(0, lambda: self.switchTo(client_id))

    def switchTo(self, client_id: str | None) -> bool:
        """Show ``client_id`` if the workspace lets go of the current one; True if shown."""
        if not self._vault.is_unlocked:
            return False
        current = self.workspace.currentClientId()
        if client_id == current:
            self.panel.selectClient(client_id)
            return True
        if current is not None and not self.workspace.maybeSave():
            self.panel.selectClient(current)
            return False
        if not self._vault.is_unlocked:  # the app locked while a question was open
            return False
        self.workspace.showClient(client_id)
        self._list_now(client_id)
        self.panel.selectClient(client_id)
        self.currentClientChanged.emit(client_id)
        return True

    def _list_now(self, client_id: str | None) -> None:
        """While the list loads: a client shown before its chunk came is listed now."""
        if client_id is not None and self.isLoading() and self.panel.model.rowOf(client_id) is None:
            self.refreshClient(client_id)

    # -- lock support ---------------------------------------------------------------------
    def place(self) -> WorkPlace:
        return WorkPlace(
            client_id=self.workspace.currentClientId(),
            tab=self.workspace.currentTab(),
            session_id=self.workspace.currentSessionId(),
        )

    def restorePlace(self, place: WorkPlace) -> None:
        self._list_now(place.client_id)
        if place.client_id is None or self.panel.model.rowOf(place.client_id) is None:
            self.workspace.showClient(None)
            self.currentClientChanged.emit(None)
            return
        self.workspace.showClient(place.client_id)
        if place.tab:
            self.workspace.setCurrentTab(place.tab)
        if place.session_id is not None:
            self.workspace.openSession(place.session_id)
        self.panel.selectClient(place.client_id)
        self.currentClientChanged.emit(place.client_id)

    def saveDrafts(self) -> None:
        self.workspace.saveDrafts()

    def clearSensitive(self) -> None:
        self._stop_loading()  # nothing read before the lock is kept
        self.workspace.clearSensitive()
        self.panel.clear()
        self.damaged.setDamaged([])
        client_search.forget_index(self._vault)  # words of every note, kept only unlocked
        # What loading froze (``_chunk_read``) is collected again, now, at the lock, not
        # while the next unlock loads.
        collector_hold.release_at_lock()

    # -- client commands ------------------------------------------------------------------
    def addClient(self) -> None:
        client_id = client_commands.add_client(self, self._vault)
        if client_id is None:
            return
        self.refreshClient(client_id)
        self.statusMessage.emit("Client added.")
        self.switchTo(client_id)

    def editClient(self, client_id: str | None = None) -> None:
        target = client_id or self.workspace.currentClientId()
        if target is None or not self._let_go_of(target):
            return
        if client_commands.edit_client(self, self._vault, target) is not None:
            self._changed(target, "Client details saved.")

    def endTreatment(self, client_id: str | None = None) -> None:
        target = client_id or self.workspace.currentClientId()
        if target is None or not self._let_go_of(target):
            return
        if client_commands.end_treatment(self, self._vault, target) is not None:
            self._changed(target, "Treatment status changed.")

    def deleteClient(self, client_id: str | None = None) -> None:
        target = client_id or self.workspace.currentClientId()
        if target is None:
            return
        showing = self.workspace.currentClientId() == target
        if client_commands.delete_client(self, self._vault, target) is None:
            return
        if showing:
            # Drop the open record without saving anything of it: it no longer exists.
            self.workspace.clearSensitive()
            self.workspace.showClient(None)
            self.currentClientChanged.emit(None)
        self._touch(target)
        self.panel.removeClient(target)
        self.statusMessage.emit("Client deleted.")

    def _let_go_of(self, client_id: str) -> bool:
        """Before changing the client shown: save what the workspace holds (it may ask)."""
        if self.workspace.currentClientId() != client_id:
            return True
        return self.workspace.maybeSave()

    def _changed(self, client_id: str, message: str) -> None:
        self.refreshClient(client_id)
        if self.workspace.currentClientId() == client_id:
            self.workspace.showClient(client_id)
        self.statusMessage.emit(message)

    def _context_menu(self, client_id: str, where: QPoint) -> None:
        summary = self.panel.model.summary(client_id)
        menu = QMenu(self)
        edit = QAction("&Edit details…", menu)
        edit.triggered.connect(lambda: self.editClient(client_id))
        end = QAction(
            "&Resume treatment"
            if summary is not None and not summary.active
            else "E&nd treatment…",
            menu,
        )
        end.triggered.connect(lambda: self.endTreatment(client_id))
        delete = QAction("&Delete client…", menu)
        delete.triggered.connect(lambda: self.deleteClient(client_id))
        menu.addActions([edit, end])
        menu.addSeparator()
        menu.addAction(delete)
        menu.exec(where)
        menu.deleteLater()
