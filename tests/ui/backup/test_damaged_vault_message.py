"""A damaged or truncated vault is never overwritten: the message says what is wrong and
that nothing was changed, and offers a restore from the newest backup or from a file."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ipt_desktop.services import unlock_session
from ipt_desktop.services.automatic_backups import run_automatic_backup
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.vault.errors import VaultDamagedError
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.backup import add_clients, client_names
from ui.backup import damaged_vault
from ui.backup.damaged_vault import (
    DamagedVaultChoice,
    DamagedVaultDialog,
    handle_damaged_vault,
)
from ui.backup.restore_dialog import RestoreDialog
from ui.backup.restore_flow import RestoreSource

CLIENT = "Demo Lena Okafor"


def damage(db: Path) -> VaultDamagedError:
    """Cut the vault file in half; return what opening and unlocking it says."""
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    try:
        vault = Vault.open(db.parent)
    except VaultDamagedError as exc:
        return exc
    try:
        unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE))
    except VaultDamagedError as exc:
        return exc
    finally:
        vault.close()
    raise AssertionError("a truncated vault opened")


@pytest.fixture
def damaged(vault: Vault, vault_dir: Path) -> tuple[VaultDamagedError, bytes]:
    add_clients(vault, CLIENT)
    run_automatic_backup(vault, force=True)
    vault.close()
    error = damage(vault_dir / "vault.sqlite3")
    return error, (vault_dir / "vault.sqlite3").read_bytes()


def test_the_message_says_what_is_wrong_and_offers_restore(
    qtbot: QtBot, damaged: tuple[VaultDamagedError, bytes], vault_dir: Path
) -> None:
    error, bytes_before = damaged
    dialog = DamagedVaultDialog(vault_dir, error)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.problem.message() == str(error)
    assert "Nothing was overwritten" in dialog.safe.text()
    assert "1 backup in" in dialog.backups.text()
    assert dialog.newestButton.isEnabled() and dialog.newestButton.isDefault()
    assert dialog.fileButton.isEnabled() and dialog.quitButton.isEnabled()
    assert {b.text() for b in (dialog.newestButton, dialog.fileButton, dialog.quitButton)} == {
        "Restore from the &newest backup…",
        "Restore from a &file…",
        "&Quit",
    }
    dialog.fileButton.click()
    assert dialog.choice() is DamagedVaultChoice.RESTORE_FILE
    assert (vault_dir / "vault.sqlite3").read_bytes() == bytes_before  # untouched


def test_without_backups_only_a_file_can_be_restored(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = DamagedVaultDialog(tmp_path / "v", "The vault file is damaged (example).")
    qtbot.addWidget(dialog)
    assert not dialog.newestButton.isEnabled() and dialog.fileButton.isDefault()
    assert "No backups were found" in dialog.backups.text()
    dialog.reject()
    assert dialog.choice() is DamagedVaultChoice.QUIT


def test_handling_goes_from_the_message_to_a_restored_vault(
    qtbot: QtBot,
    damaged: tuple[VaultDamagedError, bytes],
    vault_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    error, bytes_before = damaged
    choices = [DamagedVaultChoice.RESTORE_FILE, DamagedVaultChoice.RESTORE_NEWEST]
    asked: list[DamagedVaultChoice] = []
    sources: list[RestoreSource] = []

    def choose(_parent: object, _root: Path, _error: object) -> DamagedVaultChoice:
        asked.append(choices[len(asked)])
        return asked[-1]

    def exec_restore(dialog: RestoreDialog) -> int:
        qtbot.addWidget(dialog)
        sources.append(dialog.form.source())
        if dialog.form.source() is RestoreSource.FILE:
            dialog.reject()  # the person changed their mind: back to the message
            return 0
        dialog.show()
        dialog.form.secret.setText(PASSPHRASE)
        dialog.startRestore()
        qtbot.waitUntil(lambda: not dialog.isRunning(), timeout=60_000)
        dialog.accept()
        return 1

    monkeypatch.setattr(damaged_vault, "show_damaged_vault", choose)
    monkeypatch.setattr(RestoreDialog, "exec", exec_restore)
    monkeypatch.setattr(RestoreDialog, "chooseFile", lambda _self: None)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    reopened: list[Path] = []
    result = handle_damaged_vault(None, vault_dir, error, reopen=reopened.append)

    assert asked == choices and sources == [RestoreSource.FILE, RestoreSource.NEWEST]
    assert result is not None and reopened == [vault_dir]
    assert client_names(vault_dir) == {CLIENT}
    assert result.kept_aside is not None
    assert (result.kept_aside / "vault.sqlite3").read_bytes() == bytes_before


def test_quitting_restores_nothing(
    damaged: tuple[VaultDamagedError, bytes], vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    error, bytes_before = damaged
    monkeypatch.setattr(damaged_vault, "show_damaged_vault", lambda *_a: DamagedVaultChoice.QUIT)
    assert handle_damaged_vault(None, vault_dir, error) is None
    assert (vault_dir / "vault.sqlite3").read_bytes() == bytes_before
    assert not (vault_dir / "replaced").exists()
