"""What the vault's backup folder holds, read from the backups' headers (no key, no Qt).

Used to say "12 backups, the newest made 4 Mar 2025" before any passphrase is typed. The
headers are not authenticated until a backup is opened; the order is the one
``automatic_backups.newest_valid_backup`` tries them in (newest stated time first).
"""

from dataclasses import dataclass
from pathlib import Path

from ipt_desktop.services.backup_file import SUFFIX, BackupDamagedError, BackupInfo, read_info
from ipt_desktop.vault.files import VaultFiles


@dataclass(frozen=True)
class ListedBackup:
    path: Path
    info: BackupInfo | None  # None: the header cannot be read (tried last, will fail)


def backups_folder(vault_dir: Path) -> Path:
    return VaultFiles(Path(vault_dir)).backups


def list_backups(vault_dir: Path) -> list[ListedBackup]:
    """Every backup file in the vault's ``backups/`` folder, newest stated time first."""
    folder = backups_folder(vault_dir)
    if not folder.is_dir():
        return []
    found: list[tuple[str, ListedBackup]] = []
    try:
        paths = [p for p in folder.glob(f"*{SUFFIX}") if not p.name.startswith(".")]
    except OSError:
        return []
    for path in paths:
        if not path.is_file():
            continue
        try:
            info: BackupInfo | None = read_info(path)
        except BackupDamagedError:
            info = None
        found.append((info.created_at if info is not None else "", ListedBackup(path, info)))
    found.sort(key=lambda item: (item[0], item[1].path.name), reverse=True)
    return [listed for _created, listed in found]


def read_header(path: Path) -> tuple[BackupInfo | None, str]:
    """(header, "") or (None, why it cannot be read) for a file the person picked."""
    try:
        return read_info(path), ""
    except BackupDamagedError as exc:
        return None, str(exc)
