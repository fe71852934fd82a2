"""Fixtures for the client workspace tests: a small vault, a fictional client, a workspace.

The vault is the shared fixture of ``tests/helpers/fixtures.py``. No dialog can block: the
workspace's questions go to a scripted ``FakeDialogs``.
"""

import pytest
from pytestqt.qtbot import QtBot

from ipt_desktop.vault.vault import Vault
from tests.helpers.workspace import TODAY, FakeDialogs, Fixture, write_client
from ui.timeline.timeline_panel import TimelinePanel
from ui.workspace.client_workspace import ClientWorkspace


@pytest.fixture
def fern(vault: Vault) -> Fixture:
    return write_client(vault)


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def workspace(qtbot: QtBot, vault: Vault, dialogs: FakeDialogs) -> ClientWorkspace:
    widget = ClientWorkspace(vault, timeline_factory=TimelinePanel, today=lambda: TODAY)
    widget.dialogs = dialogs  # type: ignore[assignment]
    widget.resize(1280, 800)
    qtbot.addWidget(widget)
    return widget
