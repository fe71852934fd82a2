"""Record commands: ``import``, ``export`` and ``demo`` (DESIGN.md section 4)."""

import argparse
import os
import sys
from pathlib import Path

from ipt_desktop.crypto.kdf import calibrate
from ipt_desktop.services import interchange
from ipt_desktop.services.clients import find_client
from ipt_desktop.services.demo_practice import fill_demo
from ipt_desktop.services.vault import Vault

from .exit_codes import OK, CommandFailed
from .passphrase_source import (
    ENV_PASSPHRASE,
    add_unlock_arguments,
    new_passphrase,
    passphrase,
)
from .vault_session import unlocked_vault

MAX_KDF_SECONDS = 10.0


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "import", help="add clients from an ipt-desktop JSON file (ipt-desktop/1)"
    )
    add_unlock_arguments(parser)
    parser.add_argument("file", type=Path, metavar="FILE.json")
    parser.set_defaults(run=run_import)

    parser = subparsers.add_parser(
        "export", help="write one client's whole record as JSON (plaintext: not encrypted)"
    )
    add_unlock_arguments(parser)
    parser.add_argument("--client", required=True, metavar="REF", help="client id or full name")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.json")
    parser.add_argument("--force", action="store_true", help="replace FILE.json if it exists")
    parser.set_defaults(run=run_export)

    parser = subparsers.add_parser("demo", help="create a new vault filled with fictional clients")
    parser.add_argument("--vault", type=Path, required=True, help="folder for the new vault")
    parser.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")
    parser.add_argument(
        "--kdf-seconds",
        type=float,
        default=0.5,
        help="time one key derivation should take (never below the built-in minimum)",
    )
    parser.set_defaults(run=run_demo)


def run_import(args: argparse.Namespace) -> int:
    # The whole file is checked before the vault is even opened: a bad file changes nothing.
    records = interchange.validate_import(interchange.read_json_file(args.file))
    with unlocked_vault(args) as vault:
        ids = interchange.import_records(vault, records)
    noun = "client" if len(ids) == 1 else "clients"
    print(f"Imported {len(ids)} {noun}:")
    for client_id in ids:
        print(client_id)
    return OK


def run_export(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.exists() and not args.force:
        raise CommandFailed(f"{out} already exists; use --force to replace it")
    if not out.parent.is_dir():
        raise CommandFailed(f"the folder {out.parent} does not exist")
    with unlocked_vault(args) as vault:
        try:
            client = find_client(vault, args.client)
        except LookupError as exc:
            raise CommandFailed(str(exc)) from None
        interchange.write_export(vault, client.id, out)
    print(f"Exported one client to {out}.")
    print("The file is NOT encrypted: keep it somewhere safe and delete it when done.")
    return OK


def _demo_passphrase(args: argparse.Namespace) -> str:
    """The file or the environment as usual; typed twice at a prompt (it is a new one)."""
    if args.passphrase_file or os.environ.get(ENV_PASSPHRASE):
        return passphrase(args)
    return new_passphrase(args)


def run_demo(args: argparse.Namespace) -> int:
    if not 0 < args.kdf_seconds <= MAX_KDF_SECONDS:
        raise CommandFailed(f"--kdf-seconds must be above 0 and at most {MAX_KDF_SECONDS:g}")
    secret = _demo_passphrase(args)
    vault, recovery_key = Vault.create(args.vault, secret, kdf=calibrate(args.kdf_seconds))
    with vault:
        print("Recovery key (shown only now; print it or write it down, keep it safe):")
        print(f"  {recovery_key}")
        sys.stdout.flush()
        ids = fill_demo(vault)
    print(f"Created a demo vault in {args.vault} with {len(ids)} fictional clients.")
    return OK
