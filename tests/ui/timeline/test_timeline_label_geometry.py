"""Issue 13, item 5 in the widget: at laptop sizes every label of the timeline layout is a
box that meets no other label and no series line, and every severity band is named."""

import datetime as dt
from itertools import combinations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ipt_desktop.domain.label_layout import Box, touches
from ipt_desktop.domain.timeline import build_timeline
from tests.helpers.chart_record import record  # the same fictional record as the PDF test
from ui.timeline.timeline_layout import ViewWindow, build_layout
from ui.workspace.overview_tab import TIMELINE_MIN_HEIGHT


def box(rect: QRectF) -> Box:
    return Box(rect.left(), rect.top(), rect.right(), rect.bottom())


#: The chart's least height in the overview: the panel's minimum less its row of buttons.
CHART_MIN = TIMELINE_MIN_HEIGHT - 40


@pytest.mark.parametrize(("width", "height"), [(1220, 600), (960, CHART_MIN), (760, CHART_MIN)])
@pytest.mark.parametrize("whole", [True, False])
def test_labels_meet_no_line_and_no_other_label(
    qapp: QApplication, width: int, height: int, whole: bool
) -> None:
    timeline = build_timeline(record(), dt.date(2025, 4, 1))
    view = ViewWindow() if whole else ViewWindow(0.2, 0.7)
    layout = build_layout(timeline, width, height, QFont(qapp.font()), view)
    texts = [*layout.date_labels, *layout.phase_labels, *layout.mark_labels]
    texts += [*layout.number_labels, *layout.event_labels]
    for geometry in layout.panels:
        texts += [*geometry.value_labels, *geometry.band_labels]
        assert len(geometry.band_labels) in (0, len(geometry.panel.bands))  # all or none
    if layout.baseline_label is not None:
        texts.append(layout.baseline_label)
    named = [(t.text, box(t.rect)) for t in texts if t.text]
    named += [(item.text, box(item.rect)) for item in layout.legend]
    lines = [[(p.x(), p.y()) for p in points] for points in layout.series.values()]
    assert lines
    # The painter clips the lines to the plot's columns: only that part of a label counts.
    left, right = layout.plot.left(), layout.plot.right()
    inside = [
        (name, Box(max(b.left, left), b.low, min(b.right, right), b.high))
        for name, b in named
        if b.right > left and b.left < right
    ]
    crossing = [name for name, b in inside if touches(b, lines, [])]
    assert crossing == []
    overlapping = [(a, b) for (a, ra), (b, rb) in combinations(named, 2) if ra.overlaps(rb)]
    assert overlapping == []
    hamd = next(g for g in layout.panels if g.panel.title == "HAM-D")
    assert {t.text for t in hamd.band_labels} >= {"Mild", "Moderate", "Severe"}


@pytest.mark.parametrize(("width", "height"), [(1220, 600), (960, CHART_MIN)])
def test_every_band_edge_of_the_hamd_scale_is_numbered_near_its_line(
    qapp: QApplication, width: int, height: int
) -> None:
    """At 1024x700 the HAM-D band edges (8, 14, 19, 23) lie a few pixels apart: the numbers
    are nudged apart, never hidden, and stay within their own line's reach."""
    timeline = build_timeline(record(), dt.date(2025, 4, 1))
    layout = build_layout(timeline, width, height, QFont(qapp.font()), ViewWindow())
    hamd = next(g for g in layout.panels if g.panel.title == "HAM-D")
    assert [int(t.text) for t in hamd.value_labels] == sorted(hamd.panel.ticks, reverse=True)
    ys = [hamd.y(int(t.text)) for t in hamd.value_labels]
    for label, line_y in zip(hamd.value_labels, ys, strict=True):
        centre = label.rect.center().y()
        nearest = min(ys, key=lambda y: abs(y - centre))
        assert nearest == line_y, f"{label.text} reads as another line's number"
