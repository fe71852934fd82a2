"""Rotate the vault's master key and recovery key (CLI ``rekey``, Settings in the GUI).

What the person is told, wherever they rotate: the new recovery key is shown once (offer
the printable sheet); the old recovery key no longer opens this vault; backups made before
still open with the passphrase and the recovery key that were valid when they were made.
"""

from ipt_desktop.crypto.kdf import KdfParams
from ipt_desktop.vault.key_rotation import rekey
from ipt_desktop.vault.vault import Vault

AFTER_REKEY = (
    "The vault has a new master key and a new recovery key. The old recovery key no "
    "longer opens this vault: destroy its sheet. Backups made before today still open "
    "with the passphrase and the recovery key that were valid when they were made."
)


def rotate_keys(
    vault: Vault, passphrase: str, kdf: KdfParams | None = None, *, is_new: bool = False
) -> str:
    """New master key and recovery key; returns the recovery key text (show it once).

    ``passphrase`` wraps the new master key: the current passphrase (checked:
    WrongPassphraseError), or a new one when the vault was unlocked with the recovery key
    (``is_new``: the passphrase policy applies instead). ``kdf`` None keeps the vault's
    KDF parameters."""
    return rekey(
        vault,
        passphrase,
        kdf=kdf or vault.header.kdf,
        enforce_policy=is_new,
        check_current=not is_new,
    )
