"""The backup file container: an authenticated header, then a chunked AEAD stream.

The stream is the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015) as age and
Tink use it: the plaintext is cut into chunks of ``chunk_size`` bytes (only the last may be
shorter), each sealed with AES-256-GCM under one per-backup key, with a nonce made of a
random per-backup prefix, the chunk counter and a final-chunk flag. A dropped, swapped or
duplicated chunk fails (wrong counter), a file cut at a chunk boundary fails (its last
chunk was not sealed as final), and bytes appended after the end fail (the real final chunk
is then read as non-final). The SHA-256 of the whole header is in every chunk's associated
data as well, so no chunk can be moved under another header.

Layout (integers big-endian)::

    magic         8  b"IPTBKUP\\x00"
    version       2  FORMAT_VERSION
    salt         32  random; stream key and header-MAC key = HKDF(backup key, salt)
    nonce prefix  7  random
    chunk size    4  plaintext bytes per chunk
    meta length   4  then the caller's metadata (the services put JSON there: the wrapped
                     master keys and KDF parameters, so it must be readable before any key)
    header MAC   32  HMAC-SHA256(header-MAC key, every byte above)
    chunks           AES-256-GCM(stream key, prefix | counter (4) | final (1)),
                     aad = SHA-256(header incl. MAC) | counter (8) | final (1)
"""

import hashlib
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import CryptoError, DecryptionError
from .keys import KEY_BYTES, mac, mac_matches

MAGIC = b"IPTBKUP\x00"
FORMAT_VERSION = 1
SALT_BYTES = 32
NONCE_PREFIX_BYTES = 7
TAG_BYTES = 16
MAC_BYTES = 32
DEFAULT_CHUNK_SIZE = 1024 * 1024
MIN_CHUNK_SIZE = 1024
MAX_CHUNK_SIZE = 16 * 1024 * 1024
MAX_META_BYTES = 64 * 1024
MAX_CHUNKS = 2**32 - 1

_FIXED = struct.Struct(f">{len(MAGIC)}sH{SALT_BYTES}s{NONCE_PREFIX_BYTES}sII")

#: Called with (bytes done, bytes in all) as the stream is written or read.
StreamProgress = Callable[[int, int], None]


class BackupFormatError(CryptoError):
    """The file is not a backup of this format, or its structure is cut short."""


@dataclass(frozen=True)
class StreamHeader:
    version: int
    salt: bytes
    nonce_prefix: bytes
    chunk_size: int
    meta: bytes
    header_mac: bytes

    @property
    def authenticated_part(self) -> bytes:
        """The bytes the header MAC covers."""
        fixed = _FIXED.pack(
            MAGIC, self.version, self.salt, self.nonce_prefix, self.chunk_size, len(self.meta)
        )
        return fixed + self.meta

    @property
    def length(self) -> int:
        """Where the first chunk starts in the file."""
        return _FIXED.size + len(self.meta) + MAC_BYTES

    @property
    def digest(self) -> bytes:
        return hashlib.sha256(self.authenticated_part + self.header_mac).digest()


def _keys(backup_key: bytes, salt: bytes) -> tuple[bytes, bytes]:
    def derive(purpose: str) -> bytes:
        return HKDF(
            algorithm=hashes.SHA256(),
            length=KEY_BYTES,
            salt=salt,
            info=f"ipt-desktop/v1/backup-{purpose}".encode(),
        ).derive(backup_key)

    return derive("stream"), derive("header-mac")


def _nonce(prefix: bytes, counter: int, final: bool) -> bytes:
    return prefix + counter.to_bytes(4, "big") + (b"\x01" if final else b"\x00")


def _aad(header_digest: bytes, counter: int, final: bool) -> bytes:
    return header_digest + counter.to_bytes(8, "big") + (b"\x01" if final else b"\x00")


def _check_chunk_size(chunk_size: int) -> None:
    if not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE:
        raise BackupFormatError(f"a chunk size of {chunk_size} bytes is outside what is accepted")


