"""The legend under the timeline: what each line, fill and mark means; wraps to the width.

Series entries double as toggles (clicking one hides or shows that series).
"""

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from ipt_desktop.domain.enums import Phase
from ipt_desktop.domain.outcomes import Measure
from ipt_desktop.domain.timeline import Timeline

SWATCH_WIDTH = 22.0
SWATCH_GAP = 5.0
ITEM_GAP = 16.0
ROW_GAP = 4.0


class LegendKind(Enum):
    SERIES = "series"
    PHASE = "phase"
    EVENT = "event"
    FLAG = "flag"
    RESPONSE = "response"
    REMISSION = "remission"
    TODAY = "today"
    PLANNED_END = "planned_end"


@dataclass(frozen=True)
class LegendItem:
    kind: LegendKind
    text: str
    rect: QRectF  # the whole entry: swatch and text
    measure: Measure | None = None
    phase: Phase | None = None

    @property
    def swatch(self) -> QRectF:
        return QRectF(self.rect.left(), self.rect.top(), SWATCH_WIDTH, self.rect.height())


Entry = tuple[LegendKind, str, Measure | None, Phase | None]


def legend_entries(timeline: Timeline) -> list[Entry]:
    entries: list[Entry] = []
    for series in timeline.series:
        entries.append((LegendKind.SERIES, series.label, series.measure, None))
    seen: list[Phase] = []
    for band in timeline.phases:
        if band.phase not in seen:
            seen.append(band.phase)
            entries.append((LegendKind.PHASE, band.label, None, band.phase))
    outcome = timeline.outcome
    if outcome.response_line is not None:
        entries.append((LegendKind.RESPONSE, outcome.response_label, None, None))
    if outcome.remission_line is not None:
        entries.append((LegendKind.REMISSION, outcome.remission_label, None, None))
    if timeline.events:
        entries.append((LegendKind.EVENT, "Life event", None, None))
    if timeline.outcome.item9_dates:
        entries.append((LegendKind.FLAG, "PHQ-9 item 9 positive", None, None))
    axis = timeline.axis
    if timeline.outcome.today is not None:
        entries.append((LegendKind.TODAY, "Today", None, None))
    end = timeline.outcome.planned_end
    if end is not None and axis.start <= end <= axis.end:
        entries.append((LegendKind.PLANNED_END, "Planned end", None, None))
    return entries


def layout_legend(
    timeline: Timeline, metrics: QFontMetricsF, left: float, right: float, top: float
) -> tuple[tuple[LegendItem, ...], float]:
    """Entries placed in rows from ``top`` between ``left`` and ``right``; returns them and
    the height they take."""
    row_height = metrics.height() + 2
    items: list[LegendItem] = []
    x, y = left, top
    for kind, text, measure, phase in legend_entries(timeline):
        width = SWATCH_WIDTH + SWATCH_GAP + metrics.horizontalAdvance(text)
        if x > left and x + width > right:
            x, y = left, y + row_height + ROW_GAP
        items.append(LegendItem(kind, text, QRectF(x, y, width, row_height), measure, phase))
        x += width + ITEM_GAP
    height = 0.0 if not items else y + row_height - top
    return tuple(items), height
