"""Save the printable recovery sheet (PDF) where the user chose.

The sheet holds the recovery key in clear: it is made to be printed and locked away. The
caller (the first-run wizard) says so before asking where to save it, and suggests printing
it and deleting the file.
"""

import datetime as dt
from pathlib import Path

from ipt_desktop.domain.graduation import PaperSize


def save_recovery_sheet(
    recovery_key_text: str,
    vault_id: str,
    out_path: Path,
    paper: PaperSize = PaperSize.A4,
    created: dt.date | None = None,
) -> None:
    """Write the sheet to ``out_path`` atomically (nothing is left behind on failure)."""
    from ipt_desktop.reports.recovery_sheet import render_recovery_sheet  # reportlab: lazy

    render_recovery_sheet(
        recovery_key_text, vault_id, created or dt.date.today(), PaperSize(paper), Path(out_path)
    )
