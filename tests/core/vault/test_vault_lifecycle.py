"""Create, unlock, lock, recovery key and passphrase change, as a user meets them."""

import unicodedata
from pathlib import Path

import pytest

from ipt_desktop.crypto.kdf import (
    FLOOR_LANES,
    FLOOR_MEMORY_KIB,
    FLOOR_TIME_COST,
    calibrate,
    floor_params,
)
from ipt_desktop.vault.errors import (
    VaultExistsError,
    VaultLockedError,
    VaultMissingError,
    WeakPassphraseError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from ipt_desktop.vault.settings import read_setting, write_setting
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE


def _reopen(root: Path) -> Vault:
    return Vault.open(root)


def test_wrong_passphrase_is_refused_and_nothing_is_written(tmp_path, make_vault):
    vault, _ = make_vault(tmp_path / "v")
    write_setting(vault, "probe", {"x": 1})
    vault.close()
    before = {p.name: p.read_bytes() for p in (tmp_path / "v").iterdir() if p.is_file()}
    reopened = _reopen(tmp_path / "v")
    try:
        with pytest.raises(WrongPassphraseError, match="not correct"):
            reopened.unlock("candle river orbit maples")
        assert not reopened.is_unlocked
        with pytest.raises(VaultLockedError):
            read_setting(reopened, "probe")
    finally:
        reopened.close()
    after = {p.name: p.read_bytes() for p in (tmp_path / "v").iterdir() if p.is_file()}
    assert after == before


def test_same_passphrase_in_nfc_and_nfd_unlocks(tmp_path, make_vault):
    nfc = unicodedata.normalize("NFC", "Ελένη café Øresund brücke 2026")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    vault, _ = make_vault(tmp_path / "v", nfc)
    write_setting(vault, "probe", "ok")
    vault.close()
    reopened = _reopen(tmp_path / "v")
    try:
        reopened.unlock(nfd)
        assert read_setting(reopened, "probe") == "ok"
    finally:
        reopened.close()


def test_recovery_key_unlocks_sets_new_passphrase_and_old_one_fails(tmp_path, make_vault):
    vault, recovery = make_vault(tmp_path / "v")
    write_setting(vault, "probe", "still here")
    vault.close()
    reopened = _reopen(tmp_path / "v")
    try:
        reopened.unlock_with_recovery_key(recovery.lower().replace("-", " "))
        new = "lantern meadow copper whistle"
        reopened.change_passphrase(new, kdf=floor_params())
        reopened.lock()
        with pytest.raises(WrongPassphraseError):
            reopened.unlock(PASSPHRASE)
        reopened.unlock(new)
        assert read_setting(reopened, "probe") == "still here"
    finally:
        reopened.close()


def test_recovery_key_typo_is_caught_by_checksum_before_any_derivation(
    tmp_path, make_vault, monkeypatch
):
    vault, recovery = make_vault(tmp_path / "v")
    vault.close()
    # One character changed, in every position: the checksum catches each.
    import ipt_desktop.crypto.recovery_key as rk

    def no_kdf(*_a: object, **_k: object) -> bytes:
        raise AssertionError("no key derivation may run for a mistyped recovery key")

    monkeypatch.setattr(rk, "recovery_kek", no_kdf)
    reopened = _reopen(tmp_path / "v")
    try:
        plain = recovery.replace("-", "")
        for i in range(len(plain)):
            wrong_char = "A" if plain[i] != "A" else "B"
            typo = plain[:i] + wrong_char + plain[i + 1 :]
            with pytest.raises(WrongRecoveryKeyError, match="typo"):
                reopened.unlock_with_recovery_key(typo)
        with pytest.raises(WrongRecoveryKeyError, match="56"):
            reopened.unlock_with_recovery_key(plain[:-1])
    finally:
        reopened.close()


def test_a_valid_recovery_key_of_another_vault_is_refused(tmp_path, make_vault):
    _, other_key = make_vault(tmp_path / "other")
    vault, _ = make_vault(tmp_path / "v")
    vault.lock()
    with pytest.raises(WrongRecoveryKeyError, match="does not open"):
        vault.unlock_with_recovery_key(other_key)


def test_lock_drops_keys(vault):
    write_setting(vault, "probe", 1)
    vault.lock()
    assert not vault.is_unlocked
    with pytest.raises(VaultLockedError):
        write_setting(vault, "probe", 2)
    vault.unlock(PASSPHRASE)
    assert read_setting(vault, "probe") == 1


def test_passphrase_change_rewraps_only(vault):
    write_setting(vault, "probe", "x")
    with vault.reading() as session:
        from ipt_desktop.store.tables import SettingRow

        before = session.get(SettingRow, "probe").payload
    vault.change_passphrase("lantern meadow copper whistle", kdf=vault.header.kdf)
    with vault.reading() as session:
        after = session.get(SettingRow, "probe").payload
    assert after == before


def test_weak_passphrases_are_refused_with_advice(tmp_path):
    for weak in ("short", "password1234", "aaaaaaaaaaaaaaa", "qwertyuiopasdf"):
        with pytest.raises(WeakPassphraseError) as caught:
            Vault.create(tmp_path / "v", weak, kdf=None)
        assert caught.value.suggestions or "at least 12" in str(caught.value)
    assert not (tmp_path / "v" / "vault.sqlite3").exists()


def test_creating_over_an_existing_vault_is_refused(tmp_path, make_vault):
    make_vault(tmp_path / "v")
    with pytest.raises(VaultExistsError):
        Vault.create(tmp_path / "v", PASSPHRASE)


def test_opening_a_missing_vault_says_so(tmp_path):
    with pytest.raises(VaultMissingError, match="no vault"):
        Vault.open(tmp_path / "nothing-here")


def test_every_write_bumps_the_authenticated_generation(vault):
    start = vault.header.generation
    write_setting(vault, "a", 1)
    write_setting(vault, "b", 2)
    assert vault.header.generation == start + 2
    assert vault.stored_header().generation == start + 2


def test_production_kdf_never_below_rfc9106_second_recommendation():
    params = calibrate(0.01)  # even a tiny target stays at the floor
    assert params.time_cost >= FLOOR_TIME_COST == 3
    assert params.memory_kib >= FLOOR_MEMORY_KIB == 64 * 1024
    assert params.lanes >= FLOOR_LANES == 4


def test_writes_from_two_threads_never_look_like_tampering(vault):
    import threading

    from ipt_desktop.vault.audit_log import AuditEvent

    errors: list[BaseException] = []

    def write_many() -> None:
        try:
            for _ in range(40):
                vault.record_event(AuditEvent.CLIENT_OPENED)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    start = vault.header.generation
    threads = [threading.Thread(target=write_many) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert vault.header.generation == start + 80
    vault.lock()
    vault.unlock(PASSPHRASE)  # the header still authenticates
    from ipt_desktop.services.vault_verify import verify_vault

    assert verify_vault(vault).ok


def test_a_very_long_passphrase_is_judged_not_crashed():
    from ipt_desktop.crypto.passphrase_policy import MAX_CHARS, assess

    long_one = " ".join(["lantern", "meadow", "copper", "whistle", "harbour"] * 30)[:300]
    assert assess(long_one).acceptable
    assert not assess("x" * (MAX_CHARS + 1)).acceptable


def test_a_long_read_does_not_hold_up_a_save(vault):
    """Reads begin deferred (WAL snapshot), so a search in a worker never blocks a save."""
    import time

    write_setting(vault, "probe", 0)
    with vault.reading() as session:
        from ipt_desktop.store.tables import SettingRow

        assert session.get(SettingRow, "probe") is not None  # the read transaction is open
        started = time.monotonic()
        write_setting(vault, "probe", 1)  # would wait for busy_timeout (5 s) if reads locked
        assert time.monotonic() - started < 2
    assert read_setting(vault, "probe") == 1
