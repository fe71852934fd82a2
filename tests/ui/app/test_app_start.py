"""Start-up: the command line (GUI flags vs CLI sub-commands), the demo practice, the first
run, a second instance, and a damaged vault restored from its backup."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.model import Client
from ipt_desktop.services import clients
from ipt_desktop.services.automatic_backups import run_automatic_backup
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.shell import answer_modals, when_modal
from ui.__main__ import main, wants_cli
from ui.app.application import EXIT_FAILED, AppController
from ui.backup import DamagedVaultDialog, RestoreDialog
from ui.common.app_settings import AppSettings

SLOW_MS = 30_000


@pytest.fixture
def controller(qtbot: QtBot, settings: AppSettings) -> Iterator[AppController]:
    app = AppController(settings, kdf=floor_params)
    yield app
    if app.window is not None:
        app.window.close()
        app.window.deleteLater()
    app.shutdown()


def type_secret(dialog: RestoreDialog) -> None:
    """The restore dialog's secret field, found the way a screen reader would."""
    (field,) = [
        edit
        for edit in dialog.findChildren(QLineEdit)
        if edit.accessibleName() == "Passphrase or recovery key"
    ]
    field.setText(PASSPHRASE)


def close_when_restored(dialog: RestoreDialog) -> None:
    if dialog.restoreResult() is not None:
        dialog.accept()
    else:
        QTimer.singleShot(20, lambda: close_when_restored(dialog))


@pytest.mark.parametrize(
    ("argv", "cli"),
    [
        ([], False),
        (["--demo"], False),
        (["--vault", "verify"], False),  # a folder called "verify"
        (["--vault", "/tmp/x", "--demo"], False),  # noqa: S108 - parsed, never opened
        (["verify", "--vault", "/tmp/x"], True),  # noqa: S108 - parsed, never opened
        (["--help"], True),
        (["--version"], True),
    ],
)
def test_sub_commands_go_to_the_cli(argv: list[str], cli: bool) -> None:
    assert wants_cli(argv) is cli


def test_cli_command_runs_headless(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--vault", str(tmp_path / "none")]) == 2
    assert "no vault" in capsys.readouterr().err.lower()


def test_demo_starts_unlocked_and_is_deleted_at_exit(
    qtbot: QtBot, controller: AppController
) -> None:
    assert controller.start(None, demo=True)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=SLOW_MS)
    window = controller.window
    assert window is not None and controller.demo is not None
    folder = controller.demo.folder
    assert folder.exists()
    assert not window.isShowingUnlock()
    assert window.workArea.panel.model.rowCount() >= 6
    window.lockController.lockNow()
    texts = [label.text() for label in window.unlockScreen.findChildren(QLabel)]
    assert any(controller.demo.passphrase in text for text in texts)
    window.close()
    controller.shutdown()
    assert not folder.exists()


def test_first_run_cancelled_leaves_nothing(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    def cancel(wizard: QWidget) -> None:
        assert isinstance(wizard, QWizard)
        wizard.reject()

    when_modal(cancel)
    assert controller.start(tmp_path / "vault", demo=False) is False
    assert not (tmp_path / "vault").exists()


def test_second_instance_is_told_and_exits(
    qtbot: QtBot, controller: AppController, vault: Vault, vault_dir: Path
) -> None:
    seen: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    when_modal(read)
    assert controller.openExisting(vault_dir) is False  # the fixture's vault holds the lock
    assert controller.exitCode == EXIT_FAILED
    assert "already open" in seen[0]


def test_damaged_vault_is_restored_from_its_backup(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    root = tmp_path / "vault"
    created, _recovery = Vault.create(root, PASSPHRASE, kdf=floor_params())
    client = Client(name="Demo – Salma Haddad")
    clients.create_client(created, client)
    run_automatic_backup(created, force=True)
    created.close()
    with (root / "vault.sqlite3").open("r+b") as db:
        db.write(b"not a database at all" * 5)

    def choose_newest(dialog: QWidget) -> None:
        assert isinstance(dialog, DamagedVaultDialog)
        assert dialog.newestButton.isEnabled()  # the vault's own backup was found
        dialog.newestButton.click()

    def restore(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        type_secret(dialog)
        dialog.startRestore()
        close_when_restored(dialog)

    answered = answer_modals(choose_newest, restore)
    assert controller.start(root, demo=False)
    assert answered == ["DamagedVaultDialog", "RestoreDialog"]
    window = controller.window
    assert window is not None and window.isShowingUnlock()
    window.unlockScreen.passphrase.setText(PASSPHRASE)
    window.unlockScreen.attemptUnlock()
    qtbot.waitUntil(lambda: not window.isShowingUnlock(), timeout=SLOW_MS)
    assert [s.name for s in clients.list_summaries(window.vault)] == [client.name]
    assert any((root / "replaced").iterdir())  # the damaged files were kept aside


def test_restore_from_the_file_menu_replaces_the_open_vault(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    root = tmp_path / "vault"
    created, _recovery = Vault.create(root, PASSPHRASE, kdf=floor_params())
    kept = Client(name="In the backup")
    clients.create_client(created, kept)
    run_automatic_backup(created, force=True)
    clients.create_client(created, Client(name="Added after the backup"))
    created.close()
    assert controller.start(root, demo=False)
    first = controller.window
    assert first is not None
    first.unlockScreen.passphrase.setText(PASSPHRASE)
    first.unlockScreen.attemptUnlock()
    qtbot.waitUntil(lambda: not first.isShowingUnlock(), timeout=SLOW_MS)

    def restore(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        type_secret(dialog)
        dialog.startRestore()

    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)  # "Replace the current vault?"
        box.button(QMessageBox.StandardButton.Yes).click()

    def close(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        close_when_restored(dialog)

    answered = answer_modals(restore, confirm, close)
    first.actions_.restore.trigger()
    assert answered[:2] == ["RestoreDialog", "QMessageBox"]
    window = controller.window
    assert window is not None and window is not first  # a new window on the restored vault
    assert window.isShowingUnlock()
    window.unlockScreen.passphrase.setText(PASSPHRASE)
    window.unlockScreen.attemptUnlock()
    qtbot.waitUntil(lambda: not window.isShowingUnlock(), timeout=SLOW_MS)
    assert [s.name for s in clients.list_summaries(window.vault)] == [kept.name]
