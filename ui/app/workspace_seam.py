"""The seam with the client workspace (ui/workspace), as agreed in the UI brief.

The shell only calls what ``WorkspaceLike`` lists. ``currentSessionId`` is optional: when
the workspace has it, the shell reopens that session after an unlock; otherwise reopening
the client and the tab is as far as it goes (the workspace restores drafts itself).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from ipt_desktop.vault.vault import Vault


class WorkspaceLike(Protocol):
    recordChanged: SignalInstance
    graduationRequested: SignalInstance

    def showClient(self, client_id: str | None) -> None: ...
    def currentClientId(self) -> str | None: ...
    def currentEpisodeId(self) -> str | None: ...
    def maybeSave(self) -> bool: ...
    def saveDrafts(self) -> None: ...
    def clearSensitive(self) -> None: ...
    def newSession(self) -> None: ...
    def saveCurrent(self) -> None: ...
    def signCurrent(self) -> None: ...
    def openSession(self, session_id: str) -> None: ...
    def currentTab(self) -> str: ...
    def setCurrentTab(self, name: str) -> None: ...


WorkspaceFactory = Callable[[Vault, QWidget], QWidget]


@dataclass(frozen=True)
class WorkPlace:
    """Where the therapist was when the app locked: ids and a tab name, nothing clinical."""

    client_id: str | None = None
    tab: str = ""
    session_id: str | None = None


def default_workspace_factory(vault: Vault, parent: QWidget) -> QWidget:
    from ui.workspace.client_workspace import ClientWorkspace

    return ClientWorkspace(vault, parent)


def as_workspace(widget: QWidget) -> WorkspaceLike:
    """The workspace widget seen through the agreed interface."""
    return widget  # type: ignore[return-value]


def current_session_id(workspace: WorkspaceLike) -> str | None:
    getter = getattr(workspace, "currentSessionId", None)
    if getter is None:
        return None
    value = getter()
    return value if isinstance(value, str) else None
