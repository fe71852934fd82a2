"""The practice's crisis contacts as a boxed block, on every client letter and safety plan.

IPT.md: "The practice's crisis contacts (out-of-hours line, emergency number) belong on
every client letter." When none are set, the box still tells the reader what to do in an
emergency, in general words, rather than leaving the letter silent.
"""

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from ipt_desktop.domain.risk_records import CrisisContacts

from .markup import plain
from .styles import ACCENT, ACCENT_LIGHT, Styles, table_style

TITLE = "If you are in crisis"
LEAD = "If you feel unsafe, or think you might act on thoughts of harming yourself, call now:"
NONE_SET = (
    "If you feel unsafe, or think you might act on thoughts of harming yourself, call your "
    "local emergency number or go to the nearest emergency department."
)


def crisis_block(contacts: CrisisContacts, styles: Styles, width: float) -> list[Flowable]:
    rows: list[Flowable] = [Paragraph(plain(TITLE), styles.heading)]
    lines = contacts.lines()
    if lines:
        rows.append(Paragraph(plain(LEAD), styles.body))
        for label, text in lines:
            for i, line in enumerate(t for t in text.splitlines() if t.strip()):
                head = f"<b>{plain(label)}:</b> " if i == 0 else ""
                rows.append(Paragraph(head + plain(line.strip()), styles.body))
    else:
        rows.append(Paragraph(plain(NONE_SET), styles.body))
    box = Table([[row] for row in rows], colWidths=[width], hAlign="LEFT")
    box.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (0, 0), 6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ]
        )
    )
    return [KeepTogether([box])]
