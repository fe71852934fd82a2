"""The graduation PDF of one client, the way the application makes it: the summary
service prepares the content (record, practice details, the domain's proposed wording,
the timeline for the chart) and writes the letter and the clinical summary (A4), with its
audit entry."""

from pathlib import Path

from ipt_desktop.domain.graduation import DocumentKind, PaperSize
from ipt_desktop.services import summary_export
from ipt_desktop.vault.vault import Vault

from .synthetic_practice import TODAY

REASON = "Benchmark run on a synthetic practice, no real client"
DESCRIPTION = (
    "summary_export.prepare_content and export_summary_pdf: letter and clinical summary "
    "with the chart, A4, audit entry"
)


def write(vault: Vault, client_id: str, out: Path) -> None:
    content, timeline = summary_export.prepare_content(vault, client_id, None, TODAY)
    summary_export.export_summary_pdf(
        vault,
        client_id,
        content,
        DocumentKind.BOTH,
        PaperSize.A4,
        out,
        timeline,
        # Synthetic clients may have open risk: the guard's recorded decision is part of it.
        open_risk_reason=REASON,
    )
