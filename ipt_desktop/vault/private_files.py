"""New files that hold vault data: created owner-only, never over an existing file, synced
to disk before anyone relies on them; and OSError turned into one sentence a person can act
on (the disk is full, the folder is read-only...)."""

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .errors import StorageFullError

_O_BINARY: int = getattr(os, "O_BINARY", 0)
# EFBIG: a file-size limit (RLIMIT_FSIZE) means the same to the person as a full disk.
_DISK_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


@contextmanager
def new_private_file(path: Path) -> Iterator[BinaryIO]:
    """Create ``path`` (it must not exist) readable by its owner only; on a clean exit the
    data is flushed and fsynced. The caller removes the file if anything fails."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o600)
    with os.fdopen(fd, "wb") as out:
        yield out
        out.flush()
        os.fsync(out.fileno())


@contextmanager
def storage_errors(outcome: str) -> Iterator[None]:
    """OSError -> StorageFullError with one clear line ending in ``outcome``."""
    try:
        yield
    except OSError as exc:
        raise StorageFullError(storage_problem(exc, outcome)) from None


def storage_problem(exc: OSError, outcome: str) -> str:
    if exc.errno in _DISK_FULL:
        return f"The disk is full: {outcome}. Free some space and try again."
    if exc.errno in _READ_ONLY:
        return f"The folder is read-only: {outcome}."
    if exc.errno == errno.ENOENT:
        return f"The folder does not exist: {outcome}."
    return f"The file could not be written ({exc.strerror}): {outcome}."
