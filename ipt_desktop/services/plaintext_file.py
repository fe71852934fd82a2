"""Writing an export file (plaintext by nature): owner-readable only, atomically, fsynced."""

import os
import uuid
from pathlib import Path

from ipt_desktop.vault.errors import StorageFullError


def write_plaintext(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` through a temp file; nothing is left on failure."""
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise StorageFullError(
            f"The export cannot be written there ({exc.strerror or 'error'}); nothing was written."
        ) from None
