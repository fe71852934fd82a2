"""Turn user text into reportlab Paragraph markup that prints literally.

reportlab's Paragraph reads a small XML dialect, so a note containing ``<b>`` or ``&``
would be taken as markup (or fail to parse). Every piece of user text goes through
``plain`` before it reaches a Paragraph, which also shapes it, puts it in visual order and
picks a font for the characters the style's font lacks (``script_text``).
"""

from .script_text import markup

# C0 controls other than tab and newline have no glyph and upset the XML parser.
_CONTROLS = {c: None for c in range(32) if c not in (9, 10)}
_CONTROLS[0x7F] = None


def plain(text: str) -> str:
    """``text`` escaped for a Paragraph: ``& < >`` literal, line breaks kept as ``<br/>``,
    each line in visual order with fallback fonts where needed."""
    cleaned = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)
    cleaned = cleaned.replace("\t", "    ")
    return "<br/>".join(markup(line) for line in cleaned.split("\n"))


def paragraphs(text: str) -> list[str]:
    """``text`` split at blank lines into escaped paragraphs (single line breaks kept)."""
    blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n")]
    return [plain(b) for b in blocks if b.strip()]
