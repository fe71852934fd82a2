"""Fixtures for the application shell's tests: offscreen Qt, isolated settings, small vaults.

Every test here fails on a Qt warning (pytest-qt's ``qt_log_level_fail``), runs with its
own data folder (``IPT_DESKTOP_DATA_DIR``) and its own QSettings file, and creates vaults
with the minimum key-derivation parameters through the public API, never weaker ones.
"""

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from shell_testing import PASSPHRASE, dismissing_modals

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.vault.vault import Vault
from ui.app.main_window import MainWindow
from ui.common.app_settings import AppSettings
from ui.common.task_runner import TaskRunner

_HERE = Path(__file__).resolve().parent
#: What the offscreen platform plugin itself says (it has no window manager); not our code.
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPT_DESKTOP_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    created, _recovery = Vault.create(vault_dir, PASSPHRASE, kdf=floor_params())
    try:
        yield created
    finally:
        created.close()


@pytest.fixture
def window(qtbot: QtBot, vault: Vault, settings: AppSettings) -> Iterator[MainWindow]:
    main = MainWindow(vault, TaskRunner(), settings, kdf=floor_params)
    # Not qtbot.addWidget: pytest-qt would close it before this teardown, with no one to
    # answer a question the workspace may ask on closing.
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    yield main
    with dismissing_modals():  # a question left open by the test must not hang teardown
        main.close()
    main.runner.waitForDone(30_000)
    main.deleteLater()
