"""Search every client's record: decrypted in memory only, matched by domain.search."""

from sqlalchemy import select

from ipt_desktop.domain.search import SearchHit, normalize, search_record
from ipt_desktop.store.tables import ClientRow

from . import client_rows
from .vault import Vault


def search_all(vault: Vault, query: str) -> list[SearchHit]:
    """Hits in names, notes (every section and amendment), formulations, goals, termination
    records, the inventory and life events; clients in the order they were added.
    Caseless and Unicode-normalised (NFKC + casefold), any script. Never log the snippets."""
    if not normalize(query).strip():
        return []
    hits: list[SearchHit] = []
    with vault.reading() as db:
        ids = db.scalars(select(ClientRow.id).order_by(ClientRow.order_key)).all()
        for client_id in ids:
            hits.extend(search_record(client_rows.read_record(vault, db, client_id), query))
    return hits
