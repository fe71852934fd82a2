"""Owner-only file modes for a vault folder on POSIX (Windows profiles are per-user)."""

import os
import stat
from contextlib import suppress
from pathlib import Path

from .files import VaultFiles


def tighten_modes(files: VaultFiles) -> None:
    """Owner-only on POSIX: take group and other permissions off the vault folder, its
    files and its sub-folders (backups, replaced), however they were made (an older
    release, a copy, a restore by hand). The owner's own bits are left as they are."""
    if os.name != "posix":
        return
    with suppress(OSError):
        _drop_group_and_other(files.root)
        for path in files.root.iterdir():
            if path.is_symlink():
                continue
            _drop_group_and_other(path)
            if path.is_dir():
                for inner in path.iterdir():
                    if not inner.is_symlink():
                        _drop_group_and_other(inner)


def _drop_group_and_other(path: Path) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        os.chmod(path, mode & 0o700)


def restrict_permissions(path: Path, mode: int) -> None:
    """Owner-only access on POSIX (Windows user profiles are already per-user)."""
    if os.name == "posix":
        os.chmod(path, mode)
