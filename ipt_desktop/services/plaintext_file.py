"""Writing an export file (plaintext by nature): owner-readable only, atomically, fsynced
(file and folder, through ``atomic_file``); a failure is one sentence and leaves nothing."""

from pathlib import Path

from ipt_desktop.atomic_file import write_atomically
from ipt_desktop.vault.errors import StorageFullError


def write_plaintext(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` through a temp file; nothing is left on failure."""
    try:
        write_atomically(Path(path), text.encode("utf-8"))
    except OSError as exc:
        raise StorageFullError(
            f"The export cannot be written there ({exc.strerror or 'error'}); nothing was written."
        ) from None
