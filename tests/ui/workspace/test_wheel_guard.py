"""Issue 13, item 1: a mouse wheel passing over a value widget changes nothing.

The walk visits every tab of the client workspace (with a person, a life event, the
contract editor and a session open) and the app's dialogs, finds every visible slider,
combo box, spin box and date edit, and turns the wheel over each one while it does not
have the keyboard focus. A control shows that the same wheel does change a widget that
has the focus, so the events really arrive.
"""

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
)
from pytestqt.qtbot import QtBot

from ipt_desktop.services import clients
from ipt_desktop.vault.vault import Vault
from tests.helpers.wheel_walk import assert_wheel_changes_nothing, turn_wheel
from tests.helpers.workspace import Fixture
from ui.app.client_dialogs import ClientFormDialog, EndTreatmentDialog
from ui.app.settings_dialog import SettingsDialog
from ui.backup.audit_log_view import AuditLogDialog
from ui.common import theme
from ui.common.app_settings import AppSettings
from ui.common.wheel_guard import WheelGuard, install_wheel_guard
from ui.workspace.client_workspace import TAB_NAMES, ClientWorkspace


@pytest.fixture(autouse=True)
def guard(qapp: QApplication) -> WheelGuard:
    return install_wheel_guard(qapp)


def open_everything(workspace: ClientWorkspace, fern: Fixture, qtbot: QtBot) -> None:
    workspace.showClient(fern.client_id)
    workspace.show()
    qtbot.waitExposed(workspace)


def test_no_workspace_value_widget_turns_under_the_wheel(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture
) -> None:
    open_everything(workspace, fern, qtbot)
    workspace.sessions.openSession(fern.session_ids[-1])
    workspace.inventory.selectPerson(fern.person_ids[0])
    workspace.life_events.selectEvent(fern.event_ids[0])
    seen = 0
    for name in TAB_NAMES:
        workspace.setCurrentTab(name)
        QApplication.processEvents()
        seen += assert_wheel_changes_nothing(workspace)
    workspace.setCurrentTab("overview")
    workspace.overview._edit_contract()
    QApplication.processEvents()
    seen += assert_wheel_changes_nothing(workspace)
    # the mood slider, the phase and the HAM-D at least; the person and event editors' combos
    assert seen >= 6
    editor = workspace.sessions.editor
    assert not editor.isDirty()
    assert editor.session() is not None
    assert editor.form.mood.value() == editor.session().mood  # type: ignore[union-attr]


def test_the_wheel_still_works_with_focus(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture
) -> None:
    """The control: with the keyboard focus, the same wheel events do turn the value."""
    open_everything(workspace, fern, qtbot)
    workspace.sessions.openSession(fern.session_ids[0])
    workspace.setCurrentTab("sessions")
    workspace.activateWindow()
    slider = workspace.sessions.editor.form.mood.slider()
    slider.setFocus()
    qtbot.waitUntil(slider.hasFocus)
    before = slider.value()
    turn_wheel(slider, -2)
    assert slider.value() != before


def test_dialogs_value_widgets_ignore_the_wheel(
    qtbot: QtBot, vault: Vault, fern: Fixture, tmp_path: object
) -> None:
    from PySide6.QtCore import QSettings

    settings = AppSettings(QSettings(f"{tmp_path}/s.ini", QSettings.Format.IniFormat))
    client = clients.load_record(vault, fern.client_id).client
    dialogs: list[QDialog] = [
        SettingsDialog(vault, settings),
        ClientFormDialog(),
        ClientFormDialog(client),
        EndTreatmentDialog(client),
        AuditLogDialog(vault),
    ]
    seen = 0
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        seen += assert_wheel_changes_nothing(dialog)
        dialog.reject()
    assert seen >= 2  # the settings' auto-lock minutes and paper size at least


def test_the_app_installs_the_guard_with_its_theme(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed: list[QApplication] = []
    monkeypatch.setattr(theme, "install_wheel_guard", installed.append)
    sheet = qapp.styleSheet()
    try:
        theme.apply_theme(qapp)
    finally:
        qapp.setStyleSheet(sheet)
    assert installed == [qapp]
