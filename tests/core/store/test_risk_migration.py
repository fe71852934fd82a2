"""A vault written before the risk layer opens, gains the empty risk_records table through
the 0003_risk migration, and its records read with no risk records."""

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from ipt_desktop.domain.model import Client
from ipt_desktop.services import clients
from ipt_desktop.store import schema_migrations
from ipt_desktop.store.schema_migrations import HEAD_REVISION, current_revision
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE


def _before_risk() -> str:
    """The revision 0003_risk follows (whatever the chain is once migrations are merged)."""
    script = ScriptDirectory.from_config(schema_migrations._config())
    revision = script.get_revision("0003_risk")
    assert revision is not None and isinstance(revision.down_revision, str)
    return revision.down_revision


def test_a_vault_from_before_the_risk_layer_is_migrated_and_still_reads(tmp_path, make_vault):
    root = tmp_path / "v"
    vault, _ = make_vault(root)
    client = Client(name="Demo – Before The Risk Layer")
    clients.create_client(vault, client)
    vault.close()
    # Alembic's own downgrade: the database as the previous version left it.
    engine = create_engine(f"sqlite:///{root / 'vault.sqlite3'}")
    config = schema_migrations._config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, _before_risk())
    assert "risk_records" not in inspect(engine).get_table_names()
    engine.dispose()
    reopened = Vault.open(root)
    try:
        assert current_revision(reopened.engine) == HEAD_REVISION
        assert "risk_records" in inspect(reopened.engine).get_table_names()
        reopened.unlock(PASSPHRASE)
        record = clients.read_record(reopened, client.id)
        assert record.client.name == client.name
        assert record.risk_reviews == () and record.safety_plan is None
    finally:
        reopened.close()
