"""``ipt-desktop list --vault DIR [--json]``: one line (or JSON object) per client.

The rows come from ``services.clients.list_summaries``, the same function the GUI's client
list uses, so the two never disagree.
"""

import argparse
import json
from typing import Any

from ipt_desktop.domain.summary import ClientSummary
from ipt_desktop.services.clients import list_summaries

from .exit_codes import OK
from .passphrase_source import add_unlock_arguments
from .vault_session import unlocked_vault


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "list", help="list the clients: phase, session x of n, PHQ-9, risk, outcome so far"
    )
    add_unlock_arguments(parser)
    parser.add_argument("--json", action="store_true", help="a JSON list of objects")
    parser.set_defaults(run=run_list)


def list_object(summary: ClientSummary) -> dict[str, Any]:
    """The ``--json`` object of one client (keys as documented in the README)."""
    return {
        "id": summary.client_id,
        "name": summary.name,
        "ended": not summary.active,
        "phase": None if summary.phase is None else summary.phase.value,
        "session": summary.session_number,
        "planned_sessions": summary.planned_sessions,
        "phq9": summary.latest_phq9,
        "risk": summary.risk.value,
        "outcome": summary.outcome.value,
    }


def list_line(summary: ClientSummary) -> str:
    phq9 = "PHQ-9 –"
    if summary.latest_phq9 is not None and summary.latest_phq9_severity is not None:
        phq9 = f"PHQ-9 {summary.latest_phq9} ({summary.latest_phq9_severity.label.lower()})"
    fields = (
        summary.client_id,
        summary.name,
        "ended" if not summary.active else "active",
        "no episode" if summary.phase is None else summary.phase.label,
        summary.progress_label or "no sessions",
        phq9,
        f"risk {summary.risk.value}",
        summary.outcome.label,
    )
    return "\t".join(fields)


def run_list(args: argparse.Namespace) -> int:
    with unlocked_vault(args) as vault:
        summaries = list_summaries(vault)
    if args.json:
        print(json.dumps([list_object(s) for s in summaries], ensure_ascii=False, indent=2))
    else:
        for summary in summaries:
            print(list_line(summary))
    return OK
