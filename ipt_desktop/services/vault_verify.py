"""Check a whole vault: SQLite integrity, the header MAC (done at unlock), every client's
rows against its sealed manifest (missing, extra, older, moved), every sealed payload,
every summary against its record, the manifest root, the rollback anchor and the audit
chain. Problems are named by table and id, never by content."""

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from ipt_desktop.crypto import aead
from ipt_desktop.crypto.errors import DecryptionError
from ipt_desktop.domain.model import Client
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
from ipt_desktop.vault.rows import ChildRowType
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
    """Open every sealed payload of an unlocked vault; nothing is written.

    Each table is read once (Core selects, no ORM objects); per client, the rows found are
    compared with its manifest and its summary with the summary of its decoded record."""
    report = VerifyReport(sqlite_problems=integrity_problems(vault.engine))
    warning = rollback_guard.check(vault)
    if warning is not None:
        report.vault_problems.append(warning.message)
    alert = manifest_alert_text(vault)
    if alert:
        report.vault_problems.append(alert)
    with vault.reading() as db:
        scan = _scan_clients(vault, db, report)
        for row_type in CLIENT_CHILD_TABLES:
            _scan_children(vault, db, report, scan, row_type)
        _check_manifests(vault, db, report, scan)
        _check_settings_and_drafts(vault, db, report)
        header = vault.header
        chain = audit_log.walk(
            db, vault.purpose_key("audit"), vault.vault_id, header.audit_head, header.audit_count
        )
    report.audit_entries = len(chain.entries)
    report.audit_first_broken = chain.first_broken
    report.audit_problem = chain.problem
    return report


@dataclass
class _ClientScan:
    key: bytes
    found: dict[str, manifest.Entry] = field(default_factory=dict)
    client: Client | None = None
    summary: Any = None  # the stored summary's JSON
    children: dict[ChildRowType, list[Any]] = field(default_factory=dict)
    healthy: bool = True


def _open(
    vault: Vault,
    report: VerifyReport,
    scan: _ClientScan,
    place: tuple[str, str, str],
    blob: bytes,
    version: int,
    episode: str = "",
) -> Any:
    client_id, table, row_id = place
    report.records_checked += 1
    try:
        return vault.unseal(scan.key, client_id, table, row_id, blob, version, episode)
    except RecordDamagedError:
        scan.healthy = False
        report.damaged.append(DamagedRecord(table, row_id))
        return None


def _scan_clients(vault: Vault, db: DbSession, report: VerifyReport) -> dict[str, _ClientScan]:
    scans: dict[str, _ClientScan] = {}
    query = select(
        ClientRow.id,
        ClientRow.key_version,
        ClientRow.wrapped_key,
        ClientRow.payload,
        ClientRow.version,
        ClientRow.summary,
        ClientRow.summary_version,
    ).order_by(ClientRow.id)
    for cid, key_version, wrapped, payload, version, summary, summary_version in db.execute(query):
        try:
            key = vault.unwrap_client_key(cid, key_version, wrapped)
        except RecordDamagedError:
            report.records_checked += 1
            report.damaged.append(DamagedRecord("clients", cid))
            continue
        scan = scans[cid] = _ClientScan(key)
        scan.found[manifest.entry_key("clients", cid)] = manifest.plain_entry(version, payload)
        data = _open(vault, report, scan, (cid, "clients", cid), payload, version)
        if data is not None:
            try:
                scan.client = client_rows.client_value(cid, data)
            except RecordDamagedError:
                scan.healthy = False
        if summary is not None:
            table = manifest.SUMMARY_TABLE
            scan.found[manifest.entry_key(table, cid)] = manifest.plain_entry(
                summary_version, summary
            )
            scan.summary = _open(vault, report, scan, (cid, table, cid), summary, summary_version)
    return scans


def _scan_children(
    vault: Vault,
    db: DbSession,
    report: VerifyReport,
    scans: dict[str, _ClientScan],
    row_type: ChildRowType,
) -> None:
    table = row_type.__tablename__
    query = select(*client_rows.child_columns(row_type)).order_by(
        row_type.client_id, row_type.order_key, row_type.id
    )
    for row in db.execute(query):
        scan = scans.get(row.client_id)
        if scan is None:  # no client (deleted outside the app), or its key is damaged
            report.records_checked += 1
            report.damaged.append(DamagedRecord(table, row.id))
            continue
        episode = row.episode_id if row_type is SessionRow else ""
        scan.found[manifest.entry_key(table, row.id)] = manifest.child_entry(
            row_type, row.version, row.payload, episode
        )
        place = (row.client_id, table, row.id)
        data = _open(vault, report, scan, place, row.payload, row.version, episode)
        if data is None:
            continue
        try:
            value = client_rows.child_value(row_type, row.id, row.client_id, data, episode or None)
        except RecordDamagedError:
            scan.healthy = False
            continue
        scan.children.setdefault(row_type, []).append(value)


def _check_manifests(
    vault: Vault, db: DbSession, report: VerifyReport, scans: dict[str, _ClientScan]
) -> None:
    stored = {
        row.client_id: (row.version, row.digest, row.payload)
        for row in db.execute(
            select(
                ManifestRow.client_id, ManifestRow.version, ManifestRow.digest, ManifestRow.payload
            )
        )
    }
    for cid in sorted(stored.keys() - scans.keys()):
        if db.get(ClientRow, cid) is None:
            report.clients.append(
                ClientProblem(
                    cid,
                    f"Client {cid} was deleted outside ipt-desktop: its sealed manifest is "
                    "there, its record is not. Restore it from a backup.",
                )
            )
    for cid, scan in scans.items():
        try:
            manifest.preload(vault, db, cid, stored.get(cid))
            manifest.check_rows(vault, db, cid, scan.found, whole=True)
        except manifest.ManifestMismatchError as exc:
            report.clients.append(ClientProblem(cid, str(exc)))
            continue
        if scan.healthy and scan.client is not None and scan.summary is not None:
            record = client_rows.make_record(
                scan.client, *(scan.children.get(t, []) for t in CLIENT_CHILD_TABLES)
            )
            fresh = codec.summary_json(summarize(record))
            same_shape = isinstance(scan.summary, dict) and scan.summary.keys() == fresh.keys()
            # A summary in another version's shape is authentic but not comparable (the
            # list recomputes it); one of this shape must say what the record says.
            if same_shape and scan.summary != fresh:
                report.clients.append(
                    ClientProblem(
                        cid, f"The list entry (summary) of client {cid} does not match its record."
                    )
                )


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
