"""Render the graduation PDFs of the fictional test clients, and PNGs of their pages, to look at.

    PYTHONPATH=. python tools/render_pdfs.py [OUT_DIR]

Writes the responder, non-responder and maintenance letters (and the clinical summaries,
and the recovery sheet) in A4 and US Letter to OUT_DIR (default
/work/main/screenshots/pdf), then runs ``pdftoppm -png -r 60`` on each PDF when poppler is
installed (``apt-get install -y poppler-utils``).
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ipt_desktop.domain.graduation import DocumentKind, PaperSize, default_content  # noqa: E402
from ipt_desktop.domain.timeline import build_timeline  # noqa: E402
from ipt_desktop.reports import render_pdf, render_recovery_sheet  # noqa: E402
from tests.helpers import records  # noqa: E402

DEFAULT_OUT = ROOT / "screenshots" / "pdf"
CLIENTS = {
    "responder": records.responder_record,
    "nonresponder": records.nonresponder_record,
    "maintenance": records.maintenance_record,
}
RESOLUTION = "60"


def render_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, make in CLIENTS.items():
        record = make()
        content = default_content(
            record, records.episode_id(record), records.PRACTICE, records.TODAY
        )
        timeline = build_timeline(record, records.TODAY)
        for paper in PaperSize:
            for kind in (DocumentKind.LETTER, DocumentKind.CLINICAL):
                path = out / f"{name}-{kind.value}-{paper.value}.pdf"
                render_pdf(content, kind, paper, path, timeline)
                written.append(path)
    record = records.responder_record()
    content = default_content(record, records.episode_id(record), records.PRACTICE, records.TODAY)
    path = out / "responder-both-a4.pdf"
    render_pdf(
        content, DocumentKind.BOTH, PaperSize.A4, path, build_timeline(record, records.TODAY)
    )
    written.append(path)
    for paper in PaperSize:
        path = out / f"recovery-sheet-{paper.value}.pdf"
        render_recovery_sheet(
            "K7QF-2M9X-PLR4-8ZDW-Q3NB-YT6H-J5CE-VA2S-G4KU-9XMP-RW7D-E3LT-HN5B-C2QZ",
            "3f1c9a2e-5b7d-4e21-9c0a-7d3e2b1f6a45",
            records.TODAY,
            paper,
            path,
        )
        written.append(path)
    return written


def to_png(pdfs: list[Path]) -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found: apt-get install -y poppler-utils", file=sys.stderr)
        return
    for pdf in pdfs:
        for old in pdf.parent.glob(f"{pdf.stem}-*.png"):
            old.unlink()
        subprocess.run(  # noqa: S603 - pdftoppm, fixed arguments, no shell
            [pdftoppm, "-png", "-r", RESOLUTION, str(pdf), str(pdf.with_suffix(""))], check=True
        )


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    pdfs = render_all(out)
    to_png(pdfs)
    for pdf in pdfs:
        print(pdf)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
