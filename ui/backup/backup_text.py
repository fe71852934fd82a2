"""How backup facts read on screen: local times, file sizes, kinds, default file names.

The services speak UTC ISO timestamps; a person reads "4 Mar 2025, 14:05" in their own time
zone. A default backup name holds only a date: never a client, never a vault path.
"""

import datetime as dt
from pathlib import Path

from ipt_desktop.services.backup_file import SUFFIX, BackupInfo, BackupKind
from ui.common.ui_text import NONE_TEXT, format_datetime

KIND_WORDS = {BackupKind.MANUAL: "made by hand", BackupKind.AUTOMATIC: "automatic"}
_UNITS = ("bytes", "KB", "MB", "GB", "TB")


def parse_utc(iso: str) -> dt.datetime | None:
    """An ISO timestamp from the services; a value without a zone is taken as UTC."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def local_time_text(iso: str, *, seconds: bool = False) -> str:
    """``4 Mar 2025, 14:05`` (``…14:05:09`` with seconds) in local time; the raw text if it
    does not parse, and an em dash for nothing."""
    if not iso:
        return NONE_TEXT
    moment = parse_utc(iso)
    if moment is None:
        return iso
    text = format_datetime(moment)
    return f"{text}:{moment.astimezone():%S}" if seconds else text


def size_text(size: int) -> str:
    """``812 bytes``, ``14.2 KB``, ``3.1 MB`` (powers of 1024, one decimal above bytes)."""
    value = float(max(0, size))
    for unit in _UNITS:
        if value < 1024 or unit == _UNITS[-1]:
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


def breakable_path(path: Path) -> str:
    """The path with invisible break points after each separator, so a label can wrap it."""
    return str(path).replace("/", "/\u200b").replace("\\", "\\\u200b")


def default_backup_name(today: dt.date | None = None) -> str:
    """``ipt-desktop-backup-2025-03-04.iptbackup``: a date, nothing else."""
    day = today or dt.date.today()
    return f"ipt-desktop-backup-{day:%Y-%m-%d}{SUFFIX}"


def with_suffix(path: Path) -> Path:
    """The path with the backup suffix added when the person typed a name without it."""
    return path if path.name.endswith(SUFFIX) else path.with_name(path.name + SUFFIX)


def backup_summary(info: BackupInfo) -> str:
    """One line about a backup, from its header: when, what kind, how recent its records."""
    return (
        f"Made {local_time_text(info.created_at)} ({KIND_WORDS[info.kind]}), with the "
        f"records as of {local_time_text(info.vault_written_at)} (write {info.generation})."
    )
