"""The schema: Alembic's head, the fast path that skips Alembic, a newer schema refused."""

import sqlite3
import subprocess
import sys

import pytest

from ipt_desktop.store.schema_migrations import HEAD_REVISION, current_revision, head_revision
from ipt_desktop.vault.errors import VaultDamagedError
from ipt_desktop.vault.vault import Vault
from tests.helpers import REPO


def test_head_constant_matches_the_newest_migration_file():
    assert head_revision() == HEAD_REVISION


def test_a_new_vault_is_stamped_with_the_head_revision(vault):
    assert current_revision(vault.engine) == HEAD_REVISION


def test_opening_a_current_vault_does_not_import_alembic(tmp_path, make_vault):
    make_vault(tmp_path / "v")[0].close()
    probe = (
        "import sys; from ipt_desktop.vault.vault import Vault; "
        "Vault.open(sys.argv[1]).close(); print('alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "v")],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_a_vault_from_a_newer_version_is_refused_clearly(tmp_path, make_vault):
    make_vault(tmp_path / "v")[0].close()
    with sqlite3.connect(tmp_path / "v" / "vault.sqlite3") as db:
        db.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    db.close()
    with pytest.raises(VaultDamagedError, match="newer version"):
        Vault.open(tmp_path / "v")
