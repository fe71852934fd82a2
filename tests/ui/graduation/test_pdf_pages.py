"""The preview's page images: PDFium draws the PDF bytes in-process without touching the
disk, at the asked resolution, with the page's ink where the PDF puts it; a damaged PDF is
refused rather than misdrawn, and the preview then shows the text of each page."""

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from ipt_desktop.domain.enums import PlanAfterEnding
from ipt_desktop.domain.graduation import DocumentKind, GraduationContent, PaperSize
from ipt_desktop.domain.model import PracticeDetails
from ipt_desktop.services import summary_export
from ui.graduation import page_raster, pdf_pages

DAY = dt.date(2026, 3, 2)
CONTENT = GraduationContent(
    client_name="Demo – Page Test",
    episode_start=DAY,
    episode_end=DAY + dt.timedelta(weeks=12),
    sessions_attended=12,
    planned_sessions=12,
    problem_areas=(),
    focus=(),
    achievements=("Found words for a hard week",),
    skills=("Walk after work",),
    warning_signs=("Not answering the phone",),
    what_to_do="Call the practice.",
    plan_kind=PlanAfterEnding.NONE,
    plan="",
    opening_words="Opening words of the page test.",
    closing_words="Closing words.",
    include_phq9_chart=False,
    responded=None,
    next_step="",
    letter_date=DAY,
    practice=PracticeDetails(therapist_name="Dr Demo"),
)


def built(paper: PaperSize) -> bytes:
    return summary_export.build_summary_pdf(CONTENT, DocumentKind.LETTER, paper, None).data


def _ink_rows(image: QImage) -> list[int]:
    """The rows (sampled every 4th pixel across) that hold anything darker than paper."""
    rows = []
    for y in range(image.height()):
        if any(image.pixelColor(x, y).lightness() < 200 for x in range(0, image.width(), 4)):
            rows.append(y)
    return rows


def test_pdfium_draws_the_bytes_in_memory(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    pages = pdf_pages.pages_of(built(PaperSize.LETTER), 72)
    assert pages.pdf.startswith(b"%PDF-")
    assert pages.count == len(pages.images) == len(PdfReader(io.BytesIO(pages.pdf)).pages)
    first = pages.images[0]
    assert (first.width(), first.height()) == (612, 792)  # US Letter at 72 dpi
    assert first.pixelColor(2, 2).name() == "#ffffff"  # paper in the margin
    ink = _ink_rows(first)
    # Text lies between the top margin and the footer, as the PDF places it.
    assert ink and 30 < ink[0] < 150 and ink[-1] > 700
    assert list(Path(tmp_path).iterdir()) == []  # nothing was written to disk


def test_the_resolution_scales_the_page():
    pdf = built(PaperSize.A4)
    [small] = page_raster.render_pages(pdf, 36)[:1]
    [large] = page_raster.render_pages(pdf, 144)[:1]
    assert (small.width(), small.height()) == (298, 421)
    assert (large.width(), large.height()) == (1191, 1684)


@pytest.mark.parametrize("damaged", [b"", b"%PDF-1.4 not really", b"\x00" * 64])
def test_a_damaged_pdf_is_refused(damaged):
    with pytest.raises(page_raster.RenderError):
        page_raster.render_pages(damaged, 72)


def test_an_absurd_resolution_is_refused():
    pdf = built(PaperSize.A4)
    with pytest.raises(page_raster.RenderError):
        page_raster.render_pages(pdf, 5000)


def test_when_drawing_fails_the_text_of_each_page(monkeypatch):
    def broken(_pdf: bytes, _dpi: float) -> list[QImage]:
        raise page_raster.RenderError("simulated")

    monkeypatch.setattr(pdf_pages, "render_pages", broken)
    pages = pdf_pages.pages_of(built(PaperSize.A4), 72)
    assert pages.images == ()
    assert "Opening words of the page test." in " ".join(" ".join(pages.texts).split())


def test_characters_without_a_glyph_are_named():
    assert summary_export.unprintable_note(CONTENT) is None
    flower = dataclasses.replace(CONTENT, client_name="Demo – Sam 🌻")
    note = summary_export.unprintable_note(flower)
    assert note is not None and "U+1F33B" in note
    assert "Sam" not in note  # code points only, never the name
