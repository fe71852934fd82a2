"""The preview's page images: Poppler renders the PDF bytes without touching the disk, the
page stream is split correctly, and a damaged stream is refused rather than misdrawn."""

import datetime as dt
from pathlib import Path

import pytest

from ipt_desktop.domain.enums import PlanAfterEnding
from ipt_desktop.domain.graduation import DocumentKind, GraduationContent, PaperSize
from ipt_desktop.domain.model import PracticeDetails
from ipt_desktop.services import summary_export
from ui.graduation import pdf_pages

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


def ppm(width: int, height: int, shade: int) -> bytes:
    return f"P6\n{width} {height}\n255\n".encode() + bytes([shade]) * (width * height * 3)


def test_pages_are_split_from_one_stream():
    pages = pdf_pages._split_ppm(ppm(3, 2, 10) + ppm(2, 4, 200))
    assert [(p.width, p.height) for p in pages] == [(3, 2), (2, 4)]
    assert pages[0].rgb == bytes([10]) * 18
    assert pages[1].rgb == bytes([200]) * 24


@pytest.mark.parametrize(
    "damaged",
    [ppm(3, 2, 10)[:-1], b"P5\n3 2\n255\n" + bytes(6), b"P6\n3 2\n65535\n" + bytes(36), b"P6\n3"],
)
def test_a_damaged_stream_is_refused(damaged):
    with pytest.raises(pdf_pages.RenderError):
        pdf_pages._split_ppm(damaged)


def test_poppler_renders_the_bytes_in_memory(tmp_path, monkeypatch):
    if pdf_pages.rasterizer() is None:
        pytest.fail("these tests expect Poppler's pdftoppm (apt-get install poppler-utils)")
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    pages = pdf_pages.pages_of(built(PaperSize.LETTER), 72)
    assert pages.pdf.startswith(b"%PDF-")
    assert pages.count == len(pages.bitmaps) >= 1
    first = pages.bitmaps[0]
    assert (first.width, first.height) == (612, 792)  # US Letter at 72 dpi
    assert len(first.rgb) == first.width * first.height * 3
    assert list(Path(tmp_path).iterdir()) == []  # nothing was written to disk


def test_without_poppler_the_text_of_each_page(monkeypatch):
    monkeypatch.setattr(pdf_pages, "rasterizer", lambda: None)
    pages = pdf_pages.pages_of(built(PaperSize.A4), 72)
    assert pages.bitmaps == ()
    assert "Opening words of the page test." in " ".join(" ".join(pages.texts).split())
