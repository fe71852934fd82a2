"""Paper, margins, page templates and the "Page X of Y" footer.

A document is made of parts (the client letter, the clinical summary); each part is a
page template, starts on a new page and numbers its own pages, so a letter printed with
its clinical summary still reads "Page 1 of 2" when the two are handed to different people.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from ipt_desktop.domain.graduation import PaperSize

from . import fonts, script_text
from .styles import FAINT, MUTED, RULE

PAGE_SIZES: dict[PaperSize, tuple[float, float]] = {
    PaperSize.A4: A4,
    PaperSize.LETTER: LETTER,
}
MARGIN_X = 22 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 22 * mm
FOOTER_Y = 11 * mm
FOOTER_SIZE = 7.5


@dataclass(frozen=True)
class Part:
    """One part of a document: its page template id and the text left of the page number."""

    key: str
    footer: str


def text_width(paper: PaperSize) -> float:
    return float(PAGE_SIZES[paper][0] - 2 * MARGIN_X)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` in visual order, shortened with an ellipsis so that it fits ``width``."""
    text = script_text.visual(text)
    if script_text.width(text, font, size) <= width:
        return text
    while text and script_text.width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def numbered_canvas(parts: tuple[Part, ...]) -> type[Canvas]:
    """A canvas class that holds pages back until the end, then stamps "Page X of Y"."""
    footers = {p.key: p.footer for p in parts}

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.part_key = parts[0].key
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            totals = Counter(page["part_key"] for page in self._pages)
            seen: Counter[str] = Counter()
            for page in self._pages:
                self.__dict__.update(page)
                seen[self.part_key] += 1
                self._footer(
                    footers.get(self.part_key, ""), seen[self.part_key], totals[self.part_key]
                )
                super().showPage()
            super().save()

        def _footer(self, text: str, number: int, total: int) -> None:
            width = self._pagesize[0]
            label = f"Page {number} of {total}"
            label_width = stringWidth(label, fonts.SANS, FOOTER_SIZE)
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, FOOTER_Y + 9, width - MARGIN_X, FOOTER_Y + 9)
            self.setFillColor(FAINT)
            room = width - 2 * MARGIN_X - label_width - 12
            shown = _fit(text, fonts.SANS, FOOTER_SIZE, room)
            script_text.draw(self, MARGIN_X, FOOTER_Y, shown, fonts.SANS, FOOTER_SIZE)
            self.setFont(fonts.SANS, FOOTER_SIZE)
            self.setFillColor(MUTED)
            self.drawRightString(width - MARGIN_X, FOOTER_Y, label)
            self.restoreState()

    return NumberedCanvas


def _on_page(key: str) -> Callable[[Canvas, BaseDocTemplate], None]:
    def mark(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.part_key = key

    return mark


def make_document(
    target: Any,
    paper: PaperSize,
    parts: tuple[Part, ...],
    *,
    title: str,
    author: str,
) -> BaseDocTemplate:
    """A document writing to ``target`` (a file-like object) with one template per part."""
    size = PAGE_SIZES[paper]
    doc = BaseDocTemplate(
        target,
        pagesize=size,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=author,
        creator="ipt-desktop",
        producer="ipt-desktop",
        subject="",
        # Without this every page would name Helvetica, a font the PDF does not embed.
        initialFontName=fonts.SANS,
        # Reproducible bytes (encryption, when asked for, is added afterwards by pypdf).
        invariant=1,
    )
    frame_args = {
        "x1": MARGIN_X,
        "y1": MARGIN_BOTTOM,
        "width": size[0] - 2 * MARGIN_X,
        "height": size[1] - MARGIN_TOP - MARGIN_BOTTOM,
        "leftPadding": 0,
        "rightPadding": 0,
        "topPadding": 0,
        "bottomPadding": 0,
    }
    doc.addPageTemplates(
        [
            PageTemplate(
                id=part.key, frames=[Frame(id=part.key, **frame_args)], onPage=_on_page(part.key)
            )
            for part in parts
        ]
    )
    return doc
