"""The in-memory word index behind the note search (issue 16). Plain data, no I/O, no Qt.

Each searchable text of a row (a note section, an amendment, a goal, a person's answer, a
client's name...) is one *entry*; the index maps every folded word (``domain.search.words``)
to the entries holding it, as arrays of 32-bit entry numbers. A query term finds the words
it begins through a sorted vocabulary (``bisect``), so prefix matching costs one range of
the vocabulary, not a scan. A text is never stored: the hits' snippets are made from the
rows, decrypted again, for the first page only.

Entries are never rewritten: a saved row gets new entries and its old ones join ``_dead``;
entry numbers of the first build follow the client list, later ones are out of order (the
page is put in list order by client position). The index lives only in memory, for one
unlock (services.practice_memory drops it at lock).

Compared (on the 2,000-client practice, 300,000 texts): SQLite FTS5 in ``:memory:`` built
in about the same time but counted a word in every note in 85 to 120 ms (it walks the whole
doclist) and folds case and accents its own way, so it could not promise the same hits as
the scan; whoosh and tantivy are not among the project's dependencies and store their
segments as files. This index counts a one-word query with ``len`` and shares its words
with the scan, so both give exactly the same hits.
"""

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import repeat

from ipt_desktop.domain.search import word_set

#: Above this many matching entries the first page is found by walking the clients in
#: list order (a common word fills it within the first few clients) instead of sorting.
_SORT_LIMIT = 10_000
#: Above this many matching entries per client, ``clients_of`` asks each client instead.
_CLIENT_SCAN_FACTOR = 8


@dataclass(frozen=True)
class RowRef:
    """Where a matching text lives: the owner, its table and its row id."""

    client_id: str
    table: str
    row_id: str


