"""Opening the SQLite file: pragmas on every connection, BEGIN IMMEDIATE for every transaction."""

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

DB_NAME = "vault.sqlite3"

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA secure_delete=ON",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA trusted_schema=OFF",
    "PRAGMA busy_timeout=5000",
)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN IMMEDIATE instead of pysqlite's own BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


#: Execution option that marks a connection as read-only work (see ``make_read_sessions``).
READS_ONLY = "ipt_reads_only"


def _on_begin(connection: Any) -> None:
    # Writes take the write lock up front (no deadlock-prone lock upgrade). Reads begin
    # deferred: under WAL they see a consistent snapshot and never hold up a save.
    if connection.get_execution_options().get(READS_ONLY):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def make_read_sessions(engine: Engine) -> sessionmaker[Session]:
    """Sessions for reads only: their transactions begin deferred instead of IMMEDIATE."""
    return sessionmaker(engine.execution_options(**{READS_ONLY: True}), expire_on_commit=False)


def checkpoint(engine: Engine) -> bool:
    """Fold the WAL into the main file and truncate it; True when it completed.

    Runs on a raw connection outside any transaction: a connection from ``engine.connect()``
    begins with BEGIN IMMEDIATE, and SQLite refuses a checkpoint inside a transaction.
    """
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        try:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            row = cursor.fetchone()
        finally:
            cursor.close()
    finally:
        raw.close()
    return row is not None and row[0] == 0


def integrity_problems(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
    problems = [str(r[0]) for r in rows]
    return [] if problems == ["ok"] else problems
