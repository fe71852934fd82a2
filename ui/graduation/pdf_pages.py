"""The pages of a PDF held in memory: as images (PDFium, ``page_raster``) or as text (pypdf).

The bytes come from ``services.summary_export.build_summary_pdf`` (the dialog saves those
same bytes); this module only turns them into pages, so the preview shows exactly the
pages the PDF holds. Should PDFium fail on a page, the preview falls back to the text of
each page (pypdf) rather than show nothing. Nothing here writes a file.
"""

import io
from dataclasses import dataclass

from pypdf import PdfReader
from PySide6.QtGui import QImage

from .page_raster import RenderError, render_pages

__all__ = ["PdfPages", "RenderError", "page_texts", "pages_of"]


@dataclass(frozen=True)
class PdfPages:
    """A built PDF and its pages: images, or the text of each page if drawing failed."""

    pdf: bytes
    images: tuple[QImage, ...]
    texts: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.images) or len(self.texts)


def page_texts(pdf: bytes) -> tuple[str, ...]:
    """The text of each page (the preview when the pages cannot be drawn)."""
    reader = PdfReader(io.BytesIO(pdf))
    return tuple(page.extract_text() or "" for page in reader.pages)


def pages_of(pdf: bytes, dpi: int) -> PdfPages:
    """The pages of ``pdf``: images at ``dpi``, else the text of each page."""
    try:
        return PdfPages(pdf, tuple(render_pages(pdf, dpi)), ())
    except RenderError:
        return PdfPages(pdf, (), page_texts(pdf))
