"""Order keys number each client's own rows; a save never scans everybody's rows."""

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, select

from ipt_desktop.domain.model import Client, Episode, InventoryPerson, Session
from ipt_desktop.services import clients, episodes, people, sessions
from ipt_desktop.store.tables import ClientChildRow, InventoryRow, SessionRow
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.vault import Vault
from tests.helpers.samples import full_record, store

DAY = dt.date(2026, 4, 6)


def order_keys(vault: Vault, row_type: type[ClientChildRow], client_id: str) -> list[int]:
    with vault.reading() as db:
        query = select(row_type.order_key).where(row_type.client_id == client_id)
        return list(db.scalars(query.order_by(row_type.order_key)))


def new_client(vault: Vault, name: str) -> Episode:
    client = Client(name=name)
    clients.create_client(vault, client)
    episode = Episode(client_id=client.id, start_date=DAY)
    episodes.save_episode(vault, episode)
    return episode


def test_each_client_numbers_its_own_rows(shared_vault: Vault) -> None:
    store(shared_vault, full_record())  # other clients' rows must not matter
    a, b = new_client(shared_vault, "Demo – Order A"), new_client(shared_vault, "Demo – Order B")
    for week in range(3):
        for episode in (a, b, a):
            day = DAY + dt.timedelta(days=7 * week + (episode is b))
            sessions.save_session(shared_vault, Session(episode.id, episode.client_id, day))
    assert order_keys(shared_vault, SessionRow, a.client_id) == list(range(1, 7))
    assert order_keys(shared_vault, SessionRow, b.client_id) == [1, 2, 3]


def test_people_keep_the_order_they_were_added_in(shared_vault: Vault) -> None:
    a, b = new_client(shared_vault, "Demo – People A"), new_client(shared_vault, "Demo – People B")
    added: dict[str, list[InventoryPerson]] = {a.client_id: [], b.client_id: []}
    for i, episode in enumerate((a, b, b, a, a, b, a)):
        person = InventoryPerson(client_id=episode.client_id, name=f"Person {i}")
        people.save_person(shared_vault, person)
        added[episode.client_id].append(person)
    first = added[a.client_id][0]
    people.save_person(shared_vault, dataclasses.replace(first, notes="edited later"))
    added[a.client_id][0] = dataclasses.replace(first, notes="edited later")
    for client_id, expected in added.items():
        assert list(clients.read_record(shared_vault, client_id).inventory) == expected
    assert order_keys(shared_vault, InventoryRow, a.client_id) == [1, 2, 3, 4]


@pytest.fixture
def statements(shared_vault: Vault) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(" ".join(statement.split()).lower())

    event.listen(shared_vault.engine, "before_cursor_execute", record)
    yield seen
    event.remove(shared_vault.engine, "before_cursor_execute", record)


def test_a_new_session_reads_only_its_clients_order_keys(
    shared_vault: Vault, statements: list[str]
) -> None:
    episode = new_client(shared_vault, "Demo – Order Query")
    statements.clear()
    sessions.save_session(shared_vault, Session(episode.id, episode.client_id, DAY))
    maxima = [s for s in statements if "max(" in s]
    assert maxima, "the order key was never read"
    assert all("where sessions.client_id = ?" in s for s in maxima), maxima


def test_an_import_numbers_new_clients_without_reading_any_maximum(
    shared_vault: Vault, statements: list[str]
) -> None:
    records = [full_record(name=f"Demo – Imported {i}") for i in range(3)]
    statements.clear()
    client_rows.add_records(shared_vault, records, AuditEvent.IMPORT)
    assert [s for s in statements if "max(" in s and "client_id" in s] == []
    for record in records:
        assert order_keys(shared_vault, SessionRow, record.client.id) == [1, 2, 3]
        assert clients.read_record(shared_vault, record.client.id) == record
