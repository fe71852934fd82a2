"""`import`, `export` and `demo` through a real subprocess: exit codes 0/2, one clear line."""

import json
import re
from pathlib import Path

import pytest

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.services import clients, interchange
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.cli_process import assert_failed_cleanly, run_cli
from tests.helpers.samples import full_record, store, without_ids

RECOVERY_KEY = re.compile(r"(?:[A-Z2-7]{4}-){13}[A-Z2-7]{4}")


@pytest.fixture(scope="module")
def stocked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A closed vault (KDF floor, through the API) holding two fictional clients."""
    root = tmp_path_factory.mktemp("cli") / "v"
    vault, _ = Vault.create(root, PASSPHRASE, kdf=floor_params())
    records = [full_record(name="Demo – Ελένη CLI"), full_record(name="Demo – Second")]
    with vault:
        for record in records:
            store(vault, record)
    return root, [r.client.id for r in records]


def file_bytes(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(root.iterdir()) if p.is_file()}


def test_export_then_import_round_trips(stocked, tmp_path):
    root, ids = stocked
    out = tmp_path / "export.json"
    exported = run_cli("export", "--vault", root, "--client", "Demo – Ελένη CLI", "--out", out)
    assert exported.returncode == 0, exported.stderr
    assert "NOT encrypted" in exported.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["clients"][0]["id"] == ids[0]

    target = tmp_path / "target"
    Vault.create(target, PASSPHRASE, kdf=floor_params())[0].close()
    imported = run_cli("import", "--vault", target, out)
    assert imported.returncode == 0, imported.stderr
    new_id = imported.stdout.strip().splitlines()[-1]
    with Vault.open(target) as vault:
        vault.unlock(PASSPHRASE)
        again = interchange.export_client(vault, new_id)
    assert without_ids(again) == without_ids(data)

    by_id = run_cli("export", "--vault", root, "--client", ids[1], "--out", out, "--force")
    assert by_id.returncode == 0, by_id.stderr


def test_export_refusals(stocked, tmp_path):
    root, ids = stocked
    existing = tmp_path / "there.json"
    existing.write_text("keep me", encoding="utf-8")
    kept = run_cli("export", "--vault", root, "--client", ids[0], "--out", existing)
    assert_failed_cleanly(kept, "export", "already exists")
    assert existing.read_text(encoding="utf-8") == "keep me"
    unknown = run_cli(
        "export", "--vault", root, "--client", "Demo – Nobody", "--out", tmp_path / "n.json"
    )
    assert_failed_cleanly(unknown, "export", "no client has that id")
    assert "Nobody" not in unknown.stderr
    wrong = run_cli(
        "export",
        "--vault",
        root,
        "--client",
        ids[0],
        "--out",
        tmp_path / "w.json",
        passphrase="wrong words here",
    )
    assert_failed_cleanly(wrong, "export", "not correct")
    assert not (tmp_path / "w.json").exists()


BAD_FILES = [
    ("mood.json", None, "clients[0].episodes[0].sessions[0].mood: must be from 0 to 10, not 11"),
    ("syntax.json", b'{"format": "ipt-desktop/1", "clients": [}', "is not valid JSON"),
    ("latin1.json", b'{"format": "ipt-desktop/1", "clients": [{"name": "Caf\xe9"}]}', "UTF-8"),
    (
        "surrogate.json",
        b'{"format": "ipt-desktop/1", "clients": [{"name": "\\ud800"}]}',
        "surrogate",
    ),
    ("format.json", b'{"format": "other/1", "clients": []}', "format: must be"),
]


@pytest.mark.parametrize(("name", "raw", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_import_file_fails_cleanly_and_writes_nothing(stocked, tmp_path, name, raw, message):
    root, _ids = stocked
    path = tmp_path / name
    if raw is None:
        session = {"date": "2026-01-05", "mood": 11}
        episode = {"start_date": "2026-01-05", "sessions": [session]}
        data = {"format": "ipt-desktop/1", "clients": [{"name": "Demo – X", "episodes": [episode]}]}
        raw = json.dumps(data).encode()
    path.write_bytes(raw)
    before = file_bytes(root)
    result = run_cli("import", "--vault", root, path)
    assert_failed_cleanly(result, "import", message)
    assert file_bytes(root) == before


def test_import_of_a_missing_file_and_a_missing_vault(tmp_path, stocked):
    root, _ids = stocked
    assert_failed_cleanly(
        run_cli("import", "--vault", root, tmp_path / "none.json"), "import", "does not exist"
    )
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"format": "ipt-desktop/1", "clients": [{"name": "Demo – Y"}]}))
    assert_failed_cleanly(
        run_cli("import", "--vault", tmp_path / "nothing", good), "import", "no vault"
    )


def test_demo_creates_a_filled_vault_and_prints_the_recovery_key_once(tmp_path):
    root = tmp_path / "demo"
    made = run_cli("demo", "--vault", root, "--kdf-seconds", "0.1")
    assert made.returncode == 0, made.stderr
    assert len(RECOVERY_KEY.findall(made.stdout)) == 1
    with Vault.open(root) as vault:
        vault.unlock(PASSPHRASE)
        summaries = clients.list_summaries(vault)
        kdf = vault.header.kdf
    assert len(summaries) >= 6
    assert all(s.name.startswith("Demo – ") for s in summaries)
    floor = floor_params()
    assert (kdf.time_cost, kdf.memory_kib, kdf.lanes) >= (
        floor.time_cost,
        floor.memory_kib,
        floor.lanes,
    )
    again = run_cli("demo", "--vault", root)
    assert_failed_cleanly(again, "demo", "already exists")


def test_demo_refusals(tmp_path):
    weak = run_cli("demo", "--vault", tmp_path / "weak", passphrase="password1")
    assert weak.returncode == 2 and "Traceback" not in weak.stderr
    assert not (tmp_path / "weak" / "vault.sqlite3").exists()
    none = run_cli("demo", "--vault", tmp_path / "none", passphrase=None)
    assert_failed_cleanly(none, "demo", "no passphrase given")
    file_source = tmp_path / "pass.txt"
    file_source.write_text(PASSPHRASE + "\n", encoding="utf-8")
    slow = run_cli(
        "demo", "--vault", tmp_path / "x", "--kdf-seconds", "99", "--passphrase-file", file_source
    )
    assert_failed_cleanly(slow, "demo", "--kdf-seconds")
