"""Issue 14: the upgrade of a vault written by the previous release, the MACed rollback
anchor, writers that re-check the header, restores in another folder, owner-only modes."""

import json
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from ipt_desktop.domain.model import Client
from ipt_desktop.services import clients, unlock_session
from ipt_desktop.services.backup import write_backup
from ipt_desktop.services.restore import restore_backup
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.services.vault_verify import verify_vault
from ipt_desktop.store.schema_migrations import HEAD_REVISION, current_revision
from ipt_desktop.vault import rollback_guard
from ipt_desktop.vault.errors import RecordDamagedError, VaultChangedError
from ipt_desktop.vault.vault import Vault
from tests.helpers.attack_vault import build_practice
from tests.helpers.cli_process import PASSPHRASE, run_cli

FIXTURE = Path(__file__).parent / "fixtures" / "release_0aadc0d.sqlite3"
SECRET = UnlockSecret.passphrase(PASSPHRASE)


def _unlocked(root: Path) -> tuple[Vault, unlock_session.UnlockOutcome]:
    vault = Vault.open(root)
    return vault, unlock_session.unlock(vault, SECRET)


def test_a_vault_of_the_previous_release_is_upgraded_at_unlock(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    root.mkdir()
    shutil.copy(FIXTURE, root / "vault.sqlite3")
    vault, outcome = _unlocked(root)
    try:
        assert current_revision(vault.engine) == HEAD_REVISION == "0004_manifest"
        assert vault.header.manifest_format == 1 and outcome.manifest_alert == ""
        listing = clients.list_clients(vault)
        names = sorted(s.name for s in listing.summaries)
        first = next(s for s in listing.summaries if s.name == "Fixture Client fx")
        record = clients.read_record(vault, first.client_id)
        report = verify_vault(vault)
    finally:
        vault.close()
    assert listing.damaged == []
    assert names == ["Fixture Client fx", "Second Fixture two"]
    assert len(record.sessions) == 3
    signed = [s for s in record.sessions if s.is_signed]
    assert len(signed) == 1 and [a.text for a in signed[0].amendments] == ["Correction fx"]
    assert report.ok, (report.clients, report.damaged, report.vault_problems)
    # The recovery key written for the fixture still opens the upgraded vault.
    recovery = "BE5E-C526-3JGK-4B3U-YM2I-KP5H-Y7OE-Q6JW-ARJI-ZSYM-TAIE-AZSD-4IOS-SFGG"
    again = Vault.open(root)
    try:
        again.unlock_with_recovery_key(recovery)
    finally:
        again.close()


def test_an_upgraded_vault_still_names_a_deleted_session(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    root.mkdir()
    shutil.copy(FIXTURE, root / "vault.sqlite3")
    vault, _ = _unlocked(root)
    vault.close()
    conn = sqlite3.connect(root / "vault.sqlite3")
    (victim,) = conn.execute("SELECT id FROM sessions LIMIT 1").fetchone()
    conn.execute("DELETE FROM sessions WHERE id = ?", (victim,))
    conn.commit()
    conn.close()
    result = run_cli("verify", "--vault", root)
    assert result.returncode == 1
    assert f"sessions {victim} is listed in the manifest but missing" in result.stdout


def test_a_replaced_anchor_file_is_flagged(tmp_path: Path, make_vault) -> None:
    root = tmp_path / "vault"
    vault, _recovery = make_vault(root)
    clients.create_client(vault, Client(name="Demo – Anchor"))
    vault.close()
    vault, outcome = _unlocked(root)
    anchor = rollback_guard.anchor_path(vault.vault_id, root)
    vault.close()
    assert outcome.rollback is None and anchor.is_file()
    forged = json.loads(anchor.read_text())
    forged["generation"] = 0  # "never saw anything newer", without the key to MAC it
    anchor.write_text(json.dumps(forged))
    vault, outcome = _unlocked(root)
    vault.close()
    assert outcome.rollback is not None and outcome.rollback.anchor_altered
    assert run_cli("verify", "--vault", root).returncode == 1
    assert run_cli("verify", "--vault", root, "--accept-current").returncode == 0
    assert run_cli("verify", "--vault", root).returncode == 0


def test_an_old_folder_copied_back_fails_verify_until_accepted(tmp_path: Path, make_vault) -> None:
    root = tmp_path / "vault"
    vault, _recovery = make_vault(root)
    vault.close()
    vault, _ = _unlocked(root)
    vault.close()
    shutil.copytree(root, tmp_path / "old")
    vault, _ = _unlocked(root)
    clients.create_client(vault, Client(name="Demo – Newer"))
    vault.close()
    shutil.rmtree(root)
    shutil.copytree(tmp_path / "old", root)
    result = run_cli("verify", "--vault", root)
    assert result.returncode == 1 and "older than the one this computer last saw" in result.stdout
    assert run_cli("verify", "--vault", root).returncode == 1  # still, at every open
    assert run_cli("verify", "--vault", root, "--accept-current").returncode == 0
    assert run_cli("verify", "--vault", root).returncode == 0


def test_a_backup_restored_into_a_second_folder_warns_in_neither(
    tmp_path: Path, make_vault
) -> None:
    root = tmp_path / "vault"
    vault, _recovery = make_vault(root)
    clients.create_client(vault, Client(name="Demo – Original"))
    write_backup(vault, tmp_path / "b.iptbackup")
    vault.close()
    second = tmp_path / "second"
    restore_backup(tmp_path / "b.iptbackup", second, SECRET)
    for folder in (root, second, root, second):
        vault, outcome = _unlocked(folder)
        clients.create_client(vault, Client(name="Demo – More"))
        vault.close()
        assert outcome.rollback is None, folder


def test_a_second_writer_after_the_lock_file_was_deleted_is_refused(
    tmp_path: Path, make_vault
) -> None:
    root = tmp_path / "vault"
    vault, _recovery = make_vault(root)
    made = build_practice(vault)
    (root / "vault.lock").unlink()  # under the open vault
    other = run_cli("verify", "--vault", root)  # a second process gets in, and writes
    assert other.returncode == 0, other.stdout + other.stderr
    late = Client(name="Demo – Late")
    with pytest.raises(VaultChangedError, match="not saved"):
        clients.create_client(vault, late)
    vault.close()
    reopened, _ = _unlocked(root)
    try:
        ids = {s.client_id for s in clients.list_summaries(reopened)}
        report = verify_vault(reopened)
    finally:
        reopened.close()
    assert ids == {made.client, made.other_client}
    assert report.ok, (report.vault_problems, report.clients, report.damaged)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_opening_a_vault_makes_its_folder_and_files_owner_only(tmp_path: Path, make_vault) -> None:
    root = tmp_path / "vault"
    vault, _recovery = make_vault(root)
    (root / "backups").mkdir(exist_ok=True)
    write_backup(vault, root / "backups" / "one.iptbackup")
    vault.close()
    paths = [root, root / "vault.sqlite3", root / "vault.lock", root / "backups"]
    paths.append(root / "backups" / "one.iptbackup")
    for path in paths:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    Vault.open(root).close()
    for path in paths:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, (path.name, oct(mode))


def test_one_damaged_row_does_not_stop_the_upgrade(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    root.mkdir()
    shutil.copy(FIXTURE, root / "vault.sqlite3")
    conn = sqlite3.connect(root / "vault.sqlite3")
    victim, owner, payload = conn.execute(
        "SELECT id, client_id, payload FROM sessions ORDER BY id LIMIT 1"
    ).fetchone()
    flipped = bytearray(payload)
    flipped[-3] ^= 0x10
    conn.execute("UPDATE sessions SET payload = ? WHERE id = ?", (bytes(flipped), victim))
    conn.commit()
    conn.close()
    vault, outcome = _unlocked(root)  # the upgrade runs and the vault opens
    try:
        assert vault.header.manifest_format == 1 and outcome.manifest_alert == ""
        listing = clients.list_clients(vault)
        # The client with the damaged row is one damaged record (its old summary cannot be
        # recomputed without that row); the other client is listed and opens.
        assert [d.client_id for d in listing.damaged] == [owner]
        assert victim in listing.damaged[0].message
        (other,) = listing.summaries
        assert len(clients.read_record(vault, other.client_id).sessions) == 3
        with pytest.raises(RecordDamagedError) as caught:
            clients.read_record(vault, owner)
        report = verify_vault(vault)
    finally:
        vault.close()
    assert caught.value.record_id == victim
    assert [(d.table, d.record_id) for d in report.damaged] == [("sessions", victim)]
    assert report.clients == []  # damaged, not "added outside" nor "missing"
