"""Read back what the report tests wrote: text per page, fonts, text positions (pypdf)."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from ipt_desktop.domain.graduation import PaperSize
from ipt_desktop.reports import fonts
from ipt_desktop.reports.page_layout import FOOTER_Y, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X

PAGE_POINTS = {PaperSize.A4: (595.28, 841.89), PaperSize.LETTER: (612.0, 792.0)}
#: The embedded fonts' base names (subset prefix removed) -> our registered names.
FONT_BY_NAME = {
    "DejaVuSerif": fonts.SERIF,
    "DejaVuSerif-Bold": fonts.SERIF_BOLD,
    "DejaVuSerif-Italic": fonts.SERIF_ITALIC,
    "DejaVuSans": fonts.SANS,
    "DejaVuSans-Bold": fonts.SANS_BOLD,
    "DejaVuSans-Oblique": fonts.SANS_ITALIC,
    "DejaVuSansMono": fonts.MONO,
    "DejaVuSansMono-Bold": fonts.MONO_BOLD,
}


def normalized(text: str) -> str:
    """Whitespace collapsed, so a line wrapped by the layout still matches the source text."""
    return " ".join(text.split())


def page_texts(path: Path, password: str | None = None) -> list[str]:
    reader = PdfReader(path)
    if password is not None:
        reader.decrypt(password)
    return [normalized(page.extract_text()) for page in reader.pages]


def all_text(path: Path) -> str:
    return " ".join(page_texts(path))


@dataclass(frozen=True)
class Placed:
    page: int
    x: float
    y: float
    text: str
    font: str  # base font name without the subset prefix, e.g. "DejaVuSerif-Bold"
    size: float


def placed_text(path: Path) -> list[Placed]:
    """Every text run with the page-space position where it starts."""
    reader = PdfReader(path)
    found: list[Placed] = []
    for number, page in enumerate(reader.pages):

        def visit(text: str, cm: Any, tm: Any, font: Any, size: Any, number: int = number) -> None:
            if text.strip() and font is not None:
                # Text space to page space: the text matrix, then the current transformation.
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
                scale = abs(tm[0] * cm[0]) or 1.0
                found.append(Placed(number, x, y, text, name, float(size) * scale))

        page.extract_text(visitor_text=visit)
    return found


def _add_fonts(resources: Any, fonts: dict[str, Any]) -> None:
    for ref in resources.get("/Font", {}).values():
        font = ref.get_object()
        fonts[str(font["/BaseFont"])] = font
    for ref in resources.get("/XObject", {}).values():
        inner = ref.get_object().get("/Resources")
        if inner is not None:
            _add_fonts(inner.get_object(), fonts)


def fonts_used(path: Path) -> dict[str, Any]:
    """Base font name -> its font dictionary, over every page and the forms they draw."""
    fonts: dict[str, Any] = {}
    for page in PdfReader(path).pages:
        resources: Any = page["/Resources"]
        _add_fonts(resources.get_object(), fonts)
    return fonts


def font_file(font: Any) -> Any:
    """The embedded TrueType program (/FontFile2) of a simple or composite font, or None."""
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return None
    return descriptor.get_object().get("/FontFile2")


def assert_within_margins(path: Path, width: float, height: float) -> None:
    """Every text run starts and ends inside the side margins and lies between the top
    margin and the footer; below the bottom margin only the footer line may print."""
    fonts.register_fonts()
    runs = placed_text(path)
    assert runs
    for run in runs:
        right = run.x + stringWidth(run.text.rstrip(), FONT_BY_NAME[run.font], run.size)
        assert run.x >= MARGIN_X - 0.5 and right <= width - MARGIN_X + 0.5, run.text
        assert FOOTER_Y - 0.5 <= run.y <= height - MARGIN_TOP, run.text
        if run.y < MARGIN_BOTTOM - 0.5:
            assert run.y == pytest.approx(FOOTER_Y, abs=0.5), run.text
