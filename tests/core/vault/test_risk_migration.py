"""A vault written before the risk layer (schema 0001_baseline) opens, gains the empty
risk_records table, and its records read with no risk records."""

import sqlite3

from conftest import PASSPHRASE

from ipt_desktop.domain.model import Client
from ipt_desktop.services import clients
from ipt_desktop.store.schema_migrations import HEAD_REVISION, current_revision
from ipt_desktop.vault.vault import Vault


def test_a_baseline_vault_is_migrated_and_still_reads(tmp_path, make_vault):
    root = tmp_path / "v"
    vault, _ = make_vault(root)
    client = Client(name="Demo – Before The Risk Layer")
    clients.create_client(vault, client)
    vault.close()
    # Undo 0003_risk by hand: what a vault of the previous version looks like.
    with sqlite3.connect(root / "vault.sqlite3") as db:
        db.execute("DROP TABLE risk_records")
        db.execute("UPDATE alembic_version SET version_num = '0001_baseline'")
    db.close()
    reopened = Vault.open(root)
    try:
        assert current_revision(reopened.engine) == HEAD_REVISION == "0003_risk"
        reopened.unlock(PASSPHRASE)
        record = clients.read_record(reopened, client.id)
        assert record.client.name == client.name
        assert record.risk_reviews == () and record.safety_plan is None
    finally:
        reopened.close()
