"""What the UI needs about passphrases and key derivation, so it never reaches into crypto.

- ``assess`` / ``PassphraseVerdict``: the vault's own passphrase policy, so the strength
  meter and ``Vault.create`` judge a passphrase the same way.
- ``KdfChoice``: the key-derivation setting a window may be given (tests pass
  ``floor_params``, RFC 9106's second recommendation); None lets the vault calibrate.
"""

from collections.abc import Callable

from ipt_desktop.crypto.kdf import KdfParams, floor_params
from ipt_desktop.crypto.passphrase_policy import PassphraseVerdict, assess

KdfChoice = Callable[[], KdfParams] | None

__all__ = ["KdfChoice", "KdfParams", "PassphraseVerdict", "assess", "floor_params"]
