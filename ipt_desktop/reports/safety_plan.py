"""The client's safety plan as a PDF they take home: the six usual parts (IPT.md), with
the practice's crisis contacts, in the client's own words, on the practice letterhead.

Built in memory (bytes); the service writes it atomically like the graduation letter.
"""

import io

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ipt_desktop.domain.graduation import PaperSize
from ipt_desktop.domain.model import PracticeDetails
from ipt_desktop.domain.risk_records import SAFETY_PLAN_PARTS, CrisisContacts, SafetyPlan

from .crisis_block import crisis_block
from .date_format import long_date
from .markup import plain
from .page_layout import Part, make_document, numbered_canvas, text_width
from .practice_blocks import letterhead
from .story_parts import bullets, section
from .styles import make_styles

TITLE = "My safety plan"
PART = Part("safety_plan", TITLE)
INTRO = (
    "This plan is yours. Keep it where you can find it quickly. When things get hard, start "
    "at step 1 and go on down the list until you feel safer."
)
EMPTY_PART = "(to fill in together)"


def safety_plan_story(
    plan: SafetyPlan,
    client_name: str,
    practice: PracticeDetails,
    contacts: CrisisContacts,
    width: float,
) -> list[Flowable]:
    styles = make_styles()
    story: list[Flowable] = [*letterhead(practice, styles, width)]
    story.append(Paragraph(plain(TITLE), styles.title))
    story.append(
        Paragraph(
            plain(f"For {client_name} · updated {long_date(plan.updated_on)}"), styles.subtitle
        )
    )
    story.append(Paragraph(plain(INTRO), styles.body))
    story.append(Spacer(1, 3 * mm))
    for number, (name, heading) in enumerate(SAFETY_PLAN_PARTS, 1):
        items = [i for i in getattr(plan, name) if i.strip()] or [EMPTY_PART]
        story += section(f"{number}. {heading}", bullets(items, styles), styles)
    story.append(Spacer(1, 4 * mm))
    story += crisis_block(contacts, styles, width)
    return story


def build_safety_plan(
    plan: SafetyPlan,
    client_name: str,
    practice: PracticeDetails,
    contacts: CrisisContacts,
    paper: PaperSize = PaperSize.A4,
) -> bytes:
    width = text_width(paper)
    buffer = io.BytesIO()
    # The client's name stays out of the metadata: file browsers show it.
    doc = make_document(buffer, paper, (PART,), title=TITLE, author=practice.therapist_name)
    doc.build(
        safety_plan_story(plan, client_name, practice, contacts, width),
        canvasmaker=numbered_canvas((PART,)),
    )
    return buffer.getvalue()
