"""Fixtures for the application shell's tests: isolated settings and a main window on a
small vault (the vault fixtures are the shared ones in ``tests/helpers/fixtures.py``)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.vault.vault import Vault
from tests.helpers.shell import dismissing_modals
from ui.app.main_window import MainWindow
from ui.common.app_settings import AppSettings
from ui.common.task_runner import TaskRunner


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


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
