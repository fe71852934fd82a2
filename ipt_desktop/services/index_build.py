"""Build the in-memory search index from the vault (issue 16): every searchable row opened
once, its texts' words put in a ``SearchIndex``. For a worker thread beside the window.

* Clients are taken in list order, ``BATCH_CLIENTS`` at a time. A batch's sealed rows are
  fetched in one short read session (a save waits for that fetch at most, never for the
  decryption), then opened, parsed and indexed outside it, one row at a time.
* Risk records hold no searched text (``search_texts.SEARCHED_TABLES``): never read here.
* Nothing is kept per row but numbers and the row id: a row's payload, its parsed JSON and
  its words are dropped before the next row is opened. Few container objects then live
  long enough to reach the garbage collector's oldest generation, so full collections
  (which walk every object of the process while holding the interpreter, and so stop the
  window) stay rare; and while the build runs, what existed before it is frozen out of
  them (``collector_hold.frozen_during``; a client list held frozen stays so), so the
  few there are only walk what the build made.
* After each client the build sleeps for no time (``time.sleep(0)``): that releases the
  interpreter, and the GUI thread, if it is waiting for it, takes it there. Measured with
  tests/benchmarks/index_stall_probe.py at 2,000 clients on a busy 2-core machine: the
  interpreter's forced switch (every 5 ms) did not reach the GUI thread in time; it got
  the interpreter mostly between batches, so its timer stalled for one batch's work (80
  to 140 ms for 64 clients). Handing it over after each client brought the longest gap to
  5 to 18 ms (10 ms at 20,000 clients), for no measurable cost (a client is 1 to 10 ms of
  work).
"""

import json
import time

from sqlalchemy import null, select

from ipt_desktop.store.tables import CLIENT_CHILD_TABLES, ClientRow, SessionRow
from ipt_desktop.vault.errors import RecordDamagedError
from ipt_desktop.vault.vault import Vault

from . import collector_hold
from .search_index import SearchIndex
from .search_texts import SEARCHED_TABLES, payload_texts

#: Clients per read session.
BATCH_CLIENTS = 64
_SEARCHED = tuple(t for t in CLIENT_CHILD_TABLES if t.__tablename__ in SEARCHED_TABLES)

#: A sealed row as fetched: (table, row id, payload, version, episode id or "").
_Sealed = tuple[str, str, bytes, int | None, str]


def read_everything(vault: Vault) -> SearchIndex:
    """A new index of every searchable text in the vault, entries in client-list order."""
    index = SearchIndex()
    with vault.reading() as db:
        order = list(
            db.connection().execute(select(ClientRow.id).order_by(ClientRow.order_key)).scalars()
        )
    with collector_hold.frozen_during():
        for first in range(0, len(order), BATCH_CLIENTS):
            _index_batch(vault, index, order[first : first + BATCH_CLIENTS])
    return index


def _index_batch(vault: Vault, index: SearchIndex, batch: list[str]) -> None:
    heads, rows = _fetch(vault, batch)
    for client_id, key_version, wrapped, payload, version in heads:
        key = vault.unwrap_client_key(client_id, key_version, wrapped)
        text = vault.unseal_text(key, client_id, "clients", client_id, payload, version)
        index.put_row(client_id, "clients", client_id, payload_texts("clients", json.loads(text)))
        for table, row_id, sealed, row_version, episode_id in rows.pop(client_id, ()):
            try:
                text = vault.unseal_text(
                    key, client_id, table, row_id, sealed, row_version, episode_id
                )
            except RecordDamagedError:
                continue  # not searchable; the list and verify name the damaged client
            index.put_row(client_id, table, row_id, payload_texts(table, json.loads(text)))
        time.sleep(0)  # hand the interpreter to the GUI thread: see the module's note


def _fetch(
    vault: Vault, batch: list[str]
) -> tuple[list[tuple[str, int, bytes, bytes, int]], dict[str, list[_Sealed]]]:
    """The batch's client rows in list order, and each client's searched rows, sealed (one
    read session). Plain tuples: SQLAlchemy's rows are dropped as they come."""
    heads_query = select(
        ClientRow.id,
        ClientRow.key_version,
        ClientRow.wrapped_key,
        ClientRow.payload,
        ClientRow.version,
    ).where(ClientRow.id.in_(batch))
    rows: dict[str, list[_Sealed]] = {}
    with vault.reading() as db:
        conn = db.connection()
        found = {
            client_id: (client_id, key_version, wrapped, payload, version)
            for client_id, key_version, wrapped, payload, version in conn.execute(heads_query)
        }
        for row_type in _SEARCHED:
            table = row_type.__tablename__
            episode = SessionRow.episode_id if row_type is SessionRow else null()
            query = select(
                row_type.client_id, row_type.id, row_type.payload, row_type.version, episode
            ).where(row_type.client_id.in_(batch))
            for owner, row_id, payload, version, episode_id in conn.execute(query):
                sealed = (table, row_id, payload, version, episode_id or "")
                rows.setdefault(owner, []).append(sealed)
    heads = [found[client_id] for client_id in batch if client_id in found]
    return heads, rows
