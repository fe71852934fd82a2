"""How the search index is built (services.index_build): in batches of clients that give the
index of one read, without the rows it cannot open, with no object per row or entry for
the garbage collector to walk, and with the heap frozen out of collections only while it
builds."""

import datetime as dt
import gc
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from ipt_desktop.domain.model import Client, ClientRecord, Episode, Session, SessionNote
from ipt_desktop.domain.search import query_terms
from ipt_desktop.services import (
    client_search,
    collector_hold,
    index_build,
    interchange,
    practice_memory,
)
from ipt_desktop.services.search_index import SearchIndex
from ipt_desktop.vault.vault import Vault

DAY = dt.date(2026, 3, 2)
QUERIES = ("fict", "heron", "alder", "wren", "heron alder", "crane", "Élo", "北")


def a_record(number: int) -> ClientRecord:
    client = Client(name=f"Fictional Élodie {number}")
    episode = Episode(client_id=client.id, start_date=DAY)
    notes = [
        SessionNote(note=f"heron {number} alder", homework="wren" if number % 3 else "crane"),
        SessionNote(note="北京 heron", plan=f"alder{number}"),
    ]
    found = tuple(Session(episode.id, client.id, DAY, note=note) for note in notes)
    return ClientRecord(client, (episode,), found)


@pytest.fixture(scope="module")
def practice(shared_vault: Vault) -> Iterator[tuple[Vault, list[ClientRecord]]]:
    records = [a_record(n) for n in range(11)]
    interchange.import_records(shared_vault, records)
    yield shared_vault, records
    practice_memory.forget(shared_vault)


def answers(index: SearchIndex) -> list[object]:
    found: list[object] = []
    for query in QUERIES:
        entries = index.matching(query_terms(query))
        pages = [
            (client, [(r.table, r.row_id) for r in refs])
            for client, refs in index.first_rows(entries, 5)
        ]
        found.append((query, len(entries), pages, sorted(index.clients_of(entries))))
    return found


@pytest.mark.parametrize("batch", [1, 3, 64])
def test_any_batch_size_gives_the_index_of_one_read(
    practice: tuple[Vault, list[ClientRecord]], batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, records = practice
    whole = answers(index_build.read_everything(vault))
    monkeypatch.setattr(index_build, "BATCH_CLIENTS", batch)
    assert answers(index_build.read_everything(vault)) == whole
    heron = dict((q, n) for q, n, *_rest in whole)["heron"]
    assert heron == 2 * len(records)  # both notes of every client: nothing read twice or lost


def test_a_note_that_does_not_open_is_left_out_and_the_rest_is_indexed(
    vault: Vault, vault_dir: Path
) -> None:
    records = [a_record(n) for n in range(3)]
    interchange.import_records(vault, records)
    damaged = records[1].sessions[0]
    with sqlite3.connect(vault_dir / "vault.sqlite3") as db:  # attack the file itself
        (payload,) = db.execute(
            "SELECT payload FROM sessions WHERE id = ?", (damaged.id,)
        ).fetchone()
        flipped = payload[:-1] + bytes([payload[-1] ^ 1])
        db.execute("UPDATE sessions SET payload = ? WHERE id = ?", (flipped, damaged.id))
    assert practice_memory.build_index(vault)
    result = client_search.search(vault, "heron")
    assert result.from_index
    assert result.total == 2 * len(records) - 1
    assert damaged.id not in {hit.session_id for hit in result.hits}
    assert client_search.search(vault, "北").total == len(records)  # its other note is there
    practice_memory.forget(vault)


def test_the_index_keeps_no_object_per_row_for_the_collector() -> None:
    """A full collection walks every tracked object while it holds the interpreter (the
    window waits): the index may add one per word and one per client (their arrays), never
    one per row or per entry."""
    vocabulary = ["heron", "wren", "alder", "北", "京"]
    gc.collect()
    before = len(gc.get_objects())
    index = SearchIndex()
    for row in range(3000):
        text = " ".join(["heron", *vocabulary[1 + row % 4 :]])
        index.put_row(f"client-{row % 30}", "sessions", f"row-{row}", [text, "heron"])
    for row in range(0, 3000, 7):
        index.remove_row(f"row-{row}")
    gc.collect()
    assert len(gc.get_objects()) - before < 30 + len(vocabulary) + 20
    assert len(index.matching(("heron",))) == 2 * (3000 - len(range(0, 3000, 7)))


def test_the_heap_is_frozen_out_of_collections_only_while_building(
    practice: tuple[Vault, list[ClientRecord]], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _records = practice
    assert gc.get_freeze_count() == 0
    seen: list[int] = []
    index_batch = index_build._index_batch

    def watched(vault: Vault, index: SearchIndex, batch: list[str]) -> None:
        seen.append(gc.get_freeze_count())
        index_batch(vault, index, batch)

    monkeypatch.setattr(index_build, "_index_batch", watched)
    index_build.read_everything(vault)
    assert seen and all(count > 0 for count in seen)
    assert gc.get_freeze_count() == 0  # everything collectable again

    def failing(vault: Vault, index: SearchIndex, batch: list[str]) -> None:
        raise RuntimeError("stopped")

    monkeypatch.setattr(index_build, "_index_batch", failing)
    with pytest.raises(RuntimeError):
        index_build.read_everything(vault)
    assert gc.get_freeze_count() == 0


def test_a_build_leaves_the_held_client_list_frozen_until_the_lock(
    practice: tuple[Vault, list[ClientRecord]],
) -> None:
    """The list the window loaded is held out of collections until the lock; a build that
    ended by unfreezing everything would hand it back to every full collection."""
    vault, _records = practice
    assert gc.get_freeze_count() == 0
    kept = [{"loaded": n} for n in range(500)]  # what the list loaded (tracked objects)
    collector_hold.hold_loaded()
    try:
        held = gc.get_freeze_count()
        assert held >= len(kept)
        index_build.read_everything(vault)
        assert collector_hold.is_held()
        assert gc.get_freeze_count() >= held  # nothing handed back by the build
    finally:
        collector_hold.release_at_lock()
    assert not collector_hold.is_held()
    assert gc.get_freeze_count() == 0
