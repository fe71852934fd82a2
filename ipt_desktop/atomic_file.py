"""Replace a file so that a crash leaves either the old file or the new one, never half.

The one way the core writes a whole file (exports, PDFs, machine state): the bytes go to a
new owner-only temporary file beside the target, are fsynced, renamed over the target, and
the folder is fsynced so the rename itself survives a power cut. On any failure the
temporary file is removed and the target is untouched. No project imports: every layer may
use it.
"""

import contextlib
import os
import secrets
from pathlib import Path

_O_BINARY: int = getattr(os, "O_BINARY", 0)


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (no-op where the OS cannot)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (owner-only, 0600) through a fsynced temporary file and a
    rename, then fsync the folder. OSError goes to the caller, with nothing left behind."""
    path = Path(path)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    fsync_dir(path.parent)
