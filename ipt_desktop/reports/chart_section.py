"""A heading, a chart and its caption as one flowable that shrinks the chart to fit.

A chart never splits across pages, so a tall one that just misses the space left on a page
would leave a large gap. This flowable measures the space it is offered and, when the
chart at its preferred size does not fit but a smaller one (down to ``smallest`` points
per panel unit) does, draws that; otherwise it moves whole to the next page.
"""

from collections.abc import Callable

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, Paragraph

#: Drawing heights are not quite linear after rounding: stay this far inside the space.
_SLACK = 0.5


class ChartSection(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    def __init__(
        self,
        heading: Paragraph,
        caption: Paragraph,
        draw_at: Callable[[float], Drawing],
        preferred: float,
        smallest: float,
    ) -> None:
        super().__init__()
        self.heading = heading
        self.caption = caption
        self.draw_at = draw_at
        self.preferred = preferred
        self.smallest = smallest
        self.drawing = draw_at(preferred)
        self._heading_height = 0.0
        self._caption_height = 0.0

    def _gap(self) -> float:
        return float(self.heading.getSpaceAfter()) + float(self.caption.getSpaceBefore())

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._heading_height = self.heading.wrap(avail_width, avail_height)[1]
        self._caption_height = self.caption.wrap(avail_width, avail_height)[1]
        fixed = self._heading_height + self._caption_height + self._gap()
        full = self.draw_at(self.preferred)
        self.drawing = full
        if fixed + full.height > avail_height and self.preferred > self.smallest:
            small = self.draw_at(self.smallest)
            per_unit = (full.height - small.height) / (self.preferred - self.smallest)
            base = small.height - per_unit * self.smallest
            unit = (avail_height - fixed - base - _SLACK) / per_unit if per_unit else 0.0
            if unit >= self.smallest:
                self.drawing = self.draw_at(min(unit, self.preferred))
        self.width = avail_width
        self.height = fixed + self.drawing.height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # a chart moves whole

    def getSpaceBefore(self) -> float:
        return float(self.heading.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.caption.getSpaceAfter())

    def draw(self) -> None:
        top = self.height - self._heading_height
        self.heading.drawOn(self.canv, 0, top)
        top -= float(self.heading.getSpaceAfter()) + self.drawing.height
        renderPDF.draw(self.drawing, self.canv, 0, top)
        top -= float(self.caption.getSpaceBefore()) + self._caption_height
        self.caption.drawOn(self.canv, 0, top)
