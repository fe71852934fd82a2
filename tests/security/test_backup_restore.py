"""Backups made and restored the way a therapist would: on a new machine with only the
recovery key, over a vault with a live WAL, over a damaged vault, after a passphrase change."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.demo import practice as demo_practice
from ipt_desktop.domain.model import Client
from ipt_desktop.services import clients, unlock_session
from ipt_desktop.services.automatic_backups import newest_valid_backup, run_automatic_backup
from ipt_desktop.services.backup import write_backup
from ipt_desktop.services.backup_file import BackupDamagedError, BackupStage, open_backup
from ipt_desktop.services.restore import restore_backup
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.vault.errors import VaultDamagedError, VaultInUseError, WrongPassphraseError
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE, REPO
from tests.helpers.backup_cli import one_clear_line, run_cli, run_in_process
from tests.helpers.vault_contents import exported_clients

NEW_PASSPHRASE = "lantern meadow copper whistle"


def test_a_backup_restored_on_a_new_machine_with_the_recovery_key_alone(
    tmp_path: Path, make_vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, recovery = make_vault(tmp_path / "old-machine" / "vault")
    demo_practice.fill_demo(vault)
    originals = exported_clients(vault)
    vault.close()
    backup = tmp_path / "usb-stick" / "practice.iptbackup"
    backup.parent.mkdir()

    made = run_cli(
        "backup",
        "--vault",
        str(tmp_path / "old-machine" / "vault"),
        "--out",
        str(backup),
        data_dir=tmp_path / "old-machine" / "data",
    )
    assert made.returncode == 0, made.stderr
    assert "verified" in made.stdout

    key_file = tmp_path / "recovery.txt"
    key_file.write_text(recovery + "\n", encoding="utf-8")
    new_vault = tmp_path / "new-machine" / "vault"
    restored = run_cli(
        "restore",
        "--backup",
        str(backup),
        "--vault",
        str(new_vault),
        "--recovery-key-file",
        str(key_file),
        data_dir=tmp_path / "new-machine" / "data",
        passphrase=None,
    )
    assert restored.returncode == 0, restored.stderr
    assert "Restored" in restored.stdout and "kept" not in restored.stdout

    monkeypatch.setenv("IPT_DESKTOP_DATA_DIR", str(tmp_path / "new-machine" / "data"))
    again = Vault.open(new_vault)
    try:
        outcome = unlock_session.unlock(again, UnlockSecret.recovery_key(recovery))
        assert outcome.rollback is None
        assert exported_clients(again) == originals
    finally:
        again.close()


def _write_without_closing(root: Path, recovery: str) -> None:
    """A process that saves a client and dies before closing: its WAL and SHM stay."""
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from ipt_desktop.domain.model import Client\n"
        "from ipt_desktop.services import clients\n"
        "from ipt_desktop.vault.vault import Vault\n"
        "vault = Vault.open(Path(sys.argv[1]))\n"
        "vault.unlock_with_recovery_key(os.environ['KEY'])\n"
        "clients.create_client(vault, Client(name='Demo After Backup'))\n"
        "os._exit(0)\n"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(root)],
        env={
            "PYTHONPATH": str(REPO),
            "KEY": recovery,
            "PATH": os.environ.get("PATH", ""),
            "IPT_DESKTOP_DATA_DIR": os.environ["IPT_DESKTOP_DATA_DIR"],
        },
        check=True,
        timeout=60,
    )


def test_restore_keeps_the_current_vault_aside_and_never_mixes_in_its_wal(
    tmp_path: Path, make_vault
) -> None:
    root = tmp_path / "vault"
    vault, recovery = make_vault(root)
    clients.create_client(vault, Client(name="Demo Before Backup"))
    backup = tmp_path / "b.iptbackup"
    write_backup(vault, backup)
    vault.close()
    _write_without_closing(root, recovery)
    live_wal = (root / "vault.sqlite3-wal").read_bytes()
    assert len(live_wal) > 0 and (root / "vault.sqlite3-shm").exists()

    stages: list[BackupStage] = []
    result = restore_backup(
        backup,
        root,
        UnlockSecret.passphrase(PASSPHRASE),
        progress=lambda s, _d, _t: stages.append(s),
    )
    assert stages[0] is BackupStage.VERIFY and stages[-1] is BackupStage.RESTORE
    assert result.kept_aside is not None and result.kept_aside.parent == root / "replaced"
    assert sorted(p.name for p in result.kept_aside.iterdir()) == [
        "vault.sqlite3",
        "vault.sqlite3-shm",
        "vault.sqlite3-wal",
    ]
    assert (result.kept_aside / "vault.sqlite3-wal").read_bytes() == live_wal
    assert not (root / "vault.sqlite3-wal").exists() and not (root / "vault.sqlite3-shm").exists()
    assert [p.name for p in root.iterdir() if p.name.startswith("restore-staging")] == []

    restored = Vault.open(root)
    try:
        restored.unlock(PASSPHRASE)
        names = {s.name for s in clients.list_summaries(restored)}
        assert names == {"Demo Before Backup"}
    finally:
        restored.close()
    # Nothing was lost: the vault kept aside still holds the client saved after the backup.
    aside = Vault.open(result.kept_aside)
    try:
        aside.unlock(PASSPHRASE)
        assert {s.name for s in clients.list_summaries(aside)} == {
            "Demo Before Backup",
            "Demo After Backup",
        }
    finally:
        aside.close()


def test_restore_refuses_a_vault_that_is_open(
    tmp_path: Path, make_vault, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "vault"
    vault, _recovery = make_vault(root)
    backup = tmp_path / "b.iptbackup"
    write_backup(vault, backup)
    with pytest.raises(VaultInUseError):
        restore_backup(backup, root, UnlockSecret.passphrase(PASSPHRASE))
    monkeypatch.setenv("IPT_DESKTOP_PASSPHRASE", PASSPHRASE)
    result = run_in_process(capsys, "restore", "--backup", str(backup), "--vault", str(root))
    assert "already open" in one_clear_line(result)
    assert not (root / "replaced").exists()


def test_a_backup_opens_with_the_passphrase_valid_when_it_was_made(
    tmp_path: Path, make_vault
) -> None:
    vault, recovery = make_vault(tmp_path / "vault")
    before, after = tmp_path / "before.iptbackup", tmp_path / "after.iptbackup"
    write_backup(vault, before)
    vault.change_passphrase(NEW_PASSPHRASE, kdf=floor_params())
    write_backup(vault, after)
    vault.close()
    open_backup(before, UnlockSecret.passphrase(PASSPHRASE))
    with pytest.raises(WrongPassphraseError):
        open_backup(before, UnlockSecret.passphrase(NEW_PASSPHRASE))
    open_backup(after, UnlockSecret.passphrase(NEW_PASSPHRASE))
    with pytest.raises(WrongPassphraseError):
        open_backup(after, UnlockSecret.passphrase(PASSPHRASE))
    for backup in (before, after):
        open_backup(backup, UnlockSecret.recovery_key(recovery))


def test_a_damaged_vault_is_never_written_and_the_newest_valid_backup_is_offered(
    tmp_path: Path, make_vault
) -> None:
    root = tmp_path / "vault"
    vault, recovery = make_vault(root)
    demo_practice.fill_demo(vault)
    day = dt.datetime(2025, 3, 1, 12, tzinfo=dt.UTC)
    older = run_automatic_backup(vault, now=day)
    newer = run_automatic_backup(vault, now=day + dt.timedelta(days=1))
    assert older is not None and newer is not None
    vault.close()
    # The newest backup rotted on disk; the vault file lost its second half.
    rotten = bytearray(newer.path.read_bytes())
    rotten[len(rotten) // 2] ^= 0x40
    newer.path.write_bytes(bytes(rotten))
    db = root / "vault.sqlite3"
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    damaged = db.read_bytes()

    with pytest.raises(VaultDamagedError, match="backup"):  # noqa: PT012 - open or unlock may say it
        opened = Vault.open(root)
        try:
            unlock_session.unlock(opened, UnlockSecret.passphrase(PASSPHRASE))
        finally:
            opened.close()
    assert db.read_bytes() == damaged

    secret = UnlockSecret.recovery_key(recovery)
    assert newest_valid_backup(root, secret) == older.path
    with pytest.raises(BackupDamagedError):
        open_backup(newer.path, secret)
    with pytest.raises(WrongPassphraseError):
        newest_valid_backup(root, UnlockSecret.passphrase(NEW_PASSPHRASE))

    result = restore_backup(older.path, root, secret)
    assert result.kept_aside is not None
    assert (result.kept_aside / "vault.sqlite3").read_bytes() == damaged
    restored = Vault.open(root)
    try:
        unlock_session.unlock(restored, UnlockSecret.passphrase(PASSPHRASE))
        assert len(clients.list_summaries(restored)) >= 6
    finally:
        restored.close()


def test_cli_backup_and_restore_fail_with_one_clear_line(
    tmp_path: Path, make_vault, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "vault"
    vault, _recovery = make_vault(root)
    vault.close()
    out = tmp_path / "b.iptbackup"
    monkeypatch.setenv("IPT_DESKTOP_PASSPHRASE", "nope nope nope")
    wrong = run_in_process(capsys, "backup", "--vault", str(root), "--out", str(out))
    assert "passphrase" in one_clear_line(wrong)
    assert not out.exists()
    monkeypatch.setenv("IPT_DESKTOP_PASSPHRASE", PASSPHRASE)
    missing = tmp_path / "none.iptbackup"
    result = run_in_process(capsys, "restore", "--backup", str(missing), "--vault", str(root))
    assert "does not exist" in one_clear_line(result)
    out.write_bytes(b"IPTBKUP\x00" + bytes(100))
    result = run_in_process(capsys, "restore", "--backup", str(out), "--vault", str(root))
    assert "not usable" in one_clear_line(result)
    nowhere = tmp_path / "nowhere"
    result = run_in_process(capsys, "backup", "--vault", str(nowhere), "--out", str(out))
    assert "no vault" in one_clear_line(result)
    result = run_in_process(capsys, "backup", "--vault", str(root), "--out", str(tmp_path))
    assert "folder" in one_clear_line(result)
    own_db = str(root / "vault.sqlite3")
    result = run_in_process(capsys, "backup", "--vault", str(root), "--out", own_db)
    assert "own files" in one_clear_line(result)
    made = run_in_process(capsys, "backup", "--vault", str(root), "--out", str(out))
    assert made.returncode == 0 and "verified" in made.stdout and made.stderr == ""
