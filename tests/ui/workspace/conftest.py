"""Fixtures for the client workspace tests: a small vault, a fictional client, a workspace.

Every test here fails on a Qt warning (pytest-qt ``qt_log_level_fail``); the one message
ignored is the offscreen platform saying it cannot size native windows (it has none).
Vaults use the minimum key-derivation parameters through the public API. No dialog can
block: the workspace's questions go to a scripted ``FakeDialogs``.
"""

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from pytestqt.qtbot import QtBot
from workspace_fixtures import PASSPHRASE, TODAY, FakeDialogs, Fixture, write_client

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.vault.vault import Vault
from ui.workspace.client_workspace import ClientWorkspace

_HERE = Path(__file__).resolve().parent
OFFSCREEN_SIZE_HINTS = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS))


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    created, _recovery = Vault.create(tmp_path / "v", PASSPHRASE, kdf=floor_params())
    yield created
    created.close()


@pytest.fixture
def fern(vault: Vault) -> Fixture:
    return write_client(vault)


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def workspace(qtbot: QtBot, vault: Vault, dialogs: FakeDialogs) -> ClientWorkspace:
    widget = ClientWorkspace(vault, today=lambda: TODAY)
    widget.dialogs = dialogs  # type: ignore[assignment]
    widget.resize(1280, 800)
    qtbot.addWidget(widget)
    return widget
