"""The in-memory index finds exactly what a full decrypt-and-scan finds (issue 16), after
random saves, deletes and imports of notes in several scripts; and a save that updates the
summary from the kept record leaves the same summary a full read would make (issue 17)."""

import dataclasses
import datetime as dt
import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    rule,
)
from sqlalchemy import select

from ipt_desktop.domain.model import (
    Client,
    ClientRecord,
    Episode,
    InventoryPerson,
    Session,
    SessionNote,
)
from ipt_desktop.domain.search import SearchHit, query_terms, search_record, words
from ipt_desktop.domain.summary import summarize
from ipt_desktop.services import (
    client_search,
    clients,
    interchange,
    people,
    practice_memory,
    sessions,
)
from ipt_desktop.store.tables import ClientRow
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.vault import Vault

DAY = dt.date(2026, 3, 2)
#: Latin with accents (composed and not), Greek with final sigma, Cyrillic, Chinese,
#: Japanese, Arabic, Thai, emoji, digits, and what separates words.
ALPHABET = (
    "abcelnorstxzÉéèßẞΣσςΟοЖжйИи北京中文家族ありがとうاأبتفسคนไทย🙂👍🏽0123456789"
    " ,.-'\n\u0301\u0308"
)
texts = st.text(alphabet=ALPHABET, max_size=50)


def reference(vault: Vault, query: str) -> list[SearchHit]:
    """Every record decrypted and decoded in full, then domain.search_record."""
    hits: list[SearchHit] = []
    with vault.reading() as db:
        ids = db.scalars(select(ClientRow.id).order_by(ClientRow.order_key)).all()
        for client_id in ids:
            hits.extend(search_record(client_rows.read_record(vault, db, client_id), query))
    return hits


@pytest.fixture(scope="module")
def index_vault(shared_vault: Vault) -> Iterator[Vault]:
    yield shared_vault
    practice_memory.forget(shared_vault)


def a_record(name: str, note: str, other: str) -> ClientRecord:
    client = Client(name=f"Fictional {name}".replace("\n", " ").strip())
    episode = Episode(client_id=client.id, start_date=DAY)
    session = Session(
        episode.id, client.id, DAY, note=SessionNote(note=note, homework=other, plan=note)
    )
    person = InventoryPerson(client_id=client.id, name="Person", notes=other)
    return ClientRecord(client, (episode,), (session,), (person,))


