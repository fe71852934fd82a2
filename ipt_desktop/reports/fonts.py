"""The TTF fonts the PDFs embed (DejaVu, shipped in ``resources/fonts`` with its licence).

DejaVu covers Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew and Arabic letters and
many symbols. A character it lacks (CJK, emoji) prints as an empty box; it never stops an
export. reportlab embeds only the glyphs used (a subset), so a letter stays small.
"""

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ipt_desktop.resource_files import resource_path

SERIF = "IPTSerif"
SERIF_BOLD = "IPTSerif-Bold"
SERIF_ITALIC = "IPTSerif-Italic"
SANS = "IPTSans"
SANS_BOLD = "IPTSans-Bold"
SANS_ITALIC = "IPTSans-Oblique"
MONO = "IPTMono"
MONO_BOLD = "IPTMono-Bold"

_FILES: dict[str, str] = {
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    MONO: "DejaVuSansMono.ttf",
    MONO_BOLD: "DejaVuSansMono-Bold.ttf",
}
#: family -> (regular, bold, italic, bold italic); <b> and <i> in a Paragraph pick from it.
_FAMILIES: dict[str, tuple[str, str, str, str]] = {
    SERIF: (SERIF, SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD),
    SANS: (SANS, SANS_BOLD, SANS_ITALIC, SANS_BOLD),
    MONO: (MONO, MONO_BOLD, MONO, MONO_BOLD),
}


def register_fonts() -> None:
    """Register the fonts with reportlab once per process (later calls do nothing)."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    for family, (regular, bold, italic, bold_italic) in _FAMILIES.items():
        addMapping(family, 0, 0, regular)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, italic)
        addMapping(family, 1, 1, bold_italic)
