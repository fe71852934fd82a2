"""Automatic backups: at most one per local calendar day, the newest N kept, nothing else
in the folder pruned, leftovers of a killed writer swept, progress reported in order."""

import datetime as dt
from pathlib import Path

import pytest

from ipt_desktop.services.automatic_backups import (
    DEFAULT_KEEP,
    automatic_backup_due,
    automatic_backups,
    keep_count,
    run_automatic_backup,
    set_keep_count,
)
from ipt_desktop.services.backup import write_backup
from ipt_desktop.services.backup_file import BackupKind, BackupStage, read_info
from ipt_desktop.vault.errors import VaultLockedError
from ipt_desktop.vault.vault import Vault

NOON = dt.datetime(2025, 6, 10, 12, 0).astimezone()  # local noon: +1 h stays on the same day


def test_one_automatic_backup_per_day(vault: Vault) -> None:
    assert automatic_backup_due(vault, NOON)
    first = run_automatic_backup(vault, now=NOON)
    assert first is not None and first.info.kind is BackupKind.AUTOMATIC
    assert not automatic_backup_due(vault, NOON + dt.timedelta(hours=1))
    assert run_automatic_backup(vault, now=NOON + dt.timedelta(hours=1)) is None
    assert automatic_backup_due(vault, NOON + dt.timedelta(days=1))
    assert automatic_backup_due(vault, NOON - dt.timedelta(days=2))  # the clock went back
    second = run_automatic_backup(vault, now=NOON + dt.timedelta(days=1))
    assert second is not None
    assert [b.path for b in automatic_backups(vault.files.root)] == [second.path, first.path]


def test_only_the_newest_automatic_backups_are_kept(vault: Vault) -> None:
    assert keep_count(vault) == DEFAULT_KEEP
    set_keep_count(vault, 3)
    assert keep_count(vault) == 3
    manual = vault.files.backups / "before-the-move.iptbackup"
    vault.files.backups.mkdir(exist_ok=True)
    write_backup(vault, manual)
    leftover = vault.files.backups / ".ipt-desktop-x.iptbackup.0123456789ab.partial"
    leftover.write_bytes(b"half a backup")
    made = [run_automatic_backup(vault, now=NOON + dt.timedelta(days=n)) for n in range(5)]
    kept = [b.path for b in automatic_backups(vault.files.root)]
    assert kept == [m.path for m in reversed(made[2:]) if m is not None]
    assert manual.exists() and not leftover.exists()
    assert sorted(p.name for p in vault.files.backups.iterdir()) == sorted(
        [manual.name, *(p.name for p in kept)]
    )


@pytest.mark.parametrize("count", [0, -1, 366, True])
def test_the_number_kept_stays_sensible(vault: Vault, count: int) -> None:
    with pytest.raises(ValueError, match="keep between"):
        set_keep_count(vault, count)


def test_progress_is_reported_stage_by_stage(vault: Vault, tmp_path: Path) -> None:
    seen: list[tuple[BackupStage, int, int]] = []
    result = write_backup(
        vault, tmp_path / "b.iptbackup", chunk_size=4096, progress=lambda *p: seen.append(p)
    )
    stages = [stage for stage, _done, _total in seen]
    assert stages[:2] == [BackupStage.SNAPSHOT, BackupStage.SNAPSHOT]
    writes = [(d, t) for s, d, t in seen if s is BackupStage.WRITE]
    verifies = [(d, t) for s, d, t in seen if s is BackupStage.VERIFY]
    order = [BackupStage.SNAPSHOT, BackupStage.WRITE, BackupStage.VERIFY]
    assert stages == sorted(stages, key=order.index)
    assert len(writes) > 10 and writes[-1][0] == writes[-1][1] == result.info.snapshot_bytes
    assert [d for d, _t in writes] == sorted(d for d, _t in writes)
    assert verifies[-1][0] == verifies[-1][1] == result.size
    info = read_info(result.path)
    assert info == result.info and info.generation == vault.header.generation - 1
    assert info.vault_id == vault.vault_id


def test_a_backup_of_a_locked_vault_is_refused(vault: Vault, tmp_path: Path) -> None:
    vault.lock()
    with pytest.raises(VaultLockedError):
        write_backup(vault, tmp_path / "b.iptbackup")
    assert not (tmp_path / "b.iptbackup").exists()
