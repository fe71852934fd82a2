"""Issue 14: import memory stays a small multiple of the file size, measured as the peak
RSS of a child process; a file of very many tiny objects is refused quickly."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.cli_process import PASSPHRASE

PROBE = Path(__file__).resolve().parents[1] / "helpers" / "import_probe.py"
REPO = Path(__file__).resolve().parents[2]
MB = 1024 * 1024


def _probe(*args: object) -> tuple[subprocess.CompletedProcess[str], int, float]:
    env = {
        "PYTHONPATH": str(REPO),
        "PATH": os.environ.get("PATH", ""),
        "IPT_DESKTOP_DATA_DIR": os.environ["IPT_DESKTOP_DATA_DIR"],
        "IPT_DESKTOP_PASSPHRASE": PASSPHRASE,
    }
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(PROBE), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    elapsed = time.perf_counter() - started
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("peak_kib="), result.stderr
    return result, int(last.removeprefix("peak_kib=")) * 1024, elapsed


def _file(path: Path, clients_text: str) -> Path:
    path.write_text('{"format":"ipt-desktop/1","clients":[' + clients_text + "]}")
    return path


@pytest.fixture
def vault_dir(tmp_path: Path, make_vault) -> Path:
    root = tmp_path / "vault"
    vault, _recovery = make_vault(root)
    vault.close()
    return root


@pytest.mark.parametrize("count", [1_000_000, 6_300_000])  # 3 MB; 18.9 MB as in the issue
def test_a_file_of_empty_objects_is_refused_quickly_in_little_memory(
    tmp_path: Path, vault_dir: Path, count: int
) -> None:
    tiny = _file(tmp_path / "tiny.json", '{"name":"Demo - Tiny"}')
    hostile = _file(tmp_path / "empty.json", ",".join(["{}"] * count))
    size = hostile.stat().st_size
    baseline, base_peak, _ = _probe("cli", "import", "--vault", vault_dir, tiny)
    assert baseline.returncode == 0, baseline.stderr
    result, peak, elapsed = _probe("cli", "import", "--vault", vault_dir, hostile)
    assert result.returncode == 2
    assert "far more small values than an ipt-desktop export has" in result.stderr
    assert "Traceback" not in result.stderr
    assert peak - base_peak < 3 * size, (peak - base_peak) / size
    assert elapsed < 15  # the whole child, unlock (Argon2) included


def test_the_densest_file_import_accepts_stays_a_small_multiple(tmp_path: Path) -> None:
    """Sessions of 150 bytes each (the object limit) in 12 contracts: the parse and the
    validation of an 18 MB file, the worst shape that is not refused."""
    pad = "x" * 103
    sessions = [{"date": "2026-01-05", "mood": 5, "note": pad}] * 9_999
    episode = {"kind": "acute", "start_date": "2026-01-05", "planned_sessions": 16}
    client = {"name": "Demo", "episodes": [{**episode, "sessions": sessions}] * 12}
    dense = _file(tmp_path / "dense.json", json.dumps(client))
    size = dense.stat().st_size
    assert size > 17 * MB
    tiny = _file(tmp_path / "tiny.json", '{"name":"Demo - Tiny"}')
    _, base_peak, _ = _probe("parse", tiny)
    result, peak, _ = _probe("parse", dense)
    assert result.returncode == 0 and result.stdout.strip() == "1", result.stderr
    assert peak - base_peak < 8 * size, (peak - base_peak) / size


def test_the_same_size_in_smaller_objects_is_refused(tmp_path: Path) -> None:
    sessions = [{"date": "2026-01-05", "mood": 5, "note": "x" * 40}] * 9_999
    episode = {"kind": "acute", "start_date": "2026-01-05", "planned_sessions": 16}
    client = {"name": "Demo", "episodes": [{**episode, "sessions": sessions}] * 20}
    denser = _file(tmp_path / "denser.json", json.dumps(client))
    result, _peak, elapsed = _probe("parse", denser)
    assert result.returncode == 2
    assert "holds more objects than an ipt-desktop export of its size has" in result.stderr
    assert elapsed < 15
