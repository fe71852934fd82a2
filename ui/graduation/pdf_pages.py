"""The pages of a PDF held in memory: as images (PDFium, ``page_raster``) or as text (pypdf).

The preview builds the PDF and draws the very bytes that would be saved, so it shows
exactly the pages the PDF holds. Should PDFium fail on a page, the preview falls back to the
text of each page (pypdf) rather than show nothing. Nothing here writes a file.
"""

import io
import threading
from dataclasses import dataclass

from pypdf import PdfReader
from PySide6.QtGui import QImage

from ipt_desktop.domain.graduation import DocumentKind, GraduationContent, PaperSize
from ipt_desktop.domain.timeline import Timeline
from ipt_desktop.reports import build_pdf
from ipt_desktop.services import summary_export

from .page_raster import RenderError, render_pages

#: reportlab keeps module-level state (fonts, caches); one document is built at a time.
BUILD_LOCK = threading.Lock()

__all__ = ["BUILD_LOCK", "PdfPages", "RenderError", "build", "page_texts", "pages_of"]


@dataclass(frozen=True)
class PdfPages:
    """A built PDF and its pages: images, or the text of each page if drawing failed."""

    pdf: bytes
    images: tuple[QImage, ...]
    texts: tuple[str, ...]
    #: Names the characters no bundled font has (printed as U+FFFD), else None.
    unprintable: str | None = None

    @property
    def count(self) -> int:
        return len(self.images) or len(self.texts)


def page_texts(pdf: bytes) -> tuple[str, ...]:
    """The text of each page (the preview when the pages cannot be drawn)."""
    reader = PdfReader(io.BytesIO(pdf))
    return tuple(page.extract_text() or "" for page in reader.pages)


def build(
    content: GraduationContent,
    kind: DocumentKind,
    paper: PaperSize,
    timeline: Timeline | None,
    password: str | None = None,
) -> bytes:
    """``reports.build_pdf`` under ``BUILD_LOCK`` (preview, print and export may overlap)."""
    with BUILD_LOCK:
        return build_pdf(content, kind, paper, timeline, password)


def pages_of(
    content: GraduationContent,
    kind: DocumentKind,
    paper: PaperSize,
    timeline: Timeline | None,
    dpi: int,
) -> PdfPages:
    """Build the PDF and draw its pages; the text of each page if they cannot be drawn."""
    pdf = build(content, kind, paper, timeline)
    note = summary_export.unprintable_note(content)
    try:
        return PdfPages(pdf, tuple(render_pages(pdf, dpi)), (), note)
    except RenderError:
        return PdfPages(pdf, (), page_texts(pdf), note)
