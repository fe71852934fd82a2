"""The untreated time (onset to first session) on the PDF chart, as on the widget: a
cross-hatch between the onset and the first session, named "Untreated N wk" above the plot,
on the clinical summary's chart; the client's letter keeps to the treatment."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Circle, Drawing, Line, String
from reportlab.lib.units import mm

from ipt_desktop.domain.graduation import DocumentKind, PaperSize, default_content
from ipt_desktop.domain.model import ClientRecord
from ipt_desktop.domain.outcomes import Measure
from ipt_desktop.domain.timeline import UNTREATED_REACH, build_timeline
from ipt_desktop.reports import render_pdf
from ipt_desktop.reports.chart_hatch import cross_hatch
from ipt_desktop.reports.mood_chart import (
    SERIES_COLORS,
    UNTREATED_HATCH,
    chart_window,
    timeline_chart,
)
from tests.helpers import records
from tests.helpers.drawings import shapes
from tests.helpers.pdf_reading import all_text

WIDTH = 166 * mm


def with_onset(weeks_before: int) -> ClientRecord:
    record = records.responder_record()
    episode = record.episodes[0]
    first = min(s.date for s in record.sessions)
    onset = first - dt.timedelta(weeks=weeks_before)
    changed = dataclasses.replace(episode, onset=onset)
    return dataclasses.replace(record, episodes=(changed,))


def hatch(drawing: Drawing) -> list[Line]:
    return [s for s in shapes(drawing) if isinstance(s, Line) and s.strokeColor == UNTREATED_HATCH]


def chart(record: ClientRecord, *, untreated: bool) -> Drawing:
    timeline = build_timeline(record, records.TODAY)
    episode = record.episodes[0]
    end = max(s.date for s in record.sessions)
    window = chart_window(timeline, episode.start_date, end, with_untreated=untreated)
    drawing = timeline_chart(timeline, WIDTH, {Measure.MOOD}, window=window, clinical=untreated)
    assert drawing is not None
    return drawing


@pytest.mark.parametrize(("left", "bottom", "width", "height"), [(3, 7, 50, 20), (0, 0, 4, 90)])
def test_cross_hatch_lines_stay_inside_and_run_both_ways(
    left: float, bottom: float, width: float, height: float
) -> None:
    lines = cross_hatch(left, bottom, width, height)
    assert lines
    slopes = set()
    for x0, y0, x1, y1 in lines:
        for x, y in ((x0, y0), (x1, y1)):
            assert left - 1e-9 <= x <= left + width + 1e-9
            assert bottom - 1e-9 <= y <= bottom + height + 1e-9
        slopes.add(round((y1 - y0) / (x1 - x0)))
    assert slopes == {1, -1}


def test_clinical_chart_hatches_the_untreated_time_before_the_first_session() -> None:
    record = with_onset(10)
    drawing = chart(record, untreated=True)
    texts = [s.text for s in shapes(drawing) if isinstance(s, String)]
    assert "Untreated 10 wk" in texts
    lines = hatch(drawing)
    assert lines
    dots = [
        s
        for s in shapes(drawing)
        if isinstance(s, Circle) and s.fillColor == SERIES_COLORS[Measure.MOOD]
    ]
    first_x = min(c.cx for c in dots)
    right_edge = max(max(line.x1, line.x2) for line in lines)
    left_edge = min(min(line.x1, line.x2) for line in lines)
    assert right_edge == pytest.approx(first_x, abs=0.6)  # it ends at the first session
    # Ten weeks before a course of about sixteen: a real stretch of the plot.
    assert first_x - left_edge > 0.2 * (max(c.cx for c in dots) - first_x)


def test_window_reaches_back_half_a_year_at_most() -> None:
    record = with_onset(80)
    timeline = build_timeline(record, records.TODAY)
    first = min(s.date for s in record.sessions)
    end = max(s.date for s in record.sessions)
    window = chart_window(timeline, record.episodes[0].start_date, end, with_untreated=True)
    assert first - UNTREATED_REACH - dt.timedelta(weeks=2) <= window.start
    assert window.start <= first - UNTREATED_REACH
    drawing = chart(record, untreated=True)
    assert "Untreated 80 wk" in [s.text for s in shapes(drawing) if isinstance(s, String)]


def test_without_an_onset_or_for_the_letter_nothing_is_hatched() -> None:
    assert hatch(chart(records.responder_record(), untreated=True)) == []
    drawing = chart(with_onset(10), untreated=False)
    assert hatch(drawing) == []
    assert not any(isinstance(s, String) and "Untreated" in s.text for s in shapes(drawing))


def test_clinical_summary_pdf_names_the_untreated_time_and_the_letter_does_not(
    tmp_path: Path,
) -> None:
    record = with_onset(10)
    content = default_content(record, records.episode_id(record), records.PRACTICE, records.TODAY)
    timeline = build_timeline(record, records.TODAY)
    clinical = tmp_path / "clinical.pdf"
    letter = tmp_path / "letter.pdf"
    render_pdf(content, DocumentKind.CLINICAL, PaperSize.A4, clinical, timeline)
    render_pdf(content, DocumentKind.LETTER, PaperSize.A4, letter, timeline)
    assert "Untreated 10 wk" in all_text(clinical)
    assert "Cross-hatched: untreated time" in all_text(clinical)
    assert "Untreated" not in all_text(letter)
