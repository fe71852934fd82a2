"""`self-test`: the smoke test of a frozen build (see ``ipt_desktop.services.self_test``).

From the CLI (``python -m ipt_desktop self-test``) it runs the headless checks. The
application entry point (``ui/__main__.py``, also the bundle's) hands ``self-test`` to
``ui.self_test``, which adds the Qt checks through ``run`` below.
"""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .exit_codes import FAILED, OK, PROBLEMS_FOUND

if TYPE_CHECKING:
    from ipt_desktop.services.self_test import Check, CheckResult

HELP = "check this installation: resources, fonts, migrations, a sealed record, a PDF"


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser("self-test", help=HELP, description=HELP)
    add_arguments(parser)
    parser.set_defaults(run=run_core)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="keep the scratch vault, the PDF and any picture in DIR (new or empty)",
    )


def _print_line(result: "CheckResult") -> None:
    print(result.line(), flush=True)


def run(args: argparse.Namespace, extra_checks: Sequence["Check"] = ()) -> int:
    """Run the headless checks, then ``extra_checks``; one line per check on stdout.

    Exit 0 only when every check passed, 1 when one failed, 2 when it could not start.
    """
    # Imported here: the checks pull in reportlab and the whole core, and every start of
    # the app builds this parser (ui/__main__.py asks it for the command names).
    from ipt_desktop.services.self_test import CORE_CHECKS, CheckFailed
    from ipt_desktop.services.self_test import run_self_test as run_checks_in_scratch

    try:
        results = run_checks_in_scratch([*CORE_CHECKS, *extra_checks], args.keep, _print_line)
    except CheckFailed as exc:  # it could not start (e.g. --keep names a file): one line
        print(f"ipt-desktop self-test: {exc}", file=sys.stderr)
        return FAILED
    failed = [r.name for r in results if not r.ok]
    if failed:
        print(f"self-test failed: {', '.join(failed)}", file=sys.stderr)
        return PROBLEMS_FOUND
    return OK


def run_core(args: argparse.Namespace) -> int:
    return run(args)
