"""Colours and paragraph styles shared by the letter, the clinical summary and the sheet.

A calm letter: a serif body for reading, a sans for headings and small print, one muted
accent colour, generous leading, nothing louder than it needs to be.
"""

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from . import fonts

INK = HexColor("#222222")
MUTED = HexColor("#5f6368")
FAINT = HexColor("#9aa0a6")
RULE = HexColor("#c9d3d6")
ACCENT = HexColor("#1f5662")  # a deep blue-green
ACCENT_LIGHT = HexColor("#e8f0f1")
CAUTION = HexColor("#8a3b12")

BODY_SIZE = 10.0
#: The clinical summary is a report: a touch smaller and tighter than the letter.
REPORT_BODY_SIZE = 9.4
LEADING_RATIO = 1.46


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    bullet: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    practice_name: ParagraphStyle
    practice_line: ParagraphStyle
    contact: ParagraphStyle
    date: ParagraphStyle
    small: ParagraphStyle
    caption: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    signature_name: ParagraphStyle
    key: ParagraphStyle
    notice: ParagraphStyle


def _style(name: str, size: float = BODY_SIZE, **kw: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": fonts.SERIF,
        "fontSize": size,
        "leading": round(size * LEADING_RATIO, 1),
        "textColor": INK,
        "alignment": TA_LEFT,
        # Long words (a pasted URL, an unbroken name) must wrap, never run into the margin.
        "splitLongWords": 1,
        # reportlab lets a line overrun by squeezing its spaces 5%, which only justified
        # text takes back: ragged-right lines would poke past the margin. No squeezing.
        "spaceShrinkage": 0,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


def make_styles(body_size: float = BODY_SIZE) -> Styles:
    """The styles of one document part; ``body_size`` sets the reading text (points)."""
    fonts.register_fonts()
    return Styles(
        body=_style("body", body_size, spaceAfter=body_size * 0.7),
        bullet=_style(
            "bullet",
            body_size,
            leftIndent=15,
            bulletIndent=3,
            bulletFontName=fonts.SANS,
            bulletFontSize=body_size,
            bulletColor=ACCENT,
            spaceAfter=body_size * 0.35,
        ),
        heading=_style(
            "heading",
            fontName=fonts.SANS_BOLD,
            fontSize=10.5,
            leading=14,
            textColor=ACCENT,
            spaceBefore=13,
            spaceAfter=5,
            keepWithNext=1,
        ),
        title=_style(
            "title",
            fontName=fonts.SANS_BOLD,
            fontSize=15,
            leading=19,
            textColor=INK,
            spaceAfter=2,
        ),
        subtitle=_style(
            "subtitle",
            fontName=fonts.SANS,
            fontSize=9,
            leading=12,
            textColor=MUTED,
            spaceAfter=10,
        ),
        practice_name=_style(
            "practice_name",
            fontName=fonts.SANS_BOLD,
            fontSize=13.5,
            leading=17,
            textColor=ACCENT,
        ),
        practice_line=_style(
            "practice_line",
            fontName=fonts.SANS,
            fontSize=9,
            leading=12,
            textColor=INK,
        ),
        contact=_style(
            "contact",
            fontName=fonts.SANS,
            fontSize=8,
            leading=11,
            textColor=MUTED,
            alignment=TA_RIGHT,
        ),
        date=_style("date", body_size, alignment=TA_RIGHT, spaceAfter=14),
        small=_style(
            "small",
            fontName=fonts.SANS,
            fontSize=8,
            leading=10.5,
            textColor=MUTED,
        ),
        caption=_style(
            "caption",
            fontName=fonts.SANS,
            fontSize=7.8,
            leading=10,
            textColor=MUTED,
            spaceBefore=2,
            spaceAfter=6,
        ),
        cell=_style("cell", fontName=fonts.SANS, fontSize=8.5, leading=11),
        cell_head=_style(
            "cell_head",
            fontName=fonts.SANS_BOLD,
            fontSize=8,
            leading=10.5,
            textColor=MUTED,
        ),
        signature_name=_style("signature_name", body_size, fontName=fonts.SERIF_BOLD),
        key=_style(
            "key",
            fontName=fonts.MONO_BOLD,
            fontSize=19,
            leading=30,
            alignment=TA_CENTER,
            textColor=INK,
            splitLongWords=0,
        ),
        notice=_style(
            "notice",
            fontName=fonts.SANS_BOLD,
            fontSize=10,
            leading=14,
            textColor=CAUTION,
            spaceAfter=8,
        ),
    )


def hex_color(color: Color) -> str:
    """``#rrggbb`` for use inside Paragraph markup (<font color=...>)."""
    return "#" + str(color.hexval())[2:]


def table_style(commands: list[tuple[object, ...]]) -> TableStyle:
    """A TableStyle whose default font is ours: reportlab's default (Helvetica) would be
    named in the PDF without being embedded."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.SANS), *commands])
