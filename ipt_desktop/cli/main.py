"""Parse the command line and run one sub-command; never print a traceback for a known failure."""

import argparse
import sys
from collections.abc import Callable, Sequence

from ipt_desktop import __version__
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.vault.errors import VaultError

from . import backup_commands, list_command, record_commands, self_test_command, vault_commands
from .arg_parser import UNLOCK_HELP, ArgumentParser, describe_secrets
from .exit_codes import FAILED, CommandFailed

#: Each module's ``register(subparsers)`` adds its commands with ``set_defaults(run=...)``.
COMMAND_MODULES = (
    vault_commands,
    record_commands,
    list_command,
    backup_commands,
    self_test_command,
)


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="ipt-desktop",
        description="Encrypted records for Interpersonal Psychotherapy.",
        epilog=UNLOCK_HELP,
    )
    parser.add_argument("--version", action="version", version=f"ipt-desktop {__version__}")
    # Typed as plain argparse for the command modules; the sub-parsers are ArgumentParser's.
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser] = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=ArgumentParser
    )
    for module in COMMAND_MODULES:
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
