"""Backups, restore, the audit log and the unlock checks, as the shell calls them.

Every entry point is modal (closed on lock like every dialog) and runs long work on the
backup worker (``background``: one thread, so backups and restores never overlap).

    open_backup_dialog(parent, vault, *, folder_memory=None) -> BackupResult | None
        File > Back up now…  (``folder_memory``: AppSettings, remembers the last folder)
    open_restore_dialog(parent, vault_dir, *, close_current_vault=None, reopen=None,
                        problem="", source=RestoreSource.NEWEST) -> RestoreResult | None
        File > Restore from a backup…  (pass ``vault.close`` and a reopen callable: the
        process lock must be free; reopen(vault_dir) is called after the attempt, success
        or not, whenever the vault was closed for it)
    open_audit_log(parent, vault) -> None
        File (or Help) > Audit log…
    show_unlock_outcome(parent, outcome, status_bar=None, *, failures_seen_here=0)
        -> UnlockNoticeChoice     after every unlock (RESTORE: open the restore dialog)
    show_damaged_vault(parent, vault_dir, error) -> DamagedVaultChoice
    handle_damaged_vault(parent, vault_dir, error, *, close_current_vault=None,
                         reopen=None) -> RestoreResult | None
        on VaultDamagedError from Vault.open or the unlock (message, then restore)
    AutomaticBackups(vault_provider, parent=None)
        daily while open (``start()``), ``runBeforeClose()`` / ``runBeforeLock()``,
        ``keepCount()`` / ``setKeepCount(n)`` for the settings dialog
    wait_for_backup_work(msecs=-1) -> bool
        at quit, before the vault is closed
"""

from .audit_log_view import AuditLogDialog, open_audit_log
from .automatic import KEEP_RANGE, AutomaticBackups
from .background import backup_work_running, wait_for_backup_work
from .backup_dialog import BackupDialog, FolderMemory, open_backup_dialog
from .damaged_vault import (
    DamagedVaultChoice,
    DamagedVaultDialog,
    handle_damaged_vault,
    show_damaged_vault,
)
from .restore_dialog import RestoreDialog, open_restore_dialog
from .restore_flow import RestoreSource
from .rollback_notice import (
    UnlockNotice,
    UnlockNoticeChoice,
    last_written_text,
    show_last_written,
    show_unlock_outcome,
)

__all__ = [
    "KEEP_RANGE",
    "AuditLogDialog",
    "AutomaticBackups",
    "BackupDialog",
    "DamagedVaultChoice",
    "DamagedVaultDialog",
    "FolderMemory",
    "RestoreDialog",
    "RestoreSource",
    "UnlockNotice",
    "UnlockNoticeChoice",
    "backup_work_running",
    "handle_damaged_vault",
    "last_written_text",
    "open_audit_log",
    "open_backup_dialog",
    "open_restore_dialog",
    "show_damaged_vault",
    "show_last_written",
    "show_unlock_outcome",
    "wait_for_backup_work",
]
