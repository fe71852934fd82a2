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
)
from ipt_desktop.domain.timeline import Timeline
from ipt_desktop.domain.verdict import Verdict, change_words
from ipt_desktop.domain.worksheets import WORKSHEET_QUESTIONS, Worksheet

from .date_format import date_range, long_date, short_date
from .markup import plain
from .practice_blocks import letterhead, signature_block
from .story_parts import bullets, chart_block, facts_table, section, text_block
from .styles import CAUTION, RULE, Styles, hex_color, table_style

TITLE = "Clinical termination summary"
TITLE_IN_PROGRESS = "Clinical progress summary (course in progress)"
CHART_CAPTION = (
    "One dot per session; shaded columns are the treatment phases. PHQ-9 panel: dashed lines "
    "mark response (50% of baseline) and remission (below 5); triangles mark sessions with "
    "PHQ-9 item 9 above 0."
)
#: Added when the chart hatches the time from the onset to the first session.
UNTREATED_CAPTION = " Cross-hatched: untreated time, from the onset to the first session."
MEASURES_NOTE = (
    "The primary measure (PHQ-9, else HAM-D) alone decides the outcome; the others are shown "
    "beside it. Response: at least 50% below baseline; partial response: 25% to 49%; "
    "non-response: less than 25%. Remission (only from a baseline of PHQ-9 10 or HAM-D 8 or "
    f"more): PHQ-9 below {PHQ9_REMISSION_BELOW}, HAM-D {HAMD_REMISSION_AT_OR_BELOW} or below. "
    "A PHQ-9 change of 5 points is the smallest that matters for one person."
)
MEASURES_NOTE_IN_PROGRESS = (
    "The course is still running: the outcome is judged only at the end of the contract, so "
    "the table shows the change from baseline so far. A PHQ-9 change of 5 points is the "
    "smallest that matters for one person."
)
MEASURES_NOTE_MAINTENANCE = (
    "Maintenance IPT is judged against the acute baseline as staying well or recurrence "
    "(PHQ-9 10 or more at two consecutive measurements, or a recurrence recorded by the "
    "therapist)."
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
    primary = outcomes[0] if outcomes[0].measure is not Measure.GAD7 else None
    head = ["Measure", "Start", "End", "Change", "Outcome"]
    rows: list[list[Flowable]] = [[Paragraph(plain(h), styles.cell_head) for h in head]]
    for o in outcomes:
        single = o.measurements < 2
        cells = [
            o.measure.label + (" (primary)" if o is primary else ""),
            _score(o.measure, o.baseline, o.baseline_date),
            "–" if single else _score(o.measure, o.latest, o.latest_date),
            "–" if single else _change(o),
            _verdict_cell(content) if o is primary else change_words(o) + " (shown beside)",
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
    if content.episode_kind is EpisodeKind.MAINTENANCE:
        note = MEASURES_NOTE_MAINTENANCE
    else:
        note = MEASURES_NOTE if content.course_complete else MEASURES_NOTE_IN_PROGRESS
    return [table, Paragraph(plain(note), styles.caption)]


def _verdict_cell(content: GraduationContent) -> str:
    if content.verdict is Verdict.IN_PROGRESS:
        return f"In progress ({content.sessions_remaining} sessions remain)"
    if content.verdict is Verdict.NOT_MEASURED:
        return "Not enough measurements to judge"
    return content.verdict.label


def _episode_words(content: GraduationContent) -> str:
    kind = {True: "Recurrent", False: "Single episode", None: "Not recorded"}[content.recurrent]
    earlier = content.earlier_episodes
    if earlier is not None and earlier > 0:
        kind += f" ({earlier} earlier episode{'s' if earlier != 1 else ''})"
    elif earlier == 0 and content.recurrent is None:
        kind = "No earlier episode recorded"
    onset = f"; onset {long_date(content.onset)}" if content.onset is not None else ""
    weeks = content.untreated_weeks
    if weeks is not None:
        onset += f", {weeks} week{'s' if weeks != 1 else ''} before the first session"
    return kind + onset


def _medication_words(content: GraduationContent) -> str:
    medication = content.medication.strip() or "None recorded"
    prescriber = content.prescriber.strip()
    return f"{medication} (prescriber: {prescriber})" if prescriber else medication


def goals_block(content: GraduationContent, styles: Styles) -> list[Flowable]:
    """Each goal with its focal area and its review; an unreviewed goal says so (never
    "not met" for a goal nobody reviewed)."""
    if not content.goals:
        return []
    reviews = {r.goal: r for r in content.goal_reviews}
    met = set(content.goals_met)
    lines = []
    for goal in content.goals:
        review = reviews.get(goal)
        area = f" [{review.area.label}]" if review is not None and review.area else ""
        if review is not None and review.status is not None:
            status = review.status.label.lower()
        elif goal in met:
            status = "met"
        else:
            status = "not yet met" if content.sessions_remaining > 0 else "not reviewed"
        evidence = review.evidence.strip() if review is not None else ""
        lines.append(f"{goal}{area}: {status}" + (f" \N{EM DASH} {evidence}" if evidence else ""))
    return bullets(lines, styles)


def worksheet_block(worksheet: Worksheet, styles: Styles) -> list[Flowable]:
    labels = {q.key: q.label for q in WORKSHEET_QUESTIONS[worksheet.area]}
    return bullets([f"{labels[key]}: {text.strip()}" for key, text in worksheet.answers], styles)


def risk_block(content: GraduationContent, styles: Styles, width: float) -> list[Flowable]:
    if not content.risk_history:
        level = content.risk_level_at_discharge.strip() or "not recorded"
        return [
            Paragraph(plain(NO_RISK), styles.body),
            Paragraph(plain(f"Risk level at discharge: {level}."), styles.body),
        ]
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
    level = content.risk_level_at_discharge.strip() or "not recorded"
    lines.append(plain(f"Risk level at discharge: {level}."))
    return [Paragraph(line, styles.bullet, bulletText="•") for line in lines]


def _after_ending(content: GraduationContent) -> str:
    if content.sessions_remaining > 0:
        return f"Course in progress: {content.sessions_remaining} contracted sessions remain"
    return PLAN_LABELS[content.plan_kind]


def clinical_story(
    content: GraduationContent, timeline: Timeline | None, styles: Styles, width: float
) -> list[Flowable]:
    story: list[Flowable] = [*letterhead(content.practice, styles, width)]
    story.append(Paragraph(plain(long_date(content.letter_date)), styles.date))
    title = TITLE_IN_PROGRESS if content.sessions_remaining > 0 else TITLE
    story.append(Paragraph(plain(title), styles.title))
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
            f"{content.sessions_attended} attended, {content.sessions_missed} missed, "
            f"of {content.planned_sessions} contracted",
        ),
        ("After ending", _after_ending(content)),
        ("Episode", _episode_words(content)),
        ("Medication", _medication_words(content)),
        ("Referred by", content.referrer.strip() or "Not recorded"),
        ("Focal areas", areas),
        ("Dispute stage", stage.value.capitalize() if stage is not None else "Not applicable"),
    ]
    story.append(facts_table(facts, styles, width, shaded=False, columns=2))
    story += section("Interpersonal formulation", text_block(content.formulation, styles), styles)
    story += section("Goals", goals_block(content, styles), styles)
    if content.include_worksheets:
        for worksheet in content.worksheets:
            story += section(
                f"{worksheet.area.label} worksheet", worksheet_block(worksheet, styles), styles
            )
    story += section("Outcome measures", measures_table(content, styles, width), styles)
    story += chart_block(
        content,
        timeline,
        width,
        styles,
        title="Course of treatment",
        clinical=True,
        caption=CHART_CAPTION + (UNTREATED_CAPTION if content.untreated_weeks else ""),
    )
    story += section("Risk history", risk_block(content, styles, width), styles)
    story += section("Achievements", bullets(content.achievements, styles), styles)
    story += section("Relapse-prevention skills", bullets(content.skills, styles), styles)
    story += section("Early warning signs", bullets(content.warning_signs, styles), styles)
    story += section("Plan if warning signs appear", text_block(content.what_to_do, styles), styles)
    story += section("Plan", text_block(content.plan, styles), styles)
    story += section("Recommendations", text_block(content.recommendations, styles), styles)
    story.append(signature_block(content.practice, styles, ""))
    return story