class IndexAgainstScan(RuleBasedStateMachine):
    vault: Vault
    records = Bundle("records")
    notes = Bundle("notes")

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = ["fictional", "person"]
        self.deleted: set[str] = set()

    @initialize(target=records, name=texts, note=texts, other=texts)
    def build(self, name: str, note: str, other: str) -> tuple[str, str]:
        """A fresh index over whatever the vault already holds, then one more import."""
        practice_memory.forget(self.vault)
        assert practice_memory.build_index(self.vault)
        return self.import_record(name, note, other)

    @rule(target=records, name=texts, note=texts, other=texts)
    def import_record(self, name: str, note: str, other: str) -> tuple[str, str]:
        record = a_record(name, note, other)
        interchange.import_records(self.vault, [record])
        self.words += words(name + " " + note + " " + other)
        return record.client.id, record.episodes[0].id

    @rule(target=notes, owner=records, note=texts, other=texts)
    def save_new_note(self, owner: tuple[str, str], note: str, other: str) -> Session:
        session = Session(owner[1], owner[0], DAY, note=SessionNote(note=note, role_play=other))
        sessions.save_session(self.vault, session)
        self.words += words(note + " " + other)
        return session

    @rule(target=notes, session=consumes(notes), note=texts)
    def edit_note(self, session: Session, note: str) -> Session:
        edited = dataclasses.replace(session, note=SessionNote(note=note))
        if session.client_id in self.deleted:
            with pytest.raises(LookupError):
                sessions.save_session(self.vault, edited)
            return edited
        sessions.save_session(self.vault, edited)
        self.words += words(note)
        return edited

    @rule(session=consumes(notes))
    def delete_note(self, session: Session) -> None:
        if session.client_id in self.deleted:
            with pytest.raises(LookupError):
                sessions.delete_session(self.vault, session.client_id, session.id)
            return
        sessions.delete_session(self.vault, session.client_id, session.id)

    @rule(owner=records, notes=texts)
    def add_person(self, owner: tuple[str, str], notes: str) -> None:
        people.save_person(self.vault, InventoryPerson(client_id=owner[0], name="P", notes=notes))
        self.words += words(notes)

    @rule(owner=consumes(records))
    def delete_client(self, owner: tuple[str, str]) -> None:
        clients.delete_client(self.vault, owner[0])
        self.deleted.add(owner[0])

    @rule(data=st.data())
    def search(self, data: st.DataObject) -> None:
        known = st.sampled_from(self.words).map(lambda w: w[: max(1, len(w) // 2)])
        query = data.draw(
            st.one_of(known, st.builds(" ".join, st.lists(known, min_size=2, max_size=2)), texts)
        )
        expected = reference(self.vault, query)
        result = client_search.search(self.vault, query, limit=5)
        assert result.from_index, "every write went through the services: the index is current"
        assert result.total == len(expected)
        assert result.hits == expected[:5]
        assert result.client_ids == {hit.client_id for hit in expected}
        assert client_search.search_all(self.vault, query) == expected
        if query_terms(query):
            assert client_search.search(self.vault, query, limit=0).total == len(expected)

    @invariant()
    def summaries_are_those_of_a_full_read(self) -> None:
        for summary in clients.list_summaries(self.vault):
            assert summary == summarize(clients.read_record(self.vault, summary.client_id))


@pytest.fixture
def machine(index_vault: Vault) -> type[IndexAgainstScan]:
    IndexAgainstScan.vault = index_vault
    return IndexAgainstScan


def test_the_index_gives_the_hits_of_a_full_scan(machine: type[IndexAgainstScan]) -> None:
    run = settings(
        max_examples=int(os.environ.get("H16_EXAMPLES", "25")),
        phases=[Phase.explicit, Phase.reuse, Phase.generate]
        if os.environ.get("H16_NO_SHRINK")
        else list(Phase),
        stateful_step_count=12,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )(machine)
    run.TestCase().runTest()


def test_a_write_made_behind_its_back_drops_the_index(index_vault: Vault) -> None:
    record = a_record("Fictional Behind", "kestrelword", "")
    interchange.import_records(index_vault, [record])
    practice_memory.forget(index_vault)
    assert practice_memory.build_index(index_vault)
    assert client_search.search(index_vault, "kestrelword").from_index
    # A write no service told the memory about (as a future service might forget to).
    session = record.sessions[0]
    changed = dataclasses.replace(session, note=SessionNote(note="falconword"))
    with index_vault.transaction(None) as db:
        client_rows.put_child(
            index_vault, db, client_rows.SessionRow, session.client_id, session.id,
            client_rows.session_payload(changed), episode_id=session.episode_id,
        )  # fmt: skip
    result = client_search.search(index_vault, "falconword")
    assert not result.from_index  # the scan answered, and it sees the change
    assert [h.session_id for h in result.hits] == [session.id] * 1
    assert client_search.search(index_vault, "kestrelword").total == 0
    assert practice_memory.kept_record(index_vault, record.client.id) is None


def test_lock_drops_the_index_and_the_kept_records(index_vault: Vault) -> None:
    record = a_record("Fictional Kept", "ospreyword", "")
    interchange.import_records(index_vault, [record])
    clients.load_record(index_vault, record.client.id)
    assert practice_memory.build_index(index_vault)
    assert practice_memory.kept_record(index_vault, record.client.id) is not None
    memory = practice_memory.memory_of(index_vault)
    practice_memory.forget(index_vault)
    assert memory.index is None and not memory.records
    assert not practice_memory.index_is_ready(index_vault)


def test_writes_made_while_the_index_builds_are_replayed_on_it(
    index_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = a_record("Fictional Meanwhile", "ploverword", "")
    interchange.import_records(index_vault, [record])
    practice_memory.forget(index_vault)
    read_everything = practice_memory._read_everything
    session = record.sessions[0]

    def read_then_save(vault: Vault) -> object:
        index = read_everything(vault)  # the notes are read; the save comes after
        sessions.save_session(
            vault, dataclasses.replace(session, note=SessionNote(note="ternword"))
        )
        return index

    monkeypatch.setattr(practice_memory, "_read_everything", read_then_save)
    assert practice_memory.build_index(index_vault)
    found = client_search.search(index_vault, "ternword")
    assert found.from_index and [h.session_id for h in found.hits] == [session.id]
    assert client_search.search(index_vault, "ternword").total == 1
    assert client_search.search(index_vault, "plover").total == 0  # the old text is gone

    def read_then_write_behind(vault: Vault) -> object:
        index = read_everything(vault)
        with vault.transaction(None):
            pass  # a write no service told the memory about
        return index

    practice_memory.forget(index_vault)
    monkeypatch.setattr(practice_memory, "_read_everything", read_then_write_behind)
    assert not practice_memory.build_index(index_vault)  # never trusted: it may be stale
    assert not client_search.search(index_vault, "ternword").from_index
    writes = iter([True])  # one stale build, then a quiet one: the second try is kept

    def once_behind(vault: Vault) -> object:
        return read_then_write_behind(vault) if next(writes, False) else read_everything(vault)

    monkeypatch.setattr(practice_memory, "_read_everything", once_behind)
    assert practice_memory.build_index(index_vault)
    assert client_search.search(index_vault, "ternword").from_index


def test_one_summary_is_the_one_the_list_shows(index_vault: Vault) -> None:
    record = a_record("Fictional Summary", "wrenword", "")
    interchange.import_records(index_vault, [record])
    listed = {s.client_id: s for s in clients.list_summaries(index_vault)}
    assert clients.summary_of(index_vault, record.client.id) == listed[record.client.id]
    assert clients.summary_of(index_vault, "no-such-client") is None
