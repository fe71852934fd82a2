"""Restore from the GUI: the backup is checked before anything is touched, the current files
are kept aside, the caller's vault is closed only once the backup opened, and reopened after
the attempt whatever its outcome. Nothing blocks: questions and pickers are scripted."""

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.services.automatic_backups import automatic_backups, run_automatic_backup
from ipt_desktop.services.backup import write_backup
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.backup import add_clients, client_names, on_each_modal
from ui.backup.restore_dialog import RestoreDialog, open_restore_dialog
from ui.backup.restore_flow import RestoreSource
from ui.backup.restore_form import CHECKED, UNCHECKED, RestoreForm

EARLIER, LATER = "Demo Ana Reyes", "Demo Bo Lindqvist"
Answer = QMessageBox.StandardButton


def answer_questions(monkeypatch: pytest.MonkeyPatch, answer: Answer) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> Answer:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def run(qtbot: QtBot, dialog: RestoreDialog, secret: str = PASSPHRASE) -> None:
    dialog.form.secret.setText(secret)
    dialog.startRestore()
    qtbot.waitUntil(lambda: not dialog.isRunning(), timeout=60_000)


def shown(qtbot: QtBot, dialog: RestoreDialog) -> RestoreDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def backed_up(vault: Vault) -> Vault:
    """The vault with one client in its newest automatic backup and one added after."""
    add_clients(vault, EARLIER)
    run_automatic_backup(vault, force=True)
    add_clients(vault, LATER)
    return vault


