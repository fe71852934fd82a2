"""Letters the serif body font lacks (Arabic) print in the sans, never as empty boxes;
the letter names the client without the "Demo – " label."""

from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from ipt_desktop.domain.graduation import DocumentKind, PaperSize, default_content
from ipt_desktop.domain.model import Client
from ipt_desktop.reports import render_pdf, script_text
from ipt_desktop.reports.fonts import SANS, WORLD
from ipt_desktop.reports.markup import plain
from tests.helpers import records
from tests.helpers.pdf_reading import all_text


def test_plain_sets_arabic_in_the_sans_and_leaves_other_text_alone() -> None:
    # The fallback family is DejaVu Sans registered again (reports/script_text.py); the
    # Arabic is joined and in visual order.
    assert pdfmetrics.getFont(WORLD).face.name == pdfmetrics.getFont(SANS).face.name
    shaped = script_text.visual("سلمى")
    assert shaped != "سلمى"
    assert plain("Dear سلمى,") == f'Dear <font face="{WORLD}">{shaped}</font>,'
    assert plain("Dear Ελένη & Zoë,") == "Dear Ελένη &amp; Zoë,"


def test_the_letter_names_the_client_without_the_demo_label(tmp_path: Path) -> None:
    record = records.responder_record()
    record = record.__class__(
        Client(name="Demo – سلمى الحداد", id=record.client.id),
        record.episodes,
        record.sessions,
        record.inventory,
        record.life_events,
    )
    content = default_content(record, records.episode_id(record), records.PRACTICE, records.TODAY)
    out = tmp_path / "letter.pdf"
    render_pdf(content, DocumentKind.LETTER, PaperSize.A4, out, None)
    text = all_text(out)
    heading = text.split("Looking back")[1].split("Over our")[0]  # subtitle and greeting
    assert "Demo" not in heading
