"""The graduation letter: for the client, warm and plain (IPT.md, "What the graduation
summary holds"). No jargon, no scores unless the therapist chose the PHQ-9 chart, no codes."""

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from ipt_desktop.domain.graduation import GraduationContent
from ipt_desktop.domain.graduation_wording import without_label
from ipt_desktop.domain.timeline import Timeline

from .crisis_block import crisis_block
from .date_format import date_range, long_date
from .markup import plain
from .practice_blocks import letterhead, signature_parts
from .story_parts import (
    bullets,
    chart_block,
    facts_table,
    heading,
    section,
    sessions_phrase,
    text_block,
)
from .styles import Styles

TITLE = "Graduation letter"
CHART_CAPTION_MOOD = (
    "Each dot is one of our sessions. Mood is how you rated your week, from 0 (the worst) "
    "to 10 (the best). The shaded bands show the stages of our work."
)
CHART_CAPTION_PHQ9 = (
    " The PHQ-9 is the short questionnaire you filled in: lower scores mean fewer signs of "
    "depression."
)


def letter_story(
    content: GraduationContent, timeline: Timeline | None, styles: Styles, width: float
) -> list[Flowable]:
    story: list[Flowable] = [*letterhead(content.practice, styles, width)]
    story.append(Paragraph(plain(long_date(content.letter_date)), styles.date))
    story.append(Paragraph(plain("Looking back, and looking ahead"), styles.title))
    story.append(
        Paragraph(
            plain(f"A summary of our work together, for {without_label(content.client_name)}"),
            styles.subtitle,
        )
    )
    if content.salutation.strip():
        story.append(Paragraph(plain(content.salutation), styles.body))
    story += text_block(content.opening_words, styles)
    story.append(Spacer(1, 4))
    story.append(
        facts_table(
            [
                ("When we met", date_range(content.episode_start, content.episode_end)),
                ("Sessions", sessions_phrase(content)),
            ],
            styles,
            width,
        )
    )
    focus = [f for f in content.focus if f.strip()]
    story += section(
        "What we worked on",
        text_block(focus[0], styles) if len(focus) == 1 else bullets(focus, styles),
        styles,
    )
    if content.include_goals_in_letter:
        story += section("What you set out to do", bullets(goal_lines(content), styles), styles)
    story += section("What you achieved", bullets(content.achievements, styles), styles)
    caption = CHART_CAPTION_MOOD + (CHART_CAPTION_PHQ9 if content.include_phq9_chart else "")
    story += chart_block(
        content,
        timeline,
        width,
        styles,
        title="Your mood over our sessions",
        clinical=False,
        caption=caption,
    )
    story += section("Skills to keep using", bullets(content.skills, styles), styles)
    story += section(
        "Early warning signs to watch for", bullets(content.warning_signs, styles), styles
    )
    story += section("If these signs appear", text_block(content.what_to_do, styles), styles)
    story += crisis_block(content.crisis_contacts, styles, width)
    # The client's own next step (the clinician's plan belongs to the clinical summary
    # only), the closing words and the signature stay on one page: a page never holds
    # only the closing. One flat KeepTogether: a nested one forces a page break.
    if content.sessions_remaining > 0:
        noun = "session" if content.sessions_remaining == 1 else "sessions"
        title = "Our next sessions"
        next_step = f"We still have {content.sessions_remaining} {noun} planned together."
    else:
        title, next_step = "After our sessions end", _sentence(content.next_step)
    ending: list[Flowable] = []
    if next_step:
        ending += [heading(title, styles), *text_block(next_step, styles)]
    ending.append(Spacer(1, 2 * mm))
    ending += signature_parts(
        content.practice,
        styles,
        content.sign_off,
        lead=text_block(content.closing_words, styles),
    )
    story.append(KeepTogether(ending))
    return story


def goal_lines(content: GraduationContent) -> list[str]:
    """The goals in the client's words: no focal-area jargon and no clinical evidence."""
    reviews = {r.goal: r for r in content.goal_reviews}
    lines = []
    for goal in content.goals:
        review = reviews.get(goal)
        if review is None or review.status is None:
            lines.append(goal)
        else:
            lines.append(f"{goal}: {review.status.plain}")
    return lines


def _sentence(phrase: str) -> str:
    phrase = phrase.strip()
    if not phrase:
        return ""
    phrase = phrase[0].upper() + phrase[1:]
    return phrase if phrase.endswith((".", "!", "?")) else phrase + "."