class SearchIndex:
    """Numbers in arrays and strings in flat lists: one array per word, and no object per
    entry, row or client that the garbage collector would walk (a full collection on the
    building thread holds the interpreter, and the window with it)."""

    def __init__(self) -> None:
        self._postings: dict[str, array[int]] = {}
        self._vocabulary: list[str] = []  # sorted; made again lazily when words are added
        self._vocabulary_stale = False
        self._entry_client = array("I")  # entry -> client position in the list
        self._entry_row = array("I")  # entry -> row slot
        # Row slot -> its row id (None once removed) and its table.
        self._row_ids: list[str | None] = []
        self._row_table = array("B")  # index in ``_tables``
        self._row_first = array("I")  # row slot -> its first entry
        self._row_count = array("I")  # row slot -> its number of entries
        self._row_slot: dict[str, int] = {}  # row id -> slot of its live version
        self._tables: list[str] = []
        self._table_code: dict[str, int] = {}
        self._clients: list[str | None] = []  # client position -> id (None: deleted)
        self._client_position: dict[str, int] = {}
        # Client position -> its row slots: one run of slots (a build reads a client's rows
        # one after another) and, for rows written later, a list; removed rows stay in
        # them (their id is None). No container per client for the collector to walk.
        self._client_first = array("I")
        self._client_count = array("I")
        self._client_later: dict[int, list[int]] = {}
        self._dead: set[int] = set()

    # -- building and updating -------------------------------------------------------------
    def add_client(self, client_id: str) -> None:
        """A client at the end of the list (where a new client goes)."""
        if client_id not in self._client_position:
            self._client_position[client_id] = len(self._clients)
            self._clients.append(client_id)
            self._client_first.append(0)
            self._client_count.append(0)

    def put_row(self, client_id: str, table: str, row_id: str, texts: Iterable[str]) -> None:
        """Index the texts of one row, replacing what the row held before."""
        self.remove_row(row_id)
        self.add_client(client_id)
        position = self._client_position[client_id]
        slot = len(self._row_ids)
        code = self._table_code.get(table)
        if code is None:
            code = self._table_code[table] = len(self._tables)
            self._tables.append(table)
        self._row_ids.append(row_id)
        self._row_table.append(code)
        self._row_slot[row_id] = slot
        if self._client_count[position] == 0:
            self._client_first[position] = slot
            self._client_count[position] = 1
        elif self._client_first[position] + self._client_count[position] == slot:
            self._client_count[position] += 1
        else:
            self._client_later.setdefault(position, []).append(slot)
        first = entry = len(self._entry_client)
        self._row_first.append(first)
        postings = self._postings
        for text in texts:
            found = word_set(text)
            if not found:
                continue
            for word in found:  # the hot loop of a build: a plain loop is the quickest here
                try:
                    postings[word].append(entry)
                except KeyError:
                    postings[word] = array("I", (entry,))
                    self._vocabulary_stale = True
            entry += 1
        count = entry - first
        if count:
            self._entry_client.extend(repeat(position, count))
            self._entry_row.extend(repeat(slot, count))
        self._row_count.append(count)

    def remove_row(self, row_id: str) -> None:
        slot = self._row_slot.pop(row_id, None)
        if slot is None:
            return
        self._row_ids[slot] = None
        first = self._row_first[slot]
        self._dead.update(range(first, first + self._row_count[slot]))

    def remove_client(self, client_id: str) -> None:
        position = self._client_position.pop(client_id, None)
        if position is None:
            return
        for slot in list(self._slots_of(position)):
            row_id = self._row_ids[slot]
            assert row_id is not None
            self.remove_row(row_id)
        self._clients[position] = None

    def _slots_of(self, position: int) -> Iterator[int]:
        """The live row slots of the client at ``position``."""
        first = self._client_first[position]
        later = self._client_later.get(position, ())
        row_ids = self._row_ids
        for slot in (*range(first, first + self._client_count[position]), *later):
            if row_ids[slot] is not None:
                yield slot

    # -- querying ------------------------------------------------------------------------
    def _words_beginning(self, term: str) -> Iterator[str]:
        if self._vocabulary_stale:
            self._vocabulary = sorted(self._postings)
            self._vocabulary_stale = False
        vocabulary = self._vocabulary
        i = bisect_left(vocabulary, term)
        while i < len(vocabulary) and vocabulary[i].startswith(term):
            yield vocabulary[i]
            i += 1

    def matching(self, terms: tuple[str, ...]) -> set[int]:
        """The live entries whose text holds, for each term, a word the term begins."""
        if not terms:
            return set()
        found: set[int] | None = None
        groups = [[self._postings[w] for w in self._words_beginning(t)] for t in terms]
        for group in sorted(groups, key=lambda g: sum(map(len, g))):
            if not group:
                return set()
            if found is None:
                found = set(group[0])
                found.update(*group[1:])
            else:
                found.intersection_update(set().union(*group))
            if not found:
                return set()
        assert found is not None
        found.difference_update(self._dead)  # ``found`` is always a new set: no copy
        return found

    def first_rows(self, entries: set[int], limit: int) -> list[tuple[str, list[RowRef]]]:
        """The clients of the first ``limit`` matching entries in list order, each with
        every row of theirs that matched (a client is never cut in two)."""
        by_client: dict[int, set[int]] = {}
        if len(entries) <= _SORT_LIMIT:
            entry_client = self._entry_client
            ordered = sorted(entries, key=entry_client.__getitem__)
            for taken, entry in enumerate(ordered):
                position = entry_client[entry]
                if position not in by_client and taken >= limit:
                    break
                by_client.setdefault(position, set()).add(self._entry_row[entry])
        else:
            self._walk_clients(entries, limit, by_client)
        pages = []
        for position in sorted(by_client):
            client_id = self._clients[position]
            if client_id is None:
                continue
            refs = []
            for slot in sorted(by_client[position]):
                row_id = self._row_ids[slot]
                if row_id is not None:
                    refs.append(RowRef(client_id, self._tables[self._row_table[slot]], row_id))
            pages.append((client_id, refs))
        return pages

    def _walk_clients(self, entries: set[int], limit: int, by_client: dict[int, set[int]]) -> None:
        taken = 0
        for position, client_id in enumerate(self._clients):
            if client_id is None:
                continue
            for slot in self._slots_of(position):
                first = self._row_first[slot]
                hits = sum(1 for e in range(first, first + self._row_count[slot]) if e in entries)
                if hits:
                    by_client.setdefault(position, set()).add(slot)
                    taken += hits
            if taken >= limit:
                return

    def clients_of(self, entries: set[int]) -> set[str]:
        """Every client owning one of ``entries``. Many entries (a common word): each
        client is asked for one of its entries in the set, stopping at the first."""
        if len(entries) <= _CLIENT_SCAN_FACTOR * len(self._client_position):
            positions = set(map(self._entry_client.__getitem__, entries))
            return {c for c in map(self._clients.__getitem__, positions) if c is not None}
        found = set()
        first, count = self._row_first, self._row_count
        for position, client_id in enumerate(self._clients):
            if client_id is None:
                continue
            # A run of slots holds a run of entries (both are numbered as rows are put),
            # and removed rows' entries are never in ``entries``: one test per run.
            runs = [(self._client_first[position], self._client_count[position])]
            runs += [(slot, 1) for slot in self._client_later.get(position, ())]
            for start, slots in runs:
                if slots and not entries.isdisjoint(
                    range(first[start], first[start + slots - 1] + count[start + slots - 1])
                ):
                    found.add(client_id)
                    break
        return found

    @property
    def entry_count(self) -> int:
        return len(self._entry_client) - len(self._dead)
