"""Unlocking a vault the way the GUI and the CLI both do it (Qt-free).

``unlock`` refuses a damaged database before writing anything to it, unlocks with the
passphrase or the recovery key, records the failed attempts made on this machine since the
last success and then the unlock itself in the audit log, and compares the authenticated
header with the newest state this machine saw (rollback_guard). SQLite's quick check runs
on a worker thread beside the key derivation (both release the GIL; on a large practice
each takes a second or so), and is waited for before anything is decided or written.
``remember_state`` is for the moments a session ends (lock, close), so a copy taken
mid-session is noticed too.
"""

import sqlite3
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError

from ipt_desktop.store.database import READS_ONLY
from ipt_desktop.vault import machine_state, rollback_guard
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.errors import (
    StorageFullError,
    VaultDamagedError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from ipt_desktop.vault.manifest import compute_root, orphan_manifests
from ipt_desktop.vault.rollback_guard import RollbackWarning
from ipt_desktop.vault.vault import Vault, utc_now

from .unlock_secret import UnlockSecret, unlock_vault

DAMAGED_MESSAGE = (
    "The vault file is damaged ({problem}). It was not changed. Restore it from the "
    "newest valid backup."
)


@dataclass(frozen=True)
class UnlockOutcome:
    last_written_at: str  # when the vault was last written before this unlock (UTC ISO)
    generation: int  # its write generation at that moment
    failed_attempts: int  # failed unlocks on this machine since the last successful one
    rollback: RollbackWarning | None  # the file is older than this machine last saw
    audit_problem: str = ""  # set when the unlock could not be written to the audit log
    #: Set when clients or manifests were removed or put back outside ipt-desktop.
    manifest_alert: str = ""


def database_problems(vault: Vault) -> list[str]:
    """SQLite's quick check of the open (locked) vault; empty when the file is sound.

    In a deferred (read) transaction: it takes no write lock, so the header reads of the
    unlock running beside it are not held up."""
    try:
        with vault.engine.execution_options(**{READS_ONLY: True}).connect() as conn:
            rows = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
    except (DBAPIError, sqlite3.Error) as exc:
        return [f"SQLite cannot read it: {getattr(exc, 'orig', None) or exc}"]
    problems = [str(row[0]) for row in rows]
    return [] if problems == ["ok"] else problems


def unlock(vault: Vault, secret: UnlockSecret) -> UnlockOutcome:
    """Unlock ``vault`` (opened with Vault.open) and record it.

    VaultDamagedError (nothing written) for a damaged file, whatever the secret;
    WrongPassphraseError or WrongRecoveryKeyError (counted on this machine) for a wrong
    secret on a sound file."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="vault-check") as pool:
        check = pool.submit(database_problems, vault)
        try:
            stored = vault.stored_header()  # not yet authenticated: only a file name
            vault_id = stored.vault_id
            if stored.manifest_format == 0:
                # The first unlock of an older vault writes its manifests: check first.
                _refuse_if_damaged(vault, check)
            unlock_vault(vault, secret)
        except Exception as exc:
            _refuse_if_damaged(vault, check)
            if isinstance(exc, WrongPassphraseError | WrongRecoveryKeyError):
                _count_failed_attempt(vault_id)
            raise
        _refuse_if_damaged(vault, check)
    header = vault.header  # authenticated by the unlock
    warning = rollback_guard.check(vault)
    failures = machine_state.load(header.vault_id)
    audit_problem = ""
    try:
        if failures.failed_attempts:
            vault.record_event(
                AuditEvent.UNLOCK_FAILED,
                detail=f"{failures.failed_attempts} failed attempt(s) on this computer "
                f"since {failures.first_failed_at}",
            )
        vault.record_event(AuditEvent.UNLOCK, detail=f"with the {secret.kind.value}")
    except StorageFullError as exc:
        # Availability first: the records stay readable; the person is told.
        audit_problem = f"This unlock could not be written to the audit log: {exc}"
    else:
        machine_state.update(header.vault_id, failed_attempts=0, first_failed_at="")
    rollback_guard.remember(vault)
    return UnlockOutcome(
        last_written_at=header.written_at,
        generation=header.generation,
        failed_attempts=failures.failed_attempts,
        rollback=warning,
        audit_problem=audit_problem,
        manifest_alert=manifest_alert_text(vault),
    )


def _refuse_if_damaged(vault: Vault, check: "Future[list[str]]") -> None:
    """Wait for the quick check; when it found the file damaged, drop any keys the unlock
    beside it accepted (nothing remembered, nothing written) and raise VaultDamagedError."""
    try:
        problems = check.result()
    except BaseException:
        vault.lock(remember=False)
        raise
    if problems:
        vault.lock(remember=False)
        raise VaultDamagedError(DAMAGED_MESSAGE.format(problem=problems[0])) from None


def _count_failed_attempt(vault_id: str) -> None:
    before = machine_state.load(vault_id)
    machine_state.update(
        vault_id,
        failed_attempts=before.failed_attempts + 1,
        first_failed_at=before.first_failed_at or utc_now(),
    )


MANIFEST_ALERT = (
    "The list of clients in this vault does not match what ipt-desktop last wrote: a "
    "client's records were removed or put back from an older copy outside ipt-desktop "
    "({when}). Check your clients and restore the newest backup if one is missing "
    "(ipt-desktop verify lists what is wrong). Until you accept the vault as it is, this "
    "warning is shown at every unlock."
)


def manifest_alert_text(vault: Vault) -> str:
    """The warning for a vault whose clients do not match the manifest root ("" if none)."""
    header = vault.header
    if header.manifest_alert:
        return MANIFEST_ALERT.format(when=header.manifest_alert)
    with vault.reading() as db:
        if not header.manifest_format:
            return ""
        missing = orphan_manifests(db)
        if missing:
            return MANIFEST_ALERT.format(when="missing: client " + ", ".join(missing))
        if compute_root(db) != header.manifest_root:
            return MANIFEST_ALERT.format(when="noticed at this unlock")
    return ""


def accept_current(vault: Vault) -> None:
    """The therapist accepts the vault as it is now: the rollback flag and the manifest
    alert are cleared, and the decision goes into the audit log."""
    detail = "the therapist accepted the vault as it is"
    with vault.transaction(
        AuditEvent.ROLLBACK_ACCEPTED, detail=detail, header_update={"manifest_alert": ""}
    ):
        pass
    rollback_guard.register(vault)


def remember_state(vault: Vault) -> None:
    """Note the unlocked vault's current generation as seen (call on lock and on close)."""
    if vault.is_unlocked:
        rollback_guard.remember(vault)
