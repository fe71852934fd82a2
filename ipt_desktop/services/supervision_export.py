"""Write the de-identified supervision summary of one episode as a PDF (issue 19).

The PDF holds no name, no date of birth, no calendar dates and no free text (see
``domain.supervision``); it is written atomically and the export is audited like any PDF.
"""

import contextlib
import os
from pathlib import Path

from ipt_desktop.atomic_file import write_atomically
from ipt_desktop.domain.graduation import PaperSize
from ipt_desktop.domain.supervision import SupervisionReport, supervision_report
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.errors import VaultLockedError
from ipt_desktop.vault.vault import Vault

from . import clients
from .summary_export import default_episode

DETAIL = "supervision pdf"


def prepare_report(vault: Vault, client_id: str, episode_id: str | None) -> SupervisionReport:
    """The report of ``episode_id`` (default: the latest with a termination record, else the
    latest). Raises LookupError for an unknown client or episode or a client without one."""
    record = clients.read_record(vault, client_id)
    if episode_id is None:
        episode_id = default_episode(record).id
    elif all(e.id != episode_id for e in record.episodes):
        raise LookupError("no treatment contract of this client has that id")
    return supervision_report(record, episode_id)


def supervision_pdf_bytes(report: SupervisionReport, paper: PaperSize) -> bytes:
    from ipt_desktop.reports import build_supervision_pdf  # reportlab: loaded on first use

    return build_supervision_pdf(report, paper)


def export_supervision_pdf(
    vault: Vault,
    client_id: str,
    episode_id: str | None,
    paper: PaperSize,
    out_path: Path,
) -> None:
    """Write the supervision summary to ``out_path`` and log the export (client id only)."""
    if not vault.is_unlocked:
        raise VaultLockedError("The vault is locked.")
    report = prepare_report(vault, client_id, episode_id)
    save_supervision_pdf(vault, client_id, supervision_pdf_bytes(report, paper), out_path)


def save_supervision_pdf(vault: Vault, client_id: str, data: bytes, out_path: Path) -> None:
    """Write built PDF bytes atomically, then audit; the file goes again if the audit fails."""
    if not vault.is_unlocked:
        raise VaultLockedError("The vault is locked.")
    out = Path(out_path)
    write_atomically(out, data)
    try:
        vault.record_event(AuditEvent.EXPORT_PDF, client_id, detail=DETAIL)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(out)
        raise
