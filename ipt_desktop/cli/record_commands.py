"""Record commands: ``import``, ``export``, ``demo`` and ``summary`` (DESIGN.md section 4)."""

import argparse
import datetime as dt
import sys
from pathlib import Path

from ipt_desktop.crypto.kdf import calibrate
from ipt_desktop.demo.practice import fill_demo
from ipt_desktop.domain.graduation import DocumentKind, PaperSize
from ipt_desktop.services import fhir_export, interchange, summary_export, supervision_export
from ipt_desktop.services.clients import find_client
from ipt_desktop.services.risk import OpenRiskError
from ipt_desktop.vault.vault import Vault

from .client_reference import add_client_arguments, client_reference
from .exit_codes import OK, CommandFailed
from .output_files import output_file
from .passphrase_source import add_unlock_arguments, first_passphrase, read_secret_file
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
        "export",
        help="write one client's whole record as JSON, or the measures as a FHIR R4 Bundle "
        "(plaintext: not encrypted)",
    )
    add_unlock_arguments(parser)
    parser.add_argument(
        "--format",
        choices=("ipt-desktop", "fhir"),
        default="ipt-desktop",
        help="ipt-desktop: the whole record (round-trips import; default); fhir: the PHQ-9 and "
        "GAD-7 scores as a FHIR R4 Bundle with LOINC codes",
    )
    add_client_arguments(parser)
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

    parser = subparsers.add_parser(
        "summary",
        help="write the graduation summary of one client as a PDF (plaintext: not encrypted)",
    )
    add_unlock_arguments(parser)
    add_client_arguments(parser)
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--clinician",
        action="store_const",
        const=DocumentKind.CLINICAL,
        dest="kind",
        help="the clinical termination summary for another clinician "
        "(default: the letter for the client)",
    )
    which.add_argument(
        "--both",
        action="store_const",
        const=DocumentKind.BOTH,
        dest="kind",
        help="the client's letter, then the clinical summary from a new page",
    )
    which.add_argument(
        "--supervision",
        action="store_true",
        help="a de-identified summary for IPT supervision or certification: no name, no "
        "dates (weeks from the first session), no notes; tasks, focal areas, techniques, "
        "measures",
    )
    parser.set_defaults(kind=DocumentKind.LETTER)
    parser.add_argument(
        "--paper",
        choices=[p.value for p in PaperSize],
        default=PaperSize.A4.value,
        help="paper size (default: a4)",
    )
    parser.add_argument(
        "--episode",
        metavar="ID",
        help="the treatment contract (default: the latest with a termination record, "
        "else the latest)",
    )
    parser.add_argument(
        "--pdf-password-file",
        type=Path,
        metavar="FILE",
        help="protect the PDF with the password in this file (AES-256; weak protection all "
        "the same: a PDF password can be guessed offline)",
    )
    parser.add_argument(
        "--accept-open-risk",
        metavar="REASON",
        help="make the client's letter although risk is open (a risk source with no later "
        "risk review); the reason is sealed in the client's record and the decision audited",
    )
    parser.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
    parser.set_defaults(run=run_summary)


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
    out = output_file(args.out, args.force)
    with unlocked_vault(args) as vault:
        try:
            client = find_client(vault, client_reference(args))
        except LookupError as exc:
            raise CommandFailed(str(exc)) from None
        if args.format == "fhir":
            scores = fhir_export.write_fhir_export(vault, client.id, out)
        else:
            interchange.write_export(vault, client.id, out)
    if args.format == "fhir":
        noun = "score" if scores == 1 else "scores"
        print(f"Exported one client's measures ({scores} {noun}) as FHIR R4 to {out}.")
    else:
        print(f"Exported one client to {out}.")
    print("The file is NOT encrypted: keep it somewhere safe and delete it when done.")
    return OK


def run_demo(args: argparse.Namespace) -> int:
    if not 0 < args.kdf_seconds <= MAX_KDF_SECONDS:
        raise CommandFailed(f"--kdf-seconds must be above 0 and at most {MAX_KDF_SECONDS:g}")
    secret = first_passphrase(args)
    vault, recovery_key = Vault.create(args.vault, secret, kdf=calibrate(args.kdf_seconds))
    with vault:
        print("Recovery key (shown only now; print it or write it down, keep it safe):")
        print(f"  {recovery_key}")
        sys.stdout.flush()
        ids = fill_demo(vault)
    print(f"Created a demo vault in {args.vault} with {len(ids)} fictional clients.")
    return OK


def _pdf_password(args: argparse.Namespace) -> str | None:
    if args.pdf_password_file is None:
        return None
    secret = read_secret_file(args.pdf_password_file)
    if not secret:
        raise CommandFailed(f"the file {args.pdf_password_file} holds no password")
    return secret


def run_summary(args: argparse.Namespace) -> int:
    out = output_file(args.out, args.force)
    if args.supervision:
        return _run_supervision(args, out)
    kind, paper = DocumentKind(args.kind), PaperSize(args.paper)
    password = _pdf_password(args)
    with unlocked_vault(args) as vault:
        try:
            client = find_client(vault, client_reference(args))
            content, timeline = summary_export.prepare_content(
                vault, client.id, args.episode, dt.date.today()
            )
        except LookupError as exc:
            raise CommandFailed(str(exc)) from None
        try:
            summary_export.export_summary_pdf(
                vault,
                client.id,
                content,
                kind,
                paper,
                out,
                timeline,
                password,
                open_risk_reason=args.accept_open_risk,
            )
        except OpenRiskError as exc:
            raise CommandFailed(
                f'{exc} Record a risk review first, or give --accept-open-risk "REASON".'
            ) from None
        except OSError as exc:
            reason = exc.strerror or str(exc) or "it could not be written"
            raise CommandFailed(f"nothing was written to {out}: {reason}") from None
    what = {
        DocumentKind.LETTER: "the graduation letter",
        DocumentKind.CLINICAL: "the clinical termination summary",
        DocumentKind.BOTH: "the graduation letter and the clinical termination summary",
    }[kind]
    print(f"Wrote {what} to {out}.")
    note = summary_export.unprintable_note(content)
    if note:
        print(f"Note: {note}")
    protection = "it has a PDF password, which is weak protection" if password else "no password"
    print(
        f"The PDF is NOT encrypted by the vault ({protection}): whoever has the file can read it."
    )
    return OK


def _run_supervision(args: argparse.Namespace, out: Path) -> int:
    if args.pdf_password_file is not None:
        raise CommandFailed("--pdf-password-file is for the letter and the clinical summary")
    with unlocked_vault(args) as vault:
        try:
            client = find_client(vault, client_reference(args))
            supervision_export.export_supervision_pdf(
                vault, client.id, args.episode, PaperSize(args.paper), out
            )
        except LookupError as exc:
            raise CommandFailed(str(exc)) from None
        except OSError as exc:
            reason = exc.strerror or "it could not be written"
            raise CommandFailed(f"nothing was written to {out}: {reason}") from None
    print(f"Wrote the de-identified supervision summary to {out}.")
    print("It holds no name, dates or notes; still, keep it to supervision.")
    return OK
