"""The timeline's mood (and PHQ-9) course drawn as vector graphics for the PDF.

A thin renderer: every date position comes from ``TimeAxis.fraction`` (the timeline's own
axis, or a window onto the episode built by the same ``timeline_axis`` code), every value
scale, tick and band from ``Timeline.panels`` (the same data the Qt widget draws). Phase
bands run behind the panels; each panel is a value scale with one line per measure. Life
events are left out: their descriptions are the therapist's notes, not the client's letter.
On the clinical chart the untreated time from an episode's onset to its first session is
cross-hatched, as on the widget, and named the same ("Untreated 10 wk") above the plot; a
window made with ``with_untreated`` reaches back to it (half a year at most, as the widget's
axis).
"""

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from ipt_desktop.domain.enums import Phase
from ipt_desktop.domain.label_layout import Box, Point
from ipt_desktop.domain.outcomes import PHQ9_REMISSION_BELOW, RESPONSE_FRACTION, Measure
from ipt_desktop.domain.timeline import UNTREATED_REACH, ChartPanel, Timeline
from ipt_desktop.domain.timeline_axis import WIDEST_LABEL, TimeAxis, padded_axis

from . import fonts
from .chart_hatch import cross_hatch
from .chart_labels import (
    BAND_LABEL_SIZE,
    BASELINE_DROP,
    ChartBox,
    band_label_boxes,
    outcome_label_boxes,
)
from .styles import ACCENT, CAUTION, FAINT, INK, MUTED, RULE

LABEL_SIZE = 6.8
TITLE_SIZE = 7.2
GUTTER = 22.0  # room for the value labels left of the plot
RIGHT_PAD = 4.0
PHASE_STRIP = 13.0  # the phase names above the plot
AXIS_STRIP = 13.0  # the date labels below the plot
PANEL_TITLE = 13.0  # the panel's title above it
PANEL_GAP = 8.0
PANEL_UNIT = 66.0  # points of height per unit of ChartPanel.weight
COMPACT_PANEL_UNIT = 54.0  # the clinical summary, which stacks up to three panels
#: A longer pause between sessions ends the "course" a maintenance chart reaches back over.
COURSE_GAP = dt.timedelta(weeks=13)

PHASE_TINTS: dict[Phase, Color] = {
    Phase.INITIAL: HexColor("#f4f1e8"),
    Phase.MIDDLE: HexColor("#e9f1f2"),
    Phase.TERMINATION: HexColor("#efebf4"),
    Phase.MAINTENANCE: HexColor("#ebf2e8"),
}
#: The untreated time's cross-hatch: the widget's grid colour on white.
UNTREATED_HATCH = HexColor("#dcdfe1")
#: Severity bands, from none to the heaviest: a narrow strip along the value scale.
BAND_COLORS = ("#a9cdb0", "#dcd59a", "#e9bf8a", "#e09e7f", "#cc7a72")
BAND_STRIP = 3.5
SERIES_COLORS: dict[Measure, Color] = {
    Measure.MOOD: ACCENT,
    Measure.PHQ9: HexColor("#2d4f8a"),
    Measure.GAD7: HexColor("#a4641d"),
    Measure.HAMD: HexColor("#6b3f7a"),
}


def chart_measures(include_phq9: bool, clinical: bool) -> frozenset[Measure]:
    """Which measures a document shows: the letter mood (and PHQ-9 when chosen), the
    clinical summary every measure."""
    if clinical:
        return frozenset(Measure)
    return frozenset({Measure.MOOD, Measure.PHQ9} if include_phq9 else {Measure.MOOD})