def test_restore_from_the_main_window_replaces_the_vault_with_the_backup(
    qtbot: QtBot, backed_up: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_questions(monkeypatch, Answer.Yes)
    closed: list[bool] = []
    reopened: list[Path] = []

    def close() -> None:
        closed.append(backed_up.is_unlocked)
        backed_up.close()

    dialog = shown(
        qtbot, RestoreDialog(vault_dir, close_current_vault=close, reopen=reopened.append)
    )
    assert dialog.form.source() is RestoreSource.NEWEST
    assert UNCHECKED in dialog.form.info.text()
    run(qtbot, dialog)

    result = dialog.restoreResult()
    assert result is not None, dialog.error.message()
    assert closed == [True] and reopened == [vault_dir]
    assert len(asked) == 1 and "replaced" in asked[0]
    assert client_names(vault_dir) == {EARLIER}
    assert result.kept_aside is not None and result.kept_aside.parent.name == "replaced"
    assert client_names(result.kept_aside) == {EARLIER, LATER}  # nothing was lost
    assert dialog.progress.value() == 100
    assert dialog.success.isVisibleTo(dialog) and "restored" in dialog.success.title()
    assert str(result.kept_aside) in dialog.success.message().replace("\u200b", "")
    assert dialog.form.secret.text() == ""
    assert dialog.closeButton.isVisibleTo(dialog) and not dialog.restoreButton.isVisibleTo(dialog)


@pytest.mark.parametrize(
    ("secret", "answer", "title", "asked_count"),
    [
        ("candle river orbit maples", Answer.Yes, "The backup did not open", 0),
        (PASSPHRASE, Answer.No, "Nothing was restored.", 1),
    ],
)
def test_nothing_is_touched_until_the_backup_opened_and_the_person_agreed(
    qtbot: QtBot,
    backed_up: Vault,
    vault_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    secret: str,
    answer: Answer,
    title: str,
    asked_count: int,
) -> None:
    asked = answer_questions(monkeypatch, answer)
    closed: list[bool] = []
    reopened: list[Path] = []
    dialog = shown(
        qtbot,
        RestoreDialog(
            vault_dir, close_current_vault=lambda: closed.append(True), reopen=reopened.append
        ),
    )
    before = vault_dir.joinpath("vault.sqlite3").read_bytes()
    run(qtbot, dialog, secret)

    assert dialog.restoreResult() is None
    assert dialog.error.isVisibleTo(dialog) and dialog.error.title() == title
    assert len(asked) == asked_count and closed == [] and reopened == []
    assert backed_up.is_unlocked
    assert not (vault_dir / "replaced").exists()
    assert vault_dir.joinpath("vault.sqlite3").read_bytes() == before
    assert dialog.restoreButton.isEnabled() and dialog.form.newest.isEnabled()
    assert dialog.form.secret.text() == ""  # typed again for the next attempt


def test_a_damaged_vault_is_restored_from_a_file_with_the_recovery_key(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "damaged"
    vault, recovery = Vault.create(root, PASSPHRASE, kdf=floor_params())
    add_clients(vault, EARLIER)
    backup = tmp_path / "usb" / "ipt-desktop-backup-2025-06-02.iptbackup"
    backup.parent.mkdir()
    write_backup(vault, backup)
    vault.close()
    db = root / "vault.sqlite3"
    damaged = db.read_bytes()[: db.stat().st_size // 2]
    db.write_bytes(damaged)
    answer_questions(monkeypatch, Answer.No)  # no current vault: nobody is asked

    dialog = shown(qtbot, RestoreDialog(root, problem="The vault file is damaged (example)."))
    assert dialog.problem.isVisibleTo(dialog)
    assert not dialog.form.newest.isEnabled()  # no backups in the vault's folder
    assert dialog.form.source() is RestoreSource.FILE
    dialog.setBackupFile(backup)
    assert "made by hand" in dialog.form.info.text()
    dialog.form.useRecoveryKey.setChecked(True)
    run(qtbot, dialog, recovery)

    result = dialog.restoreResult()
    assert result is not None, dialog.error.message()
    assert CHECKED in dialog.form.info.text()
    assert client_names(root) == {EARLIER}
    assert result.kept_aside is not None
    assert (result.kept_aside / "vault.sqlite3").read_bytes() == damaged  # kept, not mended


def test_the_newest_backup_that_verifies_is_the_one_restored(
    qtbot: QtBot, vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    add_clients(vault, EARLIER)
    day = dt.datetime(2025, 6, 2, 9, tzinfo=dt.UTC)
    run_automatic_backup(vault, now=day)
    add_clients(vault, LATER)
    run_automatic_backup(vault, now=day + dt.timedelta(days=1))
    newest = automatic_backups(vault_dir)[0].path
    newest.write_bytes(newest.read_bytes()[:-100])  # cut short
    vault.close()
    answer_questions(monkeypatch, Answer.Yes)

    dialog = shown(qtbot, RestoreDialog(vault_dir))
    run(qtbot, dialog)
    assert dialog.restoreResult() is not None, dialog.error.message()
    assert client_names(vault_dir) == {EARLIER}


def test_the_dialog_holds_while_restoring_and_shows_the_end_after_a_lock(
    qtbot: QtBot, backed_up: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing the current vault locks the app, and a lock hides every dialog; the entry
    point shows the dialog again until the person has seen how the restore ended."""
    answer_questions(monkeypatch, Answer.Yes)
    reopened: list[Path] = []
    steps: list[str] = []

    def close_like_the_shell() -> None:
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, RestoreDialog)
        modal.reject()  # refused while running...
        modal.hide()  # ...so the lock hides it
        backed_up.close()

    def act(widget: QWidget) -> bool:
        assert isinstance(widget, RestoreDialog)
        if not steps:
            steps.append("start")
            widget.form.secret.setText(PASSPHRASE)
            widget.startRestore()
            return False
        if widget.restoreResult() is not None or widget.error.isVisibleTo(widget):
            if widget.restoreResult() is None:
                steps.append(widget.error.message())
                widget.reject()
            else:
                steps.append("done")
                widget.closeButton.click()
            return True
        return False

    stop = on_each_modal(act)
    result = open_restore_dialog(
        None, vault_dir, close_current_vault=close_like_the_shell, reopen=reopened.append
    )
    stop()
    assert steps == ["start", "done"]
    assert result is not None and reopened == [vault_dir]
    assert client_names(vault_dir) == {EARLIER}


def test_restore_from_a_file_opens_the_picker_first(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    picked: list[str] = []

    def pick(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        picked.append(start)
        return "", ""

    def cancel(widget: QWidget) -> bool:
        if picked:
            assert isinstance(widget, RestoreDialog)
            widget.reject()
            return True
        return False

    monkeypatch.setattr(RestoreForm, "chooseFile", _calls(picked, "chosen"))
    stop = on_each_modal(cancel)
    assert open_restore_dialog(None, tmp_path / "v", source=RestoreSource.FILE) is None
    stop()
    assert picked == ["chosen"]


def _calls(log: list[str], word: str) -> Callable[[object], None]:
    return lambda _self: log.append(word)


def test_a_restore_needs_a_file_and_a_secret(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = shown(qtbot, RestoreDialog(tmp_path / "v", source=RestoreSource.FILE))
    dialog.startRestore()
    assert dialog.error.title() == "Choose a backup file first."
    dialog.setBackupFile(tmp_path / "nothing-here.iptbackup")
    assert dialog.form.info.text() == "The backup file does not exist."
    dialog.startRestore()
    assert dialog.error.title() == "Type the passphrase first."
    assert not dialog.isRunning()
