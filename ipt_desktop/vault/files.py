"""The files of one vault directory and the lock that keeps a second process out."""

from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import StorageFullError, VaultInUseError

DB_NAME = "vault.sqlite3"
LOCK_NAME = "vault.lock"
BACKUPS_DIR = "backups"


@dataclass(frozen=True)
class VaultFiles:
    root: Path

    @property
    def db(self) -> Path:
        return self.root / DB_NAME

    @property
    def wal(self) -> Path:
        return self.root / (DB_NAME + "-wal")

    @property
    def shm(self) -> Path:
        return self.root / (DB_NAME + "-shm")

    @property
    def lock(self) -> Path:
        return self.root / LOCK_NAME

    @property
    def backups(self) -> Path:
        return self.root / BACKUPS_DIR

    def exists(self) -> bool:
        return self.db.is_file()


class ProcessLock:
    """An OS-level exclusive lock on ``vault.lock`` (flock / LockFileEx via filelock).

    The OS drops it when the process dies, so a crash never leaves the vault locked out.
    """

    def __init__(self, path: Path) -> None:
        self._lock = FileLock(str(path), timeout=0, thread_local=False, preserve_lock_file=True)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            raise VaultInUseError(
                "This vault is already open in another ipt-desktop window or process; "
                "close it there first."
            ) from None
        except PermissionError:
            raise StorageFullError(
                "The vault folder is read-only; ipt-desktop needs to write there."
            ) from None
        except OSError as exc:
            raise StorageFullError(f"The vault folder cannot be used ({exc.strerror}).") from None

    def release(self) -> None:
        self._lock.release()
        # Leave the lock file in place: deleting it races with another process taking it.

    @property
    def held(self) -> bool:
        return self._lock.is_locked
