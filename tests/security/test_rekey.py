"""Issue 14, key rotation: ``rekey`` gives a new master key and recovery key; the old
recovery key stops unlocking; everything still opens; backups made before still open with
the old secrets."""

import re
import sqlite3
from pathlib import Path

import pytest

from ipt_desktop.domain.model import Client
from ipt_desktop.services import clients, drafts
from ipt_desktop.services.backup import write_backup
from ipt_desktop.services.restore import restore_backup
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.services.vault_verify import verify_vault
from ipt_desktop.vault.errors import WrongRecoveryKeyError
from ipt_desktop.vault.settings import read_setting, write_setting
from ipt_desktop.vault.vault import Vault
from tests.helpers.cli_process import PASSPHRASE, run_cli

KEY = re.compile(r"^\s+([A-Z2-7]{4}(?:-[A-Z2-7]{4})+)\s*$", re.MULTILINE)


def test_rekey_rotates_both_keys_and_keeps_everything_readable(tmp_path: Path, make_vault) -> None:
    root = tmp_path / "vault"
    vault, old_recovery = make_vault(root)
    client = Client(name="Demo – Rekey")
    clients.create_client(vault, client)
    write_setting(vault, "practice", {"name": "Demo practice"})
    drafts.save_draft(vault, "practice-note", None, {"text": "Fictional draft"})
    write_backup(vault, tmp_path / "before.iptbackup")
    old_master = vault.master_key()
    old_wrapped = vault.header.wrapped_by_passphrase
    vault.close()

    result = run_cli("rekey", "--vault", root)
    assert result.returncode == 0, result.stderr
    (new_recovery,) = KEY.findall(result.stdout)
    assert new_recovery != old_recovery
    assert "old recovery key no longer opens" in result.stdout

    stale = Vault.open(root)
    try:
        with pytest.raises(WrongRecoveryKeyError):
            stale.unlock_with_recovery_key(old_recovery)
    finally:
        stale.close()
    for unlock in (
        lambda v: v.unlock_with_recovery_key(new_recovery),
        lambda v: v.unlock(PASSPHRASE),
    ):
        again = Vault.open(root)
        try:
            unlock(again)
            assert again.master_key() != old_master
            assert again.header.wrapped_by_passphrase != old_wrapped
            assert clients.read_record(again, client.id).client.name == client.name
            assert read_setting(again, "practice") == {"name": "Demo practice"}
            report = verify_vault(again)
        finally:
            again.close()
        assert report.ok, (report.damaged, report.clients, report.vault_problems)
        assert report.audit_first_broken is None and report.audit_entries > 3
    assert run_cli("verify", "--vault", root).returncode == 0

    # The backup made before the rotation opens with the old recovery key.
    restored = tmp_path / "restored"
    restore_backup(tmp_path / "before.iptbackup", restored, UnlockSecret.recovery_key(old_recovery))
    back = Vault.open(restored)
    try:
        back.unlock_with_recovery_key(old_recovery)
        assert clients.read_record(back, client.id).client.name == client.name
    finally:
        back.close()


def test_rekey_refuses_a_broken_audit_chain(tmp_path: Path, make_vault) -> None:
    root = tmp_path / "vault"
    vault, recovery = make_vault(root)
    clients.create_client(vault, Client(name="Demo – Chain"))
    vault.close()
    conn = sqlite3.connect(root / "vault.sqlite3")
    conn.execute("DELETE FROM audit_log WHERE seq = 2")
    conn.commit()
    conn.close()
    result = run_cli("rekey", "--vault", root)
    assert result.returncode == 2 and "keys were not changed" in result.stderr
    old = Vault.open(root)
    try:
        old.unlock_with_recovery_key(recovery)  # the old key still opens: nothing changed
    finally:
        old.close()
