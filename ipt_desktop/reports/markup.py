"""Turn user text into reportlab Paragraph markup that prints literally.

reportlab's Paragraph reads a small XML dialect, so a note containing ``<b>`` or ``&``
would be taken as markup (or fail to parse). Every piece of user text goes through
``plain`` before it reaches a Paragraph.
"""

import functools
import re
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics

from . import fonts

# C0 controls other than tab and newline have no glyph and upset the XML parser.
_CONTROLS = {c: None for c in range(32) if c not in (9, 10)}
_CONTROLS[0x7F] = None


def plain(text: str) -> str:
    """``text`` escaped for a Paragraph: ``& < >`` literal, line breaks kept as ``<br/>``.

    Letters the serif body font lacks but the sans has (Arabic, for one) are set in the
    sans, so a client's name prints as letters, not as empty boxes."""
    cleaned = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)
    cleaned = cleaned.replace("\t", "    ")
    return "<br/>".join(_fallback(escape(line)) for line in cleaned.split("\n"))


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


@functools.cache
def _coverage() -> tuple[frozenset[int], frozenset[int]]:
    fonts.register_fonts()
    serif = pdfmetrics.getFont(fonts.SERIF).face.charToGlyph
    sans = pdfmetrics.getFont(fonts.SANS).face.charToGlyph
    return frozenset(serif), frozenset(sans)


def _fallback(escaped: str) -> str:
    if escaped.isascii():
        return escaped
    serif, sans = _coverage()

    def swap(match: re.Match[str]) -> str:
        run = match.group()
        if all(ord(ch) in serif or ord(ch) not in sans for ch in run):
            return run
        return f'<font name="{fonts.SANS}">{run}</font>'

    return _NOT_ASCII.sub(swap, escaped)


def paragraphs(text: str) -> list[str]:
    """``text`` split at blank lines into escaped paragraphs (single line breaks kept)."""
    blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n")]
    return [plain(b) for b in blocks if b.strip()]
