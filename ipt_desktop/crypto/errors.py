"""Crypto failures, worded for a person. None of them carries secret or clinical data."""


class CryptoError(Exception):
    """Base class of every failure raised by ipt_desktop.crypto."""


class DecryptionError(CryptoError):
    """A sealed payload did not authenticate: damaged, tampered, or moved from elsewhere."""


class KdfParametersError(CryptoError):
    """Key-derivation parameters are outside what this program accepts."""


class RecoveryKeyFormatError(CryptoError):
    """A recovery key was mistyped (caught by its checksum before any key derivation)."""
