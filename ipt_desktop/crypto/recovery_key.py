"""The recovery key: 256 random bits, shown once as grouped base32 with a checksum.

32 key bytes + a 3-byte checksum (SHA-256 prefix) = 35 bytes = exactly 56 base32 characters,
printed as 14 groups of 4. A mistyped character is caught by the checksum before any key
derivation. Common look-alikes (0/O, 1/I, 8/B) and spaces, dashes and case are forgiven.
The key is already uniformly random, so it becomes a key-encryption key through HKDF alone.
"""

import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import RecoveryKeyFormatError

KEY_BYTES = 32
CHECKSUM_BYTES = 3
GROUP = 4
_CHARS = 56
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


def generate() -> bytes:
    return os.urandom(KEY_BYTES)


def _checksum(key: bytes) -> bytes:
    return hashlib.sha256(b"ipt-desktop recovery key" + key).digest()[:CHECKSUM_BYTES]


def format_key(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("a recovery key is 32 bytes")
    text = base64.b32encode(key + _checksum(key)).decode("ascii")
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse_key(text: str) -> bytes:
    """The 32 key bytes, or RecoveryKeyFormatError saying what is wrong with the typing."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n").translate(_LOOKALIKES)
    if len(cleaned) != _CHARS:
        raise RecoveryKeyFormatError(
            f"a recovery key has {_CHARS} letters and digits; this one has {len(cleaned)}"
        )
    try:
        raw = base64.b32decode(cleaned)
    except ValueError:
        raise RecoveryKeyFormatError(
            "the recovery key contains a character that cannot be in it (only A-Z and 2-7)"
        ) from None
    key, checksum = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if not hmac.compare_digest(checksum, _checksum(key)):
        raise RecoveryKeyFormatError(
            "the recovery key has a typo: its checksum does not match; check each group"
        )
    return key


def recovery_kek(key: bytes, salt: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"ipt-desktop/v1/recovery-kek"
    ).derive(key)
