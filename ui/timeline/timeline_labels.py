"""Placing the timeline's text so that no two labels collide and none is clipped.

Which labels matter most is the domain's choice (priorities, ``non_overlapping``); this
module measures text with the widget's font and keeps only what fits.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from ipt_desktop.domain.enums import Severity
from ipt_desktop.domain.label_layout import Box, free_spot, stack_labels
from ipt_desktop.domain.timeline import ChartPanel, EventMarker
from ipt_desktop.domain.timeline_axis import non_overlapping

LABEL_GAP = 8.0
BAND_LABEL_GAP = 1.0
EVENT_LABEL_MAX_WIDTH = 190.0  # pixels of an event's first line shown beside its mark
EVENT_MARK_ROOM = 7.0  # from an event's mark to its label
#: Severity names for narrow charts.
SHORT_SEVERITY = {Severity.MODERATELY_SEVERE: "Mod. severe", Severity.VERY_SEVERE: "V. severe"}


@dataclass(frozen=True)
class Text:
    rect: QRectF
    text: str


def centred(x: float, y: float, width: float, height: float, text: str) -> Text:
    return Text(QRectF(x - width / 2, y, width, height), text)


def fit_row(
    texts: Sequence[Text], priorities: Sequence[int], left: float, right: float
) -> list[Text]:
    """The labels of one row to draw: inside ``left``..``right``, none overlapping."""
    inside = [
        (t, p)
        for t, p in zip(texts, priorities, strict=True)
        if t.rect.left() >= left and t.rect.right() <= right
    ]
    chosen = non_overlapping(
        [t.rect.center().x() for t, _ in inside],
        [t.rect.width() for t, _ in inside],
        [p for _, p in inside],
        LABEL_GAP,
    )
    return [inside[i][0] for i in chosen]


def severity_name(severity: Severity, compact: bool) -> str:
    return SHORT_SEVERITY.get(severity, severity.label) if compact else severity.label


#: A tick number may move this share of its height off its line (a leader joins them).
VALUE_LABEL_SHIFT = 0.6


def value_labels(panel: ChartPanel, rect: QRectF, metrics: QFontMetricsF) -> list[Text]:
    """Tick numbers left of a panel. Crowded numbers (band edges close together on a short
    panel) are nudged apart a little, each joined to its line by a leader; when that would
    move one too far, the ends of the scale win and the crowded ones are left out."""
    height = metrics.height()

    def y(value: int) -> float:
        return rect.bottom() - panel.fraction(value) * rect.height()

    width = rect.left() - 6
    # Numbers have no descenders: their box is the digits' ink and a pixel either side
    # (the painter draws them unclipped, centred on it).
    ink = metrics.tightBoundingRect("0123456789").height() + 2
    wanted = [y(t) for t in panel.ticks[::-1]]  # screen y runs down: top tick first
    centres = stack_labels(wanted, ink, 0.0, rect.top() - height / 2, rect.bottom() + height / 2)
    if centres is not None and all(
        abs(c - w) <= VALUE_LABEL_SHIFT * height for c, w in zip(centres, wanted, strict=True)
    ):
        return [
            Text(QRectF(0, c - ink / 2, width, ink), str(t))
            for t, c in zip(panel.ticks[::-1], centres, strict=True)
        ]
    chosen = non_overlapping(
        [y(t) for t in panel.ticks],
        [height] * len(panel.ticks),
        [1 if t in (panel.low, panel.high) else 0 for t in panel.ticks],
        1.0,
    )
    return [
        Text(QRectF(0, y(panel.ticks[i]) - height / 2, width, height), str(panel.ticks[i]))
        for i in chosen
    ]


def band_labels(
    panel: ChartPanel, rect: QRectF, metrics: QFontMetricsF, x: float, compact: bool
) -> list[Text]:
    """Severity names beside a panel, each as near its band's middle as the others allow:
    every band named, or (a panel too short for all of them) none."""
    height = metrics.height()
    wanted: list[float] = []
    for band in panel.bands:
        bottom = rect.bottom() - panel.fraction(band.low) * rect.height()
        top = rect.bottom() - panel.fraction(min(band.high + 1, panel.high)) * rect.height()
        wanted.append((top + bottom) / 2)
    # Screen y runs down: stack from the top band (the last) to the bottom one.
    centres = stack_labels(wanted[::-1], height, BAND_LABEL_GAP, rect.top(), rect.bottom())
    if centres is None:
        return []
    result: list[Text] = []
    for band, centre in zip(panel.bands[::-1], centres, strict=True):
        name = severity_name(band.severity, compact)
        width = metrics.horizontalAdvance(name)
        result.append(Text(QRectF(x, centre - height / 2, width, height), name))
    return result[::-1]


def event_labels(
    events: Sequence[tuple[float, EventMarker]],
    metrics: QFontMetricsF,
    top: float,
    right: float,
) -> list[Text]:
    """Each event's first line right of its mark, shortened so it never covers the next mark;
    a label with less than a few characters' room is left to the tooltip."""
    height = metrics.height()
    minimum = metrics.horizontalAdvance("Mmmm…")
    result: list[Text] = []
    xs = sorted(x for x, _ in events)
    for x, event in events:
        following = next((n for n in xs if n > x + 0.5), None)
        limit = (following - 2 * EVENT_MARK_ROOM if following is not None else right) - x
        room = min(EVENT_LABEL_MAX_WIDTH, limit - EVENT_MARK_ROOM)
        if room < minimum or (result and result[-1].rect.right() + LABEL_GAP > x):
            continue
        first_line = event.description.strip().splitlines()[0] if event.description.strip() else ""
        text = metrics.elidedText(first_line or event.kind_label, Qt.TextElideMode.ElideRight, room)
        width = metrics.horizontalAdvance(text)
        result.append(Text(QRectF(x + EVENT_MARK_ROOM, top, width, height), text))
    return result


def baseline_label(
    text: str,
    first: QPointF,
    metrics: QFontMetricsF,
    left: float,
    panel_top: float,
    lines: Sequence[Sequence[QPointF]] = (),
) -> Text | None:
    """ "Baseline 19" beside the first PHQ-9 point: left of it, else above, below or right,
    the first of these that meets no series line or point (None: the tooltip says it)."""
    width, height = metrics.horizontalAdvance(text), metrics.height()
    x, y = first.x(), first.y()
    spots = [
        QRectF(x - width - 8, y - height / 2, width, height),
        QRectF(x + 2, y - height - 6, width, height),
        QRectF(x + 2, y + 7, width, height),
        QRectF(x + 8, y - height / 2, width, height),
    ]
    spots = [r for r in spots if r.left() >= left and r.top() >= panel_top - 4]
    drawn = [[(p.x(), p.y()) for p in line] for line in lines]
    boxes = [Box(r.left(), r.top(), r.right(), r.bottom()) for r in spots]
    index = free_spot(boxes, drawn, clearance=2.0)
    return None if index is None else Text(spots[index], text)
