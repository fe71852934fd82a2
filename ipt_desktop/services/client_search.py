"""Search every client's record (issue 16): the in-memory index once it is built, the scan
until then. Both are matched by domain.search (words, prefix matching) and give the same
hits, in the client list's order.

* Index (services.practice_memory): the matching texts are found and counted in memory;
  only the rows of the first page are decrypted again, decoded, and ``search_record``
  makes their hits and snippets.
* Scan (inside one read session of its own, so a worker thread may call it; every read
  session begins IMMEDIATE, so a save waits for it): each payload is opened to its JSON
  text; an ASCII payload that lacks a query word anywhere is dropped unparsed, the others
  are parsed and kept if one of their texts matches; those rows and the client's name
  are decoded and ``search_record`` makes the hits.
"""

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import null, select

from ipt_desktop.domain.model import ClientRecord
from ipt_desktop.domain.search import (
    SearchHit,
    make_hit,
    query_terms,
    search_record,
    text_matches,
)
from ipt_desktop.store.tables import CLIENT_CHILD_TABLES, ClientChildRow, ClientRow, SessionRow
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.errors import RecordDamagedError
from ipt_desktop.vault.vault import Vault

from . import practice_memory
from .search_index import RowRef
from .search_texts import payload_fields, payload_texts

#: Rows fetched at a time: the scan streams (a whole table never sits in memory at once).
_BATCH_ROWS = 256
#: Hits a page of results holds (the GUI's list; the count says how many there are).
PAGE_HITS = 200


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit]  # the first ``limit`` hits, in list order
    total: int  # every hit there is
    from_index: bool  # False: the index is still being built and the scan answered
    #: Every client with a hit, also those after the first ``limit`` hits (the list shows
    #: them all; only the first hits come with a snippet).
    client_ids: frozenset[str] = frozenset()


class _Terms:
    """The query's words and the quick test that drops most rows unparsed."""

    def __init__(self, query: str) -> None:
        self.terms = query_terms(query)
        self.ascii = all(term.isascii() for term in self.terms)

    def may_hit(self, text: str) -> bool:
        """False only if no text of the payload can match (``text``: its JSON).

        An ASCII payload's words are its lowered runs of letters and digits: each term
        must then be somewhere in the lowered JSON (a non-ASCII term cannot match)."""
        if text.isascii():
            lowered = text.lower()
            return self.ascii and all(term in lowered for term in self.terms)
        return True

    def holds(self, table: str, data: Any) -> bool:
        return any(text_matches(text, self.terms) for text in payload_texts(table, data))


@dataclass
class _Found:
    """One row whose text may hold the query, opened, not yet parsed."""

    row_type: type[ClientChildRow]
    order_key: int
    row_id: str
    episode_id: str | None
    data: Any


