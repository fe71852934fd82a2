"""Notice a vault file that is older than the last state this machine saw of it.

The header's write generation and audit chain head are authenticated, so a vault file
replaced by an older copy of itself (restored from a sync service, an old USB stick, or by
someone who wants a record gone) still opens, but with a lower generation, or the same
generation and another head (a fork). This machine remembers the newest it saw per vault id
(machine_state). We warn, we do not refuse: the person may have meant it, and refusing
would lock them out of their own records.

Limits: the memory is per machine and per user account; someone who can replace the
vault file can usually replace that state file too. It catches accidents and casual
tampering, not an attacker who owns the account.
"""

from dataclasses import dataclass

from . import machine_state
from .header import VaultHeader
from .machine_state import SeenState


@dataclass(frozen=True)
class RollbackWarning:
    last_written_at: str  # when the vault file now on disk was last written (UTC ISO)
    generation: int  # its write generation
    seen_generation: int  # the newest generation this machine saw of this vault
    seen_written_at: str

    @property
    def message(self) -> str:
        return (
            f"This vault file is older than the one this computer last saw: it was last "
            f"written {self.last_written_at} (write {self.generation}), but this computer "
            f"saw write {self.seen_generation} from {self.seen_written_at}. It may have been "
            "replaced by an older copy. Check your most recent records; if some are missing, "
            "restore the newest backup."
        )


def check(header: VaultHeader) -> RollbackWarning | None:
    """A warning when ``header`` (authenticated) is behind what this machine saw."""
    seen = machine_state.load(header.vault_id).seen
    if seen is None:
        return None
    behind = header.generation < seen.generation
    forked = header.generation == seen.generation and header.audit_head != seen.audit_head
    if not (behind or forked):
        return None
    return RollbackWarning(
        last_written_at=header.written_at,
        generation=header.generation,
        seen_generation=seen.generation,
        seen_written_at=seen.written_at,
    )


def remember(header: VaultHeader) -> None:
    """Record ``header`` as the newest state seen (after an unlock, a save, a restore)."""
    machine_state.update(
        header.vault_id,
        seen=SeenState(header.generation, header.audit_head, header.written_at),
    )
