"""The TTF fonts the PDFs embed (shipped in ``resources/fonts`` with their licences).

DejaVu Serif, Sans and Sans Mono set the text (Latin, Greek, Cyrillic). Two fallback
families take the characters those lack, one character at a time (``script_text``):
DejaVu Sans for Arabic and Hebrew (and many symbols), Droid Sans Fallback for Chinese,
Japanese and Korean (4 MB: the smallest font with the common CJK ideographs). reportlab
embeds only the glyphs used (a subset), so a letter stays small.
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
#: The fallbacks are fonts of their own (the same DejaVu Sans files registered again) so
#: that reportlab's mapping from a font back to its family stays one to one.
WORLD = "IPTWorld"
WORLD_BOLD = "IPTWorld-Bold"
CJK = "IPTCJK"
#: Fallback families (for <font face=...> and the canvas), in the order they are tried.
FALLBACK_FAMILIES = (WORLD, CJK)

_FILES: dict[str, str] = {
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    MONO: "DejaVuSansMono.ttf",
    MONO_BOLD: "DejaVuSansMono-Bold.ttf",
    WORLD: "DejaVuSans.ttf",
    WORLD_BOLD: "DejaVuSans-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}
#: The fonts the styles name directly: a character all of them have needs no fallback.
PRIMARY_FONTS = (SERIF, SERIF_BOLD, SERIF_ITALIC, SANS, SANS_BOLD, SANS_ITALIC, MONO, MONO_BOLD)
#: family -> (regular, bold, italic, bold italic); <b> and <i> in a Paragraph pick from it.
_FAMILIES: dict[str, tuple[str, str, str, str]] = {
    SERIF: (SERIF, SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD),
    SANS: (SANS, SANS_BOLD, SANS_ITALIC, SANS_BOLD),
    MONO: (MONO, MONO_BOLD, MONO, MONO_BOLD),
    # DejaVu Sans Oblique has no Arabic (and Arabic has no italic): upright in italics too.
    WORLD: (WORLD, WORLD_BOLD, WORLD, WORLD_BOLD),
    CJK: (CJK, CJK, CJK, CJK),
}


def family_fonts(family: str) -> tuple[str, ...]:
    """The distinct fonts of ``family`` (regular, bold, italic...)."""
    return tuple(dict.fromkeys(_FAMILIES[family]))


def font_files() -> dict[str, str]:
    """Registered font name -> file name under resources/fonts."""
    return dict(_FILES)


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
