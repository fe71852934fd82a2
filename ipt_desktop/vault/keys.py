"""Key material of an unlocked vault: the one place keys are wrapped and unwrapped.

The passphrase KEK (Argon2id of the NFKC-normalised passphrase) and the recovery KEK (HKDF
of the recovery key) each wrap the master key; the master key derives one sub-key per
purpose and wraps each client's data key. Creating a vault, changing the passphrase,
rotating the keys, unlocking and reading a backup all go through here, so they can never
drift apart.
"""

import json
from dataclasses import dataclass

from ipt_desktop.crypto import aead, keys, recovery_key
from ipt_desktop.crypto.errors import DecryptionError, RecoveryKeyFormatError
from ipt_desktop.crypto.kdf import KdfParams, calibrate, derive_key, normalise_passphrase
from ipt_desktop.crypto.passphrase_policy import assess

from .errors import (
    RecordDamagedError,
    WeakPassphraseError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from .header import VaultHeader

CLIENT_KEY_VERSION = 1
PAYLOAD_FORMAT = 1
WRONG_PASSPHRASE = "That passphrase is not correct."
WRONG_RECOVERY_KEY = "That recovery key does not open this vault."


def check_recovery_key_typing(text: str) -> bytes:
    """The recovery key's bytes; a typo is refused by its checksum before any key work."""
    try:
        return recovery_key.parse_key(text)
    except RecoveryKeyFormatError as exc:
        raise WrongRecoveryKeyError(str(exc).capitalize() + ".") from None


def checked_kdf_params(passphrase: str, kdf: KdfParams | None, enforce_policy: bool) -> KdfParams:
    """The policy applied to a new passphrase, and the KDF parameters to wrap under
    (calibrated when none are given, never below the floor)."""
    if enforce_policy:
        verdict = assess(passphrase)
        if not verdict.acceptable:
            raise WeakPassphraseError(verdict.message, verdict.suggestions)
    params = kdf if kdf is not None else calibrate()
    params.check()
    return params


def passphrase_kek(passphrase: str, params: KdfParams) -> bytes:
    return derive_key(normalise_passphrase(passphrase), params)


def wrap_under_passphrase(
    vault_id: str, passphrase: str, params: KdfParams, master: bytes
) -> bytes:
    return keys.wrap_key(passphrase_kek(passphrase, params), master, vault_id, "passphrase")


@dataclass(frozen=True)
class RecoveryWrapping:
    """A fresh recovery key, and the master key wrapped under it (for the header)."""

    text: str  # grouped base32 with a checksum: shown once
    salt: bytes
    wrapped: bytes


def wrap_under_new_recovery_key(vault_id: str, master: bytes) -> RecoveryWrapping:
    raw = recovery_key.generate()
    salt = keys.random_key()[:16]
    kek = recovery_key.recovery_kek(raw, salt)
    wrapped = keys.wrap_key(kek, master, vault_id, "recovery")
    return RecoveryWrapping(recovery_key.format_key(raw), salt, wrapped)


def master_from_passphrase(
    header: VaultHeader, passphrase: str, wrong: str = WRONG_PASSPHRASE
) -> bytes:
    """Unwrap the master key with the passphrase (the header's KDF parameters were
    range-checked when it was decoded, so no absurd derivation starts)."""
    kek = passphrase_kek(passphrase, header.kdf)
    try:
        return keys.unwrap_key(kek, header.wrapped_by_passphrase, header.vault_id, "passphrase")
    except DecryptionError:
        raise WrongPassphraseError(wrong) from None


def master_from_recovery_key(
    header: VaultHeader, text: str, wrong: str = WRONG_RECOVERY_KEY
) -> bytes:
    kek = recovery_key.recovery_kek(check_recovery_key_typing(text), header.recovery_salt)
    try:
        return keys.unwrap_key(kek, header.wrapped_by_recovery, header.vault_id, "recovery")
    except DecryptionError:
        raise WrongRecoveryKeyError(wrong) from None


def header_mac_key(master: bytes, vault_id: str) -> bytes:
    return keys.subkey(master, "header-mac", vault_id)


def backup_key(master: bytes, vault_id: str) -> bytes:
    return keys.subkey(master, "backup", vault_id)


class VaultKeys:
    """Key material of an unlocked vault. Dropped (and overwritten, best effort) on lock."""

    def __init__(self, vault_id: str, master: bytes) -> None:
        self.master = bytearray(master)
        self.header_mac = header_mac_key(master, vault_id)
        self.settings = keys.subkey(master, "settings", vault_id)
        self.drafts = keys.subkey(master, "drafts", vault_id)
        self.audit = keys.subkey(master, "audit", vault_id)
        self.backup = backup_key(master, vault_id)
        self.client_wrap = keys.subkey(master, "client-wrap", vault_id)
        self.anchor = keys.subkey(master, "rollback-anchor", vault_id)
        self.clients: dict[str, bytes] = {}
        # Set up once, not per row (a search opens every row of the vault): client keys
        # ready to open (by key; dropped with the keys) and the associated data of rows
        # up to their row id (by client and table).
        self.vault_id = vault_id
        self.openers: dict[bytes, aead.OpeningKey] = {}
        self.aad_heads: dict[tuple[str, str], bytes] = {}
        self.aad_tail = aead.associated_data(CLIENT_KEY_VERSION)

    def wrap_client_key(self, client_id: str, key: bytes) -> bytes:
        return keys.wrap_key(
            self.client_wrap, key, self.vault_id, "client", client_id, CLIENT_KEY_VERSION
        )

    def unwrap_client_key(self, client_id: str, key_version: int, wrapped: bytes) -> bytes:
        """RecordDamagedError("clients", id) when the wrapped key does not open."""
        try:
            return keys.unwrap_key(
                self.client_wrap, wrapped, self.vault_id, "client", client_id, key_version
            )
        except DecryptionError:
            raise RecordDamagedError("clients", client_id) from None

    def client_key(self, client_id: str, key_version: int, wrapped: bytes) -> bytes:
        """Unwrapped once, then cached until lock."""
        cached = self.clients.get(client_id)
        if cached is None:
            cached = self.clients[client_id] = self.unwrap_client_key(
                client_id, key_version, wrapped
            )
        return cached

    def new_client_key(self, client_id: str) -> tuple[bytes, bytes]:
        key = keys.random_key()
        self.clients[client_id] = key
        return key, self.wrap_client_key(client_id, key)

    def forget_client(self, client_id: str) -> None:
        key = self.clients.pop(client_id, None)
        if key is not None:
            self.openers.pop(key, None)

    def opener(self, key: bytes) -> aead.OpeningKey:
        opener = self.openers.get(key)
        if opener is None:
            opener = self.openers[key] = aead.OpeningKey(key)
        return opener

    def aad_head(self, client_id: str, table: str) -> bytes:
        head = self.aad_heads.get((client_id, table))
        if head is None:
            head = self.aad_heads[client_id, table] = aead.associated_data(
                PAYLOAD_FORMAT, self.vault_id, client_id, table
            )
        return head

    def row_aad(
        self, client_id: str, table: str, row_id: str, version: int | None, episode_id: str = ""
    ) -> bytes:
        """associated_data(format, vault id, client id, table, row id, key version) and,
        for a record row, (row version, owning episode): a payload put back from an older
        write, or moved to another episode, does not open. ``version`` None is the form
        written before manifests (drafts still use it; the upgrade reads old rows with it).
        """
        aad = self.aad_head(client_id, table) + aead.associated_data(row_id) + self.aad_tail
        if version is None:
            return aad
        return aad + aead.associated_data(version, episode_id)

    def seal_row(
        self,
        key: bytes,
        client_id: str,
        table: str,
        row_id: str,
        data: object,
        version: int | None,
        episode_id: str,
    ) -> bytes:
        plaintext = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        aad = self.row_aad(client_id, table, row_id, version, episode_id)
        return aead.seal(key, plaintext, aad)

    def open_row_text(
        self,
        key: bytes,
        client_id: str,
        table: str,
        row_id: str,
        blob: bytes,
        version: int | None,
        episode_id: str,
    ) -> str:
        """The payload's JSON text. That text is ``json.dumps(..., ensure_ascii=False)``:
        only quotes, backslashes and control characters are escaped."""
        # A search opens every row of the vault: the cached look-ups are inlined.
        opener = self.openers.get(key) or self.opener(key)
        head = self.aad_heads.get((client_id, table)) or self.aad_head(client_id, table)
        try:
            aad = head + aead.associated_data(row_id) + self.aad_tail
            if version is not None:
                aad += aead.associated_data(version, episode_id)
            return opener.open(blob, aad).decode("utf-8")
        except (DecryptionError, ValueError):
            raise RecordDamagedError(table, row_id) from None

    def wipe(self) -> None:
        # Python cannot promise erasure of immutable bytes; the master key at least is a
        # bytearray we overwrite, and every reference is dropped.
        for i in range(len(self.master)):
            self.master[i] = 0
        self.clients.clear()
        self.openers.clear()
        self.aad_heads.clear()
