"""After an unlock: "last written" always in the status bar; a calm warning when the vault
file is older than this computer last saw (a file copied back over the vault) and when
unlock attempts failed here; no dialog when there is nothing to say."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from ipt_desktop.services import unlock_session
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.services.unlock_session import UnlockOutcome
from ipt_desktop.vault.errors import WrongPassphraseError
from ipt_desktop.vault.rollback_guard import RollbackWarning
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.backup import add_clients
from ui.backup import rollback_notice
from ui.backup.backup_text import local_time_text
from ui.backup.rollback_notice import (
    UnlockNoticeChoice,
    UnlockNoticeDialog,
    failed_attempts_text,
    last_written_text,
    rollback_text,
    show_unlock_outcome,
)

SECRET = UnlockSecret.passphrase(PASSPHRASE)
WRITTEN = "2025-06-02T08:15:00+00:00"


def outcome(
    failed: int = 0, rollback: RollbackWarning | None = None, audit_problem: str = ""
) -> UnlockOutcome:
    return UnlockOutcome(WRITTEN, 12, failed, rollback, audit_problem)


def session(root: Path, *names: str) -> None:
    vault = Vault.open(root)
    try:
        unlock_session.unlock(vault, SECRET)
        add_clients(vault, *names)
    finally:
        vault.close()


@pytest.fixture
def rolled_back(vault: Vault, vault_dir: Path, tmp_path: Path) -> UnlockOutcome:
    """Unlock (as the GUI does) a vault file that was copied back over a newer one, after
    two wrong passphrases typed on this computer."""
    vault.close()
    session(vault_dir)
    shutil.copy(vault_dir / "vault.sqlite3", tmp_path / "old.sqlite3")
    session(vault_dir, "Demo Newer Person")
    shutil.copy(tmp_path / "old.sqlite3", vault_dir / "vault.sqlite3")
    copied_back = Vault.open(vault_dir)
    try:
        for wrong in ("candle river orbit", "maple orbit river candle"):
            with pytest.raises(WrongPassphraseError):
                unlock_session.unlock(copied_back, UnlockSecret.passphrase(wrong))
        return unlock_session.unlock(copied_back, SECRET)
    finally:
        copied_back.close()


def capture_dialogs(
    monkeypatch: pytest.MonkeyPatch, click_restore: bool = False
) -> list[UnlockNoticeDialog]:
    shown: list[UnlockNoticeDialog] = []

    def exec_(dialog: UnlockNoticeDialog) -> int:
        shown.append(dialog)
        dialog.show()
        if click_restore:
            assert dialog.restoreButton is not None
            dialog.restoreButton.click()
        else:
            dialog.continueButton.click()
        return 1

    monkeypatch.setattr(UnlockNoticeDialog, "exec", exec_)
    return shown


def test_a_rolled_back_vault_gets_a_calm_warning(
    qtbot: QtBot, rolled_back: UnlockOutcome, monkeypatch: pytest.MonkeyPatch
) -> None:
    warning = rolled_back.rollback
    assert warning is not None and rolled_back.failed_attempts == 2
    shown = capture_dialogs(monkeypatch)
    window = QMainWindow()
    qtbot.addWidget(window)
    choice = show_unlock_outcome(window, rolled_back, window.statusBar())

    assert choice is UnlockNoticeChoice.CONTINUE
    (dialog,) = shown
    notice = dialog.notice
    assert notice.rollback.isVisibleTo(dialog)
    assert notice.rollback.title() == "This vault file is older than the one this computer last saw"
    message = notice.rollback.message()
    assert (
        f"write {warning.generation}" in message and f"write {warning.seen_generation}" in message
    )
    assert local_time_text(warning.last_written_at) in message
    assert "restore the newest backup" in message
    assert notice.failures.isVisibleTo(dialog)
    assert notice.failures.title().startswith("2 failed unlock attempts on this computer")
    assert dialog.restoreButton is not None
    label = window.statusBar().findChild(QLabel, rollback_notice.LAST_WRITTEN_NAME)
    assert label is not None and label.text() == last_written_text(rolled_back)
    assert label.text().startswith("Vault last written ")


def test_the_warning_offers_a_restore(
    qtbot: QtBot, rolled_back: UnlockOutcome, monkeypatch: pytest.MonkeyPatch
) -> None:
    capture_dialogs(monkeypatch, click_restore=True)
    assert show_unlock_outcome(None, rolled_back) is UnlockNoticeChoice.RESTORE


def test_an_ordinary_unlock_only_updates_the_status_bar(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = capture_dialogs(monkeypatch)
    window = QMainWindow()
    qtbot.addWidget(window)
    assert show_unlock_outcome(window, outcome(), window.statusBar()) is UnlockNoticeChoice.CONTINUE
    later = UnlockOutcome("2025-06-03T10:00:00+00:00", 13, 0, None)
    show_unlock_outcome(window, later, window.statusBar())
    assert shown == []
    labels = window.statusBar().findChildren(QLabel, rollback_notice.LAST_WRITTEN_NAME)
    assert len(labels) == 1 and labels[0].text() == last_written_text(later)


@pytest.mark.parametrize(
    ("failed", "seen_here", "dialog", "title"),
    [
        (3, 0, True, "3 failed unlock attempts on this computer since the vault was last opened."),
        (1, 0, True, "1 failed unlock attempt on this computer since the vault was last opened."),
        (3, 2, True, "1 failed unlock attempt on this computer"),
        (2, 2, False, ""),  # the person just watched both happen on the unlock screen
    ],
)
def test_failed_attempts_not_seen_here_are_reported(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    failed: int,
    seen_here: int,
    dialog: bool,
    title: str,
) -> None:
    shown = capture_dialogs(monkeypatch)
    show_unlock_outcome(None, outcome(failed), failures_seen_here=seen_here)
    assert bool(shown) == dialog
    if dialog:
        assert shown[0].notice.failures.title().startswith(title)
        assert not shown[0].notice.rollback.isVisibleTo(shown[0])
        assert shown[0].restoreButton is None


def test_an_unlock_the_audit_log_missed_is_said(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = capture_dialogs(monkeypatch)
    show_unlock_outcome(None, outcome(audit_problem="The disk is full."))
    (dialog,) = shown
    assert dialog.notice.auditProblem.isVisibleTo(dialog)
    assert dialog.notice.auditProblem.message() == "The disk is full."


def test_a_fork_is_described_as_another_history() -> None:
    fork = RollbackWarning(WRITTEN, 7, 7, "2025-06-01T08:00:00+00:00")
    behind = RollbackWarning(WRITTEN, 5, 7, "2025-06-01T08:00:00+00:00")
    assert "different history" in rollback_text(fork)[1]
    assert "older copy" in rollback_text(behind)[1]


def test_times_are_local_and_plain() -> None:
    moment = dt.datetime.fromisoformat(WRITTEN).astimezone()
    expected = f"{moment.day} {moment:%b} {moment.year}, {moment:%H:%M}"
    assert last_written_text(outcome()) == f"Vault last written {expected}"
    assert (
        failed_attempts_text(1)
        == "1 failed unlock attempt on this computer since the vault was last opened"
    )