def _parsed(text: str, table: str, row_id: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        raise RecordDamagedError(table, row_id) from None


def build_index(vault: Vault) -> bool:
    """Build the in-memory index (for a background task after unlock); True when ready."""
    return practice_memory.build_index(vault)


def index_is_ready(vault: Vault) -> bool:
    return practice_memory.index_is_ready(vault)


def forget_index(vault: Vault) -> None:
    """Drop the index and the records kept in memory (at lock)."""
    practice_memory.forget(vault)


def search(vault: Vault, query: str, limit: int = PAGE_HITS) -> SearchResult:
    """The first ``limit`` hits and the count of all (see ``search_all``)."""
    if limit < 0:
        raise ValueError("limit must not be negative")
    terms = query_terms(query)
    if not terms:
        return SearchResult([], 0, practice_memory.index_is_ready(vault))
    memory = practice_memory.memory_of(vault)
    with memory.lock:
        index = practice_memory.ready_index(vault)
        if index is not None:
            entries = index.matching(terms)
            pages = index.first_rows(entries, limit) if limit else []
            owners = frozenset(index.clients_of(entries))
    if index is None:
        hits = _scan(vault, query, _Terms(query))
        owners = frozenset(hit.client_id for hit in hits)
        return SearchResult(hits[:limit], len(hits), False, owners)
    hits = _hits_in_rows(vault, pages, query, limit)
    return SearchResult(hits[:limit], len(entries), True, owners)


def search_all(vault: Vault, query: str, limit: int | None = None) -> list[SearchHit]:
    """Hits in names, notes (every section and amendment), formulations, goals, termination
    records, the inventory and life events; clients in the order they were added. By words,
    caseless, accents folded, any script (domain.search). Never log the snippets.

    ``limit``: at most that many hits, the first ones of the full list (None: all of them).
    """
    if limit is not None and limit < 0:
        raise ValueError("limit must not be negative")
    if practice_memory.index_is_ready(vault):
        everything = limit if limit is not None else 1 << 62
        return search(vault, query, everything).hits
    terms = _Terms(query)
    if not terms.terms or limit == 0:
        return []
    return _scan(vault, query, terms, limit)


_TABLE_RANK = {row_type.__tablename__: i for i, row_type in enumerate(CLIENT_CHILD_TABLES)}


def _text_order(row: _Found) -> tuple[int, str, int, str]:
    """Where a row's texts come in ``search_record``'s order, from its JSON alone:
    episodes by start, sessions by (date, id), people as added, life events by date."""
    table = row.row_type.__tablename__
    data = row.data if type(row.data) is dict else {}
    if table == "episodes":
        return 0, str(data.get("start_date")), 0, row.row_id
    if table == "sessions":
        return 1, str(data.get("date")), 0, row.row_id
    if table == "inventory":
        return 2, "", row.order_key, row.row_id
    return 3, str(data.get("date")), 0, row.row_id


def _hits_in_rows(
    vault: Vault, pages: list[tuple[str, list[RowRef]]], query: str, limit: int
) -> list[SearchHit]:
    """The first ``limit`` hits of these rows: decrypted in one read session (one query
    per table), put in the record's order from their JSON, and their texts matched and
    cut into snippets by the domain without decoding the rows into records."""
    wanted: dict[str, list[str]] = {}
    for _client_id, refs in pages:
        for ref in refs:
            wanted.setdefault(ref.table, []).append(ref.row_id)
    owners = [client_id for client_id, _refs in pages]
    opened: dict[str, list[_Found]] = {client_id: [] for client_id in owners}
    names: dict[str, Any] = {}
    query_clients = select(
        ClientRow.id,
        ClientRow.key_version,
        ClientRow.wrapped_key,
        ClientRow.payload,
        ClientRow.version,
    ).where(ClientRow.id.in_(owners))
    with vault.reading() as db:
        conn = db.connection()
        keys: dict[str, bytes] = {}
        for client_id, key_version, wrapped, payload, version in conn.execute(query_clients):
            key = keys[client_id] = vault.unwrap_client_key(client_id, key_version, wrapped)
            names[client_id] = vault.unseal(key, client_id, "clients", client_id, payload, version)
        for row_type in CLIENT_CHILD_TABLES:
            table = row_type.__tablename__
            ids = wanted.get(table)
            if not ids:
                continue
            columns = [*client_rows.child_columns(row_type), row_type.order_key]
            for row in conn.execute(select(*columns).where(row_type.id.in_(ids))):
                owner = row.client_id
                episode_id = row.episode_id if row_type is SessionRow else None
                data = vault.unseal(
                    keys[owner], owner, table, row.id, row.payload, row.version, episode_id or ""
                )
                opened[owner].append(_Found(row_type, row.order_key, row.id, episode_id, data))
    return _page_hits(owners, names, opened, query_terms(query), limit)


def _page_hits(
    owners: list[str],
    names: dict[str, Any],
    opened: dict[str, list[_Found]],
    terms: tuple[str, ...],
    limit: int,
) -> list[SearchHit]:
    """The first ``limit`` hits of these clients' opened rows, in list and record order."""
    hits: list[SearchHit] = []
    for client_id in owners:
        if client_id not in names:
            continue
        rows = [("clients", client_id, names[client_id])]
        rows += [
            (row.row_type.__tablename__, row.row_id, row.data)
            for row in sorted(opened[client_id], key=_text_order)
        ]
        for table, row_id, data in rows:
            for session_id, item_id, field, text in payload_fields(table, row_id, data):
                hit = make_hit(client_id, session_id, item_id, field, text, terms)
                if hit is not None:
                    hits.append(hit)
                    if len(hits) >= limit:
                        return hits
    return hits


def _scan(vault: Vault, query: str, terms: _Terms, limit: int | None = None) -> list[SearchHit]:
    names: dict[str, str] = {}  # client id -> JSON text of its payload, in list order
    found: dict[str, list[_Found]] = {}  # client id -> its rows holding the query
    clients = select(
        ClientRow.id,
        ClientRow.key_version,
        ClientRow.wrapped_key,
        ClientRow.payload,
        ClientRow.version,
    )
    with vault.reading() as db:
        conn = db.connection()  # Core: rows stream as plain tuples, no ORM loading
        keys: dict[str, bytes] = {}
        for client_id, key_version, wrapped, payload, version in conn.execute(
            clients.order_by(ClientRow.order_key)
        ):
            key = keys[client_id] = vault.unwrap_client_key(client_id, key_version, wrapped)
            names[client_id] = vault.unseal_text(
                key, client_id, "clients", client_id, payload, version
            )
        for row_type in CLIENT_CHILD_TABLES:
            table = row_type.__tablename__
            episode = SessionRow.episode_id if row_type is SessionRow else null()
            rows = select(
                row_type.id,
                row_type.client_id,
                row_type.payload,
                row_type.order_key,
                episode,
                row_type.version,
            )
            for batch in conn.execute(rows).partitions(_BATCH_ROWS):
                for row_id, owner, payload, order_key, episode_id, version in batch:
                    text = vault.unseal_text(
                        keys[owner], owner, table, row_id, payload, version, episode_id or ""
                    )
                    if not terms.may_hit(text):
                        continue
                    data = _parsed(text, table, row_id)
                    if terms.holds(table, data):
                        found.setdefault(owner, []).append(
                            _Found(row_type, order_key, row_id, episode_id, data)
                        )
    hits: list[SearchHit] = []
    for client_id, name_text in names.items():
        candidates = found.get(client_id)
        if candidates is None and not (
            terms.may_hit(name_text)
            and terms.holds("clients", _parsed(name_text, "clients", client_id))
        ):
            continue
        name = _parsed(name_text, "clients", client_id)
        record = _partial_record(client_id, name, candidates or [])
        hits.extend(search_record(record, query))
        if limit is not None and len(hits) >= limit:
            return hits[:limit]
    return hits


def _partial_record(client_id: str, name: Any, found: list[_Found]) -> ClientRecord:
    """The client's record with only the rows that hold the query. ``search_record`` makes
    the same hits from it as from the whole record: a row without a match makes none, and
    people keep the order they were added."""
    parts: dict[type[ClientChildRow], list[Any]] = {t: [] for t in CLIENT_CHILD_TABLES}
    for row in sorted(found, key=lambda r: (r.order_key, r.row_id)):
        value = client_rows.child_value(
            row.row_type, row.row_id, client_id, row.data, row.episode_id
        )
        parts[row.row_type].append(value)
    client = client_rows.client_value(client_id, name)
    return client_rows.make_record(client, *(parts[t] for t in CLIENT_CHILD_TABLES))
