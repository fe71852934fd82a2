"""Text in any script, ready for reportlab: shaped, in visual order, and in a font that has it.

reportlab draws one glyph per character, left to right, from one font per run. So before a
line reaches a Paragraph or the canvas:

1. Arabic letters are joined (``arabic-reshaper`` swaps them for their initial, medial, final
   or isolated presentation forms, and lam + alef for the ligature), keeping vowel marks;
2. the line is put in visual order by the Unicode bidirectional algorithm (``python-bidi``,
   which wraps the Rust ``unicode-bidi`` crate): "Dear <Arabic name>," keeps "Dear" on the
   left and the name reads right to left, the comma after it;
3. each character goes to the first font that has it: the style's own (DejaVu Serif, Sans or
   Mono: Latin, Greek, Cyrillic), else DejaVu Sans (Arabic, Hebrew and many symbols), else
   Droid Sans Fallback (Chinese, Japanese, Korean). A character no bundled font has (most
   emoji) becomes U+FFFD, a visible replacement, and ``unprintable`` names it so the caller
   can say so. Format characters (joiners, variation selectors, direction marks) are dropped.

Why these libraries rather than HarfBuzz: reportlab cannot place HarfBuzz's glyph positions
in a Paragraph, while presentation forms are ordinary characters that it wraps, measures and
embeds like any other; both libraries are small, maintained and have wheels everywhere.
Limit: the bidi algorithm runs per line of the source text, before reportlab wraps it, so a
right-to-left sentence long enough to wrap has its visual lines in left-to-right order.
"""

import unicodedata
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from arabic_reshaper import ArabicReshaper
from bidi import get_display
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.pdfbase import pdfmetrics

from . import fonts

REPLACEMENT = "\ufffd"
_RESHAPER = ArabicReshaper(configuration={"delete_harakat": False})
#: Skin-tone modifiers belong to the emoji before them: one replacement for both.
_MODIFIERS = range(0x1F3FB, 0x1F400)


@dataclass(frozen=True)
class Run:
    """Consecutive characters drawn from one font family; None: the style's own font."""

    text: str
    family: str | None


def visual(line: str) -> str:
    """One line (no line break) joined and in visual order, as it is to be drawn."""
    if not line or line.isascii():
        return line
    return str(get_display(_RESHAPER.reshape(line)))


@cache
def _coverage(names: tuple[str, ...]) -> frozenset[int]:
    """The code points every one of the fonts ``names`` has a glyph for."""
    fonts.register_fonts()
    maps = [set(pdfmetrics.getFont(name).face.charToGlyph) for name in names]
    return frozenset(set.intersection(*maps))


def _own() -> frozenset[int]:
    return _coverage(tuple(fonts.PRIMARY_FONTS))


def _fallbacks() -> list[tuple[str, frozenset[int]]]:
    return [(family, _coverage(fonts.family_fonts(family))) for family in fonts.FALLBACK_FAMILIES]


def _skipped(char: str, previous: str) -> bool:
    if unicodedata.category(char) == "Cf" or 0xFE00 <= ord(char) <= 0xFE0F:
        return True
    return ord(char) in _MODIFIERS and previous == REPLACEMENT


def runs(text: str) -> list[Run]:
    """``text`` (already visual) split into runs by font; unprintable characters replaced."""
    own, fallbacks = _own(), _fallbacks()
    out: list[Run] = []
    previous = ""
    for char in text:
        if _skipped(char, previous):
            continue
        family: str | None = None
        if ord(char) not in own and not char.isspace():
            family = next((name for name, cover in fallbacks if ord(char) in cover), None)
            if family is None:
                char, family = REPLACEMENT, fonts.FALLBACK_FAMILIES[0]
        previous = char
        if out and out[-1].family == family:
            out[-1] = Run(out[-1].text + char, family)
        else:
            out.append(Run(char, family))
    return out


def unprintable(text: str) -> list[str]:
    """The characters of ``text`` that no bundled font can draw (they print as U+FFFD)."""
    own, fallbacks = _own(), _fallbacks()
    shaped = visual(text)
    return [
        c
        for c in dict.fromkeys(shaped)
        if ord(c) not in own
        and not c.isspace()
        and not _skipped(c, REPLACEMENT)
        and not any(ord(c) in cover for _name, cover in fallbacks)
    ]


def markup(line: str) -> str:
    """One line of user text as Paragraph markup: visual order, escaped, fonts per run."""
    parts = []
    for run in runs(visual(line)):
        text = escape(run.text)
        parts.append(text if run.family is None else f'<font face="{run.family}">{text}</font>')
    return "".join(parts)


def _font_of(run: Run, font: str) -> str:
    if run.family is None:
        return font
    _family, bold, italic = ps2tt(font)
    return str(tt2ps(run.family, bold, italic))


def width(text: str, font: str, size: float) -> float:
    """The width of ``text`` (visual, one line) drawn with ``draw`` in ``font`` at ``size``."""
    return float(sum(pdfmetrics.stringWidth(r.text, _font_of(r, font), size) for r in runs(text)))


def draw(canvas: object, x: float, y: float, text: str, font: str, size: float) -> None:
    """Draw ``text`` (visual, one line) on a reportlab canvas from ``x``, run by run."""
    for run in runs(text):
        name = _font_of(run, font)
        canvas.setFont(name, size)  # type: ignore[attr-defined]
        canvas.drawString(x, y, run.text)  # type: ignore[attr-defined]
        x += pdfmetrics.stringWidth(run.text, name, size)
