"""The client list in chunks (issue 16, 20,000 clients): the chunks together are exactly
``list_clients`` (same order, same damaged clients, the same summaries), and a client added
or deleted between two chunks is listed once or not at all."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.model import Client
from ipt_desktop.services import clients
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE

CLIENTS = 11


@pytest.fixture
def listed_vault(vault_dir: Path) -> Iterator[tuple[Vault, list[str]]]:
    """A vault of 11 clients whose 2nd, 6th and 7th have a flipped summary, key or manifest
    (damaged where chunks begin and end)."""
    vault, _recovery = Vault.create(vault_dir, PASSPHRASE, kdf=floor_params())
    made = [Client(name=f"Demo – Chunk {CLIENTS - i:02d}") for i in range(CLIENTS)]
    for client in made:
        clients.create_client(vault, client)
    vault.close()
    conn = sqlite3.connect(vault_dir / "vault.sqlite3")
    for index, (table, column, key) in {
        1: ("clients", "summary", "id"),
        5: ("clients", "wrapped_key", "id"),
        6: ("client_manifests", "payload", "client_id"),
    }.items():
        query = f"SELECT {column} FROM {table} WHERE {key} = ?"
        (blob,) = conn.execute(query, (made[index].id,)).fetchone()
        flipped = bytearray(blob)
        flipped[-3] ^= 0x01
        update = f"UPDATE {table} SET {column} = ? WHERE {key} = ?"
        conn.execute(update, (bytes(flipped), made[index].id))
    conn.commit()
    conn.close()
    opened = Vault.open(vault_dir)
    opened.unlock(PASSPHRASE)
    yield opened, [c.id for c in made]
    opened.close()


@pytest.mark.parametrize(("first", "size"), [(1, 1), (2, 3), (5, 5), (4, 100), (300, 1000)])
def test_the_chunks_together_are_the_whole_listing(
    listed_vault: tuple[Vault, list[str]], first: int, size: int
) -> None:
    vault, made = listed_vault
    whole = clients.list_clients(vault)
    assert len(whole.damaged) == 3 and len(whole.summaries) == CLIENTS - 3  # the attack held
    chunks = list(clients.list_clients_in_chunks(vault, first=first, size=size))
    assert [s for c in chunks for s in c.listing.summaries] == whole.summaries
    assert [d for c in chunks for d in c.listing.damaged] == whole.damaged
    listed = [s.client_id for s in whole.summaries] + [d.client_id for d in whole.damaged]
    assert sorted(listed) == sorted(made)
    assert [s.client_id for s in whole.summaries] == [
        cid for cid in made if cid not in {d.client_id for d in whole.damaged}
    ]  # the order they were added in, not by name
    sizes = [len(c.listing.summaries) + len(c.listing.damaged) for c in chunks]
    assert sizes[0] == min(first, CLIENTS)
    assert all(n == size for n in sizes[1:-1])
    assert [c.done for c in chunks] == [False] * (len(chunks) - 1) + [True]
    assert {c.total for c in chunks} == {CLIENTS}
    newest = list(clients.list_clients_in_chunks(vault, first=first, size=size, newest_first=True))
    assert [s for c in newest for s in c.listing.summaries] == whole.summaries[::-1]
    assert [d for c in newest for d in c.listing.damaged] == whole.damaged[::-1]


def test_a_client_added_or_deleted_between_chunks_is_listed_once_or_not_at_all(
    listed_vault: tuple[Vault, list[str]],
) -> None:
    vault, made = listed_vault
    first = clients.list_chunk(vault, None, 3)
    added = Client(name="Demo – Added While Loading")
    clients.create_client(vault, added)
    clients.delete_client(vault, made[8])  # not read yet
    clients.delete_client(vault, made[0])  # read already: the GUI removes its row itself
    rest = clients.list_chunk(vault, first.last, 100)
    assert rest.done and rest.total == CLIENTS - 1  # one added, two deleted
    ids = [s.client_id for c in (first, rest) for s in c.listing.summaries]
    ids += [d.client_id for c in (first, rest) for d in c.listing.damaged]
    assert ids.count(added.id) == 1 and rest.listing.summaries[-1].client_id == added.id
    assert made[8] not in ids
    assert len(ids) == len(set(ids)) == CLIENTS  # made[0] was read before it went


def test_newest_first_a_client_added_meanwhile_is_in_no_later_chunk(
    listed_vault: tuple[Vault, list[str]],
) -> None:
    vault, made = listed_vault
    first = clients.list_chunk(vault, None, 3, newest_first=True)
    assert [s.client_id for s in first.listing.summaries] == made[:-4:-1]
    added = Client(name="Demo – Added While Loading")
    clients.create_client(vault, added)  # the GUI lists it itself (refreshClient)
    rest = clients.list_chunk(vault, first.last, 100, newest_first=True)
    ids = [s.client_id for s in rest.listing.summaries] + [
        d.client_id for d in rest.listing.damaged
    ]
    assert added.id not in ids and sorted(ids) == sorted(made[:-3])


def test_an_empty_vault_is_one_chunk_that_is_done(vault: Vault) -> None:
    (chunk,) = clients.list_clients_in_chunks(vault)
    assert chunk.done and chunk.total == 0 and chunk.last is None
    assert chunk.listing == clients.ClientListing([], [])
