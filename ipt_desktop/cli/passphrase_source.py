"""Where a command gets a secret: a file, then the environment, then an interactive prompt."""

import argparse
import getpass
import os
import sys
from pathlib import Path

from .exit_codes import CommandFailed

ENV_PASSPHRASE = "IPT_DESKTOP_PASSPHRASE"  # noqa: S105 - a variable name, not a secret


def add_unlock_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vault", type=Path, help="vault folder (default: the user data folder)")
    parser.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")
    parser.add_argument(
        "--recovery-key-file", type=Path, help="unlock with the recovery key in this file"
    )


def read_secret_file(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandFailed(f"the file {path} does not exist") from None
    except (OSError, UnicodeDecodeError):
        raise CommandFailed(f"the file {path} cannot be read as UTF-8 text") from None
    # One trailing newline is what editors and `echo` add; anything else is part of the secret.
    return text[:-1] if text.endswith("\n") else text


def passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ") -> str:
    if getattr(args, "passphrase_file", None):
        return read_secret_file(args.passphrase_file)
    from_env = os.environ.get(ENV_PASSPHRASE)
    if from_env:
        return from_env
    return _prompt(prompt)


def _prompt(prompt: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandFailed(
            "no passphrase given: use --passphrase-file, IPT_DESKTOP_PASSPHRASE or a terminal"
        )
    return getpass.getpass(prompt)


def _typed_twice() -> str:
    first = _prompt("New passphrase: ")
    if _prompt("Type it again: ") != first:
        raise CommandFailed("the two passphrases differ; nothing was changed")
    return first


def new_passphrase(args: argparse.Namespace) -> str:
    """``passwd``'s new passphrase: --new-passphrase-file, else typed twice at a terminal."""
    if getattr(args, "new_passphrase_file", None):
        return read_secret_file(args.new_passphrase_file)
    return _typed_twice()


def first_passphrase(args: argparse.Namespace) -> str:
    """The passphrase of a vault being created: the file or the environment as usual,
    typed twice at a prompt (like passwd: a typo would leave only the recovery key)."""
    if getattr(args, "passphrase_file", None) or os.environ.get(ENV_PASSPHRASE):
        return passphrase(args)
    return _typed_twice()
