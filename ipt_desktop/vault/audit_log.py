"""The audit log: append-only, hash-chained, sealed; event types and ids only, never content.

Entry n is sealed under the audit sub-key and carries MAC_n = HMAC(audit key, MAC_{n-1} ||
n || sealed entry). The header (itself authenticated) stores the newest MAC and the count, so
an entry edited, deleted, reordered or cut off at the end is found by ``walk``.
"""

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from ipt_desktop.crypto import aead, keys
from ipt_desktop.crypto.errors import DecryptionError
from ipt_desktop.store.tables import AuditRow

GENESIS = "0" * 64


class AuditEvent(StrEnum):
    VAULT_CREATED = "vault_created"
    UNLOCK = "unlock"
    UNLOCK_FAILED = "unlock_failed"
    CLIENT_OPENED = "client_opened"
    CREATE = "create"
    EDIT = "edit"
    SIGN = "sign"
    AMEND = "amend"
    DELETE = "delete"
    EXPORT_PDF = "export_pdf"
    EXPORT_JSON = "export_json"
    EXPORT_FHIR = "export_fhir"
    IMPORT = "import"
    BACKUP = "backup"
    RESTORE = "restore"
    PASSPHRASE_CHANGED = "passphrase_changed"  # noqa: S105 - an event name
    SETTINGS_CHANGED = "settings_changed"
    #: The therapist went ahead despite open risk; detail = the action, the reason is
    #: sealed in the client's risk records (it may hold clinical words).
    RISK_DECISION = "risk_decision"
    ROLLBACK_ACCEPTED = "rollback_accepted"
    MANIFESTS_CREATED = "manifests_created"
    REKEYED = "rekeyed"


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str  # ISO timestamp, UTC
    event: AuditEvent
    object_ids: tuple[str, ...]
    detail: str = ""  # never clinical: e.g. "3 failed attempts"


def _aad(vault_id: str, seq: int) -> bytes:
    return aead.associated_data("audit", vault_id, seq)


def _link(previous_hex: str, seq: int, sealed: bytes) -> bytes:
    """The bytes one chain MAC covers: the previous MAC, the position, the sealed entry."""
    return bytes.fromhex(previous_hex) + seq.to_bytes(8, "big") + sealed


def append(
    session: Session,
    key: bytes,
    vault_id: str,
    previous_head: str,
    seq: int,
    event: AuditEvent,
    object_ids: tuple[str, ...],
    detail: str = "",
) -> str:
    """Add entry ``seq``; returns the new chain head (hex) for the header."""
    body = {
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "event": event.value,
        "ids": list(object_ids),
        "detail": detail,
    }
    sealed = aead.seal(key, json.dumps(body).encode("utf-8"), _aad(vault_id, seq))
    mac = keys.mac(key, _link(previous_head, seq, sealed))
    session.add(AuditRow(seq=seq, payload=sealed, mac=mac))
    return mac.hex()


@dataclass(frozen=True)
class ChainReport:
    entries: tuple[AuditEntry, ...]
    first_broken: int | None  # seq of the first entry that fails, or count+1 if entries vanished
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.first_broken is None


def walk(session: Session, key: bytes, vault_id: str, head: str, count: int) -> ChainReport:
    """Check every link and that the chain ends exactly at the header's head and count."""
    previous = GENESIS
    entries: list[AuditEntry] = []
    expected_seq = 1
    for row in _rows(session):
        if row.seq != expected_seq:
            return ChainReport(tuple(entries), expected_seq, "an entry is missing")
        if not keys.mac_matches(key, _link(previous, row.seq, row.payload), row.mac):
            return ChainReport(tuple(entries), row.seq, "an entry was altered")
        try:
            body = json.loads(aead.open_sealed(key, row.payload, _aad(vault_id, row.seq)))
            entry = AuditEntry(
                row.seq,
                str(body["at"]),
                AuditEvent(body["event"]),
                tuple(str(i) for i in body["ids"]),
                str(body.get("detail", "")),
            )
        except (DecryptionError, ValueError, KeyError, TypeError):
            return ChainReport(tuple(entries), row.seq, "an entry cannot be read")
        entries.append(entry)
        previous = row.mac.hex()
        expected_seq += 1
    if len(entries) != count or previous != (head or GENESIS):
        broken = min(len(entries), count) + 1
        return ChainReport(tuple(entries), broken, "the newest entries were removed or replaced")
    return ChainReport(tuple(entries), None)


def rechain(session: Session, old_key: bytes, new_key: bytes, vault_id: str) -> tuple[str, int]:
    """Seal every entry again under ``new_key`` and recompute the chain (key rotation);
    the caller has checked the chain with ``walk`` first. Returns (head, count)."""
    previous = GENESIS
    count = 0
    for row in _rows(session):
        plaintext = aead.open_sealed(old_key, row.payload, _aad(vault_id, row.seq))
        sealed = aead.seal(new_key, plaintext, _aad(vault_id, row.seq))
        row.payload = sealed
        row.mac = keys.mac(new_key, _link(previous, row.seq, sealed))
        previous, count = row.mac.hex(), row.seq
    return previous, count


def _rows(session: Session) -> Iterator[AuditRow]:
    yield from session.scalars(select(AuditRow).order_by(AuditRow.seq))
