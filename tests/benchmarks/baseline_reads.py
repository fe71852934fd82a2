"""The floor: the same reads and writes on the plain SQLite file (JSON, no crypto, no ORM).

Each function does what the vault operation it stands beside must do at the least: read
the same rows and parse their JSON (and, for a save, write the same rows with the same
durability: WAL, ``synchronous=FULL``, one transaction).
"""

import hashlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from .synthetic_vault import baseline_connection

CHILD_TABLES = ("episodes", "sessions", "inventory", "life_events")


class Baseline:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = baseline_connection(path)

    def close(self) -> None:
        self.conn.close()

    def unlock(self) -> dict[str, Any]:
        """The header read (there is no key to derive or unwrap)."""
        row = self.conn.execute("SELECT body FROM header WHERE id = 1").fetchone()
        header: dict[str, Any] = json.loads(row[0])
        return header

    def client_list(self) -> list[dict[str, Any]]:
        self.unlock()
        rows = self.conn.execute("SELECT id, summary FROM clients ORDER BY order_key")
        return [{"id": cid, **json.loads(summary)} for cid, summary in rows]

    def open_client(self, client_id: str) -> dict[str, Any]:
        row = self.conn.execute("SELECT payload FROM clients WHERE id = ?", (client_id,))
        record: dict[str, Any] = {"client": json.loads(row.fetchone()[0])}
        for table in CHILD_TABLES:
            rows = self.conn.execute(
                f"SELECT payload FROM {table} WHERE client_id = ? ORDER BY order_key",
                (client_id,),
            )
            record[table] = [json.loads(payload) for (payload,) in rows]
        return record

    def save_session(
        self,
        session_id: str,
        client_id: str,
        episode_id: str,
        payload: dict[str, Any],
        summary: dict[str, Any],
    ) -> None:
        """The session row and the client's summary, in one durable transaction."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            order = conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM sessions").fetchone()
            conn.execute(
                "INSERT OR REPLACE INTO sessions (id, client_id, episode_id, order_key, payload)"
                " VALUES (?, ?, ?, ?, ?)",
                (session_id, client_id, episode_id, order[0], json.dumps(payload)),
            )
            conn.execute(
                "UPDATE clients SET summary = ? WHERE id = ?", (json.dumps(summary), client_id)
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def search(self, query: str) -> list[tuple[str, str]]:
        """(client id, field) of every text containing ``query``, caseless."""
        needle = query.casefold()
        hits: list[tuple[str, str]] = []
        for table in ("clients", *CHILD_TABLES):
            owner = "id" if table == "clients" else "client_id"
            for client_id, payload in self.conn.execute(f"SELECT {owner}, payload FROM {table}"):
                for name, text in _texts(json.loads(payload)):
                    if needle in text.casefold():
                        hits.append((client_id, name))
        return hits

    def verify(self) -> int:
        """SQLite's integrity check and every row read and parsed."""
        problems = self.conn.execute("PRAGMA integrity_check").fetchall()
        assert problems == [("ok",)], problems
        count = 0
        for table in ("clients", *CHILD_TABLES):
            for (payload,) in self.conn.execute(f"SELECT payload FROM {table}"):
                json.loads(payload)
                count += 1
        return count

    def backup(self, dest: Path) -> str:
        """SQLite's backup API into a file, fsynced, then read back and hashed."""
        target = sqlite3.connect(dest)
        try:
            self.conn.backup(target)
        finally:
            target.close()
        with dest.open("rb+") as stream:
            os.fsync(stream.fileno())
        digest = hashlib.sha256(dest.read_bytes()).hexdigest()
        dest.unlink()
        return digest


def _texts(data: object, name: str = "") -> list[tuple[str, str]]:
    """Every string in a parsed payload with its field name (keys, dates and ids too)."""
    if isinstance(data, str):
        return [(name, data)]
    if isinstance(data, dict):
        return [pair for key, value in data.items() for pair in _texts(value, key)]
    if isinstance(data, list):
        return [pair for value in data for pair in _texts(value, name)]
    return []
