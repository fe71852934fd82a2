"""Open and unlock the vault a command names, and always close it again."""

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.services.unlock_session import unlock
from ipt_desktop.vault.location import default_vault_dir
from ipt_desktop.vault.vault import Vault

from .passphrase_source import passphrase, read_secret_file


def vault_dir(args: argparse.Namespace) -> Path:
    chosen: Path | None = getattr(args, "vault", None)
    return chosen if chosen is not None else default_vault_dir()


def secret_from(args: argparse.Namespace) -> UnlockSecret:
    """The recovery key when --recovery-key-file is given, else the passphrase."""
    if getattr(args, "recovery_key_file", None):
        return UnlockSecret.recovery_key(read_secret_file(args.recovery_key_file))
    return UnlockSecret.passphrase(passphrase(args))


@contextmanager
def unlocked_vault(args: argparse.Namespace) -> Iterator[Vault]:
    """Unlock through unlock_session, so the CLI records UNLOCK (and failed attempts) in the
    audit log and warns on stderr when the vault file is older than this machine last saw."""
    vault = Vault.open(vault_dir(args))
    try:
        outcome = unlock(vault, secret_from(args))
        if outcome.rollback is not None:
            print(
                f"ipt-desktop {args.command}: warning: {outcome.rollback.message}", file=sys.stderr
            )
        if outcome.manifest_alert:
            print(f"ipt-desktop {args.command}: warning: {outcome.manifest_alert}", file=sys.stderr)
        yield vault
    finally:
        vault.close()
