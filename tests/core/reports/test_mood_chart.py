"""The chart drawn from the timeline data: what it shows, where, and how it fits a page."""

import datetime as dt
import itertools

import pytest
from reportlab.graphics.shapes import Circle, Drawing, Polygon, String
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from ipt_desktop.domain.outcomes import Measure
from ipt_desktop.domain.timeline import Timeline, build_timeline
from ipt_desktop.reports.chart_section import ChartSection
from ipt_desktop.reports.mood_chart import (
    PANEL_UNIT,
    SERIES_COLORS,
    chart_measures,
    chart_window,
    timeline_chart,
)
from ipt_desktop.reports.styles import make_styles
from tests.helpers import records
from tests.helpers.drawings import shapes

WIDTH = 166 * mm


def dots(drawing: Drawing, measure: Measure) -> list[Circle]:
    return [s for s in shapes(drawing) if isinstance(s, Circle)
            and s.fillColor == SERIES_COLORS[measure]]  # fmt: skip


def texts(drawing: Drawing) -> list[str]:
    return [s.text for s in shapes(drawing) if isinstance(s, String)]


def timeline_of(make: object = records.responder_record) -> Timeline:
    return build_timeline(make(), records.TODAY)  # type: ignore[operator]


def test_one_dot_per_session_with_a_mood_and_left_to_right_in_time() -> None:
    timeline = timeline_of()
    drawing = timeline_chart(timeline, WIDTH, {Measure.MOOD})
    assert drawing is not None
    mood_dots = dots(drawing, Measure.MOOD)
    assert len(mood_dots) == 16
    xs = [c.cx for c in mood_dots]
    assert xs == sorted(xs) and len(set(xs)) == 16
    assert dots(drawing, Measure.PHQ9) == []  # not asked for
    assert all(0 <= c.cx <= WIDTH and 0 <= c.cy <= drawing.height for c in mood_dots)


def test_higher_mood_is_drawn_higher() -> None:
    timeline = timeline_of()
    drawing = timeline_chart(timeline, WIDTH, {Measure.MOOD})
    assert drawing is not None
    series = timeline.series_for(Measure.MOOD)
    assert series is not None
    by_value = sorted(zip((p.value for p in series.points), (c.cy for c in dots(
        drawing, Measure.MOOD)), strict=True))  # fmt: skip
    for (v1, y1), (v2, y2) in itertools.pairwise(by_value):
        assert (v1 < v2) <= (y1 < y2) or v1 == v2


def test_letter_and_clinical_measures() -> None:
    assert chart_measures(include_phq9=False, clinical=False) == {Measure.MOOD}
    assert chart_measures(include_phq9=True, clinical=False) == {Measure.MOOD, Measure.PHQ9}
    assert chart_measures(include_phq9=False, clinical=True) == set(Measure)


def test_clinical_chart_marks_item9_and_outcome_lines() -> None:
    timeline = timeline_of(records.nonresponder_record)
    drawing = timeline_chart(timeline, WIDTH, set(Measure), phq9_baseline=18, clinical=True)
    assert drawing is not None
    triangles = [s for s in shapes(drawing) if isinstance(s, Polygon)]
    assert len(triangles) == len(timeline.outcome.item9_dates) == 2
    labels = texts(drawing)
    assert "Response (50% of baseline)" in labels
    assert "Remission (below 5)" in labels
    letter = timeline_chart(timeline, WIDTH, {Measure.MOOD, Measure.PHQ9}, phq9_baseline=18)
    assert letter is not None
    assert not [s for s in shapes(letter) if isinstance(s, Polygon)]
    assert "Response (50% of baseline)" not in texts(letter)


def test_no_data_no_chart() -> None:
    record = records.responder_record()
    empty = build_timeline(record.__class__(record.client), records.TODAY)
    assert timeline_chart(empty, WIDTH, set(Measure)) is None
    assert timeline_chart(timeline_of(), WIDTH, set()) is None


def test_window_keeps_to_the_episode() -> None:
    record = records.maintenance_record()
    timeline = build_timeline(record, records.TODAY)
    maintenance = record.episodes[1]
    end = max(s.date for s in record.sessions)
    only = chart_window(timeline, maintenance.start_date, end)
    drawing = timeline_chart(timeline, WIDTH, {Measure.MOOD}, window=only)
    assert drawing is not None
    assert len(dots(drawing, Measure.MOOD)) == 8
    course = chart_window(timeline, maintenance.start_date, end, with_course_before=True)
    assert course.start < dt.date(2024, 3, 4) <= course.end
    drawing = timeline_chart(timeline, WIDTH, {Measure.MOOD}, window=course)
    assert drawing is not None
    assert len(dots(drawing, Measure.MOOD)) == 20


def test_chart_section_shrinks_to_fill_a_page_or_moves_whole() -> None:
    timeline = timeline_of()
    styles = make_styles()

    def draw_at(unit: float) -> Drawing:
        drawing = timeline_chart(timeline, WIDTH, {Measure.MOOD, Measure.PHQ9}, panel_unit=unit)
        assert drawing is not None
        return drawing

    section = ChartSection(
        Paragraph("Your mood", styles.heading),
        Paragraph("caption", styles.caption),
        draw_at,
        preferred=PANEL_UNIT,
        smallest=PANEL_UNIT * 0.6,
    )
    _, full = section.wrap(WIDTH, 2000)
    _, squeezed = section.wrap(WIDTH, full - 30)
    assert squeezed <= full - 30
    assert squeezed > full - 60  # it uses the room it has
    _, too_small = section.wrap(WIDTH, 60)
    assert too_small == pytest.approx(full)  # it will move to the next page instead
    assert section.split(WIDTH, 60) == []
