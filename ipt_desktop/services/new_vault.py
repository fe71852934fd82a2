"""Undo a vault that was just created and never used (the first-run wizard cancelled before
the recovery key was confirmed): the next start then begins at the wizard again instead of
finding a vault whose recovery key nobody saw."""

import contextlib
import shutil

from ipt_desktop.vault.vault import Vault


def discard_new_vault(vault: Vault) -> None:
    """Close ``vault`` and delete its files; its folder too, when nothing else is in it.

    Only for a vault created moments ago by the caller: it holds no records yet.
    """
    files = vault.files
    vault.close()
    for path in (files.db, files.wal, files.shm, files.lock):
        path.unlink(missing_ok=True)
    if files.backups.is_dir():
        shutil.rmtree(files.backups, ignore_errors=True)
    with contextlib.suppress(OSError):
        files.root.rmdir()  # only when nothing else is in the folder
