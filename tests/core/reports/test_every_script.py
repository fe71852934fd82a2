"""Names in every script print: the letters are in the PDF, in reading order, each drawn
from a font that has a glyph for it (checked against that font's own character map)."""

import dataclasses
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from ipt_desktop.domain.graduation import DocumentKind, PaperSize, default_content
from ipt_desktop.domain.timeline import build_timeline
from ipt_desktop.reports import fonts, render_pdf, script_text
from tests.helpers import records
from tests.helpers.pdf_reading import placed_text

NAMES = {
    "arabic": "سلمى الحداد",
    "hebrew": "נועה לוי",
    "greek": "Ελένη Παπαδοπούλου",
    "cyrillic": "Наталья Воронцова",
    "chinese": "王小明",
    "japanese": "山田 花子",
}
RIGHT_TO_LEFT = {"arabic", "hebrew"}


def _letter(tmp_path: Path, name: str, kind: DocumentKind = DocumentKind.BOTH) -> Path:
    record = records.responder_record(name)
    content = default_content(record, records.episode_id(record), records.PRACTICE, records.TODAY)
    content = dataclasses.replace(content, salutation=f"Dear {name},")
    out = tmp_path / "letter.pdf"
    render_pdf(content, kind, PaperSize.A4, out, build_timeline(record, records.TODAY))
    return out


def _text(path: Path) -> str:
    """The PDF's text with presentation forms folded back to letters (NFKC)."""
    raw = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return unicodedata.normalize("NFKC", raw)


def _cmaps() -> dict[str, set[int]]:
    """PostScript name of each bundled font -> the code points it has glyphs for."""
    fonts.register_fonts()
    maps: dict[str, set[int]] = {}
    for name in fonts.font_files():
        face = pdfmetrics.getFont(name).face
        postscript = face.name.decode() if isinstance(face.name, bytes) else str(face.name)
        maps.setdefault(postscript, set()).update(face.charToGlyph)
    return maps


@pytest.mark.parametrize("script", sorted(NAMES))
def test_the_name_prints_in_reading_order_with_real_glyphs(tmp_path: Path, script: str) -> None:
    name = NAMES[script]
    pdf = _letter(tmp_path, name)
    text = _text(pdf)
    for letter in name.replace(" ", ""):
        assert letter in text, (script, letter)
    assert "\ufffd" not in text
    # The salutation line as drawn, run by run from the left (pypdf turns the letters of a
    # right-to-left run back into reading order, not the runs): "Dear" first, then the
    # name's words, the last word leftmost for a right-to-left name, then the comma.
    placed = placed_text(pdf)
    [dear] = [run for run in placed if run.text.startswith("Dear ")]
    line = unicodedata.normalize("NFKC", "".join(r.text for r in placed if r.y == dear.y))
    first, last = name.split()[0], name.split()[-1]
    assert line.startswith("Dear ") and line.rstrip().endswith(",")
    if script in RIGHT_TO_LEFT:
        assert line.index(last) < line.index(first)
    else:
        assert line.index(first) <= line.index(last)

    cmaps = _cmaps()
    checked = 0
    for run in placed:
        cmap = cmaps[run.font]
        for char in run.text:
            if not char.isspace():
                assert ord(char) in cmap, (script, run.font, f"U+{ord(char):04X}")
                checked += 1
    assert checked > 1000


def test_the_fallback_fonts_are_the_ones_used(tmp_path: Path) -> None:
    cmaps = _cmaps()
    used = {run.font for run in placed_text(_letter(tmp_path, "Ali علي 王 Ωμέγα"))}
    assert "DejaVuSerif" in used and "DejaVuSans" in used
    assert any("Droid" in font for font in used)
    assert set(cmaps) >= used


def test_an_emoji_is_replaced_visibly_and_reported(tmp_path: Path) -> None:
    name = "Sam Rivers 🌻\ufe0f"
    assert script_text.unprintable(name) == ["🌻"]
    assert script_text.unprintable(NAMES["arabic"] + NAMES["chinese"]) == []
    text = _text(_letter(tmp_path, name, DocumentKind.LETTER))
    assert "Dear Sam Rivers \ufffd," in text
    assert "🌻" not in text


def test_hangul_is_a_known_gap_and_reported() -> None:
    # Droid Sans Fallback has the CJK ideographs and kana but no Hangul syllables.
    assert script_text.unprintable("김민지") == ["김", "민", "지"]


def test_italic_and_bold_keep_their_faces_beside_a_fallback() -> None:
    fonts.register_fonts()
    assert script_text.markup("Ok") == "Ok"
    assert script_text.markup("a <b> & علي") == (
        'a &lt;b&gt; &amp; <font face="IPTWorld">' + script_text.visual("علي") + "</font>"
    )
    assert script_text.width("王", fonts.SERIF, 10) == pytest.approx(
        pdfmetrics.stringWidth("王", fonts.CJK, 10)
    )
