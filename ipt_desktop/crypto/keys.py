"""Random keys, key wrapping, HKDF sub-keys and header MACs."""

import hashlib
import hmac
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .aead import associated_data, open_sealed, seal

KEY_BYTES = 32


def random_key() -> bytes:
    return os.urandom(KEY_BYTES)


def wrap_key(kek: bytes, key: bytes, *context: str | int) -> bytes:
    return seal(kek, key, associated_data("wrap", *context))


def unwrap_key(kek: bytes, wrapped: bytes, *context: str | int) -> bytes:
    """Raises DecryptionError when the wrapping key is wrong or the wrapped key was altered."""
    return open_sealed(kek, wrapped, associated_data("wrap", *context))


def subkey(master: bytes, purpose: str, vault_id: str) -> bytes:
    """An independent key for one purpose (header MAC, drafts, audit, backups, settings)."""
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=None,
        info=f"ipt-desktop/v1/{purpose}/{vault_id}".encode(),
    ).derive(master)


def mac(key: bytes, data: bytes) -> bytes:
    return hmac.new(key, data, hashlib.sha256).digest()


def mac_matches(key: bytes, data: bytes, expected: bytes) -> bool:
    return hmac.compare_digest(mac(key, data), expected)
