"""Notice a vault file that is older than the last state this machine saw of it.

The header's write generation and audit chain head are authenticated, so a vault file
replaced by an older copy of itself (a sync service, an old USB stick, someone who wants a
record gone) still opens, but behind what this machine saw, or on another branch (a fork).

The anchor: one small file per (vault id, folder) in the per-user state folder holding the
newest generation, audit count and audit head seen there, MACed with a key derived from
the master key (so it cannot be edited or forged without the passphrase). An older vault
stays flagged at every open, and in ``verify``, until the therapist accepts it
(``accept_current``, recorded in the audit log); writes made meanwhile do not clear the
flag, because the anchored audit entry is still missing from the vault's chain. A restore
registers itself (``register``), and a copy restored into another folder has its own
anchor, so neither gives a false warning.

Limits (docs/security.md): the anchor lives on the same machine and account as the vault;
an attacker who replaces both the vault and the anchor with an older matching pair, or
deletes the anchor, is not noticed. That needs a counter outside the attacker's reach.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ipt_desktop.atomic_file import write_atomically
from ipt_desktop.crypto import keys
from ipt_desktop.store.tables import AuditRow

from .location import state_dir
from .vault_parts import AnchoredVault


@dataclass(frozen=True)
class RollbackWarning:
    last_written_at: str  # when the vault file now on disk was last written (UTC ISO)
    generation: int  # its write generation
    seen_generation: int  # the newest generation this machine saw of this vault
    seen_written_at: str
    anchor_altered: bool = False  # the anchor file did not authenticate

    @property
    def message(self) -> str:
        if self.anchor_altered:
            return (
                "The record this computer keeps of this vault's newest state was altered or "
                "replaced, so an older copy of the vault cannot be ruled out. Check your "
                "most recent records; if some are missing, restore the newest backup. "
                "Accept the vault as it is to stop this warning."
            )
        return (
            f"This vault file is older than the one this computer last saw: it was last "
            f"written {self.last_written_at} (write {self.generation}), but this computer "
            f"saw write {self.seen_generation} from {self.seen_written_at}. It may have been "
            "replaced by an older copy. Check your most recent records; if some are missing, "
            "restore the newest backup. Until you accept the vault as it is, this warning "
            "is shown at every unlock."
        )


@dataclass(frozen=True)
class Anchor:
    generation: int
    audit_count: int
    audit_head: str
    written_at: str


def anchor_path(vault_id: str, folder: Path) -> Path:
    place = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:24]
    return state_dir() / "anchors" / f"{vault_id}-{place}.json"


def _body(vault_id: str, folder: Path, anchor: Anchor) -> bytes:
    fields: dict[str, Any] = {
        "vault_id": vault_id,
        "folder": str(folder.resolve()),
        "generation": anchor.generation,
        "audit_count": anchor.audit_count,
        "audit_head": anchor.audit_head,
        "written_at": anchor.written_at,
    }
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _load(vault: AnchoredVault) -> Anchor | bool | None:
    """The anchor (authenticated), None when there is none, False when it was altered."""
    path = anchor_path(vault.vault_id, vault.anchor_folder)
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        anchor = Anchor(
            int(stored["generation"]),
            int(stored["audit_count"]),
            str(stored["audit_head"]),
            str(stored["written_at"]),
        )
        mac = bytes.fromhex(str(stored["mac"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return False
    body = _body(vault.vault_id, vault.anchor_folder, anchor)
    if not keys.mac_matches(vault.purpose_key("anchor"), body, mac):
        return False
    return anchor


def check(vault: AnchoredVault) -> RollbackWarning | None:
    """A warning when the unlocked vault is not a descendant of what this machine saw."""
    anchor = _load(vault)
    header = vault.header
    if anchor is None:
        return None
    if anchor is False:
        return RollbackWarning(header.written_at, header.generation, 0, "", anchor_altered=True)
    assert isinstance(anchor, Anchor)
    if _descends(vault, anchor):
        return None
    return RollbackWarning(
        last_written_at=header.written_at,
        generation=header.generation,
        seen_generation=anchor.generation,
        seen_written_at=anchor.written_at,
    )


def _descends(vault: AnchoredVault, anchor: Anchor) -> bool:
    header = vault.header
    if header.generation < anchor.generation or header.audit_count < anchor.audit_count:
        return False
    if anchor.audit_count == 0:
        return True
    with vault.reading() as db:
        row = db.get(AuditRow, anchor.audit_count)
        return row is not None and hmac.compare_digest(row.mac.hex(), anchor.audit_head)


def remember(vault: AnchoredVault) -> None:
    """Move the anchor forward to the unlocked vault's state, unless it is flagged."""
    if check(vault) is None:
        _write(vault)


def register(vault: AnchoredVault) -> None:
    """Anchor the vault as it is now (a restore; the therapist accepted it)."""
    _write(vault)


def _write(vault: AnchoredVault) -> None:
    header = vault.header
    anchor = Anchor(header.generation, header.audit_count, header.audit_head, header.written_at)
    body = _body(vault.vault_id, vault.anchor_folder, anchor)
    stored = {
        "generation": anchor.generation,
        "audit_count": anchor.audit_count,
        "audit_head": anchor.audit_head,
        "written_at": anchor.written_at,
        "mac": keys.mac(vault.purpose_key("anchor"), body).hex(),
    }
    target = anchor_path(vault.vault_id, vault.anchor_folder)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, json.dumps(stored, sort_keys=True).encode("utf-8"))
    except OSError:
        return  # best effort: the next lock or save writes it again
