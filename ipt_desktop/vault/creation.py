"""The header of a new vault: checks first (no vault there yet, an acceptable passphrase,
a folder that can be made), then a random vault id and master key, wrapped under the
passphrase and under a fresh recovery key."""

import datetime as dt
import uuid

from ipt_desktop.crypto import keys
from ipt_desktop.crypto.kdf import KdfParams, calibrate
from ipt_desktop.crypto.passphrase_policy import assess

from . import manifest
from .errors import StorageFullError, VaultExistsError, WeakPassphraseError
from .files import VaultFiles
from .header import VaultHeader
from .keys import wrap_under_new_recovery_key, wrap_under_passphrase


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def new_vault_header(
    files: VaultFiles, passphrase: str, kdf: KdfParams | None, enforce_policy: bool
) -> tuple[VaultHeader, bytes, str]:
    """(header, master key, recovery key text); the vault folder exists afterwards."""
    if files.exists():
        raise VaultExistsError(f"A vault already exists in {files.root}.")
    if enforce_policy:
        verdict = assess(passphrase)
        if not verdict.acceptable:
            raise WeakPassphraseError(verdict.message, verdict.suggestions)
    try:
        files.root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageFullError(f"The vault folder cannot be created ({exc.strerror}).") from None
    params = kdf if kdf is not None else calibrate()
    params.check()
    vault_id = str(uuid.uuid4())
    master = keys.random_key()
    recovery = wrap_under_new_recovery_key(vault_id, master)
    header = VaultHeader(
        vault_id=vault_id,
        created_at=_now(),
        kdf=params,
        wrapped_by_passphrase=wrap_under_passphrase(vault_id, passphrase, params, master),
        recovery_salt=recovery.salt,
        wrapped_by_recovery=recovery.wrapped,
        written_at=_now(),
        manifest_format=1,
        manifest_root=manifest.EMPTY_ROOT,
    )
    return header, master, recovery.text
