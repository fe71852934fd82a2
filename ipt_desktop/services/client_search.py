"""Search every client's record: decrypted in memory only, matched by domain.search.

Every sealed row is decrypted (the design keeps no index in clear, DESIGN.md section 2),
but only rows that can hold the query are parsed and decoded into domain values:

1. Scan (inside one read session of its own, so a worker thread may call it; every read
   session begins IMMEDIATE, so a save waits for the scan, about 0.4 s for 2,000 clients):
   each payload is opened to the JSON text ``Vault.seal`` wrote, and a cheap test on that
   text drops the rows where no string can contain the query (``_Probe.may_hit``).
2. Then, client by client in list order (the read session is closed by now): the rows
   left are parsed; a row stays if one of its strings, folded exactly as the domain folds
   a field, contains the query (``_Probe.holds``); those rows and the client's name are
   decoded and ``search_record`` makes the hits. They are the hits a full decode of every
   record would give, in the same order; a ``limit`` stops this step early.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import null, select

from ipt_desktop.domain.model import ClientRecord
from ipt_desktop.domain.search import SearchHit, fold, normalize, search_record
from ipt_desktop.store.tables import CLIENT_CHILD_TABLES, ClientChildRow, ClientRow, SessionRow
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.errors import RecordDamagedError
from ipt_desktop.vault.vault import Vault

#: What JSON writes escaped (``\"``, ``\\``, ``\n``, ``\u0001``...): a query holding one
#: of them cannot be looked for in the JSON text as it is.
_ESCAPED = frozenset('"\\') | frozenset(chr(code) for code in range(0x20))
#: Rows fetched at a time: the scan streams (a whole table never sits in memory at once).
_BATCH_ROWS = 256


class _Probe:
    """Decides, from a payload's JSON text, whether any of its strings can hold ``needle``.

    The text is ``json.dumps(ensure_ascii=False)``: a string is written between quotes as
    itself, except that quotes, backslashes and control characters become escapes.

    * ASCII text: every string in it is ASCII, and ``normalize`` of ASCII is ``lower``, one
      character for one. Unless the needle holds a character JSON escapes, a match inside
      a string is a match in the lowered text (escapes only add characters between runs
      the needle cannot span); a needle that is not ASCII cannot match at all.
    * Other text without a backslash (no escape at all): every string is literal between
      quotes; a quote neither composes nor folds with its neighbours, so ``normalize`` of
      the whole text holds ``normalize`` of each string unchanged.
    * Other text with escapes: decided by the exact test on the parsed strings (an escape
      such as ``\\n`` before a combining accent would compose as ``ń``).
    """

    def __init__(self, needle: str) -> None:
        self.needle = needle
        self.needle_is_ascii = needle.isascii()
        self.needle_is_plain = _ESCAPED.isdisjoint(needle)

    def may_hit(self, text: str) -> bool:
        """False only if no string of the payload can contain the needle."""
        if text.isascii():
            if not self.needle_is_ascii:
                return False
            if self.needle_is_plain or "\\" not in text:
                return self.needle in text.lower()
            return True
        if "\\" not in text:
            return self.needle in normalize(text)
        return True

    def holds(self, data: Any) -> bool:
        """True if a string of the parsed payload, folded as the domain folds a field,
        contains the needle (keys, numbers and the JSON around the strings never do)."""
        if type(data) is not dict:
            return True  # not a payload this program wrote: decoding it will say so
        return any(self.needle in fold(text) for text in _strings(data, []))


def _strings(data: dict[str, Any] | list[Any], found: list[str]) -> list[str]:
    """Every string value of parsed JSON (exact types: json.loads builds no subclass)."""
    values: Iterable[Any] = data.values() if type(data) is dict else data
    for value in values:
        kind = type(value)
        if kind is str:
            found.append(value)
        elif kind is dict or kind is list:
            _strings(value, found)
    return found


@dataclass
class _Found:
    """One row whose text may hold the query, opened, not yet parsed."""

    row_type: type[ClientChildRow]
    order_key: int
    row_id: str
    episode_id: str | None
    text: str


def _parsed(text: str, table: str, row_id: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        raise RecordDamagedError(table, row_id) from None


def search_all(vault: Vault, query: str, limit: int | None = None) -> list[SearchHit]:
    """Hits in names, notes (every section and amendment), formulations, goals, termination
    records, the inventory and life events; clients in the order they were added.
    Caseless and Unicode-normalised (NFKC + casefold), any script. Never log the snippets.

    ``limit``: at most that many hits, the first ones of the full list (None: all of them).
    Every row is still opened, but rows are parsed and decoded only up to the limit.
    """
    if limit is not None and limit < 0:
        raise ValueError("limit must not be negative")
    needle = normalize(query).strip()
    if not needle or limit == 0:
        return []
    probe = _Probe(needle)
    names: dict[str, str] = {}  # client id -> JSON text of its payload, in list order
    found: dict[str, list[_Found]] = {}  # client id -> its rows that may hold the query
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
                    if probe.may_hit(text):
                        found.setdefault(owner, []).append(
                            _Found(row_type, order_key, row_id, episode_id, text)
                        )
    hits: list[SearchHit] = []
    for client_id, name_text in names.items():
        candidates = found.get(client_id)
        if candidates is None and not probe.may_hit(name_text):
            continue
        record = _partial_record(probe, client_id, name_text, candidates or [])
        if record is not None:
            hits.extend(search_record(record, query))
        if limit is not None and len(hits) >= limit:
            return hits[:limit]
    return hits


def _partial_record(
    probe: _Probe, client_id: str, name_text: str, found: list[_Found]
) -> ClientRecord | None:
    """The client's record with only the rows that hold the query (None if no text of the
    client can). ``search_record`` makes the same hits from it as from the whole record:
    a row without a match makes none, and people keep the order they were added."""
    parts: dict[type[ClientChildRow], list[Any]] = {t: [] for t in CLIENT_CHILD_TABLES}
    for row in sorted(found, key=lambda r: (r.order_key, r.row_id)):
        data = _parsed(row.text, row.row_type.__tablename__, row.row_id)
        if probe.holds(data):
            value = client_rows.child_value(
                row.row_type, row.row_id, client_id, data, row.episode_id
            )
            parts[row.row_type].append(value)
    if not any(parts.values()) and not probe.may_hit(name_text):
        return None
    client = client_rows.client_value(client_id, _parsed(name_text, "clients", client_id))
    return client_rows.make_record(client, *(parts[t] for t in CLIENT_CHILD_TABLES))
