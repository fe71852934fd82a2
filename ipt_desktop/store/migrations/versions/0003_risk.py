"""The risk layer: one table of sealed risk records (reviews, safety plan, decisions).

Revision ID: 0003_risk
Revises: 0001_baseline

The kind of each record is inside its sealed payload; the clear columns are the same as
every client table's (id, client, order, payload). Existing vaults get an empty table.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_risk"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None

ID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "risk_records",
        sa.Column("id", ID, primary_key=True),
        sa.Column("client_id", ID, sa.ForeignKey("clients.id", ondelete="CASCADE"), nullable=False),
        sa.Column("order_key", sa.Integer, nullable=False),
        sa.Column("payload", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_risk_records_client_id", "risk_records", ["client_id"])


def downgrade() -> None:
    op.drop_index("ix_risk_records_client_id", table_name="risk_records")
    op.drop_table("risk_records")
