"""The client workspace: one client's record in six tabs, for the shell's main window.

Overview · Sessions · Inventory · Formulation and goals · Life events · Termination.
The workspace loads a record through ``services.clients.load_record``, keeps it in an
``OpenRecord`` that every tab reads and writes through, and keeps unsaved text safe with a
``DraftKeeper`` (drafts every few seconds while typing, at once on auto-lock, restored on
the next open). Interface used by the shell: see docs of each public method.
"""

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.model import Episode
from ipt_desktop.vault.errors import VaultError
from ipt_desktop.vault.vault import Vault
from ui.common.banner import Banner, BannerKind
from ui.common.ui_text import format_date

from .close_guard import DraftSourceEditor, close_with_choice
from .contract_editor import KIND_LABELS
from .draft_keeper import DraftKeeper
from .formulation_tab import FormulationTab
from .inventory_tab import InventoryTab
from .life_events_tab import LifeEventsTab
from .open_record import OpenRecord
from .overview_tab import OverviewTab
from .sessions_tab import SessionsTab
from .termination_tab import TerminationTab
from .timeline_slot import TimelineFactory
from .workspace_dialogs import WorkspaceDialogs

TAB_NAMES = ("overview", "sessions", "inventory", "formulation", "life_events", "termination")
TAB_TITLES = (
    "Overview",
    "Sessions",
    "Inventory",
    "Formulation and goals",
    "Life events",
    "Termination",
)
EMPTY_TEXT = "Choose a client from the list, or add a new one."


class WorkspaceTab(Protocol):
    def refresh(self) -> None: ...

    def clearSensitive(self) -> None: ...


def episode_label(episode: Episode) -> str:
    return (
        f"{KIND_LABELS[episode.kind]} from {format_date(episode.start_date)}"
        f" ({episode.planned_sessions} sessions)"
    )


