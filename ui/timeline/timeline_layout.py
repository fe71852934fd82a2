"""Where each part of the timeline goes at one size, in pixels. No painting here.

Everything that is a choice (scales, ticks, which labels, phase extents) comes from the
domain (``ipt_desktop.domain.timeline``); this module only turns fractions into pixels and
measures text, so the widget and the PDF agree. A layout is computed once per size, view
window, visible series and timeline, then painted as often as needed.

From top to bottom: phase names (with "Today" and "Planned end"), the life-event lane,
the stacked panels (mood; PHQ-9 and GAD-7; HAM-D), the session lane (item-9 flags, session
marks and numbers), the date axis and the legend.
"""

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from ipt_desktop.domain.outcomes import Measure
from ipt_desktop.domain.timeline import (
    ChartPanel,
    EventMarker,
    PhaseBand,
    SessionMarker,
    Timeline,
)
from ipt_desktop.domain.timeline_axis import make_axis

from . import timeline_labels as labels
from .timeline_labels import Text, centred, fit_row
from .timeline_legend import LegendItem, layout_legend

PAD = 8.0
PANEL_GAP = 10.0
MARKER_ROOM = 5.0  # above and below a panel's scale, so end markers are not cut
SESSION_NUDGE = 7.0  # pixels between sessions held on the same day
FLAG_ROW, TICK_LENGTH = 12.0, 7.0  # the session lane: flags, then marks, then numbers
#: The narrowest view window, in days (zooming stops there).
MIN_VIEW_DAYS = 14
#: Below this width the severity names are abbreviated.
COMPACT_WIDTH = 1000


def small_font(font: QFont) -> QFont:
    small = QFont(font)
    size = font.pointSizeF()
    if size > 0:
        small.setPointSizeF(max(7.0, size * 0.9))
    return small


@dataclass(frozen=True)
class ViewWindow:
    """The shown part of the full axis, as fractions of it (0, 1 = everything)."""

    lo: float = 0.0
    hi: float = 1.0

    @property
    def span(self) -> float:
        return self.hi - self.lo

    def clamped(self, min_span: float) -> "ViewWindow":
        span = min(1.0, max(min_span, self.span))
        lo = min(max(0.0, self.lo), 1.0 - span)
        return ViewWindow(lo, lo + span)


@dataclass(frozen=True)
class PanelGeometry:
    panel: ChartPanel
    rect: QRectF  # the value area: ``high`` at its top, ``low`` at its bottom
    title_pos: QPointF  # baseline of the panel title
    value_labels: tuple[Text, ...]
    band_labels: tuple[Text, ...]  # severity names right of the panel

    def y(self, value: float) -> float:
        return self.rect.bottom() - self.panel.fraction(value) * self.rect.height()


@dataclass(frozen=True)
class TimelineLayout:
    timeline: Timeline
    view: ViewWindow
    plot: QRectF  # the data column, from the top of the phase row to the session lane
    phase_row: QRectF
    event_lane: QRectF
    panels: tuple[PanelGeometry, ...]
    session_lane: QRectF
    axis_row: QRectF
    legend: tuple[LegendItem, ...]
    ticks: tuple[float, ...]
    date_labels: tuple[Text, ...]
    phase_rects: tuple[tuple[QRectF, PhaseBand], ...]
    phase_labels: tuple[Text, ...]
    mark_labels: tuple[Text, ...]  # "Today", "Planned end"
    today_x: float | None
    planned_end_x: float | None
    session_x: dict[str, float]
    sessions: tuple[SessionMarker, ...]  # those inside the view
    number_labels: tuple[Text, ...]
    series: dict[Measure, tuple[QPointF, ...]]
    item9_points: tuple[QPointF, ...]
    events: tuple[tuple[float, EventMarker], ...]
    event_labels: tuple[Text, ...]
    response_y: float | None  # the PHQ-9 response line (named in the legend)
    remission_y: float | None
    baseline_label: Text | None
    #: The untreated time before each episode's first session (onset to first session).
    untreated_rects: tuple[QRectF, ...] = ()

    def x(self, d: dt.date) -> float:
        fraction = self.timeline.axis.fraction(d)
        return self.plot.left() + (fraction - self.view.lo) / self.view.span * self.plot.width()

    def fraction_at(self, x: float) -> float:
        return self.view.lo + (x - self.plot.left()) / self.plot.width() * self.view.span


