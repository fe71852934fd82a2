"""Issue 13, item 6: the letter's closing and signature stay with the text before them.

Letters of growing length are rendered so the end of the letter crosses the page break at
every point. On every one, the page that holds the signature also holds the last section
("After our sessions end", or "Our next sessions" while some remain), so no page ever
holds only the closing; and that ending moves to a new page only when it would not have
fitted in the room left on the page before.
"""

import dataclasses
from pathlib import Path

from ipt_desktop.domain.graduation import DocumentKind, PaperSize, default_content
from ipt_desktop.domain.timeline import build_timeline
from ipt_desktop.reports import render_pdf
from ipt_desktop.reports.page_layout import FOOTER_Y, MARGIN_BOTTOM
from tests.helpers import records
from tests.helpers.pdf_reading import page_texts, placed_text

LAST_SECTIONS = ("After our sessions end", "Our next sessions")
LINE = 14.0  # about one line of body text, in points


def test_no_page_holds_only_the_closing(tmp_path: Path) -> None:
    record = records.responder_record()
    content = default_content(record, records.episode_id(record), records.PRACTICE, records.TODAY)
    timeline = build_timeline(record, records.TODAY)
    signer = records.PRACTICE.therapist_name
    assert signer
    crossings = 0
    for count in range(0, 16):
        achievements = tuple(f"Fictional step number {n} taken with care" for n in range(count))
        letter = dataclasses.replace(content, achievements=achievements)
        out = tmp_path / f"letter-{count}.pdf"
        render_pdf(letter, DocumentKind.LETTER, PaperSize.A4, out, timeline)
        pages = page_texts(out)
        signed = [i for i, text in enumerate(pages) if signer in text]
        assert signed, "the signature is missing"
        page = signed[-1]
        assert any(title in pages[page] for title in LAST_SECTIONS), (
            f"{count}: page {page + 1} has only the closing"
        )
        if page == 0:
            continue
        crossings += 1
        runs = [p for p in placed_text(out) if p.y > FOOTER_Y + 4]  # the footer aside
        ending = [p for p in runs if p.page == page]
        top = max(p.y for p in ending if any(t in p.text for t in LAST_SECTIONS))
        height = top - min(p.y for p in ending) + LINE
        room = min(p.y for p in runs if p.page == page - 1) - LINE - MARGIN_BOTTOM
        assert height > room, f"{count}: the ending ({height:.0f}pt) fitted in {room:.0f}pt"
    assert crossings > 0  # the sweep did push the ending onto a second page