class ClientWorkspace(QWidget):
    recordChanged = Signal(str)
    graduationRequested = Signal(str, str)
    handoverRequested = Signal(str, str, list)  # client id, session id, questionnaires

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        timeline_factory: TimelineFactory,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.dialogs = WorkspaceDialogs(self)
        self.record = OpenRecord(vault, self)
        self.keeper = DraftKeeper(vault, self)

        self._name = QLabel(self)
        self._name.setTextFormat(Qt.TextFormat.PlainText)
        self._name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self._name.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self._name.setFont(font)
        self._episodes = QComboBox(self)
        self._episodes.setAccessibleName("Treatment contract shown")
        self._episodes.activated.connect(self._episode_chosen)
        self._episodes_label = QLabel("Contract:", self)
        self._episodes_label.setBuddy(self._episodes)
        header = QHBoxLayout()
        header.setContentsMargins(14, 10, 14, 4)
        header.addWidget(self._name, 1)
        header.addWidget(self._episodes_label)
        header.addWidget(self._episodes)
        self._saved_on_leaving = ""
        self.notice = Banner(BannerKind.INFO, "Dismiss", self)
        self.notice.actionTriggered.connect(self.notice.clear)

        def dialogs() -> WorkspaceDialogs:
            return self.dialogs

        self.overview = OverviewTab(self.record, timeline_factory, today, self)
        self.sessions = SessionsTab(self.record, self.keeper, dialogs, today, self)
        self.inventory = InventoryTab(self.record, self.keeper, dialogs, self)
        self.formulation = FormulationTab(self.record, self.keeper, today, self)
        self.life_events = LifeEventsTab(self.record, self.keeper, dialogs, self)
        self.termination = TerminationTab(self.record, self.keeper, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Client workspace")
        for widget, title in zip(self._tab_widgets(), TAB_TITLES, strict=True):
            self.tabs.addTab(widget, title)

        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(header)
        notice_row = QHBoxLayout()
        notice_row.setContentsMargins(14, 0, 14, 0)
        notice_row.addWidget(self.notice)
        column.addLayout(notice_row)
        column.addWidget(self.tabs, 1)
        self._empty = QLabel(EMPTY_TEXT, self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setContentsMargins(48, 0, 48, 0)  # a long refusal stays readable
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._empty)
        self._stack.addWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)

        self.record.changed.connect(self._refresh)
        self.record.saved.connect(self.recordChanged)
        self.keeper.restored.connect(lambda text: self.notice.showMessage("", text))
        self.keeper.failed.connect(lambda text: self.notice.showMessage("", text))
        self.sessions.problem.connect(lambda text: self.notice.showMessage("", text))
        self.overview.sessionActivated.connect(self.openSession)
        self.overview.formulationRequested.connect(lambda: self.setCurrentTab("formulation"))
        self.termination.graduationRequested.connect(self.graduationRequested)
        self.sessions.editor.handoverRequested.connect(self.handoverRequested)
        self._stack.setCurrentWidget(self._empty)

    # ---- the shell's interface -----------------------------------------------------------

    def showClient(self, client_id: str | None) -> None:
        """Show a client's record (None: the empty state). Drafts kept for it come back."""
        self.notice.clear()
        if self._saved_on_leaving:  # the autosave of the previous client, made visible
            self.notice.showMessage("", self._saved_on_leaving)
            self._saved_on_leaving = ""
        self.keeper.saveAll()  # insurance: text not saved by maybeSave stays as a draft
        self._close_record()
        if client_id is None:
            return
        try:
            self.record.open(client_id)
        except (VaultError, LookupError) as error:
            self._empty.setText(f"This record could not be opened: {error}")
            return
        self.keeper.setClientId(client_id)
        self._stack.setCurrentIndex(1)
        self._refresh()
        self._restore_drafts()

    def currentClientId(self) -> str | None:
        return self.record.client_id

    def currentEpisodeId(self) -> str | None:
        """The treatment contract shown (None: no client or no contract)."""
        episode = self.record.episode
        return None if episode is None else episode.id

    def maybeSave(self) -> bool:
        """Save every valid edit; keep the rest as drafts and ask. False = stay here."""
        problems: list[str] = []
        saved: list[str] = []
        for name, editor in self._editors():
            if not editor.isDirty():
                continue
            problem = editor.problems()
            if problem is None and editor.saveChanges():
                saved.append(name)
                continue
            problems.append(f"{name}: {problem or 'not saved'}")
        if saved:
            time = dt.datetime.now().strftime("%H:%M")
            self._saved_on_leaving = (
                f"Changes to the previous record were saved at {time} ({', '.join(saved)})."
            )
        if not problems:
            return True
        self.keeper.saveAll()
        return self.dialogs.leaveWithProblems("\n".join(problems))

    def maybeClose(self) -> bool:
        """The app is closing: with unsaved edits, ask Save / Discard / Cancel, naming them
        (``close_guard``). False = stay open."""
        return close_with_choice(
            self._close_names(),
            self.keeper,
            self.dialogs.askBeforeClosing,
            self.dialogs.leaveWithProblems,
            self.sessions.editor.discardStartedBlank,
        )

    def saveDrafts(self) -> None:
        """Keep every editor's unsaved text as an encrypted draft, without asking."""
        self.keeper.saveAll()

    def clearSensitive(self) -> None:
        """Drop every decrypted value from widgets and models (the vault is locking)."""
        self.keeper.setClientId(None)
        for tab in self._tabs():
            tab.clearSensitive()
        self.record.close()
        self._name.clear()
        self._episodes.clear()
        self.notice.clear()
        self._stack.setCurrentWidget(self._empty)

    def newSession(self) -> None:
        if self.record.record is None:
            return
        self.setCurrentTab("sessions")
        self.sessions.newSession()

    def saveCurrent(self) -> None:
        editor = dict(self._editors_by_tab()).get(self.currentTab())
        if editor is not None:
            editor.saveChanges()

    def signCurrent(self) -> None:
        if self.sessions.editor.sessionId() is None:
            self.notice.showMessage("Nothing to sign", "Open a session note first.")
            return
        self.setCurrentTab("sessions")
        self.sessions.editor.signCurrent()

    def openSession(self, session_id: str) -> None:
        if self.sessions.openSession(session_id):
            self.setCurrentTab("sessions")

    def goToRiskAssessment(self, session_id: str) -> None:
        """Open the session and put the cursor in its risk assessment (after a hand-over)."""
        self.openSession(session_id)
        if self.sessions.editor.sessionId() == session_id:
            self.sessions.editor.goToRiskAssessment()

    def currentSessionId(self) -> str | None:
        """The session open in the editor (the shell reopens it after an unlock)."""
        return self.sessions.editor.sessionId()

    def currentTab(self) -> str:
        return TAB_NAMES[max(self.tabs.currentIndex(), 0)]

    def setCurrentTab(self, name: str) -> None:
        if name in TAB_NAMES:
            self.tabs.setCurrentIndex(TAB_NAMES.index(name))

    # ---- internals -----------------------------------------------------------------------

    def _tab_widgets(self) -> tuple[QWidget, ...]:
        return tuple(self._tabs())  # type: ignore[arg-type]

    def _tabs(self) -> tuple[WorkspaceTab, ...]:
        return (
            self.overview,
            self.sessions,
            self.inventory,
            self.formulation,
            self.life_events,
            self.termination,
        )

    def _editors_by_tab(self) -> list[tuple[str, DraftSourceEditor]]:
        return [
            ("sessions", self.sessions.editor),
            ("inventory", self.inventory.editor),
            ("formulation", self.formulation),
            ("life_events", self.life_events.editor),
            ("termination", self.termination),
        ]

    def _editors(self) -> list[tuple[str, DraftSourceEditor]]:
        titles = dict(zip(TAB_NAMES, TAB_TITLES, strict=True))
        return [(titles[name], editor) for name, editor in self._editors_by_tab()]

    def _close_names(self) -> list[tuple[str, DraftSourceEditor]]:
        """Each editor as the closing question names it: the tab, and for a session its
        place in the contract and its date (no clinical text)."""
        names: list[tuple[str, DraftSourceEditor]] = []
        editor = self.sessions.editor
        session = editor.session()
        for name, each in self._editors():
            if each is editor and session is not None:
                name = f"{name}: {editor.header.title()}, {format_date(session.date)}"
            names.append((name, each))
        return names

    def _close_record(self) -> None:
        self.keeper.setClientId(None)
        for tab in self._tabs():
            tab.clearSensitive()
        if self.record.record is not None:
            self.record.close()
        self._empty.setText(EMPTY_TEXT)
        self._stack.setCurrentWidget(self._empty)

    def _refresh(self) -> None:
        record = self.record.record
        if record is None:
            return
        self._name.setText(record.client.name)
        self._name.setAccessibleName(f"Client: {record.client.name}")
        self._fill_episodes()
        for tab in self._tabs():
            tab.refresh()

    def _fill_episodes(self) -> None:
        episodes = self.record.episodes()
        selected = self.record.episode
        self._episodes.blockSignals(True)
        self._episodes.clear()
        for episode in episodes:
            self._episodes.addItem(episode_label(episode), episode.id)
        if selected is not None:
            self._episodes.setCurrentIndex(self._episodes.findData(selected.id))
        self._episodes.blockSignals(False)
        several = len(episodes) > 1
        self._episodes.setVisible(several)
        self._episodes_label.setVisible(several)

    def _episode_chosen(self, index: int) -> None:
        episode_id = self._episodes.itemData(index)
        if isinstance(episode_id, str):
            self.record.select_episode(episode_id)

    def _restore_drafts(self) -> None:
        for key in self.keeper.pendingKeys():
            kind, _, object_id = key.partition(":")
            if kind == "session" and self.sessions.editor.sessionId() is None:
                self.sessions.openSession(object_id)
            elif kind == "person":
                self.inventory.restoreDraft(object_id)
            elif kind == "life_event":
                self.life_events.restoreDraft(object_id)
