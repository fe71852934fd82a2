"""The Alembic migrations ship inside the package and run from an installed wheel."""

import subprocess
import sys

from tests.helpers import REPO

SCRIPT = """
import sys, pathlib
import ipt_desktop
from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.vault.vault import Vault
from ipt_desktop.store.schema_migrations import HEAD_REVISION, current_revision, head_revision
installed_from = pathlib.Path(ipt_desktop.__file__)
assert installed_from.is_relative_to(pathlib.Path(sys.argv[1])), installed_from
vault, _ = Vault.create(pathlib.Path(sys.argv[2]), "candle river orbit maple", kdf=floor_params())
assert current_revision(vault.engine) == head_revision() == HEAD_REVISION == "0004_manifest"
with vault.engine.connect() as conn:
    tables = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
assert "risk_records" in tables, tables
assert "client_manifests" in tables, tables
vault.close()
print("migrated from the wheel")
"""


def test_installed_wheel_creates_and_migrates_a_vault(tmp_path):
    dist = tmp_path / "dist"
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = dist.glob("ipt_desktop-*.whl")
    site = tmp_path / "site"
    installed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(site),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    versions = site / "ipt_desktop/store/migrations/versions"
    assert (versions / "0001_baseline.py").is_file()
    assert (versions / "0003_risk.py").is_file()
    ran = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(site), str(tmp_path / "vault")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site)},
    )
    assert ran.returncode == 0, ran.stderr
    assert "migrated from the wheel" in ran.stdout
