"""The data half of migration 0004_manifest, run at the first unlock (it needs the keys).

A vault written before sealed manifests has rows sealed without a version or an episode in
their associated data, and no manifests. In one transaction: every client's payload,
summary and rows are opened with the old associated data and sealed again at version 1
with the new one, each client's manifest is written from exactly those rows, and the header
records the manifest root and ``manifest_format = 1``. One damaged row must not make the
whole vault unopenable: a row that does not open is left as it was and listed at version
0, so reading it names it as damaged (an upgrade never vouches for it); a client whose key
does not unwrap gets no manifest and stays one damaged record in the list.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from ipt_desktop.store.tables import CLIENT_CHILD_TABLES, ClientChildRow, ClientRow, SessionRow

from . import manifest
from .audit_log import AuditEvent
from .errors import RecordDamagedError
from .vault_parts import WritableVault


def seal_first_manifests(vault: WritableVault) -> None:
    damaged = 0
    with vault.transaction(
        AuditEvent.MANIFESTS_CREATED,
        detail="sealed manifests written for every client (format upgrade)",
        header_update={"manifest_format": 1},
    ) as db:
        keys: dict[str, bytes] = {}
        for client in db.scalars(select(ClientRow).order_by(ClientRow.order_key)):
            try:
                key = keys[client.id] = vault.client_key(db, client.id)
            except RecordDamagedError:
                damaged += 1  # no key, no manifest: the client stays a damaged record
                continue
            manifest.rebuild(db, client.id)
            damaged += _reseal(vault, db, key, client.id, ("clients", client.id, ""), client)
            if client.summary is not None:
                place = (manifest.SUMMARY_TABLE, client.id, "")
                damaged += _reseal(vault, db, key, client.id, place, client, summary=True)
        for row_type in CLIENT_CHILD_TABLES:
            for row in db.scalars(select(row_type)):
                owner_key = keys.get(row.client_id)
                if owner_key is None:
                    continue
                episode = row.episode_id if isinstance(row, SessionRow) else ""
                place = (row_type.__tablename__, row.id, episode)
                damaged += _reseal(vault, db, owner_key, row.client_id, place, row)
    if damaged:
        vault.record_event(
            AuditEvent.MANIFESTS_CREATED,
            detail=f"{damaged} damaged row(s) left as they were; verify names them",
        )


def _reseal(
    vault: WritableVault,
    db: DbSession,
    key: bytes,
    client_id: str,
    place: tuple[str, str, str],
    row: ClientRow | ClientChildRow,
    *,
    summary: bool = False,
) -> int:
    """Open with the old associated data, seal at version 1 with the new; 1 when the row
    does not open: it is left as it is, listed in the manifest at version 0, so reading it
    names it as damaged (never as genuine, never as added outside the app)."""
    table, row_id, episode = place
    blob: bytes | None = row.summary if summary and isinstance(row, ClientRow) else row.payload
    assert blob is not None
    try:
        data = vault.unseal(key, client_id, table, row_id, blob)
    except RecordDamagedError:
        entry = (0, manifest.blob_digest(blob), episode)
        manifest.note_entry(db, client_id, manifest.entry_key(table, row_id), entry)
        return 1
    sealed = vault.seal(key, client_id, table, row_id, data, 1, episode)
    if summary and isinstance(row, ClientRow):
        row.summary_version, row.summary = 1, sealed
    else:
        row.version, row.payload = 1, sealed
    return 0