# -- writing --------------------------------------------------------------------------
def write_stream(
    out: BinaryIO,
    backup_key: bytes,
    meta: bytes,
    plaintext: bytes,
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: StreamProgress | None = None,
) -> None:
    """Write the header and every chunk of ``plaintext`` to ``out`` (the caller syncs)."""
    _check_chunk_size(chunk_size)
    if len(meta) > MAX_META_BYTES:
        raise BackupFormatError("the backup metadata is too large")
    salt, prefix = os.urandom(SALT_BYTES), os.urandom(NONCE_PREFIX_BYTES)
    stream_key, mac_key = _keys(backup_key, salt)
    unsigned = StreamHeader(FORMAT_VERSION, salt, prefix, chunk_size, meta, b"")
    header = StreamHeader(
        FORMAT_VERSION, salt, prefix, chunk_size, meta, mac(mac_key, unsigned.authenticated_part)
    )
    out.write(header.authenticated_part + header.header_mac)
    digest = header.digest
    aead = AESGCM(stream_key)
    view = memoryview(plaintext)
    total = len(view)
    count = max(1, -(-total // chunk_size))  # an empty plaintext is one empty final chunk
    if count > MAX_CHUNKS:
        raise BackupFormatError("the backup is too large for this format")
    for counter in range(count):
        final = counter == count - 1
        piece = bytes(view[counter * chunk_size : (counter + 1) * chunk_size])
        nonce = _nonce(prefix, counter, final)
        out.write(aead.encrypt(nonce, piece, _aad(digest, counter, final)))
        if progress is not None:
            progress(min(total, (counter + 1) * chunk_size), total)


# -- reading --------------------------------------------------------------------------
def read_header(source: BinaryIO) -> StreamHeader:
    """Parse the header without any key (the metadata says how to get the key)."""
    fixed = source.read(_FIXED.size)
    if len(fixed) < len(MAGIC) or fixed[: len(MAGIC)] != MAGIC:
        raise BackupFormatError("the file is not an ipt-desktop backup")
    if len(fixed) < _FIXED.size:
        raise BackupFormatError("the backup header is cut short")
    _magic, version, salt, prefix, chunk_size, meta_len = _FIXED.unpack(fixed)
    if version != FORMAT_VERSION:
        raise BackupFormatError(
            f"the backup has format version {version}; this program reads version "
            f"{FORMAT_VERSION} (it may come from a newer ipt-desktop)"
        )
    _check_chunk_size(chunk_size)
    if meta_len > MAX_META_BYTES:
        raise BackupFormatError("the backup header is implausibly large")
    meta = source.read(meta_len)
    header_mac = source.read(MAC_BYTES)
    if len(meta) != meta_len or len(header_mac) != MAC_BYTES:
        raise BackupFormatError("the backup header is cut short")
    return StreamHeader(version, salt, prefix, chunk_size, meta, header_mac)


def check_header(header: StreamHeader, backup_key: bytes) -> None:
    """DecryptionError unless the header was written with this backup key, unaltered."""
    _stream_key, mac_key = _keys(backup_key, header.salt)
    if not mac_matches(mac_key, header.authenticated_part, header.header_mac):
        raise DecryptionError("the backup header was altered or belongs to another vault")


def read_stream(
    source: BinaryIO,
    header: StreamHeader,
    backup_key: bytes,
    *,
    total_bytes: int = 0,
    progress: StreamProgress | None = None,
) -> bytes:
    """Authenticate every chunk after ``header`` (``source`` positioned just after it) and
    return the plaintext. ``total_bytes`` (the file size) only feeds ``progress``."""
    check_header(header, backup_key)
    stream_key, _mac_key = _keys(backup_key, header.salt)
    aead = AESGCM(stream_key)
    digest = header.digest
    sealed_size = header.chunk_size + TAG_BYTES
    plaintext = bytearray()
    consumed = header.length
    counter = 0
    current = source.read(sealed_size)
    if not current:
        raise DecryptionError("the backup holds no data after its header (cut short)")
    while True:
        following = source.read(sealed_size)
        final = not following
        if len(current) < TAG_BYTES or (not final and len(current) != sealed_size):
            raise DecryptionError(f"chunk {counter} of the backup is cut short")
        if counter >= MAX_CHUNKS:
            raise DecryptionError("the backup has more chunks than the format allows")
        try:
            piece = aead.decrypt(
                _nonce(header.nonce_prefix, counter, final),
                current,
                _aad(digest, counter, final),
            )
        except InvalidTag:
            raise DecryptionError(_chunk_problem(counter, final)) from None
        if final and not piece and counter > 0:
            raise DecryptionError("the backup ends with an empty chunk it never writes")
        plaintext += piece
        consumed += len(current)
        if progress is not None:
            progress(consumed, max(total_bytes, consumed))
        if final:
            return bytes(plaintext)
        current = following
        counter += 1


def _chunk_problem(counter: int, final: bool) -> str:
    if final:
        return (
            f"chunk {counter} of the backup does not authenticate as its last chunk: the file "
            "was cut short, has data appended, or was altered"
        )
    return (
        f"chunk {counter} of the backup does not authenticate: it was altered, dropped, "
        "reordered or duplicated"
    )
