"""Sealed payloads: AES-256-GCM, a fresh 96-bit nonce per write.

Blob layout: format byte (0x01) | nonce (12) | ciphertext | tag (16). The associated data is
chosen by the caller and binds the blob to where it lives (vault, client, table, row, key
version), so a blob copied anywhere else fails to open.
"""

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .errors import DecryptionError

FORMAT_V1 = 1
NONCE_BYTES = 12
TAG_BYTES = 16
OVERHEAD = 1 + NONCE_BYTES + TAG_BYTES
_FORMAT_BYTE = bytes([FORMAT_V1])


def seal(key: bytes, plaintext: bytes, associated_data: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    body = AESGCM(key).encrypt(nonce, plaintext, _FORMAT_BYTE + associated_data)
    return _FORMAT_BYTE + nonce + body


class OpeningKey:
    """One key set up once to open many sealed blobs (a search opens thousands per key).

    Holds the key schedule for as long as the caller keeps it: drop it when the key goes.
    """

    __slots__ = ("_cipher",)

    def __init__(self, key: bytes) -> None:
        self._cipher = AESGCM(key)

    def open(self, blob: bytes, associated_data: bytes) -> bytes:
        if not isinstance(blob, bytes):
            if not isinstance(blob, bytearray | memoryview):
                raise DecryptionError("the sealed record is truncated")
            blob = bytes(blob)
        if len(blob) < OVERHEAD:
            raise DecryptionError("the sealed record is truncated")
        if blob[0] != FORMAT_V1:
            raise DecryptionError("the sealed record has an unknown format")
        nonce, body = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
        try:
            return self._cipher.decrypt(nonce, body, _FORMAT_BYTE + associated_data)
        except InvalidTag:
            raise DecryptionError("the sealed record does not authenticate") from None


def open_sealed(key: bytes, blob: bytes, associated_data: bytes) -> bytes:
    return OpeningKey(key).open(blob, associated_data)


def associated_data(*parts: str | int) -> bytes:
    """Length-prefixed, so no two different part lists give the same bytes.

    Concatenation-safe: ``associated_data(a, b) + associated_data(c)`` equals
    ``associated_data(a, b, c)``, so a caller may compute a fixed prefix once.
    """
    out = b""
    for part in parts:
        raw = str(part).encode("utf-8")
        out += len(raw).to_bytes(4, "big") + raw
    return out
