"""The de-identified supervision summary PDF (issue 19): for IPT supervision or certification.

It is drawn only from a ``SupervisionReport``, which holds no name, no date and no free
text; this module adds none (no practice details, no client name in the footer or the
metadata). Time is in weeks from the first session.
"""

import io

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from ipt_desktop.domain.graduation import PaperSize
from ipt_desktop.domain.supervision import SupervisionReport, SupervisionSession

from . import fonts
from .markup import plain
from .page_layout import Part, make_document, numbered_canvas, text_width
from .story_parts import bullets, facts_table, section
from .styles import ACCENT, INK, MUTED, REPORT_BODY_SIZE, RULE, Styles, make_styles, table_style

TITLE = "IPT supervision summary"
SUBTITLE = (
    "De-identified: no name, no date of birth, no calendar dates, no notes or other free "
    "text. Weeks count from the first session."
)
PART = Part("supervision", f"{TITLE} · de-identified")
CHART_HEIGHT = 46 * mm


def supervision_story(report: SupervisionReport, styles: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(plain(TITLE), styles.title),
        Paragraph(plain(SUBTITLE), styles.subtitle),
        Spacer(1, 2 * mm),
        facts_table(_facts(report), styles, width),
    ]
    completion = [
        f"{c.phase.label} phase: {c.text}"
        + (f"; not done: {', '.join(t.short.lower() for t in c.missing)}" if c.missing else "")
        for c in report.completion
    ]
    tallies = [
        f"{t.phase.label} sessions, {t.label.lower()}: {t.done_in} of {t.sessions}"
        for t in report.tallies
    ]
    story += section("Task completion per phase", bullets(completion + tallies, styles), styles)
    due = [
        d.text[:1].upper() + d.text[1:] + (" (overdue)" if d.overdue else "") for d in report.due
    ]
    story += section("Due at the latest session", bullets(due, styles), styles)
    if report.sessions:  # a long table may split across pages (its header row repeats)
        loose = ParagraphStyle("sessions_heading", parent=styles.heading, keepWithNext=0)
        story += [
            Paragraph(plain("Sessions"), loose),
            _sessions_table(report.sessions, styles, width),
        ]
    chart = _chart(report.sessions, width)
    if chart is not None:
        story += section("Measures by week", [chart], styles)
    return story


def build_supervision_pdf(report: SupervisionReport, paper: PaperSize) -> bytes:
    styles = make_styles(REPORT_BODY_SIZE)  # registers the embedded fonts
    buffer = io.BytesIO()
    doc = make_document(buffer, PaperSize(paper), (PART,), title=TITLE, author="")
    doc.build(
        supervision_story(report, styles, text_width(PaperSize(paper))),
        canvasmaker=numbered_canvas((PART,)),
    )
    return buffer.getvalue()


def _facts(report: SupervisionReport) -> list[tuple[str, str]]:
    kind = "Acute IPT" if report.kind.value == "acute" else "Maintenance IPT (IPT-M)"
    areas = ", ".join(a.label for a in report.focal_areas) or "Not chosen"
    if report.dispute_stage is not None:
        areas += f" (dispute stage: {report.dispute_stage.value})"
    accepted = "Not accepted yet"
    if report.accepted_session is not None:
        accepted = f"Session {report.accepted_session} (week {report.accepted_week})"
    elif report.accepted_week is not None:
        accepted = f"Week {report.accepted_week}"
    return [
        ("Contract", f"{kind}, {report.planned} sessions"),
        ("Sessions", f"{report.held} held, {report.missed} missed"),
        ("Focal areas", areas),
        ("Formulation accepted", accepted),
    ]


def _sessions_table(
    sessions: tuple[SupervisionSession, ...], styles: Styles, width: float
) -> Table:
    head = ["#", "Week", "Phase", "Focal area and strategies", "Techniques", "Tasks"]
    rows: list[list[object]] = [[Paragraph(plain(h), styles.cell_head) for h in head]]
    for s in sessions:
        work = "; ".join(a.label for a in s.focal_areas)
        if s.strategies:
            work += ": " + ", ".join(x.label.lower() for x in s.strategies)
        cells = [
            str(s.number),
            str(s.week),
            s.phase.label,
            work or "\N{EN DASH}",
            ", ".join(t.label.lower() for t in s.techniques) or "\N{EN DASH}",
            ", ".join(t.short.lower() for t in s.tasks) or "\N{EN DASH}",
        ]
        rows.append([Paragraph(plain(c), styles.cell) for c in cells])
    widths = [8 * mm, 11 * mm, 22 * mm]
    rest = width - sum(widths)
    table = Table(rows, colWidths=[*widths, rest * 0.34, rest * 0.33, rest * 0.33], repeatRows=1)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _chart(sessions: tuple[SupervisionSession, ...], width: float) -> Drawing | None:
    """Mood (0-10) and PHQ-9 (0-27) against weeks, one panel each (numbers, no dates)."""
    panels = [
        ("Mood (0 = worst, 10 = best)", 10, [(s.week, s.mood) for s in sessions]),
        ("PHQ-9 total (0-27)", 27, [(s.week, s.phq9) for s in sessions]),
    ]
    shown = [(title, top, [(w, v) for w, v in pts if v is not None]) for title, top, pts in panels]
    shown = [p for p in shown if p[2]]
    if not shown:
        return None
    last_week = max(s.week for s in sessions)
    drawing = Drawing(width, CHART_HEIGHT * len(shown))
    for i, (title, top, points) in enumerate(reversed(shown)):
        y0 = i * CHART_HEIGHT
        plot = LinePlot()
        plot.x, plot.y = 28, y0 + 16
        plot.width, plot.height = width - 40, CHART_HEIGHT - 34
        plot.data = [[(float(w), float(v)) for w, v in points]]
        plot.lines[0].strokeColor = ACCENT
        plot.lines[0].strokeWidth = 1.2
        plot.lines[0].symbol = makeMarker("FilledCircle", size=3)
        plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = 0, max(1, last_week)
        plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = 0, top
        plot.yValueAxis.valueStep = 2 if top <= 10 else 5
        for axis in (plot.xValueAxis, plot.yValueAxis):
            axis.labels.fontName = fonts.SANS
            axis.labels.fontSize = 7
            axis.labels.fillColor = MUTED
            axis.strokeColor = RULE
        plot.xValueAxis.labelTextFormat = "wk %d"
        drawing.add(plot)
        drawing.add(
            String(
                28, y0 + CHART_HEIGHT - 12, title, fontName=fonts.SANS, fontSize=8, fillColor=INK
            )
        )
    return drawing


__all__ = ["build_supervision_pdf", "supervision_story"]
