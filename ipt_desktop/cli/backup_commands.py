"""`backup` and `restore`: one encrypted backup file out of a vault, and back in.

``backup --vault DIR --out FILE`` unlocks the vault (passphrase or recovery key), writes the
backup atomically and reads it back. ``restore --backup FILE --vault DIR`` takes the secret
that opens the backup (the passphrase valid when it was made, or the recovery key), checks
all of it, and only then replaces the vault, keeping the previous files aside.
Exit codes as DESIGN.md section 4: 0 done, 2 not done (one line on stderr).
"""

import argparse
from pathlib import Path

from ipt_desktop.services.backup import write_backup
from ipt_desktop.services.restore import restore_backup

from .exit_codes import OK, CommandFailed
from .passphrase_source import add_unlock_arguments
from .vault_session import secret_from, unlocked_vault, vault_dir


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    backup = subparsers.add_parser("backup", help="write an encrypted backup of the vault")
    add_unlock_arguments(backup)
    backup.add_argument("--out", type=Path, required=True, help="the backup file to write")
    backup.set_defaults(run=run_backup)

    restore = subparsers.add_parser(
        "restore", help="replace the vault with a backup (the current files are kept aside)"
    )
    restore.add_argument("--backup", type=Path, required=True, help="the backup file")
    add_unlock_arguments(restore)
    restore.set_defaults(run=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.is_dir():
        raise CommandFailed("--out names a folder; give the backup file's name")
    if not out.parent.is_dir():
        raise CommandFailed("the folder for --out does not exist")
    with unlocked_vault(args) as vault:
        result = write_backup(vault, out)
    print(
        f"Backup written and verified: {out} ({result.size} bytes, vault write "
        f"{result.info.generation}, {result.info.created_at})"
    )
    return OK


def run_restore(args: argparse.Namespace) -> int:
    result = restore_backup(args.backup, vault_dir(args), secret_from(args))
    print(
        f"Restored the backup made {result.backup.created_at} "
        f"(vault write {result.backup.generation}) into {result.vault_dir}"
    )
    if result.kept_aside is not None:
        print(f"The previous vault files were kept in {result.kept_aside}")
    return OK
