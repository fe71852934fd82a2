"""Automatic backups in the vault's ``backups/`` folder, and finding the newest good one.

Policy: the GUI calls ``run_automatic_backup`` when the vault closes and from a timer while
it stays open; a backup is made when none was made yet on this (local) calendar day, and the
newest ``keep_count`` automatic backups are kept (a sealed vault setting, default 10). Only
files named by this module are ever pruned; a manual backup saved into the folder under
another name stays. The folder also holds nothing else: no name, no clinical word.
"""

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ipt_desktop.crypto.backup_stream import DEFAULT_CHUNK_SIZE
from ipt_desktop.vault.errors import WrongPassphraseError, WrongRecoveryKeyError
from ipt_desktop.vault.files import VaultFiles
from ipt_desktop.vault.settings import read_setting, write_setting
from ipt_desktop.vault.vault import Vault

from . import practice_memory
from .backup import BackupResult, write_backup
from .backup_file import (
    SUFFIX,
    BackupDamagedError,
    BackupKind,
    BackupProgress,
    open_backup,
    read_info,
    remove_partials_in,
)
from .unlock_secret import UnlockSecret

KEEP_SETTING = "backups.keep"
DEFAULT_KEEP = 10
MIN_KEEP = 1
MAX_KEEP = 365
_STAMP = "%Y%m%dT%H%M%SZ"
_AUTOMATIC_NAME = re.compile(r"^ipt-desktop-(\d{8}T\d{6}Z)(?:-(\d+))?" + re.escape(SUFFIX) + "$")


@dataclass(frozen=True)
class AutomaticBackup:
    path: Path
    made_at: dt.datetime  # UTC, from the file name


def automatic_backups(vault_dir: Path) -> list[AutomaticBackup]:
    """The automatic backups of a vault, newest first (by the time in their names)."""
    folder = VaultFiles(Path(vault_dir)).backups
    found: list[AutomaticBackup] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _AUTOMATIC_NAME.match(path.name)
        if match and path.is_file():
            made = dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)
            found.append(AutomaticBackup(path, made))
    found.sort(key=lambda b: (b.made_at, b.path.name), reverse=True)
    return found


def keep_count(vault: Vault) -> int:
    value = read_setting(vault, KEEP_SETTING)
    if isinstance(value, int) and not isinstance(value, bool) and MIN_KEEP <= value <= MAX_KEEP:
        return value
    return DEFAULT_KEEP


def set_keep_count(vault: Vault, count: int) -> None:
    if isinstance(count, bool) or not MIN_KEEP <= count <= MAX_KEEP:
        raise ValueError(f"keep between {MIN_KEEP} and {MAX_KEEP} automatic backups")
    with practice_memory.tracked(vault):
        write_setting(vault, KEEP_SETTING, count)


def automatic_backup_due(vault: Vault, now: dt.datetime | None = None) -> bool:
    """True when no automatic backup was made on today's local calendar day (or the newest
    one is dated in the future: a clock that was wrong then or is wrong now)."""
    moment = now or dt.datetime.now(dt.UTC)
    existing = automatic_backups(vault.files.root)
    if not existing:
        return True
    newest = existing[0].made_at
    if newest > moment + dt.timedelta(minutes=5):
        return True
    return newest.astimezone().date() < moment.astimezone().date()


def run_automatic_backup(
    vault: Vault,
    *,
    now: dt.datetime | None = None,
    progress: BackupProgress | None = None,
    force: bool = False,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> BackupResult | None:
    """Make an automatic backup if one is due (or ``force``), then prune; None if not due."""
    if not (force or automatic_backup_due(vault, now)):
        return None
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    folder = vault.files.backups
    folder.mkdir(mode=0o700, exist_ok=True)
    remove_partials_in(folder)  # we hold the vault lock: no other writer can be at work
    dest = _free_name(folder, moment)
    result = write_backup(
        vault, dest, kind=BackupKind.AUTOMATIC, progress=progress, chunk_size=chunk_size
    )
    prune(vault.files.root, keep_count(vault))
    return result


def _free_name(folder: Path, moment: dt.datetime) -> Path:
    base = f"ipt-desktop-{moment.strftime(_STAMP)}"
    candidate, n = folder / f"{base}{SUFFIX}", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{base}-{n}{SUFFIX}"
    return candidate


def prune(vault_dir: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; returns what was deleted."""
    removed: list[Path] = []
    for old in automatic_backups(vault_dir)[max(keep, MIN_KEEP) :]:
        try:
            old.path.unlink()
        except OSError:
            continue
        removed.append(old.path)
    return removed


def newest_valid_backup(
    vault_dir: Path, secret: UnlockSecret, progress: BackupProgress | None = None
) -> Path | None:
    """The newest backup in the vault's ``backups/`` folder that opens with ``secret`` and
    verifies in full (damaged vault: the one to offer for restore). None if none is valid;
    the wrong-secret error when some backup refused the secret and none opened."""
    refused: WrongPassphraseError | WrongRecoveryKeyError | None = None
    for path in _candidates(VaultFiles(Path(vault_dir)).backups):
        try:
            open_backup(path, secret, progress)
        except (WrongPassphraseError, WrongRecoveryKeyError) as exc:
            refused = exc
            continue
        except BackupDamagedError:
            continue
        return path
    if refused is not None:
        raise refused
    return None


def _candidates(folder: Path) -> list[Path]:
    """Every backup file in ``folder``, newest first by the time its header states."""
    if not folder.is_dir():
        return []
    dated: list[tuple[str, Path]] = []
    for path in folder.glob(f"*{SUFFIX}"):
        if not path.is_file() or path.name.startswith("."):
            continue
        try:
            created = read_info(path).created_at
        except BackupDamagedError:
            created = ""  # unreadable header: tried last, and will fail verification
        dated.append((created, path))
    dated.sort(key=lambda item: (item[0], item[1].name), reverse=True)
    return [path for _created, path in dated]
