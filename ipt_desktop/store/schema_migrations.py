"""Run the Alembic migrations shipped inside the package (works from a wheel or a bundle).

Alembic costs ~150 ms of imports, so opening a vault whose schema is already current does
not load it: the stored revision is compared with ``HEAD_REVISION`` (a test keeps that
constant equal to the newest migration file).
"""

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: The newest revision in migrations/versions (tests/core/vault/test_schema.py checks it).
HEAD_REVISION = "0004_manifest"


class SchemaTooNewError(Exception):
    """The database names a schema revision this version does not ship (a newer app wrote it)."""


def _config() -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest revision according to Alembic's own reading of the migration files."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or None for a database without a schema."""
    with engine.connect() as conn:
        try:
            row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        except OperationalError as exc:
            if "no such table" in str(exc.orig):
                return None
            raise
    return None if row is None else str(row[0])


def upgrade_to_head(engine: Engine) -> None:
    if current_revision(engine) == HEAD_REVISION:
        return
    from alembic import command
    from alembic.util.exc import CommandError

    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        try:
            command.upgrade(config, "head")
        except CommandError:
            raise SchemaTooNewError("unknown schema revision") from None
