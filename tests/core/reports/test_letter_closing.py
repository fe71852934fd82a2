"""Issue 13, item 6: the letter's closing and signature stay with the text before them.

Letters of growing length are rendered so the end of the letter crosses the page break at
every point; on every one, the page that holds the signature also holds the last section
("After our sessions end"), so no page ever holds only the closing.
"""

import dataclasses
from pathlib import Path

import records
from pdf_reading import page_texts

from ipt_desktop.domain.graduation import DocumentKind, PaperSize, default_content
from ipt_desktop.domain.timeline import build_timeline
from ipt_desktop.reports import render_pdf

LAST_SECTION = "After our sessions end"


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
        page = pages[signed[-1]]
        assert LAST_SECTION in page, (
            f"{count} achievements: page {signed[-1] + 1} has only the closing"
        )
        crossings += len(pages) > 1
    assert crossings > 0  # the sweep did push the ending onto a second page
