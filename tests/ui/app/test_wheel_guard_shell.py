"""Issue 13, item 1 in the whole shell: the client list's filters, every workspace tab of a
demo client, the settings dialog's pages and the graduation preview ignore a mouse wheel
that passes over their value widgets without the keyboard focus."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from ipt_desktop.demo.practice import fill_demo
from ipt_desktop.services import clients
from ipt_desktop.services.summary_export import has_termination_record
from ipt_desktop.vault.vault import Vault
from tests.helpers.wheel_walk import assert_wheel_changes_nothing
from ui.app.main_window import MainWindow
from ui.app.settings_dialog import SettingsDialog
from ui.common.wheel_guard import install_wheel_guard
from ui.graduation import open_graduation_dialog
from ui.workspace.client_workspace import TAB_NAMES

TODAY = dt.date.today()


def every_tab_page(root: QWidget) -> int:
    """Walk ``root`` with each page of each of its tab widgets shown in turn."""
    seen = assert_wheel_changes_nothing(root)
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            seen += assert_wheel_changes_nothing(root)
    return seen


@pytest.fixture(autouse=True)
def guard(qapp: QApplication) -> None:
    """As in the app: the guard is there before the first window is made."""
    install_wheel_guard(qapp)


def test_the_shell_ignores_a_passing_wheel(qtbot: QtBot, window: MainWindow, vault: Vault) -> None:
    ids = fill_demo(vault, TODAY)
    window.workArea.reload()
    seen = 0
    for client_id in ids[:3]:
        assert window.workArea.switchTo(client_id)
        workspace = window.workArea.workspace
        for name in TAB_NAMES:
            workspace.setCurrentTab(name)
            QApplication.processEvents()
            seen += assert_wheel_changes_nothing(window)
    assert seen >= 10  # the list's two filters, the contract picker, the note's fields...

    settings = SettingsDialog(vault, window.settings, window)
    settings.show()
    qtbot.waitExposed(settings)
    assert every_tab_page(settings) >= 2
    settings.reject()

    client_id, episode_id = next(
        (c, e.id)
        for c in ids
        for e in clients.read_record(vault, c).episodes
        if has_termination_record(e)
    )
    dialog = open_graduation_dialog(vault, client_id, episode_id, window, today=TODAY)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    every_tab_page(dialog)
    dialog.reject()
    window.runner.waitForDone(30_000)
