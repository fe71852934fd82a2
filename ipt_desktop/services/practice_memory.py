"""What one unlock keeps in memory, in plaintext, and nowhere else (issue 16):

* the search index (services.search_index), built by ``build_index`` (a background task
  in the GUI) and then kept current by every write the services make;
* the last few records opened or saved, so a save updates the client's summary from what
  changed instead of decrypting the whole record again (issue 17).

Both are only trusted at the vault's write *generation* they were made at (every
transaction bumps it). Each write a service makes runs inside ``tracked``, which carries
the memory from the generation before the write to the one after, applying what changed.
A write made any other way (a new service forgetting ``tracked``, a restore) leaves the
memory behind: the records are forgotten and the index is dropped, so a search falls back
to the scan and a save to a full read, slower but never wrong. ``forget`` drops all of it
(lock, close).
"""

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from ipt_desktop.domain.model import ClientRecord
from ipt_desktop.store.tables import (
    ClientChildRow,
    EpisodeRow,
    InventoryRow,
    LifeEventRow,
    SessionRow,
)
from ipt_desktop.vault import codec
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.vault import Vault

from . import index_build
from .search_index import SearchIndex
from .search_texts import payload_texts

#: Records kept for quick saves (the ones being worked on; each is a few MB at most).
KEPT_RECORDS = 4


@dataclass
class Changes:
    """What one write changed, told to ``tracked`` by the service making it."""

    rows: list[tuple[str, str, str, Any]] = field(default_factory=list)
    removed_rows: list[str] = field(default_factory=list)
    removed_clients: list[str] = field(default_factory=list)
    records: list[ClientRecord] = field(default_factory=list)
    dropped_records: list[str] = field(default_factory=list)

    def row(self, client_id: str, table: str, row_id: str, data: Any) -> None:
        """A row written with this payload (``table`` "clients" for the client's own)."""
        self.rows.append((client_id, table, row_id, data))

    def removed_row(self, row_id: str) -> None:
        self.removed_rows.append(row_id)

    def removed_client(self, client_id: str) -> None:
        self.removed_clients.append(client_id)
        self.dropped_records.append(client_id)

    def record(self, record: ClientRecord) -> None:
        """The client's whole record as it now is in the vault."""
        self.records.append(record)

    def dropped_record(self, client_id: str) -> None:
        """The client changed in a way not given as a whole record: forget the copy."""
        self.dropped_records.append(client_id)

    def whole_record(self, record: ClientRecord) -> None:
        """A client written whole (an import): every row of it, and the record itself."""
        cid = record.client.id
        self.row(cid, "clients", cid, codec.client_json(record.client))
        for episode in record.episodes:
            self.row(cid, EpisodeRow.__tablename__, episode.id, codec.episode_json(episode))
        for session in record.sessions:
            data = client_rows.session_payload(session)
            self.row(cid, SessionRow.__tablename__, session.id, data)
        for person in record.inventory:
            self.row(cid, InventoryRow.__tablename__, person.id, codec.person_json(person))
        for event in record.life_events:
            self.row(cid, LifeEventRow.__tablename__, event.id, codec.life_event_json(event))

    def apply_to(self, index: SearchIndex) -> None:
        for client_id in self.removed_clients:
            index.remove_client(client_id)
        for row_id in self.removed_rows:
            index.remove_row(row_id)
        for client_id, table, row_id, data in self.rows:
            index.put_row(client_id, table, row_id, payload_texts(table, data))


class PracticeMemory:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.closed = False
        self.index: SearchIndex | None = None
        self.index_generation = -1
        self.building = False
        self.pending: list[tuple[int, int, Changes]] = []
        self.records: OrderedDict[str, ClientRecord] = OrderedDict()
        self.records_generation = -1

    def apply(self, before: int, after: int, changes: Changes) -> None:
        """Follow one write from ``before`` to ``after``. Only a single transaction (one
        generation) is followed: more means another write ran meanwhile (another thread),
        whose changes are not all known here, so the memory is dropped instead."""
        with self.lock:
            if self.closed:
                return
            single = after == before + 1
            if self.records_generation != before or not single:
                self.records.clear()
            else:
                for client_id in changes.dropped_records:
                    self.records.pop(client_id, None)
                for record in changes.records:
                    self._keep(record)
            self.records_generation = after
            if self.building:
                self.pending.append((before, after if single else -1, changes))
            elif single and self.index is not None and self.index_generation == before:
                changes.apply_to(self.index)
                self.index_generation = after
            else:
                self.index = None  # behind the vault: rebuilt on demand

    def _keep(self, record: ClientRecord) -> None:
        self.records[record.client.id] = record
        self.records.move_to_end(record.client.id)
        while len(self.records) > KEPT_RECORDS:
            self.records.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.closed = True
            self.index = None
            self.pending.clear()
            self.records.clear()


