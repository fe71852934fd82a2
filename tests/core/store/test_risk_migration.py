"""A vault written before the risk layer (the release at 0aadc0d, kept as a fixture) opens,
gains the empty risk_records table through the 0003_risk migration, and its records read
with no risk records after the unlock-time upgrade."""

import shutil
from pathlib import Path

from sqlalchemy import create_engine, inspect

from ipt_desktop.services import clients
from ipt_desktop.store.schema_migrations import HEAD_REVISION, current_revision
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE

FIXTURE = Path(__file__).parents[2] / "security" / "fixtures" / "release_0aadc0d.sqlite3"


def test_a_vault_from_before_the_risk_layer_is_migrated_and_still_reads(tmp_path: Path) -> None:
    root = tmp_path / "v"
    root.mkdir()
    shutil.copy(FIXTURE, root / "vault.sqlite3")
    before = inspect_tables(root / "vault.sqlite3")
    assert "risk_records" not in before and "clients" in before
    reopened = Vault.open(root)
    try:
        assert current_revision(reopened.engine) == HEAD_REVISION
        assert "risk_records" in inspect(reopened.engine).get_table_names()
        reopened.unlock(PASSPHRASE)
        summaries = clients.list_summaries(reopened)
        assert len(summaries) == 2
        for summary in summaries:
            record = clients.read_record(reopened, summary.client_id)
            assert record.risk_reviews == () and record.safety_plan is None
            assert record.sessions  # the clinical content survived the migrations
    finally:
        reopened.close()


def inspect_tables(path: Path) -> list[str]:

    engine = create_engine(f"sqlite:///{path}")
    try:
        return inspect(engine).get_table_names()
    finally:
        engine.dispose()
