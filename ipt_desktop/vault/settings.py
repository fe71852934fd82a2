"""Vault-wide settings that must stay sealed (practice details, letter defaults).

Machine preferences without clinical or personal content (window geometry, auto-lock
minutes) may live in QSettings; anything naming a person lives here.
"""

import json
from typing import Any

from ipt_desktop.crypto import aead
from ipt_desktop.crypto.errors import DecryptionError
from ipt_desktop.store.tables import SettingRow

from .audit_log import AuditEvent
from .errors import RecordDamagedError
from .vault import Vault


def _aad(vault: Vault, key: str) -> bytes:
    return aead.associated_data("settings", vault.vault_id, key)


def read_setting(vault: Vault, key: str) -> Any | None:
    with vault.reading() as session:
        row = session.get(SettingRow, key)
        if row is None:
            return None
        blob = row.payload
    try:
        plaintext = aead.open_sealed(vault.purpose_key("settings"), blob, _aad(vault, key))
        return json.loads(plaintext.decode("utf-8"))
    except (DecryptionError, ValueError):
        raise RecordDamagedError("settings", key) from None


def write_setting(vault: Vault, key: str, value: Any) -> None:
    plaintext = json.dumps(value, ensure_ascii=False).encode("utf-8")
    blob = aead.seal(vault.purpose_key("settings"), plaintext, _aad(vault, key))
    with vault.transaction(AuditEvent.SETTINGS_CHANGED, key) as session:
        row = session.get(SettingRow, key)
        if row is None:
            session.add(SettingRow(key=key, payload=blob))
        else:
            row.payload = blob
