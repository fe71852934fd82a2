"""Small building blocks shared by the letter and the clinical summary."""

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from ipt_desktop.domain.enums import EpisodeKind
from ipt_desktop.domain.graduation import GraduationContent
from ipt_desktop.domain.outcomes import Measure
from ipt_desktop.domain.timeline import Timeline

from .chart_section import ChartSection
from .markup import paragraphs, plain
from .mood_chart import (
    COMPACT_PANEL_UNIT,
    PANEL_UNIT,
    chart_measures,
    chart_window,
    timeline_chart,
)
from .styles import ACCENT_LIGHT, RULE, Styles, table_style

BULLET = "•"
#: A chart may shrink to this share of its preferred panel height to fill a page.
SMALLEST_FRACTION = 0.64


def heading(text: str, styles: Styles) -> Paragraph:
    return Paragraph(plain(text), styles.heading)


def text_block(text: str, styles: Styles) -> list[Flowable]:
    """Free text as paragraphs (blank lines separate them; single line breaks are kept)."""
    return [Paragraph(p, styles.body) for p in paragraphs(text)]


def bullets(items: Sequence[str], styles: Styles) -> list[Flowable]:
    """One Paragraph per item, so a long list flows across pages item by item."""
    return [
        Paragraph(plain(item), styles.bullet, bulletText=BULLET) for item in items if item.strip()
    ]


#: A section of up to this many flowables moves to the next page whole rather than split.
KEEP_WHOLE = 6


def section(title: str, body: list[Flowable], styles: Styles) -> list[Flowable]:
    """A heading and its body, or nothing when the body is empty.

    A short section is kept on one page; a long one flows, and its heading still stays
    with the first item (the heading style keeps with next)."""
    if not body:
        return []
    if len(body) <= KEEP_WHOLE:
        return [KeepTogether([heading(title, styles), *body])]
    return [heading(title, styles), *body]


def facts_table(
    rows: Sequence[tuple[str, str]],
    styles: Styles,
    width: float,
    *,
    shaded: bool = True,
    columns: int = 1,
) -> Table:
    """Label / value pairs in a calm box: labels small and muted, values in the body face.

    ``columns`` pairs sit side by side on each row (filled row by row)."""
    pair = width / columns
    label_width = pair * 0.36 if columns > 1 else min(44 * mm, width * 0.3)
    cells = [
        [Paragraph(plain(label), styles.cell_head), Paragraph(plain(value), styles.cell)]
        for label, value in rows
    ]
    data = []
    for start in range(0, len(cells), columns):
        row: list[Paragraph | str] = []
        for pair_cells in cells[start : start + columns]:
            row += pair_cells
        row += [""] * (2 * columns - len(row))
        data.append(row)
    table = Table(data, colWidths=[label_width, pair - label_width] * columns, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("RIGHTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 3.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.2),
    ]
    if shaded:
        commands += [
            ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
            ("TOPPADDING", (0, 0), (-1, 0), 6),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
        ]
    else:
        commands += [
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ]
    table.setStyle(table_style(commands))
    return table


def sessions_phrase(content: GraduationContent) -> str:
    attended, planned = content.sessions_attended, content.planned_sessions
    noun = "session" if attended == 1 else "sessions"
    if planned <= 0:
        return f"{attended} {noun}"
    if attended <= planned:
        return f"{attended} of the {planned} sessions we planned"
    return f"{attended} {noun} (we had planned {planned})"


def chart_block(
    content: GraduationContent,
    timeline: Timeline | None,
    width: float,
    styles: Styles,
    *,
    title: str,
    clinical: bool,
    caption: str,
) -> list[Flowable]:
    """The titled chart and its caption, or nothing when there is nothing to draw."""
    if timeline is None or not (content.include_mood_chart or clinical):
        return []
    measures = chart_measures(content.include_phq9_chart, clinical)
    if not content.include_mood_chart:
        measures = measures - {Measure.MOOD}
    window = chart_window(
        timeline,
        content.episode_start,
        content.episode_end,
        with_course_before=content.episode_kind is EpisodeKind.MAINTENANCE,
        with_untreated=clinical,  # the clinician's chart; the letter keeps to the treatment
    )
    baseline = content.phq9.baseline if content.phq9 is not None else None

    def draw_at(unit: float) -> Drawing | None:
        return timeline_chart(
            timeline,
            width,
            measures,
            window=window,
            phq9_baseline=baseline,
            clinical=clinical,
            panel_unit=unit,
        )

    if draw_at(PANEL_UNIT) is None:
        return []
    preferred = COMPACT_PANEL_UNIT if clinical else PANEL_UNIT

    def draw_present(unit: float) -> Drawing:
        drawing = draw_at(unit)
        assert drawing is not None  # the same data drew at the preferred size
        return drawing

    return [
        ChartSection(
            heading(title, styles),
            Paragraph(plain(caption), styles.caption),
            draw_present,
            preferred=preferred,
            smallest=preferred * SMALLEST_FRACTION,
        )
    ]
