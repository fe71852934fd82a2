"""What opens a vault or a backup of it: the passphrase, or the recovery key.

A backup carries a copy of the vault header's wrapped master keys, so the same secret
(the passphrase valid when the backup was made, or the recovery key) unwraps both.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from ipt_desktop.vault.header import VaultHeader
from ipt_desktop.vault.keys import master_from_passphrase, master_from_recovery_key
from ipt_desktop.vault.vault import Vault


class SecretKind(StrEnum):
    PASSPHRASE = "passphrase"  # noqa: S105 - a kind of secret, not one
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
    it in a vault)."""
    if secret.kind is SecretKind.RECOVERY_KEY:
        return master_from_recovery_key(
            header, secret.text, "That recovery key does not open this backup."
        )
    return master_from_passphrase(
        header,
        secret.text,
        "That passphrase does not open this backup; a backup opens with the passphrase "
        "that was valid when it was made, or with the recovery key.",
    )
