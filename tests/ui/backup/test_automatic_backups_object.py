"""The shell's automatic backups: at most one a day into the vault's own folder, off the UI
thread from the timer, finished before a close, the keep count as a sealed vault setting."""

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ipt_desktop.services import automatic_backups
from ipt_desktop.services.backup_file import BackupKind, open_backup
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.vault.errors import VaultLockedError
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from ui.backup.automatic import KEEP_RANGE, AutomaticBackups
from ui.backup.background import wait_for_backup_work

MORNING = dt.datetime(2025, 6, 2, 8, tzinfo=dt.UTC)


class Clock:
    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


def backups(root: Path) -> list[Path]:
    return [b.path for b in automatic_backups.automatic_backups(root)]


def test_the_timer_run_makes_one_backup_a_day(qtbot: QtBot, vault: Vault, vault_dir: Path) -> None:
    clock = Clock(MORNING)
    auto = AutomaticBackups(lambda: vault, now=clock)
    made: list[str] = []
    failed: list[str] = []
    auto.backupMade.connect(made.append)
    auto.backupFailed.connect(failed.append)

    assert auto.runIfDue()
    assert auto.isRunning() and not auto.runIfDue()  # one at a time
    qtbot.waitUntil(lambda: not auto.isRunning(), timeout=60_000)
    assert len(made) == 1 and made[0].startswith("Automatic backup saved (")
    (first,) = backups(vault_dir)
    info = open_backup(first, UnlockSecret.passphrase(PASSPHRASE)).info
    assert info.kind is BackupKind.AUTOMATIC

    clock.moment = MORNING + dt.timedelta(hours=6)  # same day: nothing new
    assert auto.runIfDue()
    qtbot.waitUntil(lambda: not auto.isRunning(), timeout=60_000)
    assert len(made) == 1 and backups(vault_dir) == [first]

    clock.moment = MORNING + dt.timedelta(days=1)
    auto.runIfDue()
    qtbot.waitUntil(lambda: not auto.isRunning(), timeout=60_000)
    assert len(made) == 2 and len(backups(vault_dir)) == 2 and failed == []


def test_the_timer_asks_hourly_and_can_stop(qtbot: QtBot, vault: Vault) -> None:
    auto = AutomaticBackups(lambda: vault)
    assert auto.timer.interval() == 60 * 60 * 1000
    auto.start()
    assert auto.timer.isActive()
    auto.stop()
    assert not auto.timer.isActive()


def test_before_close_the_backup_is_made_and_waited_for(vault: Vault, vault_dir: Path) -> None:
    auto = AutomaticBackups(lambda: vault, now=Clock(MORNING))
    assert auto.runBeforeClose() == ""
    assert len(backups(vault_dir)) == 1
    assert auto.runBeforeLock() == ""  # already made today
    assert len(backups(vault_dir)) == 1


def test_a_locked_or_missing_vault_is_left_alone(
    qtbot: QtBot, vault: Vault, vault_dir: Path
) -> None:
    vault.lock()
    auto = AutomaticBackups(lambda: vault)
    assert not auto.runIfDue()
    assert auto.runBeforeClose() == ""
    assert AutomaticBackups(lambda: None).runBeforeClose() == ""
    assert backups(vault_dir) == []
    assert auto.keepCount() == automatic_backups.DEFAULT_KEEP
    with pytest.raises(VaultLockedError):
        auto.setKeepCount(5)


def test_a_problem_before_close_is_returned_as_text(vault: Vault, vault_dir: Path) -> None:
    (vault_dir / "backups").write_text("not a folder")  # the folder cannot be made
    problem = AutomaticBackups(lambda: vault).runBeforeClose()
    assert problem != ""
    assert (vault_dir / "backups").read_text() == "not a folder"


def test_the_keep_count_is_a_vault_setting(vault: Vault, vault_dir: Path) -> None:
    auto = AutomaticBackups(lambda: vault)
    assert auto.keepCount() == automatic_backups.DEFAULT_KEEP
    auto.setKeepCount(3)
    assert auto.keepCount() == 3 == automatic_backups.keep_count(vault)
    low, high = KEEP_RANGE
    for wrong in (low - 1, high + 1):
        with pytest.raises(ValueError, match="keep between"):
            auto.setKeepCount(wrong)
    clock = Clock(MORNING)
    auto = AutomaticBackups(lambda: vault, now=clock)
    for day in range(5):
        clock.moment = MORNING + dt.timedelta(days=day)
        auto.runBeforeClose()
    wait_for_backup_work()
    assert len(backups(vault_dir)) == 3  # pruned to the setting


def test_a_first_check_runs_soon_after_start_not_only_after_the_hourly_timer(qtbot):
    from ui.backup.automatic import FIRST_CHECK_MS, AutomaticBackups

    automatic = AutomaticBackups(lambda: None)
    automatic.start()
    try:
        assert automatic.firstCheck.isActive()
        assert automatic.firstCheck.interval() == FIRST_CHECK_MS < automatic.timer.interval()
    finally:
        automatic.stop()
    assert not automatic.firstCheck.isActive()