def chart_window(
    timeline: Timeline,
    start: dt.date,
    end: dt.date,
    *,
    with_course_before: bool = False,
    with_untreated: bool = False,
) -> TimeAxis:
    """The time axis of a document's chart: the episode from ``start`` to ``end``.

    With ``with_course_before`` (a maintenance contract) the window reaches back over the
    unbroken run of sessions before ``start`` (no gap over COURSE_GAP), so the letter
    shows the acute course whose gains the maintenance sessions kept. With
    ``with_untreated`` it reaches back to the onset of the episode's untreated time (the
    span ending inside the window), half a year at most, as the widget's axis does.
    """
    if with_untreated:
        for span in timeline.untreated:
            if start <= span.end <= end and span.start < start:
                start = max(span.start, span.end - UNTREATED_REACH)
    if with_course_before:
        earlier = sorted({m.date for m in timeline.sessions if m.date < start}, reverse=True)
        for day in earlier:
            if start - day > COURSE_GAP:
                break
            start = day
    return padded_axis([start, end], end)


def timeline_chart(
    timeline: Timeline,
    width: float,
    measures: Collection[Measure],
    *,
    window: TimeAxis | None = None,
    phq9_baseline: int | None = None,
    clinical: bool = False,
    panel_unit: float = PANEL_UNIT,
) -> Drawing | None:
    """A drawing ``width`` points wide, or None when none of ``measures`` has a value.

    ``window`` (default: the whole timeline's axis) is the stretch of time drawn; points
    outside it are left out. ``phq9_baseline`` places the response line (clinical only).
    """
    axis = window or timeline.axis
    with_data = {s.measure for s in timeline.series if any(_inside(axis, p.date) for p in s.points)}
    hidden = [m for m in Measure if m not in measures or m not in with_data]
    panels = timeline.panels(hidden=hidden)
    if not panels:
        return None
    fonts.register_fonts()
    heights = [p.weight * panel_unit for p in panels]
    total = PHASE_STRIP + sum(h + PANEL_TITLE for h in heights)
    total += PANEL_GAP * (len(panels) - 1) + AXIS_STRIP
    drawing = Drawing(width, total)
    drawing.initialFontName = fonts.SANS  # else renderPDF names Helvetica, not embedded
    band_labels = [b.severity.label for p in panels for b in p.bands]
    right = RIGHT_PAD + max(
        (stringWidth(t, fonts.SANS, BAND_LABEL_SIZE) + 5 for t in band_labels), default=0.0
    )
    plot_left, plot_width = GUTTER, width - GUTTER - right
    top = total - PHASE_STRIP
    boxes: list[ChartBox] = []
    for height in heights:
        top -= PANEL_TITLE
        boxes.append(ChartBox(plot_left, top - height, plot_width, height))
        top -= height + PANEL_GAP
    painter = _Painter(timeline, axis, phq9_baseline, clinical)
    for panel, box in zip(panels, boxes, strict=True):
        drawing.add(
            painter.phases(box, label_y=total - PHASE_STRIP + 4 if box is boxes[0] else None)
        )
        drawing.add(painter.panel(panel, box))
    drawing.add(painter.date_axis(boxes[-1]))
    return drawing


def _inside(axis: TimeAxis, day: dt.date) -> bool:
    return 0.0 <= axis.fraction(day) <= 1.0


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: float = LABEL_SIZE,
    color: Color = MUTED,
    anchor: str = "start",
    bold: bool = False,
) -> String:
    return String(
        x,
        y,
        text,
        fontName=fonts.SANS_BOLD if bold else fonts.SANS,
        fontSize=size,
        fillColor=color,
        textAnchor=anchor,
    )


