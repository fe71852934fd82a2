"""Failures a person can act on. Messages are one clear line, never clinical content."""


class VaultError(Exception):
    """Base of every failure the services report to the GUI or CLI."""


class VaultMissingError(VaultError):
    pass


class VaultExistsError(VaultError):
    pass


class VaultInUseError(VaultError):
    """Another ipt-desktop process has the vault open."""


class WrongPassphraseError(VaultError):
    pass


class WrongRecoveryKeyError(VaultError):
    pass


class VaultDamagedError(VaultError):
    """The vault file or its header is damaged or was altered."""


class RecordDamagedError(VaultError):
    """One sealed record did not authenticate. ``record_id`` is safe to show."""

    def __init__(self, table: str, record_id: str) -> None:
        super().__init__(f"record {record_id} in {table} is damaged or was altered")
        self.table = table
        self.record_id = record_id


class WeakPassphraseError(VaultError):
    def __init__(self, message: str, suggestions: tuple[str, ...]) -> None:
        super().__init__(message)
        self.suggestions = suggestions


class VaultLockedError(VaultError):
    """The vault is locked: keys were dropped. Unlock first."""


class StorageFullError(VaultError):
    """The disk is full or the vault folder is read-only; nothing was lost."""


class VaultChangedError(VaultError):
    """Another writer changed the vault since this process read its header."""


def storage_message(sqlite_text: str) -> str:
    """What SQLite's OperationalError text means to the person (nothing was saved)."""
    if "full" in sqlite_text:
        return "The disk is full: the change was not saved. Free some space and save again."
    if "readonly" in sqlite_text or "read-only" in sqlite_text:
        return "The vault folder is read-only: the change was not saved."
    if "locked" in sqlite_text:
        return "The vault is busy; try again in a moment."
    return "The vault could not be written; the change was not saved."
