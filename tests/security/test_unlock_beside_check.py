"""The quick check runs beside the key derivation at unlock (issue 16 follow-up), and the
outcomes are those of the check run first: a damaged file is refused as damaged whatever
the secret, no failed attempt is counted for it, and nothing is written (not the vault
file, not the audit log, not this machine's rollback anchor or attempt count).

The damage is real: one b-tree page of the sessions table (which an unlock never reads)
is overwritten in the closed vault file, so only SQLite's quick check can notice it."""

import sqlite3
import threading
from pathlib import Path

import pytest

from ipt_desktop.services import unlock_session
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.vault import machine_state, rollback_guard
from ipt_desktop.vault import vault as vault_module
from ipt_desktop.vault.errors import VaultDamagedError, WrongPassphraseError
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.attack_vault import build_practice

WRONG = "candle river orbit maples"
#: Long enough never to be reached when the two run side by side (no flaky timing).
MEET_WITHIN_S = 30.0


def damage_sessions_page(db: Path) -> None:
    """Overwrite the header of the sessions table's root page with an invalid page type."""
    conn = sqlite3.connect(db)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'sessions'"
        ).fetchone()[0]
    finally:
        conn.close()
    data = bytearray(db.read_bytes())
    at = (root - 1) * page_size + (100 if root == 1 else 0)
    data[at : at + 8] = b"\xee" * 8
    db.write_bytes(bytes(data))


@pytest.fixture
def damaged(tmp_path: Path, make_vault) -> tuple[Path, bytes, str]:
    """A closed vault with one damaged page; its bytes and its id."""
    root = tmp_path / "vault"
    vault, _recovery = make_vault(root)
    build_practice(vault)
    vault_id = vault.vault_id
    vault.close()
    db = root / "vault.sqlite3"
    damage_sessions_page(db)
    return root, db.read_bytes(), vault_id


def anchor_stat(root: Path, vault_id: str) -> tuple[int, int, bytes]:
    path = rollback_guard.anchor_path(vault_id, root)
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns, path.read_bytes()


def wal_size(root: Path) -> int:
    wal = root / "vault.sqlite3-wal"
    return wal.stat().st_size if wal.exists() else 0


def test_the_damage_is_one_only_the_quick_check_sees(damaged: tuple[Path, bytes, str]) -> None:
    root, _bytes, _vault_id = damaged
    vault = Vault.open(root)
    try:
        assert unlock_session.database_problems(vault)
        header = vault.stored_header()  # the header page is sound: the unlock can run
        vault.unlock(PASSPHRASE)
        assert vault.is_unlocked and header.vault_id == vault.vault_id
    finally:
        vault.lock(remember=False)
        vault.close()


def test_damaged_and_a_wrong_passphrase_is_damaged_and_not_counted(
    damaged: tuple[Path, bytes, str],
) -> None:
    root, before, vault_id = damaged
    anchor = anchor_stat(root, vault_id)
    vault = Vault.open(root)
    try:
        with pytest.raises(VaultDamagedError, match="damaged"):
            unlock_session.unlock(vault, UnlockSecret.passphrase(WRONG))
        assert not vault.is_unlocked
    finally:
        vault.close()
    assert machine_state.load(vault_id).failed_attempts == 0
    assert (root / "vault.sqlite3").read_bytes() == before
    assert anchor_stat(root, vault_id) == anchor


def test_damaged_and_the_right_passphrase_is_damaged_locked_and_nothing_written(
    damaged: tuple[Path, bytes, str],
) -> None:
    root, before, vault_id = damaged
    anchor = anchor_stat(root, vault_id)
    vault = Vault.open(root)
    try:
        with pytest.raises(VaultDamagedError, match="damaged") as raised:
            unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE))
        assert "It was not changed" in str(raised.value)
        assert not vault.is_unlocked  # the keys the unlock accepted were dropped again
        assert wal_size(root) == 0  # no audit entry, no header written
    finally:
        vault.close()  # a close after the refusal remembers nothing either
    assert (root / "vault.sqlite3").read_bytes() == before
    assert anchor_stat(root, vault_id) == anchor
    assert machine_state.load(vault_id).failed_attempts == 0


def test_a_wrong_passphrase_on_a_sound_file_is_still_counted(tmp_path: Path, make_vault) -> None:
    root = tmp_path / "vault"
    vault, _recovery = make_vault(root)
    vault_id = vault.vault_id
    vault.close()
    vault = Vault.open(root)
    try:
        for _ in range(2):
            with pytest.raises(WrongPassphraseError):
                unlock_session.unlock(vault, UnlockSecret.passphrase(WRONG))
        assert machine_state.load(vault_id).failed_attempts == 2
        assert (
            unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE)).failed_attempts == 2
        )
    finally:
        vault.close()


def test_the_check_and_the_key_derivation_run_at_the_same_time(
    tmp_path: Path, make_vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each side waits, inside its own work, for the other to have started: run one after
    the other, the first would wait in vain and note that it never met the second."""
    root = tmp_path / "vault"
    vault, _recovery = make_vault(root)
    vault.close()
    checking, deriving = threading.Event(), threading.Event()
    met: dict[str, bool] = {}
    real_check = unlock_session.database_problems
    real_master = vault_module.master_from_passphrase

    def slow_check(opened: Vault) -> list[str]:
        checking.set()
        met["check saw the derivation"] = deriving.wait(MEET_WITHIN_S)
        return real_check(opened)

    def slow_master(header: object, passphrase: str, *args: object) -> bytes:
        deriving.set()
        met["derivation saw the check"] = checking.wait(MEET_WITHIN_S)
        return real_master(header, passphrase, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(unlock_session, "database_problems", slow_check)
    monkeypatch.setattr(vault_module, "master_from_passphrase", slow_master)
    vault = Vault.open(root)
    try:
        unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE))
        assert vault.is_unlocked
    finally:
        vault.close()
    assert met == {"check saw the derivation": True, "derivation saw the check": True}


def test_the_check_takes_no_write_lock(tmp_path: Path, make_vault) -> None:
    """The header reads beside it begin IMMEDIATE: a check holding the write lock would
    hold them up until it ends (or, past the busy timeout, fail them)."""
    root = tmp_path / "vault"
    vault, _recovery = make_vault(root)
    vault.close()
    vault = Vault.open(root)
    try:
        with vault.engine.connect() as writer:
            writer.exec_driver_sql("SELECT 1")  # BEGIN IMMEDIATE: the write lock is taken
            assert unlock_session.database_problems(vault) == []
    finally:
        vault.close()
