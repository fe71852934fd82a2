"""Rotating the master key and the recovery key (``rekey``; a new passphrase only rewraps
the master key: ``Vault.change_passphrase``).

``rekey`` makes a new random master key and
a new recovery key in one transaction: every client's data key is rewrapped (no record is
re-encrypted), the sealed settings and the drafts that belong to no client are sealed
again, the audit chain is sealed and linked again under the new audit key, and the header
is MACed with the new header key. The old recovery key stops unlocking the vault at once.
Backups made before keep their own wrapped copy of the old master key, so they still open
with the passphrase and the recovery key that were valid when they were made.
"""

from typing import TYPE_CHECKING

from sqlalchemy import select

from ipt_desktop.crypto import aead, keys
from ipt_desktop.crypto.kdf import KdfParams
from ipt_desktop.store.tables import ClientRow, DraftRow, SettingRow

from . import audit_log, rollback_guard
from .audit_log import AuditEvent
from .errors import VaultDamagedError, WrongPassphraseError
from .keys import (
    CLIENT_KEY_VERSION,
    WRONG_PASSPHRASE,
    checked_kdf_params,
    master_from_passphrase,
    wrap_under_new_recovery_key,
    wrap_under_passphrase,
)

if TYPE_CHECKING:
    from .vault import Vault


def rekey(
    vault: "Vault",
    passphrase: str,
    *,
    kdf: KdfParams | None = None,
    enforce_policy: bool = True,
    check_current: bool = True,
) -> str:
    """New master key and recovery key; the vault stays unlocked under the new keys.

    ``passphrase`` is the one the new master key is wrapped under (the current one, or a
    new one when the vault was unlocked with the recovery key). Returns the new recovery
    key text: show it once. ``check_current``: ``passphrase`` must be the current one
    (WrongPassphraseError otherwise), so a typo can never lock the therapist out. Refuses
    (VaultDamagedError, nothing changed) when the audit chain is broken: rotating would
    re-seal it as if it were intact."""
    params = checked_kdf_params(passphrase, kdf, enforce_policy)
    if check_current and master_from_passphrase(vault.header, passphrase) != vault.master_key():
        raise WrongPassphraseError(WRONG_PASSPHRASE)
    vault_id = vault.vault_id
    old_settings, old_drafts = vault.purpose_key("settings"), vault.purpose_key("drafts")
    with vault.reading() as db:
        header = vault.header
        chain = audit_log.walk(
            db, vault.purpose_key("audit"), vault_id, header.audit_head, header.audit_count
        )
    if not chain.intact:
        raise VaultDamagedError("The audit log is damaged (run verify); the keys were not changed.")
    master = keys.random_key()
    new = vault.keys_for(master)
    recovery = wrap_under_new_recovery_key(vault_id, master)
    update = {
        "kdf": params,
        "wrapped_by_passphrase": wrap_under_passphrase(vault_id, passphrase, params, master),
        "recovery_salt": recovery.salt,
        "wrapped_by_recovery": recovery.wrapped,
    }
    with vault.transaction(
        AuditEvent.REKEYED,
        detail="new master key and recovery key",
        header_update=update,
        new_keys=new,
    ) as db:
        for client in db.scalars(select(ClientRow)):
            key = vault.client_key(db, client.id)
            client.wrapped_key = new.wrap_client_key(client.id, key)
            client.key_version = CLIENT_KEY_VERSION
        for setting in db.scalars(select(SettingRow)):
            aad = aead.associated_data("settings", vault_id, setting.key)
            setting.payload = aead.seal(
                new.settings, aead.open_sealed(old_settings, setting.payload, aad), aad
            )
        for draft in db.scalars(select(DraftRow).where(DraftRow.client_id.is_(None))):
            aad = aead.associated_data("drafts", vault_id, draft.id)
            draft.payload = aead.seal(
                new.drafts, aead.open_sealed(old_drafts, draft.payload, aad), aad
            )
    rollback_guard.register(vault)
    return recovery.text
