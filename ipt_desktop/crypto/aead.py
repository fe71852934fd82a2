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


def seal(key: bytes, plaintext: bytes, associated_data: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    body = AESGCM(key).encrypt(nonce, plaintext, bytes([FORMAT_V1]) + associated_data)
    return bytes([FORMAT_V1]) + nonce + body


def open_sealed(key: bytes, blob: bytes, associated_data: bytes) -> bytes:
    if not isinstance(blob, bytes | bytearray | memoryview) or len(blob) < OVERHEAD:
        raise DecryptionError("the sealed record is truncated")
    blob = bytes(blob)
    if blob[0] != FORMAT_V1:
        raise DecryptionError("the sealed record has an unknown format")
    nonce, body = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, body, bytes([FORMAT_V1]) + associated_data)
    except InvalidTag:
        raise DecryptionError("the sealed record does not authenticate") from None


def associated_data(*parts: str | int) -> bytes:
    """Length-prefixed, so no two different part lists give the same bytes."""
    out = bytearray()
    for part in parts:
        raw = str(part).encode("utf-8")
        out += len(raw).to_bytes(4, "big") + raw
    return bytes(out)
