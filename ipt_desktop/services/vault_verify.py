"""Check a whole vault: SQLite integrity, the header MAC (done at unlock), every sealed
payload, and the audit chain. Problems are named by table and id, never by content."""

from dataclasses import dataclass, field

from sqlalchemy import select

from ipt_desktop.crypto import aead
from ipt_desktop.crypto.errors import DecryptionError
from ipt_desktop.store.database import integrity_problems
from ipt_desktop.store.tables import (
    CLIENT_CHILD_TABLES,
    ClientRow,
    DraftRow,
    SettingRow,
)
from ipt_desktop.vault import audit_log
from ipt_desktop.vault.errors import RecordDamagedError
from ipt_desktop.vault.rows import SUMMARY_TABLE
from ipt_desktop.vault.vault import Vault

from .drafts import open_draft_row


@dataclass(frozen=True)
class DamagedRecord:
    table: str
    record_id: str


@dataclass
class VerifyReport:
    records_checked: int = 0
    damaged: list[DamagedRecord] = field(default_factory=list)
    sqlite_problems: list[str] = field(default_factory=list)
    audit_entries: int = 0
    audit_first_broken: int | None = None
    audit_problem: str = ""

    @property
    def ok(self) -> bool:
        return not (self.damaged or self.sqlite_problems or self.audit_first_broken is not None)


def verify_vault(vault: Vault) -> VerifyReport:
    """Open every sealed payload of an unlocked vault; nothing is written."""
    report = VerifyReport(sqlite_problems=integrity_problems(vault.engine))
    with vault.reading() as session:
        for client in session.scalars(select(ClientRow)):
            try:
                key = vault.client_key(session, client.id)
            except RecordDamagedError:
                report.records_checked += 1
                report.damaged.append(DamagedRecord("clients", client.id))
                continue
            blobs = [("clients", client.id, client.payload)]
            if client.summary is not None:
                blobs.append((SUMMARY_TABLE, client.id, client.summary))
            for blob_table, row_id, blob in blobs:
                _check(vault, report, key, client.id, blob_table, row_id, blob)
        for child in CLIENT_CHILD_TABLES:
            name = child.__tablename__
            for row in session.scalars(select(child)):
                try:
                    key = vault.client_key(session, row.client_id)
                except (RecordDamagedError, KeyError):
                    report.records_checked += 1
                    report.damaged.append(DamagedRecord(name, row.id))
                    continue
                _check(vault, report, key, row.client_id, name, row.id, row.payload)
        for setting in session.scalars(select(SettingRow)):
            report.records_checked += 1
            try:
                aead.open_sealed(
                    vault.purpose_key("settings"),
                    setting.payload,
                    aead.associated_data("settings", vault.vault_id, setting.key),
                )
            except DecryptionError:
                report.damaged.append(DamagedRecord("settings", setting.key))
        for draft in session.scalars(select(DraftRow)):
            report.records_checked += 1
            try:
                open_draft_row(vault, session, draft)
            except (RecordDamagedError, KeyError):
                report.damaged.append(DamagedRecord("drafts", draft.id))
        header = vault.header
        chain = audit_log.walk(
            session,
            vault.purpose_key("audit"),
            vault.vault_id,
            header.audit_head,
            header.audit_count,
        )
    report.audit_entries = len(chain.entries)
    report.audit_first_broken = chain.first_broken
    report.audit_problem = chain.problem
    return report


def _check(
    vault: Vault,
    report: VerifyReport,
    key: bytes,
    client_id: str,
    table: str,
    row_id: str,
    blob: bytes,
) -> None:
    report.records_checked += 1
    try:
        vault.unseal(key, client_id, table, row_id, blob)
    except RecordDamagedError:
        report.damaged.append(DamagedRecord(table, row_id))
