"""Where the PDF chart's words go, from the geometry in ``domain.label_layout``.

The severity names right of a panel are stacked so every band is named (or, on a panel
too short for all of them, none); the names of the outcome lines sit just above or below
their line wherever no series line, point or other name is.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from ipt_desktop.domain.label_layout import Box, Point, free_spot, stack_labels
from ipt_desktop.domain.timeline import ChartPanel

from . import fonts

BAND_LABEL_SIZE = 5.8
BASELINE_DROP = 0.35  # from a label's centre to its baseline, in font sizes
BAND_LABEL_GAP = 0.8
LABEL_INSET = 6.0  # from the plot's left edge: clear of the severity strip (3.5 points)


@dataclass(frozen=True)
class ChartBox:
    left: float
    bottom: float
    width: float
    height: float

    def x(self, fraction: float) -> float:
        return self.left + min(1.0, max(0.0, fraction)) * self.width

    def y(self, fraction: float) -> float:
        return self.bottom + min(1.0, max(0.0, fraction)) * self.height

    @property
    def top(self) -> float:
        return self.bottom + self.height


def band_label_boxes(panel: ChartPanel, box: ChartBox) -> list[tuple[Box, str]]:
    """Where the severity names go, right of the plot: one per band, stacked so none
    overlap and all stay beside the panel; an empty list when they cannot all fit."""
    wanted = []
    for band in panel.bands:
        low = box.y(panel.fraction(band.low - 0.5 if band.low else band.low))
        top = band.high + 0.5 if band.high < panel.high else band.high
        wanted.append((low + box.y(panel.fraction(top))) / 2)
    centres = stack_labels(wanted, BAND_LABEL_SIZE, BAND_LABEL_GAP, box.bottom, box.top)
    if centres is None:
        return []
    left = box.left + box.width + 5
    boxes = []
    for band, centre in zip(panel.bands, centres, strict=True):
        name = band.severity.label
        width = stringWidth(name, fonts.SANS, BAND_LABEL_SIZE)
        half = BAND_LABEL_SIZE / 2
        boxes.append((Box(left, centre - half, left + width, centre + half), name))
    return boxes


def outcome_label_boxes(
    panel: ChartPanel,
    box: ChartBox,
    values: Sequence[tuple[float, str]],
    lines: Sequence[Sequence[Point]],
) -> list[tuple[Box, str]]:
    """Each outcome line's name on the line's side where no series line, point or other
    label is (just above or below the line, at the left, right or between); a name with
    no free spot is left out (the dashed line is explained in the caption)."""
    placed: list[tuple[Box, str]] = []
    for value, label in values:
        y = box.y(panel.fraction(value))
        width = stringWidth(label, fonts.SANS, BAND_LABEL_SIZE)
        xs = [box.left + LABEL_INSET, box.left + box.width - 3 - width]
        xs += [box.left + box.width * f - width / 2 for f in (0.5, 0.25, 0.75)]
        candidates = [
            Box(x, low, x + width, low + BAND_LABEL_SIZE)
            for low in (y + 0.8, y - 0.8 - BAND_LABEL_SIZE)
            for x in xs
            if box.left <= x and x + width <= box.left + box.width
        ]
        candidates = [c for c in candidates if box.bottom <= c.low and c.high <= box.top]
        index = free_spot(candidates, lines, taken=[b for b, _ in placed], clearance=0.8)
        if index is not None:
            placed.append((candidates[index], label))
    return placed
