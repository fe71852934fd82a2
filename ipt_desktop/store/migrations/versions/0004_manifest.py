"""Sealed manifests: a write counter on every record row and one manifest per client.

The counters start at 0 ("written before manifests"); the vault re-seals every row with
the new associated data and writes the manifests at the next unlock (it needs the keys,
so it cannot happen here: see ipt_desktop/vault/manifest_upgrade.py).

Revision ID: 0004_manifest
Revises: 0003_risk
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_manifest"
down_revision = "0003_risk"
branch_labels = None
depends_on = None

RECORD_TABLES = ("clients", "episodes", "sessions", "inventory", "life_events", "risk_records")


def upgrade() -> None:
    for table in RECORD_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="0"))
    with op.batch_alter_table("clients") as batch:
        batch.add_column(
            sa.Column("summary_version", sa.Integer, nullable=False, server_default="0")
        )
    op.create_table(
        "client_manifests",
        sa.Column("client_id", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("digest", sa.LargeBinary, nullable=False),
        sa.Column("payload", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("client_manifests")
    with op.batch_alter_table("clients") as batch:
        batch.drop_column("summary_version")
    for table in RECORD_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
