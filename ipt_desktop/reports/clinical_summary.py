"""The clinical termination summary: for another clinician (IPT.md, "What the graduation
summary holds"). The letter's facts plus the formulation, focal areas and dispute stage,
the measures at start and end with response and remission, the risk history and
recommendations."""

import datetime as dt

from reportlab.platypus import Flowable, Paragraph, Table

from ipt_desktop.domain.enums import EpisodeKind, Severity
from ipt_desktop.domain.graduation import GraduationContent
from ipt_desktop.domain.graduation_wording import PLAN_LABELS
from ipt_desktop.domain.measures import gad7_severity, hamd_severity, phq9_severity
from ipt_desktop.domain.outcomes import (
    HAMD_REMISSION_AT_OR_BELOW,
    PHQ9_REMISSION_BELOW,
    Measure,
    Outcome,
    describe,
)
from ipt_desktop.domain.timeline import Timeline

from .date_format import date_range, long_date, short_date
from .markup import plain
from .practice_blocks import letterhead, signature_block
from .story_parts import bullets, chart_block, facts_table, section, text_block
from .styles import CAUTION, RULE, Styles, hex_color, table_style

TITLE = "Clinical termination summary"
CHART_CAPTION = (
    "One dot per session; shaded columns are the treatment phases. PHQ-9 panel: dashed lines "
    "mark response (50% of baseline) and remission (below 5); triangles mark sessions with "
    "PHQ-9 item 9 above 0."
)
MEASURES_NOTE = (
    f"Response: at least 50% below baseline. Remission: PHQ-9 below {PHQ9_REMISSION_BELOW}, "
    f"HAM-D {HAMD_REMISSION_AT_OR_BELOW} or below, GAD-7 below 5. A PHQ-9 change of 5 points "
    "is the smallest that matters for one person."
)
NO_RISK = (
    "PHQ-9 item 9 (thoughts of being better off dead or of self-harm) was not answered above "
    "0 in any session of this episode. A 0 on item 9 does not by itself rule out risk."
)


def _severity(measure: Measure, total: int) -> Severity | None:
    if measure is Measure.PHQ9:
        return phq9_severity(total)
    if measure is Measure.GAD7:
        return gad7_severity(total)
    if measure is Measure.HAMD:
        return hamd_severity(total)
    return None


def _score(measure: Measure, total: int, day: dt.date) -> str:
    severity = _severity(measure, total)
    band = f" ({severity.label.lower()})" if severity is not None else ""
    return f"{total}{band}\n{short_date(day)}"


def _change(outcome: Outcome) -> str:
    sign = "+" if outcome.change > 0 else ""
    percent = (
        f" ({sign}{outcome.percent_change:.0f}%)" if outcome.percent_change is not None else ""
    )
    return f"{sign}{outcome.change}{percent}"


def measures_table(content: GraduationContent, styles: Styles, width: float) -> list[Flowable]:
    outcomes = [o for o in (content.phq9, content.hamd, content.gad7) if o is not None]
    if not outcomes:
        return [Paragraph(plain("No rating scales were recorded in this episode."), styles.body)]
    head = ["Measure", "Start", "End", "Change", "Outcome"]
    rows: list[list[Flowable]] = [[Paragraph(plain(h), styles.cell_head) for h in head]]
    for o in outcomes:
        single = o.measurements < 2
        cells = [
            o.measure.label,
            _score(o.measure, o.baseline, o.baseline_date),
            "–" if single else _score(o.measure, o.latest, o.latest_date),
            "–" if single else _change(o),
            describe(o),
        ]
        rows.append([Paragraph(plain(c), styles.cell) for c in cells])
    fractions = (0.15, 0.24, 0.24, 0.15, 0.22)
    table = Table(rows, colWidths=[width * f for f in fractions], hAlign="LEFT", repeatRows=1)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LINEBELOW", (0, 0), (-1, 0), 0.7, RULE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ]
        )
    )
    return [table, Paragraph(plain(MEASURES_NOTE), styles.caption)]


def risk_block(content: GraduationContent, styles: Styles, width: float) -> list[Flowable]:
    if not content.risk_history:
        return [Paragraph(plain(NO_RISK), styles.body)]
    caution = hex_color(CAUTION)
    lines = []
    for entry in content.risk_history:
        documented = (
            "risk assessment documented"
            if entry.assessment_documented
            else f"<font color='{caution}'>no risk assessment documented</font>"
        )
        lines.append(
            f"Session {entry.session_number}, {plain(long_date(entry.session_date))}: "
            f"PHQ-9 item 9 above 0; {documented}."
        )
    return [Paragraph(line, styles.bullet, bulletText="•") for line in lines]


def clinical_story(
    content: GraduationContent, timeline: Timeline | None, styles: Styles, width: float
) -> list[Flowable]:
    story: list[Flowable] = [*letterhead(content.practice, styles, width)]
    story.append(Paragraph(plain(long_date(content.letter_date)), styles.date))
    story.append(Paragraph(plain(TITLE), styles.title))
    story.append(
        Paragraph(
            plain("Interpersonal psychotherapy (IPT) for depression · Confidential"),
            styles.subtitle,
        )
    )
    kind = "Maintenance IPT" if content.episode_kind is EpisodeKind.MAINTENANCE else "Acute IPT"
    birth = content.date_of_birth
    areas = "; ".join(a.label for a in content.problem_areas) or "Not recorded"
    stage = content.dispute_stage
    facts = [
        ("Client", content.client_name),
        ("Date of birth", long_date(birth) if birth is not None else "Not recorded"),
        ("Treatment", kind),
        ("Dates", date_range(content.episode_start, content.episode_end)),
        (
            "Sessions",
            f"{content.sessions_attended} attended of {content.planned_sessions} contracted",
        ),
        ("After ending", PLAN_LABELS[content.plan_kind]),
        ("Focal areas", areas),
        ("Dispute stage", stage.value.capitalize() if stage is not None else "Not applicable"),
    ]
    story.append(facts_table(facts, styles, width, shaded=False, columns=2))
    story += section("Interpersonal formulation", text_block(content.formulation, styles), styles)
    story += section("Outcome measures", measures_table(content, styles, width), styles)
    story += chart_block(
        content,
        timeline,
        width,
        styles,
        title="Course of treatment",
        clinical=True,
        caption=CHART_CAPTION,
    )
    story += section("Risk history", risk_block(content, styles, width), styles)
    story += section("Achievements", bullets(content.achievements, styles), styles)
    story += section("Relapse-prevention skills", bullets(content.skills, styles), styles)
    story += section("Early warning signs", bullets(content.warning_signs, styles), styles)
    story += section("Plan if warning signs appear", text_block(content.what_to_do, styles), styles)
    story += section("Plan after ending", text_block(content.plan, styles), styles)
    story += section("Recommendations", text_block(content.recommendations, styles), styles)
    story.append(signature_block(content.practice, styles, ""))
    return story
