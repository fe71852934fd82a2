"""`init`, `verify` and `passwd`: create a vault, check all of it, change its passphrase."""

import argparse
import sys
from pathlib import Path

from ipt_desktop.crypto.kdf import calibrate
from ipt_desktop.services.key_rotation import AFTER_REKEY, rotate_keys
from ipt_desktop.services.unlock_session import accept_current
from ipt_desktop.services.vault_verify import verify_vault
from ipt_desktop.vault.vault import Vault

from .exit_codes import OK, PROBLEMS_FOUND, CommandFailed
from .passphrase_source import add_unlock_arguments, first_passphrase, new_passphrase, passphrase
from .vault_session import unlocked_vault, vault_dir


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    init = subparsers.add_parser("init", help="create a vault and print its recovery key once")
    init.add_argument("--vault", type=Path, help="folder for the new vault")
    init.add_argument("--passphrase-file", type=Path, help="read the new passphrase from a file")
    init.add_argument(
        "--kdf-seconds",
        type=float,
        default=0.5,
        help="target time of one key derivation (never below RFC 9106's floor)",
    )
    init.set_defaults(run=run_init)

    verify = subparsers.add_parser("verify", help="check the header, every record, the audit log")
    add_unlock_arguments(verify)
    verify.add_argument(
        "--accept-current",
        action="store_true",
        help="accept a vault flagged as older than this computer saw, or whose client list "
        "changed outside ipt-desktop (recorded in the audit log)",
    )
    verify.set_defaults(run=run_verify)

    passwd = subparsers.add_parser(
        "passwd", help="change the passphrase (records stay as they are)"
    )
    add_unlock_arguments(passwd)
    passwd.add_argument("--new-passphrase-file", type=Path, help="read the new passphrase here")
    passwd.set_defaults(run=run_passwd)

    rekey = subparsers.add_parser(
        "rekey", help="new master key and recovery key (the new recovery key is printed once)"
    )
    add_unlock_arguments(rekey)
    rekey.add_argument(
        "--new-passphrase-file",
        type=Path,
        help="with --recovery-key-file: the passphrase to set (else it is asked for)",
    )
    rekey.set_defaults(run=run_rekey)


def run_init(args: argparse.Namespace) -> int:
    if not 0.05 <= args.kdf_seconds <= 30:
        raise CommandFailed("--kdf-seconds must be between 0.05 and 30")
    secret = first_passphrase(args)
    vault, recovery = Vault.create(vault_dir(args), secret, kdf=calibrate(args.kdf_seconds))
    try:
        print(f"Created a vault in {vault.files.root}")
        print()
        print("Recovery key (shown once: print it or write it down, keep it away from this")
        print("computer; without the passphrase and this key nobody can recover the records):")
        print()
        print(f"    {recovery}")
        print()
    finally:
        vault.close()
    return OK


def run_verify(args: argparse.Namespace) -> int:
    with unlocked_vault(args) as vault:
        if args.accept_current:
            accept_current(vault)
            print("The vault is accepted as it is now (recorded in the audit log).")
        report = verify_vault(vault)
    out = sys.stdout
    print(f"records checked: {report.records_checked}", file=out)
    for problem in report.sqlite_problems:
        print(f"database: {problem}", file=out)
    for vault_problem in report.vault_problems:
        print(f"vault: {vault_problem}", file=out)
    for client in report.clients:
        print(f"client {client.client_id}: {client.message}", file=out)
    for damaged in report.damaged:
        print(f"damaged record: {damaged.table} {damaged.record_id}", file=out)
    if report.audit_first_broken is not None:
        print(
            f"audit log: entry {report.audit_first_broken} is broken ({report.audit_problem})",
            file=out,
        )
    else:
        print(f"audit log: {report.audit_entries} entries, chain intact", file=out)
    print("vault OK" if report.ok else "vault has problems", file=out)
    return OK if report.ok else PROBLEMS_FOUND


def run_passwd(args: argparse.Namespace) -> int:
    with unlocked_vault(args) as vault:
        vault.change_passphrase(new_passphrase(args))
    print("Passphrase changed. The recovery key is unchanged.")
    return OK


def run_rekey(args: argparse.Namespace) -> int:
    with unlocked_vault(args) as vault:
        if getattr(args, "recovery_key_file", None):
            recovery = rotate_keys(vault, new_passphrase(args), kdf=calibrate(), is_new=True)
        else:
            recovery = rotate_keys(vault, passphrase(args))
    print("New recovery key (shown once: print it or write it down, keep it away from this")
    print("computer):")
    print()
    print(f"    {recovery}")
    print()
    print(AFTER_REKEY)
    return OK