_MEMORIES: "WeakKeyDictionary[Vault, PracticeMemory]" = WeakKeyDictionary()
_MEMORIES_LOCK = threading.Lock()


def memory_of(vault: Vault) -> PracticeMemory:
    with _MEMORIES_LOCK:
        memory = _MEMORIES.get(vault)
        if memory is None:
            memory = _MEMORIES[vault] = PracticeMemory()
        return memory


def forget(vault: Vault) -> None:
    """Drop the index and every kept record (call at lock and close)."""
    with _MEMORIES_LOCK:
        memory = _MEMORIES.pop(vault, None)
    if memory is not None:
        memory.clear()


@contextmanager
def tracked(vault: Vault) -> Iterator[Changes]:
    """Run one write inside: the memory follows it if it was current before it."""
    before = vault.header.generation
    changes = Changes()
    yield changes
    after = vault.header.generation
    if after != before:
        memory_of(vault).apply(before, after, changes)


def kept_record(vault: Vault, client_id: str) -> ClientRecord | None:
    """The client's record as the vault holds it now, if it is kept; else None."""
    memory = memory_of(vault)
    with memory.lock:
        if memory.records_generation != vault.header.generation:
            return None
        record = memory.records.get(client_id)
        if record is not None:
            memory.records.move_to_end(client_id)
        return record


def keep_record(vault: Vault, record: ClientRecord, generation: int) -> None:
    """Keep ``record``, read at ``generation`` (from inside the read session)."""
    memory = memory_of(vault)
    with memory.lock:
        if memory.closed or generation != vault.header.generation:
            return
        if memory.records_generation != generation:
            memory.records.clear()
            memory.records_generation = generation
        memory._keep(record)


def save_child(
    vault: Vault, row_type: type[ClientChildRow], client_id: str, row_id: str, data: Any
) -> None:
    """``rows.save_child`` (the row and the client's summary), followed by the memory."""
    with tracked(vault) as changes:
        client_rows.save_child(vault, row_type, client_id, row_id, data)
        changes.row(client_id, row_type.__tablename__, row_id, data)
        changes.dropped_record(client_id)


def delete_child(vault: Vault, row_type: type[ClientChildRow], client_id: str, row_id: str) -> None:
    """``rows.delete_child``, followed by the memory."""
    with tracked(vault) as changes:
        client_rows.delete_child(vault, row_type, client_id, row_id)
        changes.removed_row(row_id)
        changes.dropped_record(client_id)


# -- the index --------------------------------------------------------------------------
def ready_index(vault: Vault) -> SearchIndex | None:
    """The index if it is current (call with ``memory_of(vault).lock`` held)."""
    memory = memory_of(vault)
    if memory.index is not None and memory.index_generation == vault.header.generation:
        return memory.index
    return None


def index_is_ready(vault: Vault) -> bool:
    with memory_of(vault).lock:
        return ready_index(vault) is not None


#: Builds tried when writes not followed by the memory keep making the new index stale.
_BUILD_TRIES = 3


def build_index(vault: Vault) -> bool:
    """Decrypt every searchable text once and index it (for a worker thread: the vault is
    read in short sessions, so saves go on meanwhile and are replayed on the new index).
    True if the index is ready now; False if the vault was locked meanwhile or writes not
    made through ``tracked`` kept making it stale (the scan keeps answering)."""
    for _attempt in range(_BUILD_TRIES):
        memory = memory_of(vault)
        with memory.lock:
            if ready_index(vault) is not None:
                return True
            if memory.building:
                return False
            memory.building = True
            memory.pending = []
            start = vault.header.generation
        index: SearchIndex | None = None
        try:
            index = _read_everything(vault)
        finally:
            with memory.lock:
                memory.building = False
                generation = start
                for before, after, changes in memory.pending:
                    if index is None or before != generation or after < 0:
                        index = None
                        break
                    changes.apply_to(index)
                    generation = after
                memory.pending = []
                if index is not None and not memory.closed:
                    memory.index, memory.index_generation = index, generation
        if memory.closed:
            return False
    with memory_of(vault).lock:
        return ready_index(vault) is not None


def _read_everything(vault: Vault) -> SearchIndex:
    return index_build.read_everything(vault)
