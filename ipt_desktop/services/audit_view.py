"""The audit log as a person reads it: every entry, and whether the chain still holds.

``audit_entries`` walks the chain of an unlocked vault (``audit_log.walk``) against the
header's head and count. The read runs in one transaction, which SQLite opens with BEGIN
IMMEDIATE here, so no write can land between reading the header and reading the entries;
the authenticated header the vault holds in memory is used only when it is exactly the one
stored (a write committed on another thread updates the memory a moment after the file).
Nothing is written: looking at the log is not itself an audit event.
"""

import time

from ipt_desktop.store.tables import HeaderRow
from ipt_desktop.vault import audit_log
from ipt_desktop.vault.audit_log import ChainReport
from ipt_desktop.vault.vault import Vault

_SETTLE_TRIES = 5
_SETTLE_SECONDS = 0.02


def audit_entries(vault: Vault) -> ChainReport:
    """The entries of the unlocked ``vault`` (oldest first) and the state of the chain.

    VaultLockedError when locked. When an entry is broken, the entries before it are
    returned and ``first_broken`` / ``problem`` say where and what."""
    key = vault.purpose_key("audit")
    for attempt in range(_SETTLE_TRIES):
        with vault.reading() as session:
            row = session.get(HeaderRow, 1)  # the first read takes the write lock
            header = vault.header
            settled = row is not None and bytes(row.body) == header.encode()
            if settled or attempt == _SETTLE_TRIES - 1:
                return audit_log.walk(
                    session, key, header.vault_id, header.audit_head, header.audit_count
                )
        time.sleep(_SETTLE_SECONDS)
    raise AssertionError("unreachable")  # pragma: no cover - the loop always returns
