"""Attack the real vault files: flip bytes, move blobs, edit the header."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ipt_desktop.services.vault_verify import verify_vault
from ipt_desktop.vault.errors import RecordDamagedError, VaultDamagedError, WrongPassphraseError
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE, REPO
from tests.helpers.sealed_rows import add_client_with_session, read_session_note


def _two_clients(make_vault, root: Path) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    vault, _ = make_vault(root)
    first = add_client_with_session(vault, "Demo Ansel Marrow", "first note")
    second = add_client_with_session(vault, "Demo Briony Quell", "second note")
    vault.close()
    return first, second


def _sql(root: Path, statement: str, *params: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(root / "vault.sqlite3") as conn:
        rows = conn.execute(statement, params).fetchall()
    conn.close()
    return rows


def _run_verify(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ipt_desktop", "verify", "--vault", str(root)],
        capture_output=True,
        text=True,
        env={"IPT_DESKTOP_PASSPHRASE": PASSPHRASE, "PATH": "", "PYTHONPATH": str(REPO)},
        timeout=60,
        check=False,
    )


def test_one_flipped_byte_in_the_file_breaks_only_that_record(tmp_path, make_vault):
    root = tmp_path / "v"
    (c1, _e1, s1), (c2, _e2, s2) = _two_clients(make_vault, root)
    [(blob,)] = _sql(root, "SELECT payload FROM sessions WHERE id = ?", s1)
    data = bytearray((root / "vault.sqlite3").read_bytes())
    at = data.find(bytes(blob))  # type: ignore[arg-type]
    assert at > 0 and data.count(bytes(blob)) == 1  # type: ignore[arg-type]
    data[at + 20] ^= 0x01  # inside the ciphertext
    (root / "vault.sqlite3").write_bytes(bytes(data))

    vault = Vault.open(root)
    try:
        vault.unlock(PASSPHRASE)
        with pytest.raises(RecordDamagedError) as caught:
            read_session_note(vault, c1, s1)
        assert caught.value.record_id == s1
        assert "first note" not in str(caught.value)
        assert read_session_note(vault, c2, s2) == "second note"
        report = verify_vault(vault)
        assert [(d.table, d.record_id) for d in report.damaged] == [("sessions", s1)]
    finally:
        vault.close()

    result = _run_verify(root)
    assert result.returncode == 1, result.stderr
    assert f"damaged record: sessions {s1}" in result.stdout
    assert "first note" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("target", ["other_row_same_client", "other_client", "other_table"])
def test_a_payload_moved_elsewhere_fails_to_open(tmp_path, make_vault, target):
    root = tmp_path / "v"
    (c1, e1, s1), (_c2, _e2, s2) = _two_clients(make_vault, root)
    [(blob,)] = _sql(root, "SELECT payload FROM sessions WHERE id = ?", s1)
    if target == "other_client":
        _sql(root, "UPDATE sessions SET payload = ? WHERE id = ?", blob, s2)
        victim = ("sessions", s2)
    elif target == "other_table":
        _sql(root, "UPDATE episodes SET payload = ? WHERE id = ?", blob, e1)
        victim = ("episodes", e1)
    else:  # a second session row of the same client receives the first one's blob
        _sql(
            root,
            "INSERT INTO sessions (id, client_id, episode_id, order_key, payload) "
            "VALUES ('00000000-0000-4000-8000-000000000001', ?, ?, 2, ?)",
            c1,
            e1,
            blob,
        )
        victim = ("sessions", "00000000-0000-4000-8000-000000000001")
    vault = Vault.open(root)
    try:
        vault.unlock(PASSPHRASE)
        report = verify_vault(vault)
    finally:
        vault.close()
    assert [(d.table, d.record_id) for d in report.damaged] == [victim]


def test_a_payload_copied_from_another_vault_fails(tmp_path, make_vault):
    (_c1, _e, s1), _ = _two_clients(make_vault, tmp_path / "a")
    other, _ = make_vault(tmp_path / "b")
    add_client_with_session(other, "Demo Other", "x")
    other.close()
    [(blob,)] = _sql(tmp_path / "a", "SELECT payload FROM sessions WHERE id = ?", s1)
    [(sid,)] = _sql(tmp_path / "b", "SELECT id FROM sessions")
    _sql(tmp_path / "b", "UPDATE sessions SET payload = ? WHERE id = ?", blob, sid)
    vault = Vault.open(tmp_path / "b")
    try:
        vault.unlock(PASSPHRASE)
        assert [d.record_id for d in verify_vault(vault).damaged] == [sid]
    finally:
        vault.close()


def _edit_header(root: Path, edit) -> None:  # type: ignore[no-untyped-def]
    [(body,)] = _sql(root, "SELECT body FROM vault_header WHERE id = 1")
    header = json.loads(bytes(body))  # type: ignore[arg-type]
    edit(header)
    raw = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    _sql(root, "UPDATE vault_header SET body = ? WHERE id = 1", raw)


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda h: h.__setitem__("generation", h["generation"] - 1), id="generation"),
        pytest.param(lambda h: h.__setitem__("audit_count", 0), id="audit-count"),
        pytest.param(lambda h: h["kdf"].__setitem__("t", h["kdf"]["t"] + 1), id="kdf-time"),
        pytest.param(
            lambda h: h.__setitem__("wrapped_by_recovery", h["wrapped_by_recovery"][:-2] + "00"),
            id="wrapped-recovery-key",
        ),
    ],
)
def test_header_tampering_is_refused(tmp_path, make_vault, edit):
    root = tmp_path / "v"
    _two_clients(make_vault, root)
    _edit_header(root, edit)
    vault = Vault.open(root)
    try:
        with pytest.raises((VaultDamagedError, WrongPassphraseError)):
            vault.unlock(PASSPHRASE)
        assert not vault.is_unlocked
    finally:
        vault.close()


def test_wrapped_passphrase_key_edit_is_refused(tmp_path, make_vault):
    root = tmp_path / "v"
    _two_clients(make_vault, root)
    _edit_header(
        root,
        lambda h: h.__setitem__("wrapped_by_passphrase", "ff" + h["wrapped_by_passphrase"][2:]),
    )
    vault = Vault.open(root)
    try:
        with pytest.raises(WrongPassphraseError):
            vault.unlock(PASSPHRASE)
    finally:
        vault.close()


@pytest.mark.parametrize(
    ("field", "value"),
    [("m_kib", 64 * 1024 * 1024), ("t", 10**9), ("p", 10**6), ("m_kib", 8), ("t", "3")],
)
def test_absurd_kdf_parameters_are_refused_before_any_derivation(
    tmp_path, make_vault, monkeypatch, field, value
):
    root = tmp_path / "v"
    _two_clients(make_vault, root)
    _edit_header(root, lambda h: h["kdf"].__setitem__(field, value))
    import ipt_desktop.crypto.kdf as kdf

    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("Argon2 must not run for refused parameters")

    monkeypatch.setattr(kdf, "Argon2id", refuse)
    vault = Vault.open(root)
    try:
        with pytest.raises(VaultDamagedError, match="key-derivation"):
            vault.unlock(PASSPHRASE)
    finally:
        vault.close()


def test_a_file_that_is_not_a_vault_is_refused_cleanly(tmp_path):
    root = tmp_path / "v"
    root.mkdir()
    (root / "vault.sqlite3").write_bytes(b"this is not a database" * 100)
    with pytest.raises(VaultDamagedError, match="damaged"):
        Vault.open(root)
    assert (root / "vault.sqlite3").read_bytes() == b"this is not a database" * 100
