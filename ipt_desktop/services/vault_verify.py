"""Check a whole vault: SQLite integrity, the header MAC (done at unlock), every client's
rows against its sealed manifest (missing, extra, older, moved), every sealed payload,
every summary against its record, the manifest root, the rollback anchor and the audit
chain. Problems are named by table and id, never by content."""

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from ipt_desktop.crypto import aead
from ipt_desktop.crypto.errors import DecryptionError
from ipt_desktop.domain.summary import summarize
from ipt_desktop.store.database import integrity_problems
from ipt_desktop.store.tables import (
    CLIENT_CHILD_TABLES,
    ClientRow,
    DraftRow,
    ManifestRow,
    SessionRow,
    SettingRow,
)
from ipt_desktop.vault import audit_log, codec, manifest, rollback_guard
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.errors import RecordDamagedError
from ipt_desktop.vault.vault import Vault

from .drafts import open_draft_row
from .unlock_session import manifest_alert_text


@dataclass(frozen=True)
class DamagedRecord:
    table: str
    record_id: str


@dataclass(frozen=True)
class ClientProblem:
    """A client whose record cannot be trusted; ``message`` is what the app shows too."""

    client_id: str
    message: str


@dataclass
class VerifyReport:
    records_checked: int = 0
    damaged: list[DamagedRecord] = field(default_factory=list)
    clients: list[ClientProblem] = field(default_factory=list)
    vault_problems: list[str] = field(default_factory=list)
    sqlite_problems: list[str] = field(default_factory=list)
    audit_entries: int = 0
    audit_first_broken: int | None = None
    audit_problem: str = ""

    @property
    def ok(self) -> bool:
        return not (
            self.damaged
            or self.clients
            or self.vault_problems
            or self.sqlite_problems
            or self.audit_first_broken is not None
        )


def verify_vault(vault: Vault) -> VerifyReport:
    """Open every sealed payload of an unlocked vault; nothing is written."""
    report = VerifyReport(sqlite_problems=integrity_problems(vault.engine))
    warning = rollback_guard.check(vault)
    if warning is not None:
        report.vault_problems.append(warning.message)
    alert = manifest_alert_text(vault)
    if alert:
        report.vault_problems.append(alert)
    with vault.reading() as session:
        client_ids = set(session.scalars(select(ClientRow.id)))
        for client_id in sorted(client_ids):
            _check_client(vault, session, report, client_id)
        for manifest_row in session.scalars(select(ManifestRow)):
            if manifest_row.client_id not in client_ids:
                report.clients.append(
                    ClientProblem(
                        manifest_row.client_id,
                        f"Client {manifest_row.client_id} was deleted outside ipt-desktop: "
                        "its sealed manifest is there, its record is not. Restore it from a "
                        "backup.",
                    )
                )
        for child in CLIENT_CHILD_TABLES:
            for row_id, owner in session.execute(select(child.id, child.client_id)):
                if owner not in client_ids:
                    report.records_checked += 1
                    report.damaged.append(DamagedRecord(child.__tablename__, row_id))
        _check_settings_and_drafts(vault, session, report)
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


def _check_client(vault: Vault, db: DbSession, report: VerifyReport, client_id: str) -> None:
    try:
        key = vault.client_key(db, client_id)
    except RecordDamagedError:
        report.records_checked += 1
        report.damaged.append(DamagedRecord("clients", client_id))
        return
    found = manifest.client_rows_found(vault, db, client_id)
    try:
        manifest.check_rows(vault, db, client_id, found, whole=True)
    except manifest.ManifestMismatchError as exc:
        report.clients.append(ClientProblem(client_id, str(exc)))
    client = db.get(ClientRow, client_id)
    assert client is not None
    blobs = [("clients", client_id, client.payload, client.version, "")]
    if client.summary is not None:
        blobs.append(
            (manifest.SUMMARY_TABLE, client_id, client.summary, client.summary_version, "")
        )
    for row_type in CLIENT_CHILD_TABLES:
        for row in db.scalars(select(row_type).where(row_type.client_id == client_id)):
            episode = row.episode_id if isinstance(row, SessionRow) else ""
            blobs.append((row_type.__tablename__, row.id, row.payload, row.version, episode))
    healthy = True
    for table, row_id, blob, version, episode in blobs:
        report.records_checked += 1
        try:
            vault.unseal(key, client_id, table, row_id, blob, version, episode)
        except RecordDamagedError:
            healthy = False
            report.damaged.append(DamagedRecord(table, row_id))
    if healthy and client.summary is not None and not _summary_matches(vault, db, client):
        report.clients.append(
            ClientProblem(
                client_id,
                f"The list entry (summary) of client {client_id} does not match its record.",
            )
        )


def _summary_matches(vault: Vault, db: DbSession, client: ClientRow) -> bool:
    assert client.summary is not None
    try:
        record = client_rows.read_record(vault, db, client.id)
    except RecordDamagedError:
        return True  # already reported as a manifest problem
    key = vault.client_key(db, client.id)
    stored = vault.unseal(
        key, client.id, manifest.SUMMARY_TABLE, client.id, client.summary, client.summary_version
    )
    return bool(stored == codec.summary_json(summarize(record)))


def _check_settings_and_drafts(vault: Vault, session: DbSession, report: VerifyReport) -> None:
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
