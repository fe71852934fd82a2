"""An audit entry edited, deleted, replaced or cut off in the file is found by
``ipt-desktop verify`` (exit 1), which names the first broken entry and nothing clinical."""

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.model import Client, Episode
from ipt_desktop.services import clients, episodes
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE, REPO
from tests.helpers.backup_cli import run_in_process

Tamper = Callable[[sqlite3.Connection], None]
NAME = "Demo Audit Person"


def _flip_payload(seq: int) -> Tamper:
    def tamper(db: sqlite3.Connection) -> None:
        (payload,) = db.execute("SELECT payload FROM audit_log WHERE seq = ?", (seq,)).fetchone()
        changed = bytearray(payload)
        changed[len(changed) // 2] ^= 0x01
        db.execute("UPDATE audit_log SET payload = ? WHERE seq = ?", (bytes(changed), seq))

    return tamper


def _flip_mac(seq: int) -> Tamper:
    def tamper(db: sqlite3.Connection) -> None:
        (mac,) = db.execute("SELECT mac FROM audit_log WHERE seq = ?", (seq,)).fetchone()
        changed = bytes([mac[0] ^ 0x80]) + bytes(mac[1:])
        db.execute("UPDATE audit_log SET mac = ? WHERE seq = ?", (changed, seq))

    return tamper


def _delete(where: str) -> Tamper:
    return lambda db: db.execute(f"DELETE FROM audit_log WHERE {where}")


def _copy_entry(source: int, target: int) -> Tamper:
    def tamper(db: sqlite3.Connection) -> None:
        payload, mac = db.execute(
            "SELECT payload, mac FROM audit_log WHERE seq = ?", (source,)
        ).fetchone()
        db.execute(
            "UPDATE audit_log SET payload = ?, mac = ? WHERE seq = ?", (payload, mac, target)
        )

    return tamper


def _audit_count(root: Path) -> int:
    db = sqlite3.connect(root / "vault.sqlite3")
    try:
        return int(db.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    finally:
        db.close()


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A vault with a few audit entries of different kinds, and their count."""
    root = tmp_path_factory.mktemp("audit") / "vault"
    vault, _recovery = Vault.create(root, PASSPHRASE, kdf=floor_params())
    try:
        client = Client(name=NAME)
        clients.create_client(vault, client)
        episodes.save_episode(vault, Episode(client_id=client.id, start_date=dt.date(2024, 1, 1)))
        clients.read_record(vault, client.id)
        vault.record_event(AuditEvent.CLIENT_OPENED, client.id)
        vault.record_event(AuditEvent.EXPORT_JSON, client.id)
        vault.record_event(AuditEvent.BACKUP, detail="manual backup")
    finally:
        vault.close()
    return root, _audit_count(root)


def _tampered_copy(pristine: Path, into: Path, tamper: Tamper | None) -> Path:
    root = into / "vault"
    shutil.copytree(pristine, root)
    if tamper is not None:
        db = sqlite3.connect(root / "vault.sqlite3")
        with db:
            tamper(db)
        db.close()
    return root


def _cases(count: int) -> dict[str, tuple[Tamper | None, int | None]]:
    return {
        "untouched": (None, None),
        "an entry's content edited": (_flip_payload(3), 3),
        "an entry's chain MAC edited": (_flip_mac(2), 2),
        "a middle entry deleted": (_delete("seq = 4"), 4),
        "the newest entry deleted": (_delete(f"seq = {count}"), count),
        "the two newest entries deleted": (_delete(f"seq >= {count - 1}"), count - 1),
        "every entry deleted": (_delete("1 = 1"), 1),
        "an entry replaced by a copy of another": (_copy_entry(2, 5), 5),
    }


CASES = list(_cases(count=6))  # the names only; each test builds its cases from the real count


def _check_report(case: str, code: int, out: str, expected: int | None, count: int) -> None:
    assert NAME not in out
    if expected is None:
        assert code == 0, (case, out)
        # verify's own unlock adds one UNLOCK entry before the chain is walked
        assert f"audit log: {count + 1} entries, chain intact" in out
    else:
        assert code == 1, (case, out)
        assert f"audit log: entry {expected} is broken" in out, (case, out)


@pytest.mark.parametrize("case", CASES)
def test_verify_names_the_first_broken_audit_entry(
    tmp_path: Path, pristine: tuple[Path, int], case: str, capsys, monkeypatch
) -> None:
    source, count = pristine
    assert count >= 6
    tamper, expected = _cases(count)[case]
    root = _tampered_copy(source, tmp_path, tamper)
    monkeypatch.setenv("IPT_DESKTOP_PASSPHRASE", PASSPHRASE)
    result = run_in_process(capsys, "verify", "--vault", str(root))
    _check_report(case, result.returncode, result.stdout + result.stderr, expected, count)


def test_the_real_command_finds_an_edited_and_a_deleted_entry(
    tmp_path: Path, pristine: tuple[Path, int]
) -> None:
    """The same through ``python -m ipt_desktop verify`` in its own process, two at once."""
    source, count = pristine
    cases = _cases(count)
    picked = ["an entry's content edited", "a middle entry deleted"]
    runs = {}
    for n, case in enumerate(picked):
        root = _tampered_copy(source, tmp_path / str(n), cases[case][0])
        runs[case] = subprocess.Popen(
            [sys.executable, "-m", "ipt_desktop", "verify", "--vault", str(root)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={
                "PYTHONPATH": str(REPO),
                "IPT_DESKTOP_PASSPHRASE": PASSPHRASE,
                "IPT_DESKTOP_DATA_DIR": str(tmp_path / "data"),
            },
        )
    for case, proc in runs.items():
        out, err = proc.communicate(timeout=120)
        assert "Traceback" not in err
        _check_report(case, proc.returncode, out + err, cases[case][1], count)
