"""What opens a vault or a backup of it: the passphrase, or the recovery key.

A backup carries a copy of the vault header's wrapped master keys, so the same secret
(the passphrase valid when the backup was made, or the recovery key) unwraps both.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from ipt_desktop.crypto import keys, recovery_key
from ipt_desktop.crypto.errors import DecryptionError, RecoveryKeyFormatError
from ipt_desktop.crypto.kdf import derive_key, normalise_passphrase

from .errors import WrongPassphraseError, WrongRecoveryKeyError
from .vault import Vault
from .vault_header import VaultHeader


class SecretKind(StrEnum):
    PASSPHRASE = "passphrase"
    RECOVERY_KEY = "recovery_key"


@dataclass(frozen=True)
class UnlockSecret:
    kind: SecretKind
    text: str = field(repr=False)  # never in a repr, a log or a traceback

    @classmethod
    def passphrase(cls, text: str) -> "UnlockSecret":
        return cls(SecretKind.PASSPHRASE, text)

    @classmethod
    def recovery_key(cls, text: str) -> "UnlockSecret":
        return cls(SecretKind.RECOVERY_KEY, text)


def unlock_vault(vault: Vault, secret: UnlockSecret) -> None:
    """Unlock an open vault with either kind of secret (no audit entry, no checks)."""
    if secret.kind is SecretKind.RECOVERY_KEY:
        vault.unlock_with_recovery_key(secret.text)
    else:
        vault.unlock(secret.text)


def unwrap_backup_master(header: VaultHeader, secret: UnlockSecret) -> bytes:
    """The master key the vault header copied into a backup wraps (as Vault.unlock finds
    it in a vault). The header's KDF parameters were range-checked when it was decoded,
    so no absurd derivation is started."""
    if secret.kind is SecretKind.RECOVERY_KEY:
        try:
            rkey = recovery_key.parse_key(secret.text)
        except RecoveryKeyFormatError as exc:
            raise WrongRecoveryKeyError(str(exc).capitalize() + ".") from None
        kek = recovery_key.recovery_kek(rkey, header.recovery_salt)
        try:
            return keys.unwrap_key(kek, header.wrapped_by_recovery, header.vault_id, "recovery")
        except DecryptionError:
            raise WrongRecoveryKeyError("That recovery key does not open this backup.") from None
    kek = derive_key(normalise_passphrase(secret.text), header.kdf)
    try:
        return keys.unwrap_key(kek, header.wrapped_by_passphrase, header.vault_id, "passphrase")
    except DecryptionError:
        raise WrongPassphraseError(
            "That passphrase does not open this backup; a backup opens with the passphrase "
            "that was valid when it was made, or with the recovery key."
        ) from None