def _stack_panels(
    panels: tuple[ChartPanel, ...], top: float, bottom: float, left: float, right: float,
    sm: QFontMetricsF, compact: bool,
) -> list[PanelGeometry]:  # fmt: skip
    """Share the height between ``top`` and ``bottom`` by the panels' weights."""
    title_h = sm.height() + 2
    fixed = len(panels) * (title_h + 2 * MARKER_ROOM + PANEL_GAP)
    usable = bottom - top - fixed
    total_weight = sum(p.weight for p in panels) or 1.0
    result: list[PanelGeometry] = []
    y = top
    for panel in panels:
        h = max(10.0, usable * panel.weight / total_weight)
        rect = QRectF(left, y + title_h + MARKER_ROOM, right - left, h)
        result.append(
            PanelGeometry(
                panel,
                rect,
                QPointF(left + 4, y + sm.ascent()),
                tuple(labels.value_labels(panel, rect, sm)),
                tuple(labels.band_labels(panel, rect, sm, right + PAD, compact)),
            )
        )
        y = rect.bottom() + MARKER_ROOM + PANEL_GAP
    return result


def build_layout(
    timeline: Timeline,
    width: float,
    height: float,
    font: QFont,
    view: ViewWindow = ViewWindow(),
    hidden: frozenset[Measure] = frozenset(),
) -> TimelineLayout:
    fm = QFontMetricsF(font)
    sm = QFontMetricsF(small_font(font))
    line = sm.height()
    compact = width < COMPACT_WIDTH
    panels = timeline.panels(hidden)
    names = {labels.severity_name(b.severity, compact) for p in panels for b in p.bands}
    left = PAD + sm.horizontalAdvance("52") + 8
    right = width - max(
        max((sm.horizontalAdvance(n) for n in names), default=0.0) + 2 * PAD, 2 * PAD
    )

    # The frame, bottom up: legend, date axis, session lane; top down: phase row, events.
    legend, legend_height = layout_legend(timeline, sm, left, right, 0.0)
    axis_h = fm.height() + 8
    lane_h = FLAG_ROW + TICK_LENGTH + line + 2
    session_lane = QRectF(
        left, height - PAD - legend_height - 6 - axis_h - lane_h, right - left, lane_h
    )
    axis_row = QRectF(left, session_lane.bottom(), right - left, axis_h)
    legend = tuple(
        LegendItem(i.kind, i.text, i.rect.translated(0, axis_row.bottom() + 6), i.measure, i.phase)
        for i in legend
    )
    phase_row = QRectF(left, PAD, right - left, line + 6)
    event_lane = QRectF(
        left, phase_row.bottom(), right - left, line + 10 if timeline.events else 0.0
    )
    plot = QRectF(left, phase_row.top(), right - left, session_lane.bottom() - phase_row.top())
    geometries = _stack_panels(
        panels, event_lane.bottom() + 4, session_lane.top(), left, right, sm, compact
    )

    full = timeline.axis
    view = view.clamped(min(1.0, MIN_VIEW_DAYS / full.days))

    def x_of(d: dt.date) -> float:
        return left + (full.fraction(d) - view.lo) / view.span * (right - left)

    lo_x, hi_x = left - 1, right + 1
    shown_axis = make_axis(full.date_at(view.lo), full.date_at(view.hi))
    ticks = tuple(
        x for d in shown_axis.ticks_fitting(int(plot.width() / 6)) if lo_x <= (x := x_of(d)) <= hi_x
    )
    most = max(1, int(plot.width() / (sm.horizontalAdvance("30 Sep") + 18)))
    date_texts = [
        centred(x_of(d), axis_row.top() + 6, fm.horizontalAdvance(text), fm.height(), text)
        for d, text in shown_axis.labels_fitting(most)
    ]
    date_labels = fit_row(date_texts, [0] * len(date_texts), PAD, width - PAD)

    phase_rects = [
        (QRectF(x0, plot.top(), x1 - x0, plot.height()), band)
        for band in timeline.phases
        if (x1 := min(hi_x, x_of(band.end))) > (x0 := max(lo_x, x_of(band.start)))
    ]
    untreated = [
        (QRectF(x0, plot.top(), x1 - x0, plot.height()), span)
        for span in timeline.untreated
        if (x1 := min(hi_x, x_of(span.end))) > (x0 := max(lo_x, x_of(span.start)))
    ]
    untreated_rects = tuple(rect for rect, _span in untreated)
    untreated_names = [
        centred(rect.center().x(), phase_row.top() + 3, w, line, span.label)
        for rect, span in untreated
        if (w := sm.horizontalAdvance(span.label)) + 8 <= rect.width()
    ]
    outcome = timeline.outcome
    today_x = x_of(outcome.today) if outcome.today is not None else None
    end = outcome.planned_end
    planned_end_x = x_of(end) if end is not None and full.start <= end <= full.end else None
    marks: list[Text] = [
        Text(QRectF(mx + 4, phase_row.top() + 3, sm.horizontalAdvance(text), line), text)
        for mx, text in ((today_x, "Today"), (planned_end_x, "Planned end"))
        if mx is not None and left <= mx <= right
    ]
    mark_priority = [3 if t.text == "Today" else 2 for t in marks]
    names_row = [
        centred(rect.center().x(), phase_row.top() + 3, w, line, band.label)
        for rect, band in phase_rects
        if (w := sm.horizontalAdvance(band.label)) + 8 <= rect.width()
    ]
    names_row += untreated_names
    top_row = fit_row(marks + names_row, mark_priority + [1] * len(names_row), left, width - 2)

    slots = timeline.day_slots()
    session_x = {
        m.session_id: x_of(m.date)
        + (slots[m.session_id][0] - (slots[m.session_id][1] - 1) / 2) * SESSION_NUDGE
        for m in timeline.sessions
    }
    visible = [
        i for i, m in enumerate(timeline.sessions) if lo_x <= session_x[m.session_id] <= hi_x
    ]
    sessions = tuple(timeline.sessions[i] for i in visible)
    priorities = timeline.session_label_priorities()
    number_y = session_lane.top() + FLAG_ROW + TICK_LENGTH
    number_texts = [
        centred(
            session_x[m.session_id],
            number_y,
            sm.horizontalAdvance(str(m.number)),
            line,
            str(m.number),
        )
        for m in sessions
    ]
    number_labels = fit_row(number_texts, [priorities[i] for i in visible], PAD, width - PAD)

    series: dict[Measure, tuple[QPointF, ...]] = {}
    item9_points: tuple[QPointF, ...] = ()
    flagged = {m.session_id for m in timeline.sessions if m.item9_positive}
    for geometry in geometries:
        for measure in geometry.panel.measures:
            found = timeline.series_for(measure)
            if found is None or measure in hidden:
                continue
            series[measure] = tuple(
                QPointF(session_x[p.session_id], geometry.y(p.value)) for p in found.points
            )
            if measure is Measure.PHQ9:
                item9_points = tuple(
                    point
                    for p, point in zip(found.points, series[measure], strict=True)
                    if p.session_id in flagged
                )

    events = tuple((x, e) for e in timeline.events if lo_x <= (x := x_of(e.date)) <= hi_x)
    response_y = remission_y = None
    baseline: Text | None = None
    questionnaire = next((g for g in geometries if Measure.PHQ9 in g.panel.measures), None)
    if questionnaire is not None:
        if outcome.response_line is not None:
            response_y = questionnaire.y(outcome.response_line)
        if outcome.remission_line is not None:
            remission_y = questionnaire.y(outcome.remission_line)
        phq = series.get(Measure.PHQ9, ())
        if phq and outcome.baseline_label and left <= phq[0].x() <= right:
            top = questionnaire.rect.top()
            lines = [points for points in series.values() if points]
            baseline = labels.baseline_label(outcome.baseline_label, phq[0], sm, left, top, lines)
    return TimelineLayout(
        timeline=timeline,
        view=view,
        plot=plot,
        phase_row=phase_row,
        event_lane=event_lane,
        panels=tuple(geometries),
        session_lane=session_lane,
        axis_row=axis_row,
        legend=legend,
        ticks=ticks,
        date_labels=tuple(date_labels),
        phase_rects=tuple(phase_rects),
        phase_labels=tuple(t for t in top_row if t not in marks),
        mark_labels=tuple(t for t in top_row if t in marks),
        today_x=today_x,
        planned_end_x=planned_end_x,
        session_x=session_x,
        sessions=sessions,
        number_labels=tuple(number_labels),
        series=series,
        item9_points=item9_points,
        events=events,
        event_labels=tuple(labels.event_labels(events, sm, event_lane.top() + 4, width - 2)),
        response_y=response_y,
        remission_y=remission_y,
        baseline_label=baseline,
        untreated_rects=untreated_rects,
    )
