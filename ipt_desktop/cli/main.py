"""Parse the command line and run one sub-command; never print a traceback for a known failure."""

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import Protocol

from ipt_desktop import __version__
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.vault.errors import VaultError

from .arg_parser import SECRET_SOURCES, ArgumentParser, describe_secrets
from .exit_codes import FAILED, CommandFailed

#: Each module has ``register(subparsers)`` that adds its commands with ``set_defaults(run=...)``.
COMMAND_MODULES = (
    "ipt_desktop.cli.vault_commands",
    "ipt_desktop.cli.record_commands",
    "ipt_desktop.cli.backup_commands",
    "ipt_desktop.cli.self_test_command",
)


class _Registrar(Protocol):
    def register(
        self, subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]"
    ) -> None: ...


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="ipt-desktop",
        description="Encrypted records for Interpersonal Psychotherapy.",
        epilog=SECRET_SOURCES,
    )
    parser.add_argument("--version", action="version", version=f"ipt-desktop {__version__}")
    # Typed as plain argparse for the command modules; the sub-parsers are ArgumentParser's.
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser] = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=ArgumentParser
    )
    for name in COMMAND_MODULES:
        module: _Registrar = importlib.import_module(name)
        module.register(subparsers)
    describe_secrets(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return FAILED
    try:
        return run(args)
    except (CommandFailed, VaultError, ValidationError) as exc:
        print(f"ipt-desktop {args.command}: {exc}", file=sys.stderr)
        return FAILED
    except KeyboardInterrupt:
        print(f"ipt-desktop {args.command}: interrupted", file=sys.stderr)
        return FAILED
