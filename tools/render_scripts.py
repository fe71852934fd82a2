"""Render the letter and the clinical summary for clients named in several scripts, to look at.

    PYTHONPATH=. python tools/render_scripts.py [OUT_DIR]

Arabic, Hebrew, Greek, Cyrillic, Chinese and an emoji name (fictional), each as a letter
plus clinical summary (A4) in OUT_DIR (default /work/shots/scripts), then PNGs of the pages
with ``pdftoppm -png -r 60`` when poppler is installed.
"""

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ipt_desktop.domain.graduation import DocumentKind, PaperSize, default_content  # noqa: E402
from ipt_desktop.domain.timeline import build_timeline  # noqa: E402
from ipt_desktop.reports import render_pdf  # noqa: E402
from tests.helpers import records  # noqa: E402

NAMES = {
    "arabic": "سلمى الحداد",
    "hebrew": "נועה לוי",
    "greek": "Ελένη Παπαδοπούλου",
    "cyrillic": "Наталья Воронцова",
    "chinese": "王小明",
    "emoji": "Sam Rivers 🌻",
}


def render_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for key, name in NAMES.items():
        record = records.responder_record(name)
        content = default_content(
            record, records.episode_id(record), records.PRACTICE, records.TODAY
        )
        content = dataclasses.replace(content, salutation=f"Dear {name},")
        path = out / f"{key}.pdf"
        render_pdf(
            content, DocumentKind.BOTH, PaperSize.A4, path, build_timeline(record, records.TODAY)
        )
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("/work/shots/scripts")
    pdfs = render_all(out)
    tool = shutil.which("pdftoppm")
    for pdf in pdfs:
        if tool:
            subprocess.run(  # noqa: S603 - pdftoppm found by path, fixed arguments
                [tool, "-png", "-r", "60", str(pdf), str(pdf.with_suffix(""))], check=True
            )
        print(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
