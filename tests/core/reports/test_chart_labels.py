"""Issue 13, item 5 in the PDF: every text of the chart drawing, measured as a box, meets
no drawn series line and no other text; every severity band is named (or none).

The record is built so the GAD-7 line runs low across the whole course, where the
response and remission lines are named, and the HAM-D reaches its severe band.
"""

import datetime as dt
from itertools import combinations

import pytest
from reportlab.graphics.shapes import Drawing, Group, PolyLine, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from ipt_desktop.domain.label_layout import Box, touches
from ipt_desktop.domain.outcomes import Measure
from ipt_desktop.domain.timeline import build_timeline
from ipt_desktop.reports import fonts
from ipt_desktop.reports.mood_chart import COMPACT_PANEL_UNIT, PANEL_UNIT, timeline_chart
from tests.helpers.chart_record import record


def flatten(node: Drawing | Group) -> list[object]:
    out: list[object] = []
    for child in node.contents:
        out += flatten(child) if isinstance(child, Group) else [child]
    return out


def text_box(text: String) -> Box:
    font = text.fontName
    width = stringWidth(text.text, font, text.fontSize)
    left = {"start": text.x, "middle": text.x - width / 2, "end": text.x - width}[text.textAnchor]
    return Box(left, text.y - 0.2 * text.fontSize, left + width, text.y + 0.72 * text.fontSize)


@pytest.mark.parametrize(("clinical", "unit"), [(True, COMPACT_PANEL_UNIT), (False, PANEL_UNIT)])
@pytest.mark.parametrize("width", [340.0, 480.0])
def test_no_text_meets_a_line_or_another_text(clinical: bool, unit: float, width: float) -> None:
    fonts.register_fonts()
    timeline = build_timeline(record(), dt.date(2025, 4, 1))
    measures = frozenset(Measure) if clinical else frozenset({Measure.MOOD, Measure.PHQ9})
    drawing = timeline_chart(
        timeline, width, measures, phq9_baseline=21 if clinical else None,
        clinical=clinical, panel_unit=unit,
    )  # fmt: skip
    assert drawing is not None
    shapes = flatten(drawing)
    texts = [s for s in shapes if isinstance(s, String)]
    lines = [
        list(zip(s.points[::2], s.points[1::2], strict=True))
        for s in shapes
        if isinstance(s, PolyLine)
    ]
    assert lines, "no series line drawn"
    boxes = {t.text: text_box(t) for t in texts}
    crossing = [t.text for t in texts if touches(text_box(t), lines, [])]
    assert crossing == []
    overlapping = [
        (a.text, b.text) for a, b in combinations(texts, 2) if text_box(a).overlaps(text_box(b))
    ]
    assert overlapping == []
    if clinical:
        for name in ("Minimal", "Mild", "Moderate", "Severe"):
            assert name in boxes, f"band {name} not named"
        assert "Response (50% of baseline)" in boxes
