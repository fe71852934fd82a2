"""The vault header: what is needed to unlock, authenticated under a key from the master key.

The body is canonical JSON (sorted keys, no spaces) holding no clinical data. Its MAC uses
HKDF(master, "header-mac"), so any edit to the KDF parameters, the wrapped keys, the write
generation, the audit head or the manifest root (which clients exist, and the digest of
each one's sealed manifest) is noticed as soon as the vault is unlocked.
"""

import json
from dataclasses import dataclass, replace
from typing import Any

from ipt_desktop.crypto.errors import KdfParametersError
from ipt_desktop.crypto.kdf import KdfParams

from .errors import VaultChangedError

FORMAT_VERSION = 1
# No header is ever this large; a bigger one is refused before parsing.
MAX_HEADER_BYTES = 64 * 1024


@dataclass(frozen=True)
class VaultHeader:
    vault_id: str
    created_at: str  # ISO timestamp (UTC)
    kdf: KdfParams
    wrapped_by_passphrase: bytes
    recovery_salt: bytes
    wrapped_by_recovery: bytes
    generation: int = 0
    written_at: str = ""
    audit_head: str = ""  # hex MAC of the newest audit entry
    audit_count: int = 0
    #: Hex SHA-256 over every (client id, manifest digest) pair; "" before the upgrade.
    manifest_root: str = ""
    #: 0: written before sealed manifests (upgraded at the next unlock); 1: manifests.
    manifest_format: int = 0
    #: Set (with when) once the clients' manifests were found not to match the root at a
    #: write: a client or a manifest was removed or put back outside ipt-desktop. Stays
    #: until the therapist accepts the vault as it is.
    manifest_alert: str = ""
    format_version: int = FORMAT_VERSION

    def bumped(self, written_at: str) -> "VaultHeader":
        return replace(self, generation=self.generation + 1, written_at=written_at)

    def encode(self) -> bytes:
        body: dict[str, Any] = {
            "format": self.format_version,
            "vault_id": self.vault_id,
            "created_at": self.created_at,
            "kdf": self.kdf.to_dict(),
            "wrapped_by_passphrase": self.wrapped_by_passphrase.hex(),
            "recovery_salt": self.recovery_salt.hex(),
            "wrapped_by_recovery": self.wrapped_by_recovery.hex(),
            "generation": self.generation,
            "written_at": self.written_at,
            "audit_head": self.audit_head,
            "audit_count": self.audit_count,
            "manifest_root": self.manifest_root,
            "manifest_format": self.manifest_format,
            "manifest_alert": self.manifest_alert,
        }
        return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")

    @classmethod
    def decode(cls, raw: bytes) -> "VaultHeader":
        """Parse and range-check (KDF ceiling included) without doing any key derivation."""
        if len(raw) > MAX_HEADER_BYTES:
            raise ValueError("the vault header is too large")
        body = json.loads(raw.decode("ascii"))
        if not isinstance(body, dict) or body.get("format") != FORMAT_VERSION:
            raise ValueError("unsupported vault format")
        generation = body["generation"]
        audit_count = body["audit_count"]
        manifest_format = body.get("manifest_format", 0)
        if not all(isinstance(n, int) for n in (generation, audit_count, manifest_format)):
            raise ValueError("bad counters in the vault header")
        return cls(
            vault_id=str(body["vault_id"]),
            created_at=str(body["created_at"]),
            kdf=KdfParams.from_dict(body["kdf"]),
            wrapped_by_passphrase=bytes.fromhex(body["wrapped_by_passphrase"]),
            recovery_salt=bytes.fromhex(body["recovery_salt"]),
            wrapped_by_recovery=bytes.fromhex(body["wrapped_by_recovery"]),
            generation=generation,
            written_at=str(body["written_at"]),
            audit_head=str(body["audit_head"]),
            audit_count=audit_count,
            manifest_root=str(body.get("manifest_root", "")),
            manifest_format=manifest_format,
            manifest_alert=str(body.get("manifest_alert", "")),
        )


ANOTHER_WRITER = (
    "Another program wrote to this vault while it was open here, so this change was not "
    "saved (the vault was not touched). Keep your text, close ipt-desktop everywhere, open "
    "the vault again and save once more."
)


def check_same_writer(stored_body: bytes | None, mine: VaultHeader) -> VaultHeader:
    """The stored header, decoded, when it is the one this process last wrote or read
    (same generation and audit head); VaultChangedError otherwise: another writer got in
    (the lock file was deleted under an open vault, a second copy of the app). Called
    inside BEGIN IMMEDIATE, before anything is written."""
    try:
        stored = None if stored_body is None else VaultHeader.decode(stored_body)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, KdfParametersError):
        stored = None
    if stored is None or (stored.generation, stored.audit_head) != (
        mine.generation,
        mine.audit_head,
    ):
        raise VaultChangedError(ANOTHER_WRITER)
    return stored
