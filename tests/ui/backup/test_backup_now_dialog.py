"""“Back up now…”: a dated file name in the last folder, progress through the three stages
to 100 %, a file that ``open_backup`` verifies, and a clear failure that replaces nothing."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from ipt_desktop.services import audit_view
from ipt_desktop.services.backup_file import BackupKind, BackupStage, open_backup
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.backup import add_clients
from ui.backup.backup_dialog import (
    BACKUP_STAGES,
    BackupDialog,
    choose_backup_destination,
    open_backup_dialog,
)
from ui.backup.stage_progress import StageProgress, StageState

CLIENT = "Demo Harriet Vale"


class Memory:
    """Stands in for AppSettings' backup folder."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def backupFolder(self) -> Path | None:
        return self.folder

    def setBackupFolder(self, folder: Path | None) -> None:
        self.folder = folder


def run_to_end(qtbot: QtBot, dialog: BackupDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.isRunning(), timeout=60_000)


def test_backup_dialog_writes_a_backup_that_verifies(
    qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_clients(vault, CLIENT)
    stages: list[tuple[str, int]] = []
    original = StageProgress.setStage

    def spy(self: StageProgress, key: str, fraction: float = 0.0) -> None:
        original(self, key, fraction)
        stages.append((key, self.value()))

    monkeypatch.setattr(StageProgress, "setStage", spy)
    dest = tmp_path / "out" / "ipt-desktop-backup-2025-06-02.iptbackup"
    dest.parent.mkdir()
    dialog = BackupDialog(vault, dest)
    run_to_end(qtbot, dialog)

    result = dialog.backupResult()
    assert result is not None and result.path == dest and dialog.errorText() == ""
    opened = open_backup(dest, UnlockSecret.passphrase(PASSPHRASE))
    assert opened.info.kind is BackupKind.MANUAL
    assert opened.info.vault_id == vault.vault_id
    # Every stage was seen, in order, and the bar only moved forward to 100.
    seen = [key for key, _value in stages]
    order = [BackupStage.SNAPSHOT.value, BackupStage.WRITE.value, BackupStage.VERIFY.value]
    assert [key for i, key in enumerate(seen) if i == 0 or seen[i - 1] != key] == order
    values = [value for _key, value in stages]
    assert values == sorted(values)
    assert dialog.progress.value() == 100
    assert all(dialog.progress.stageState(key) is StageState.DONE for key in order)
    # Size and place are said; no client name anywhere in the dialog's texts.
    assert dialog.success.isVisibleTo(dialog) and not dialog.problem.isVisibleTo(dialog)
    assert dest.name in dialog.success.title()
    assert "KB" in dialog.success.message()
    assert dest.parent.name in dialog.target.text().replace("\u200b", "")
    assert CLIENT not in dialog.success.message() + dialog.success.title()
    assert dialog.closeButton.isEnabled()
    entries = audit_view.audit_entries(vault).entries
    assert entries[-1].event is AuditEvent.BACKUP


def test_a_failed_backup_says_why_and_replaces_nothing(
    qtbot: QtBot, vault: Vault, tmp_path: Path
) -> None:
    dest = tmp_path / "missing-folder" / "b.iptbackup"
    dialog = BackupDialog(vault, dest)
    run_to_end(qtbot, dialog)
    assert dialog.backupResult() is None
    assert "folder does not exist" in dialog.errorText()
    assert dialog.problem.isVisibleTo(dialog) and not dialog.success.isVisibleTo(dialog)
    assert dialog.errorText() in dialog.problem.message()
    assert dialog.progress.value() < 100
    assert StageState.STOPPED in {dialog.progress.stageState(s.key) for s in BACKUP_STAGES}
    assert not dest.parent.exists()


def test_a_backup_over_the_vault_file_is_refused(qtbot: QtBot, vault: Vault) -> None:
    before = vault.files.db.read_bytes()
    dialog = BackupDialog(vault, vault.files.db)
    run_to_end(qtbot, dialog)
    assert dialog.backupResult() is None
    assert "vault's own files" in dialog.errorText()
    assert vault.files.db.read_bytes() == before


def test_the_dialog_cannot_be_dismissed_while_writing(
    qtbot: QtBot, vault: Vault, tmp_path: Path
) -> None:
    dialog = BackupDialog(vault, tmp_path / "b.iptbackup")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    assert dialog.isRunning() and not dialog.closeButton.isEnabled()
    dialog.reject()
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.isRunning(), timeout=60_000)
    dialog.reject()
    assert not dialog.isVisible()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("weekly.iptbackup", "weekly.iptbackup"),
        ("weekly", "weekly.iptbackup"),
        ("weekly.bak", "weekly.bak.iptbackup"),
    ],
)
def test_the_chosen_name_gets_the_backup_suffix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, expected: str
) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *_args: (str(tmp_path / typed), ""),
    )
    assert choose_backup_destination(None, tmp_path) == tmp_path / expected


def test_a_cancelled_choice_makes_no_backup(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: ("", ""))
    memory = Memory(tmp_path)
    assert open_backup_dialog(None, vault, folder_memory=memory) is None
    assert memory.folder == tmp_path
    assert not list(tmp_path.glob("*.iptbackup"))


def test_back_up_now_offers_a_dated_name_in_the_last_folder(
    qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_clients(vault, CLIENT)
    last, chosen_folder = tmp_path / "usb", tmp_path / "elsewhere"
    last.mkdir()
    chosen_folder.mkdir()
    offered: list[str] = []

    def save_name(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return str(chosen_folder / Path(start).name), ""

    def exec_until_done(dialog: BackupDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: not dialog.isRunning(), timeout=60_000)
        dialog.accept()
        return 1

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(BackupDialog, "exec", exec_until_done)
    memory = Memory(last)
    result = open_backup_dialog(None, vault, folder_memory=memory)

    today = dt.date.today().isoformat()
    assert offered == [str(last / f"ipt-desktop-backup-{today}.iptbackup")]
    assert CLIENT not in offered[0]
    assert result is not None and result.path.parent == chosen_folder and result.path.exists()
    assert memory.folder == chosen_folder  # offered first next time


def test_a_missing_last_folder_falls_back_to_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []

    def save_name(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    choose_backup_destination(None, tmp_path / "gone")
    assert Path(offered[0]).parent == Path.home()
