"""What this machine remembers about each vault it unlocked: no clinical data, no secrets.

One small JSON file per vault id under ``vault_location.state_dir()/vaults/``: the failed
unlock attempts since the last success (a failed attempt has no key, so it cannot write an
authenticated audit entry; the next successful unlock records them). Losing the file only
loses that hint, so reading never fails and writing is best effort. (The newest state seen
here, for rollback detection, is the MACed anchor of ``rollback_guard``.)
"""

import json
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ipt_desktop.atomic_file import write_atomically

from .location import state_dir


@dataclass(frozen=True)
class VaultMachineState:
    failed_attempts: int = 0
    first_failed_at: str = ""


def _path(vault_id: str) -> Path:
    # The id comes from a header not yet authenticated: only a real UUID names a file.
    return state_dir() / "vaults" / f"{uuid.UUID(vault_id)}.json"


def load(vault_id: str) -> VaultMachineState:
    try:
        body: Any = json.loads(_path(vault_id).read_text(encoding="utf-8"))
        return VaultMachineState(
            failed_attempts=max(0, int(body.get("failed_attempts", 0))),
            first_failed_at=str(body.get("first_failed_at", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return VaultMachineState()


def save(vault_id: str, state: VaultMachineState) -> bool:
    """Write atomically; False when the state folder cannot be written (never raises)."""
    body = {
        "failed_attempts": state.failed_attempts,
        "first_failed_at": state.first_failed_at,
    }
    try:
        target = _path(vault_id)
    except ValueError:
        return False
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, json.dumps(body, sort_keys=True).encode("utf-8"))
    except OSError:
        return False
    return True


def update(vault_id: str, **changes: Any) -> VaultMachineState:
    """Load, change some fields, save (best effort); returns the new state."""
    state = replace(load(vault_id), **changes)
    save(vault_id, state)
    return state
