"""Which client a command is about: ``--client ID`` or ``--client-file FILE``.

A client id says nothing about the person; a full name on the command line stays in the
process list and the shell history. So the name is accepted only from a file
(``--client-file``, read like a secret file) or, for old scripts, ``--client`` (the README
recommends ids).
"""

import argparse
from pathlib import Path

from .passphrase_source import read_secret_file


def add_client_arguments(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--client", metavar="ID", help="the client's id (shown by the app); a name also works"
    )
    which.add_argument(
        "--client-file",
        type=Path,
        metavar="FILE",
        help="a file holding the client's id or exact full name (keeps the name out of the "
        "process list and the shell history)",
    )


def client_reference(args: argparse.Namespace) -> str:
    if args.client_file is not None:
        return read_secret_file(args.client_file).strip()
    return str(args.client)
