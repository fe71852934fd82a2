"""Open and unlock the vault a command names, and always close it again."""

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ipt_desktop.services.vault import Vault
from ipt_desktop.services.vault_location import default_vault_dir

from .passphrase_source import passphrase, read_secret_file


def vault_dir(args: argparse.Namespace) -> Path:
    chosen: Path | None = getattr(args, "vault", None)
    return chosen if chosen is not None else default_vault_dir()


@contextmanager
def unlocked_vault(args: argparse.Namespace) -> Iterator[Vault]:
    vault = Vault.open(vault_dir(args))
    try:
        if getattr(args, "recovery_key_file", None):
            vault.unlock_with_recovery_key(read_secret_file(args.recovery_key_file))
        else:
            vault.unlock(passphrase(args))
        yield vault
    finally:
        vault.close()
