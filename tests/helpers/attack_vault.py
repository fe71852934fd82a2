"""A small fictional practice written through the services, and raw SQL on the vault file,
for the attacks of issue 14 (the attacker has a copy of the folder and ``sqlite3``)."""

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ipt_desktop.domain.model import Client, Episode, Session, SessionNote
from ipt_desktop.services import clients, episodes, sessions
from ipt_desktop.vault.vault import Vault

START = dt.date(2026, 2, 2)
SIGNED_AT = dt.datetime(2026, 2, 2, 18, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Practice:
    client: str  # first client's id
    acute: str  # its first episode
    maintenance: str  # its second episode
    signed: str  # a signed (and later amended) session in ``acute``
    plain: list[str]  # two unsigned sessions in ``acute``
    other_client: str
    other_episode: str


def build_practice(vault: Vault) -> Practice:
    first = Client(name="Demo – Attack One")
    second = Client(name="Demo – Attack Two")
    for client in (first, second):
        clients.create_client(vault, client)
    acute = Episode(client_id=first.id, start_date=START, planned_sessions=12)
    maintenance = Episode(
        client_id=first.id, start_date=START + dt.timedelta(days=120), planned_sessions=6
    )
    other = Episode(client_id=second.id, start_date=START, planned_sessions=12)
    for episode in (acute, maintenance, other):
        episodes.save_episode(vault, episode)
    notes = []
    for week in range(3):
        note = Session(
            episode_id=acute.id,
            client_id=first.id,
            date=START + dt.timedelta(days=7 * week),
            mood=4 + week,
            phq9=(1, 1, 1, 1, 1, 1, 1, 1, 0),
            note=SessionNote(since_last_met=f"Fictional answer {week}"),
        )
        sessions.save_session(vault, note)
        notes.append(note.id)
    sessions.save_session(
        vault, Session(episode_id=other.id, client_id=second.id, date=START, mood=5)
    )
    sessions.sign_session(vault, first.id, notes[0], SIGNED_AT)
    return Practice(first.id, acute.id, maintenance.id, notes[0], notes[1:], second.id, other.id)


@contextmanager
def raw_sql(root: Path) -> Iterator[sqlite3.Connection]:
    """The vault file as an attacker opens it: plain sqlite3, foreign keys off (default)."""
    conn = sqlite3.connect(root / "vault.sqlite3")
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


def row_state(root: Path, table: str, row_id: str) -> tuple[bytes, int]:
    """(payload, version) of one row, to be put back later."""
    with raw_sql(root) as conn:
        payload, version = conn.execute(
            f"SELECT payload, version FROM {table} WHERE id = ?", (row_id,)
        ).fetchone()
    return bytes(payload), int(version)
