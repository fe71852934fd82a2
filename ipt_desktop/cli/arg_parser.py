"""The command line's parser: every argument error is one line that points to --help."""

import argparse
from typing import NoReturn

from .exit_codes import FAILED

#: Printed under each command's --help: where the command takes its secret from.
UNLOCK_HELP = (
    "The passphrase comes from --passphrase-file FILE, else the IPT_DESKTOP_PASSPHRASE "
    "environment variable, else it is asked for at a terminal (a new passphrase twice). "
    "--recovery-key-file FILE unlocks with the recovery key instead, where offered."
)
NO_UNLOCK_HELP = "This command needs no passphrase."


class ArgumentParser(argparse.ArgumentParser):
    """argparse, with an error as one line on stderr (and exit 2) instead of the usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(FAILED, f"{self.prog}: {message} (see: {self.prog} --help)\n")


def describe_secrets(parser: argparse.ArgumentParser) -> None:
    """Put UNLOCK_HELP (or NO_UNLOCK_HELP) under the help of ``parser``'s sub-commands."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for command in action.choices.values():
            options = {o for a in command._actions for o in a.option_strings}
            secret = options & {"--passphrase-file", "--new-passphrase-file"}
            command.epilog = UNLOCK_HELP if secret else NO_UNLOCK_HELP
