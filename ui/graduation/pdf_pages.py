"""The pages of a PDF held in memory: as bitmaps (Poppler's ``pdftoppm``) or as text (pypdf).

Why ``pdftoppm``: the application ships PySide6-Essentials only, which has no QtPdf, and
reportlab writes PDFs but cannot draw one back. Poppler's ``pdftoppm`` renders the very
bytes that would be saved, so the preview shows exactly the pages the PDF holds. It is
optional: where it is not installed (a plain Windows or macOS machine) the preview shows
the text of each page instead (pypdf), and printing goes through the system PDF viewer.

The bytes come from ``services.summary_export.build_summary_pdf`` (the dialog saves those
same bytes); this module only turns them into pages. Nothing here writes a file: the PDF
goes to ``pdftoppm`` on stdin and the pixels come back on stdout (raw PPM, which is many
times faster than PNG). Qt-free: the dialog makes ``QImage`` objects from the ``PageBitmap``
values on the GUI thread.
"""

import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

#: Where Poppler usually lives when a desktop session's PATH is short (macOS GUI apps).
_EXTRA_PLACES = (Path("/opt/homebrew/bin"), Path("/usr/local/bin"), Path("/usr/bin"))
_TIMEOUT_S = 60


class RenderError(Exception):
    """``pdftoppm`` failed or sent something that is not a page image."""


@dataclass(frozen=True)
class PageBitmap:
    """One page as 8-bit RGB pixels, rows top to bottom, no padding."""

    width: int
    height: int
    rgb: bytes


@dataclass(frozen=True)
class PdfPages:
    """A built PDF and its pages: bitmaps when ``pdftoppm`` exists, else text per page."""

    pdf: bytes
    bitmaps: tuple[PageBitmap, ...]
    texts: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.bitmaps) or len(self.texts)


def rasterizer() -> str | None:
    """The path of ``pdftoppm``, or None when Poppler is not installed."""
    found = shutil.which("pdftoppm")
    if found is not None:
        return found
    for folder in _EXTRA_PLACES:
        candidate = folder / "pdftoppm"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def _split_ppm(data: bytes) -> tuple[PageBitmap, ...]:
    """Binary PPM (P6) images one after the other, as ``pdftoppm`` writes them to stdout."""
    pages: list[PageBitmap] = []
    at = 0
    while at < len(data):
        fields: list[bytes] = []
        while len(fields) < 4:
            while at < len(data) and data[at : at + 1].isspace():
                at += 1
            end = at
            while end < len(data) and not data[end : end + 1].isspace():
                end += 1
            if end == at:
                raise RenderError("the page image ended early")
            fields.append(data[at:end])
            at = end
        at += 1  # the single whitespace byte before the pixels
        magic, width_text, height_text, top = fields
        if magic != b"P6" or top != b"255":
            raise RenderError("the page image is not 8-bit binary PPM")
        width, height = int(width_text), int(height_text)
        size = width * height * 3
        if width <= 0 or height <= 0 or at + size > len(data):
            raise RenderError("the page image is cut short")
        pages.append(PageBitmap(width, height, data[at : at + size]))
        at += size
    return tuple(pages)


def render_bitmaps(pdf: bytes, dpi: int, program: str | None = None) -> tuple[PageBitmap, ...]:
    """Every page of ``pdf`` at ``dpi`` through ``pdftoppm`` (stdin to stdout)."""
    tool = program or rasterizer()
    if tool is None:
        raise RenderError("pdftoppm is not installed")
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
    try:
        done = subprocess.run(  # noqa: S603 - pdftoppm found by path, fixed arguments, no shell
            [tool, "-r", str(int(dpi)), "-"],
            input=pdf,
            capture_output=True,
            timeout=_TIMEOUT_S,
            check=False,
            creationflags=flags,
        )
    except (OSError, subprocess.TimeoutExpired):
        raise RenderError("pdftoppm could not be run") from None
    if done.returncode != 0 or not done.stdout:
        raise RenderError(f"pdftoppm ended with status {done.returncode}")
    return _split_ppm(done.stdout)


def page_texts(pdf: bytes) -> tuple[str, ...]:
    """The text of each page (the preview without ``pdftoppm``)."""
    reader = PdfReader(io.BytesIO(pdf))
    return tuple(page.extract_text() or "" for page in reader.pages)


def pages_of(pdf: bytes, dpi: int) -> PdfPages:
    """The pages of ``pdf``: bitmaps at ``dpi`` if possible, else the text of each."""
    tool = rasterizer()
    if tool is not None:
        try:
            return PdfPages(pdf, render_bitmaps(pdf, dpi, tool), ())
        except RenderError:
            pass  # a broken Poppler install: the text preview still works
    return PdfPages(pdf, (), page_texts(pdf))
