"""The unlocked view: the client list beside the client workspace.

Switching clients asks the workspace first (``maybeSave``): valid edits are saved, invalid
ones kept as drafts, and a cancelled switch puts the list's selection back. The list learns
of saved changes through ``recordChanged`` and refreshes that client's line only.
"""

from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSplitter, QVBoxLayout, QWidget

from ipt_desktop.services import client_search, clients
from ipt_desktop.vault.vault import Vault
from ui.common.task_runner import TaskRunner, run_task
from ui.timeline.timeline_panel import TimelinePanel
from ui.workspace.client_workspace import ClientWorkspace

from . import client_commands
from .client_list_panel import ClientListPanel
from .damaged_records import DamagedRecordsList

LIST_WIDTH = 320


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
        """The list after an unlock: one damaged client is one "damaged record" row, and
        every other client is listed and works."""
        listing = clients.list_clients(self._vault)
        self.damaged.setDamaged(listing.damaged)
        self.panel.setSummaries(listing.summaries)
        self.panel.selectClient(self.workspace.currentClientId())
        self._build_index()

    def _build_index(self) -> None:
        """Decrypt the notes once, in the background, into the in-memory search index;
        until it is ready the scan answers and the list says so."""
        if self._index_task is not None and self._runner.isRunning(self._index_task):
            return
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
        self.panel.selectClient(client_id)
        self.currentClientChanged.emit(client_id)
        return True

    # -- lock support ---------------------------------------------------------------------
    def place(self) -> WorkPlace:
        return WorkPlace(
            client_id=self.workspace.currentClientId(),
            tab=self.workspace.currentTab(),
            session_id=self.workspace.currentSessionId(),
        )

    def restorePlace(self, place: WorkPlace) -> None:
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
        self.workspace.clearSensitive()
        self.panel.clear()
        self.damaged.setDamaged([])
        client_search.forget_index(self._vault)  # words of every note, kept only unlocked

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
