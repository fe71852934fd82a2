"""The data half of migration 0004_manifest, run at the first unlock (it needs the keys).

A vault written before sealed manifests has rows sealed without a version or an episode in
their associated data, and no manifests. In one transaction: every client's payload,
summary and rows are opened with the old associated data and sealed again at version 1
with the new one, each client's manifest is written from exactly those rows, and the header
records the manifest root and ``manifest_format = 1``. A row that does not open stops the
upgrade (nothing is written) and names itself: an upgrade never vouches for a damaged row.
"""

from typing import TYPE_CHECKING

from sqlalchemy import select

from ipt_desktop.store.tables import CLIENT_CHILD_TABLES, ClientRow, SessionRow

from . import manifest
from .audit_log import AuditEvent

if TYPE_CHECKING:
    from .vault import Vault


def seal_first_manifests(vault: "Vault") -> None:
    with vault.transaction(
        AuditEvent.MANIFESTS_CREATED,
        detail="sealed manifests written for every client (format upgrade)",
        header_update={"manifest_format": 1},
    ) as db:
        for client in db.scalars(select(ClientRow).order_by(ClientRow.order_key)):
            manifest.rebuild(db, client.id)
            key = vault.client_key(db, client.id)
            data = vault.unseal(key, client.id, "clients", client.id, client.payload)
            client.version = 1
            client.payload = vault.seal(key, client.id, "clients", client.id, data, 1)
            if client.summary is not None:
                table = manifest.SUMMARY_TABLE
                data = vault.unseal(key, client.id, table, client.id, client.summary)
                client.summary_version = 1
                client.summary = vault.seal(key, client.id, table, client.id, data, 1)
        for row_type in CLIENT_CHILD_TABLES:
            table = row_type.__tablename__
            for row in db.scalars(select(row_type)):
                key = vault.client_key(db, row.client_id)
                episode = row.episode_id if isinstance(row, SessionRow) else ""
                data = vault.unseal(key, row.client_id, table, row.id, row.payload)
                row.version = 1
                row.payload = vault.seal(key, row.client_id, table, row.id, data, 1, episode)
