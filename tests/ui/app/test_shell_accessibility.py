"""Every control of the shell can be named by a screen reader (an accessible name, its own
text, or a label that is its buddy); the tab order follows the reading order; closing the
window keeps unsaved text."""

import datetime as dt
import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.model import Client, Episode
from ipt_desktop.services import clients, episodes
from ipt_desktop.vault.vault import Vault
from tests.helpers.shell import answer_modals
from ui.app.client_dialogs import ClientFormDialog, DeleteClientDialog, EndTreatmentDialog
from ui.app.first_run_wizard import FirstRunWizard
from ui.app.main_window import MainWindow
from ui.app.new_passphrase_dialog import NewPassphraseDialog
from ui.app.settings_dialog import SettingsDialog
from ui.common.app_settings import AppSettings
from ui.common.task_runner import TaskRunner

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QPlainTextEdit,
)


def qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside its own widgets (named by their owner): combo popups,
    calendar grids, header views, line-edit action buttons, spin box editors."""
    if widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView):
        return True
    if isinstance(widget, QToolButton) and isinstance(widget.parent(), QLineEdit):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QCalendarWidget | QAbstractSpinBox | QComboBox):
            return True
        if type(parent).__name__ == "QComboBoxPrivateContainer":
            return True
        parent = parent.parentWidget()
    return False


def unnamed(root: QWidget) -> list[str]:
    """Controls a screen reader could not name."""
    buddies = {
        id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None
    }
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS):
            continue
        if qt_internal(widget):
            continue
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parent(), QAbstractSpinBox | QComboBox
        ):
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if widget.accessibleName() or text.replace("&", "").strip() or id(widget) in buddies:
            continue
        missing.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    return missing


def test_main_window_controls_are_named(window: MainWindow) -> None:
    assert unnamed(window.workArea.panel) == []
    assert unnamed(window.toolBar) == []
    window.lockController.lockNow()
    assert unnamed(window.unlockScreen) == []


@pytest.mark.parametrize("kind", ["add", "edit", "end", "delete", "settings", "passphrase"])
def test_dialog_controls_are_named(
    qtbot: QtBot, vault: Vault, settings: AppSettings, kind: str
) -> None:
    client = Client(name="Ada Lindqvist", date_of_birth=dt.date(1970, 5, 1))
    dialogs = {
        "add": lambda: ClientFormDialog(),
        "edit": lambda: ClientFormDialog(client),
        "end": lambda: EndTreatmentDialog(client),
        "delete": lambda: DeleteClientDialog(client),
        "settings": lambda: SettingsDialog(vault, settings),
        "passphrase": lambda: NewPassphraseDialog(vault, TaskRunner(), kdf=floor_params),
    }
    dialog = dialogs[kind]()
    qtbot.addWidget(dialog)
    assert unnamed(dialog) == []


def test_wizard_pages_are_named(qtbot: QtBot, tmp_path: Path, settings: AppSettings) -> None:
    wizard = FirstRunWizard(
        tmp_path / "vault", TaskRunner(), settings, kdf=floor_params, rng=random.Random(2)
    )
    qtbot.addWidget(wizard)
    for page in (wizard.welcomePage, wizard.passphrasePage, wizard.practicePage):
        assert unnamed(page) == []


def focus_chain(start: QWidget, steps: int) -> list[QWidget]:
    chain, widget = [], start
    for _ in range(steps):
        widget = widget.nextInFocusChain()
        while not (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(start.window())
            and widget.isEnabled()
        ):
            widget = widget.nextInFocusChain()
        chain.append(widget)
    return chain


def test_tab_order_follows_the_reading_order(window: MainWindow, vault: Vault) -> None:
    clients.create_client(vault, Client(name="Chen Wei"))
    window.workArea.reload()
    panel = window.workArea.panel
    assert focus_chain(panel.search, 3) == [panel.phaseFilter, panel.statusFilter, panel.view]
    window.lockController.lockNow()
    screen = window.unlockScreen
    assert focus_chain(screen.passphrase, 2) == [screen.unlockButton, screen.useRecovery]


def test_closing_the_window_asks_and_return_saves_the_open_note(
    qtbot: QtBot, vault: Vault, settings: AppSettings
) -> None:
    """Closing with an unsaved note asks first (Save / Discard / Cancel); Save is the
    default button, so the keyboard's Return saves it."""
    client = Client(name="Bram Okafor")
    clients.create_client(vault, client)
    episodes.save_episode(vault, Episode(client_id=client.id, start_date=dt.date(2025, 1, 6)))
    main = MainWindow(vault, TaskRunner(), settings, kdf=floor_params)
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    assert main.workArea.switchTo(client.id)
    qtbot.keyClick(main, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = main.workArea.workspace.sessions.editor  # type: ignore[attr-defined]
    field = editor.form.texts["plan"]
    field.setFocus()
    qtbot.keyClicks(field, "Next week: the letter to her brother")
    answered = answer_modals(lambda box: qtbot.keyClick(box, Qt.Key.Key_Return))
    assert main.close()
    assert answered == ["QMessageBox"]
    (session,) = clients.read_record(vault, client.id).sessions
    assert session.note.plan == "Next week: the letter to her brother"
    main.deleteLater()


def test_the_check_finds_an_unnamed_control(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    QLineEdit(host)
    named = QLineEdit(host)
    named.setAccessibleName("Named")
    labelled = QLineEdit(host)
    QLabel("&Label:", host).setBuddy(labelled)
    assert unnamed(host) == ["QLineEdit in QWidget"]
