"""Where a summary PDF goes, and what to say when it could not go there.

The suggested file name never holds the client's name (file names show up in recent-file
lists and file browsers); the therapist may type one. Failure messages name no client and
quote no clinical text.
"""

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ipt_desktop.domain.graduation import DocumentKind
from ipt_desktop.services.risk import OpenRiskError
from ui.common import failures

from .summary_printing import PrintError

FILE_NAMES = {
    DocumentKind.LETTER: "graduation-letter.pdf",
    DocumentKind.CLINICAL: "termination-summary.pdf",
    DocumentKind.BOTH: "graduation-letter-and-termination-summary.pdf",
}


def ask_pdf_path(parent: QWidget, kind: DocumentKind) -> Path | None:
    """The system save dialog (it asks before replacing a file); None when cancelled."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    start = Path(folder or Path.home()) / FILE_NAMES[DocumentKind(kind)]
    path, _filter = QFileDialog.getSaveFileName(
        parent, "Save the graduation summary as PDF", str(start), "PDF documents (*.pdf)"
    )
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")


def failure_text(error: BaseException) -> str:
    """What went wrong, in words for the therapist (a bug is reported, not shown)."""
    if isinstance(error, PrintError | OpenRiskError):
        return str(error)
    return failures.failure_text(error, "The PDF could not be made.")
