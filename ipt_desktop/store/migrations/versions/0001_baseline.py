"""Baseline schema: header, clients and their sealed records, drafts, settings, audit log.

Revision ID: 0001_baseline
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_baseline"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(36)


def _child_table(name: str, *extra: sa.Column[str]) -> None:
    op.create_table(
        name,
        sa.Column("id", ID, primary_key=True),
        sa.Column("client_id", ID, sa.ForeignKey("clients.id", ondelete="CASCADE"), nullable=False),
        *extra,
        sa.Column("order_key", sa.Integer, nullable=False),
        sa.Column("payload", sa.LargeBinary, nullable=False),
    )
    op.create_index(f"ix_{name}_client_id", name, ["client_id"])


def upgrade() -> None:
    op.create_table(
        "vault_header",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("body", sa.LargeBinary, nullable=False),
        sa.Column("mac", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "clients",
        sa.Column("id", ID, primary_key=True),
        sa.Column("order_key", sa.Integer, nullable=False),
        sa.Column("key_version", sa.Integer, nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary, nullable=False),
        sa.Column("payload", sa.LargeBinary, nullable=False),
        sa.Column("summary", sa.LargeBinary, nullable=True),
    )
    op.create_index("ix_clients_order_key", "clients", ["order_key"])
    _child_table("episodes")
    _child_table(
        "sessions",
        sa.Column(
            "episode_id", ID, sa.ForeignKey("episodes.id", ondelete="CASCADE"), nullable=False
        ),
    )
    op.create_index("ix_sessions_episode_id", "sessions", ["episode_id"])
    _child_table("inventory")
    _child_table("life_events")
    op.create_table(
        "drafts",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("client_id", ID, sa.ForeignKey("clients.id", ondelete="CASCADE"), nullable=True),
        sa.Column("payload", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_drafts_client_id", "drafts", ["client_id"])
    op.create_table(
        "settings",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("payload", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("payload", sa.LargeBinary, nullable=False),
        sa.Column("mac", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    for name in (
        "audit_log",
        "settings",
        "drafts",
        "life_events",
        "inventory",
        "sessions",
        "episodes",
        "clients",
        "vault_header",
    ):
        op.drop_table(name)
