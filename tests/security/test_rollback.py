"""A vault file replaced by an older copy of itself is flagged at unlock (never refused),
failed unlocks are written to the audit log at the next success, and a restore is not
taken for a rollback."""

import os
import shutil
from pathlib import Path

import pytest

from ipt_desktop.domain.model import Client
from ipt_desktop.services import clients, unlock_session
from ipt_desktop.services.backup import write_backup
from ipt_desktop.services.restore import restore_backup
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.vault import audit_log
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.errors import WrongPassphraseError, WrongRecoveryKeyError
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.backup_cli import run_in_process

SECRET = UnlockSecret.passphrase(PASSPHRASE)


def _session(root: Path, *names: str) -> unlock_session.UnlockOutcome:
    """Open, unlock as the GUI does, add clients, lock and close as the GUI does."""
    vault = Vault.open(root)
    try:
        outcome = unlock_session.unlock(vault, SECRET)
        for name in names:
            clients.create_client(vault, Client(name=name))
        unlock_session.remember_state(vault)
    finally:
        vault.close()
    return outcome


def _new_vault(root: Path, make_vault) -> str:
    vault, recovery = make_vault(root)
    vault.close()
    return recovery


def test_a_vault_replaced_by_an_older_copy_stays_flagged_until_accepted(
    tmp_path: Path, make_vault
) -> None:
    root = tmp_path / "vault"
    _new_vault(root, make_vault)
    assert _session(root, "Demo One").rollback is None
    old_copy = (root / "vault.sqlite3").read_bytes()
    assert not (root / "vault.sqlite3-wal").exists()  # closed: the copy is the whole vault
    assert _session(root, "Demo Two", "Demo Three").rollback is None

    (root / "vault.sqlite3").write_bytes(old_copy)
    vault = Vault.open(root)
    try:
        stored = vault.stored_header()
        outcome = unlock_session.unlock(vault, SECRET)  # warned, not refused
        names = {s.name for s in clients.list_summaries(vault)}
    finally:
        vault.close()
    warning = outcome.rollback
    assert warning is not None
    assert warning.generation == stored.generation < warning.seen_generation
    assert warning.last_written_at == stored.written_at == outcome.last_written_at
    assert "older" in warning.message and "backup" in warning.message
    assert names == {"Demo One"}
    # Saving into the old copy (even past the seen generation) does not clear the flag ...
    assert _session(root, "Demo Four", "Demo Five", "Demo Six").rollback is not None
    assert _session(root).rollback is not None
    # ... only the therapist's decision does, and it is in the audit log.
    vault = Vault.open(root)
    try:
        unlock_session.unlock(vault, SECRET)
        unlock_session.accept_current(vault)
        with vault.reading() as db:
            events = [
                e.event
                for e in audit_log.walk(
                    db,
                    vault.purpose_key("audit"),
                    vault.vault_id,
                    vault.header.audit_head,
                    vault.header.audit_count,
                ).entries
            ]
    finally:
        vault.close()
    assert events[-1] == audit_log.AuditEvent.ROLLBACK_ACCEPTED
    assert _session(root).rollback is None


def test_a_forked_copy_at_the_same_generation_is_flagged(
    tmp_path: Path, make_vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "vault"
    _new_vault(root, make_vault)
    _session(root)
    fork_point = (root / "vault.sqlite3").read_bytes()
    _session(root, "Demo Kept", "Demo Also Kept")
    seen = Vault.open(root)
    seen_generation = seen.stored_header().generation
    seen.close()

    (root / "vault.sqlite3").write_bytes(fork_point)
    # Another history, written on another computer (its own machine state).
    this_machine = os.environ["IPT_DESKTOP_DATA_DIR"]
    monkeypatch.setenv("IPT_DESKTOP_DATA_DIR", str(tmp_path / "another-computer"))
    other = Vault.open(root)
    try:
        other.unlock(PASSPHRASE)
        while other.header.generation < seen_generation:
            clients.create_client(other, Client(name="Demo Elsewhere"))
        assert other.header.generation == seen_generation
    finally:
        other.close()
    monkeypatch.setenv("IPT_DESKTOP_DATA_DIR", this_machine)
    outcome = _session(root)
    assert outcome.rollback is not None
    assert outcome.rollback.generation == outcome.rollback.seen_generation == seen_generation


def test_a_machine_that_never_saw_the_vault_does_not_warn(
    tmp_path: Path, make_vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "vault"
    _new_vault(root, make_vault)
    _session(root)
    old_copy = (root / "vault.sqlite3").read_bytes()
    _session(root, "Demo Newer")
    (root / "vault.sqlite3").write_bytes(old_copy)
    monkeypatch.setenv("IPT_DESKTOP_DATA_DIR", str(tmp_path / "another-machine"))
    assert _session(root).rollback is None


def test_failed_unlocks_are_written_at_the_next_success(tmp_path: Path, make_vault) -> None:
    root = tmp_path / "vault"
    recovery = _new_vault(root, make_vault)
    vault = Vault.open(root)
    try:
        with pytest.raises(WrongPassphraseError):
            unlock_session.unlock(vault, UnlockSecret.passphrase("candle river orbit maples"))
        with pytest.raises(WrongRecoveryKeyError):
            unlock_session.unlock(vault, UnlockSecret.recovery_key("ABCD-EFGH"))
        assert not vault.is_unlocked
        outcome = unlock_session.unlock(vault, UnlockSecret.recovery_key(recovery))
        assert outcome.failed_attempts == 2
        header = vault.header
        with vault.reading() as session:
            chain = audit_log.walk(
                session,
                vault.purpose_key("audit"),
                vault.vault_id,
                header.audit_head,
                header.audit_count,
            )
    finally:
        vault.close()
    assert chain.intact
    *_, failed, unlocked = chain.entries
    assert failed.event is AuditEvent.UNLOCK_FAILED and failed.detail.startswith("2 failed")
    assert unlocked.event is AuditEvent.UNLOCK and "recovery" in unlocked.detail
    assert _session(root).failed_attempts == 0  # counted once, then reset


def test_a_restore_is_not_taken_for_a_rollback(tmp_path: Path, make_vault) -> None:
    root = tmp_path / "vault"
    _new_vault(root, make_vault)
    vault = Vault.open(root)
    unlock_session.unlock(vault, SECRET)
    write_backup(vault, tmp_path / "b.iptbackup")
    vault.close()
    _session(root, "Demo After", "Demo Later")
    restore_backup(tmp_path / "b.iptbackup", root, SECRET)
    assert _session(root).rollback is None


def test_the_backup_command_warns_about_a_rolled_back_vault(
    tmp_path: Path, make_vault, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "vault"
    _new_vault(root, make_vault)
    _session(root)
    shutil.copy(root / "vault.sqlite3", tmp_path / "old.sqlite3")
    _session(root, "Demo Newer")
    shutil.copy(tmp_path / "old.sqlite3", root / "vault.sqlite3")
    monkeypatch.setenv("IPT_DESKTOP_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "b.iptbackup"
    result = run_in_process(capsys, "backup", "--vault", str(root), "--out", str(out))
    assert result.returncode == 0
    assert "warning" in result.stderr and "older" in result.stderr
    assert out.exists()