@dataclass(frozen=True)
class _Painter:
    timeline: Timeline
    axis: TimeAxis
    phq9_baseline: int | None
    clinical: bool

    def x(self, box: ChartBox, day: dt.date) -> float:
        return box.x(self.axis.fraction(day))

    def phases(self, box: ChartBox, label_y: float | None) -> Group:
        """The phase bands behind one panel; their names above it when ``label_y`` is set."""
        group = Group()
        for span in self.timeline.untreated if self.clinical else ():
            left = max(self.x(box, span.start), box.left)
            right = min(self.x(box, span.end), box.left + box.width)
            if right - left < 0.5:
                continue
            for x0, y0, x1, y1 in cross_hatch(left, box.bottom, right - left, box.height):
                group.add(Line(x0, y0, x1, y1, strokeColor=UNTREATED_HATCH, strokeWidth=0.5))
            fits = stringWidth(span.label, fonts.SANS, LABEL_SIZE) + 4 <= right - left
            if label_y is not None and fits:
                group.add(_text((left + right) / 2, label_y, span.label, anchor="middle"))
        for band in self.timeline.phases:
            left, right = self.x(box, band.start), self.x(box, band.end)
            if right - left < 0.5:
                continue
            group.add(
                Rect(
                    left,
                    box.bottom,
                    right - left,
                    box.height,
                    fillColor=PHASE_TINTS[band.phase],
                    strokeColor=None,
                )
            )
            fits = stringWidth(band.label, fonts.SANS, LABEL_SIZE) + 4 <= right - left
            if label_y is not None and fits:
                group.add(_text((left + right) / 2, label_y, band.label, anchor="middle"))
        return group

    def date_axis(self, box: ChartBox) -> Group:
        group = Group()
        label_room = stringWidth(WIDEST_LABEL, fonts.SANS, LABEL_SIZE) + 10
        for day, label in self.axis.labels_fitting(max(2, int(box.width // label_room))):
            x = self.x(box, day)
            group.add(Line(x, box.bottom, x, box.bottom - 2.5, strokeColor=FAINT, strokeWidth=0.5))
            width = stringWidth(label, fonts.SANS, LABEL_SIZE)
            # Keep the first and last labels inside the drawing.
            x = min(max(x, box.left + width / 2), box.left + box.width - width / 2)
            group.add(_text(x, box.bottom - AXIS_STRIP + 3, label, anchor="middle"))
        return group

    def panel(self, panel: ChartPanel, box: ChartBox) -> Group:
        group = Group()
        for i, band in enumerate(panel.bands):
            low = box.y(panel.fraction(band.low - 0.5 if band.low else band.low))
            top = band.high + 0.5 if band.high < panel.high else band.high
            high = box.y(panel.fraction(top))
            tint = HexColor(BAND_COLORS[min(i, len(BAND_COLORS) - 1)])
            group.add(Rect(box.left, low, BAND_STRIP, high - low, fillColor=tint, strokeColor=None))
        for label, name in band_label_boxes(panel, box):  # every band named, or none
            group.add(
                _text(
                    label.left,
                    (label.low + label.high) / 2 - BAND_LABEL_SIZE * BASELINE_DROP,
                    name,
                    size=BAND_LABEL_SIZE,
                    color=MUTED,
                )
            )
        last_label = float("-inf")
        for tick in panel.ticks:
            y = box.y(panel.fraction(tick))
            edge = tick in (panel.low, panel.high)
            group.add(
                Line(
                    box.left,
                    y,
                    box.left + box.width,
                    y,
                    strokeColor=RULE,
                    strokeWidth=0.6 if edge else 0.35,
                )
            )
            if y - last_label >= LABEL_SIZE + 1:  # crowded labels are thinned, lines kept
                group.add(_text(box.left - 4, y - 2.3, str(tick), anchor="end"))
                last_label = y
        group.add(self.title(panel, box))
        if self.clinical and Measure.PHQ9 in panel.measures:
            group.add(self.outcome_lines(panel, box))
        for measure in panel.measures:
            group.add(self.series(panel, box, measure))
        if self.clinical and Measure.PHQ9 in panel.measures:
            for day in self.timeline.outcome.item9_dates:
                if _inside(self.axis, day):
                    x = self.x(box, day)
                    group.add(
                        Polygon(
                            [x - 3, box.bottom + 1, x + 3, box.bottom + 1, x, box.bottom + 6],
                            fillColor=CAUTION,
                            strokeColor=None,
                        )
                    )
        return group

    def title(self, panel: ChartPanel, box: ChartBox) -> Group:
        """The panel's title; with two measures, each name follows a sample of its line."""
        group = Group()
        y = box.bottom + box.height + 5
        if Measure.MOOD in panel.measures:
            text = f"Mood ({panel.low} = {panel.low_caption}, {panel.high} = {panel.high_caption})"
            group.add(_text(box.left, y, text, size=TITLE_SIZE, color=INK, bold=True))
            return group
        x = box.left
        several = len(panel.measures) > 1
        for measure in panel.measures:
            if several:
                group.add(
                    Line(
                        x,
                        y + 2.5,
                        x + 12,
                        y + 2.5,
                        strokeColor=SERIES_COLORS[measure],
                        strokeWidth=1.3,
                        strokeDashArray=_dash(measure),
                    )
                )
                x += 15
            group.add(_text(x, y, measure.label, size=TITLE_SIZE, color=INK, bold=True))
            x += stringWidth(measure.label, fonts.SANS_BOLD, TITLE_SIZE) + 10
        group.add(
            _text(
                x - 6 if several else x - 7,
                y,
                "(lower is better)" if not several else "· lower is better",
                size=TITLE_SIZE,
                color=MUTED,
            )
        )
        return group

    def outcome_lines(self, panel: ChartPanel, box: ChartBox) -> Group:
        group = Group()
        for value, _label in self.outcome_values():
            y = box.y(panel.fraction(value))
            group.add(
                Line(
                    box.left,
                    y,
                    box.left + box.width,
                    y,
                    strokeColor=MUTED,
                    strokeWidth=0.5,
                    strokeDashArray=[2, 2],
                )
            )
        for spot, label in self.outcome_label_boxes(panel, box):
            group.add(_text(spot.left, spot.low + 1.2, label, size=BAND_LABEL_SIZE, color=MUTED))
        return group

    def outcome_values(self) -> list[tuple[float, str]]:
        lines = []
        if self.phq9_baseline:
            lines.append((self.phq9_baseline * RESPONSE_FRACTION, "Response (50% of baseline)"))
        if self.phq9_baseline is not None:
            lines.append((PHQ9_REMISSION_BELOW - 0.5, f"Remission (below {PHQ9_REMISSION_BELOW})"))
        return lines

    def outcome_label_boxes(self, panel: ChartPanel, box: ChartBox) -> list[tuple[Box, str]]:
        lines = [run for m in panel.measures for run in self.runs(panel, box, m)]
        return outcome_label_boxes(panel, box, self.outcome_values(), lines)

    def runs(self, panel: ChartPanel, box: ChartBox, measure: Measure) -> list[list[Point]]:
        """The drawn points of ``measure``, one run per contract."""
        series = self.timeline.series_for(measure)
        if series is None:
            return []
        episode_of = {m.session_id: m.episode_id for m in self.timeline.sessions}
        runs: list[list[Point]] = []
        last_episode: str | None = None
        for point in series.points:
            if not _inside(self.axis, point.date):
                continue
            episode = episode_of.get(point.session_id)
            if not runs or episode != last_episode:
                runs.append([])  # a new contract starts a new line
            runs[-1].append((self.x(box, point.date), box.y(panel.fraction(point.value))))
            last_episode = episode
        return runs

    def series(self, panel: ChartPanel, box: ChartBox, measure: Measure) -> Group:
        group = Group()
        color = SERIES_COLORS[measure]
        runs = self.runs(panel, box, measure)
        for run in runs:
            if len(run) >= 2:
                group.add(
                    PolyLine(
                        [c for point in run for c in point],
                        strokeColor=color,
                        strokeWidth=1.3,
                        strokeLineJoin=1,
                        strokeLineCap=1,
                        strokeDashArray=_dash(measure),
                    )
                )
        points = [point for run in runs for point in run]
        radius = 2.1 if len(points) < 40 else 1.4
        for x, y in points:
            group.add(Circle(x, y, radius, fillColor=color, strokeColor=white, strokeWidth=0.6))
        return group


def _dash(measure: Measure) -> list[float] | None:
    return [3, 1.5] if measure is Measure.GAD7 else None
