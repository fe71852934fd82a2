"""The practice's letterhead and the therapist's signature block."""

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from ipt_desktop.domain.model import PracticeDetails

from .markup import plain
from .styles import ACCENT, INK, Styles, table_style

SIGNATURE_SPACE = 15 * mm
SIGNATURE_LINE = 62 * mm


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def letterhead(practice: PracticeDetails, styles: Styles, width: float) -> list[Flowable]:
    """Practice name and therapist on the left, address and contact on the right, a rule."""
    left: list[Flowable] = []
    heading = practice.practice_name.strip() or practice.therapist_name.strip()
    if heading:
        left.append(Paragraph(plain(heading), styles.practice_name))
    who = ", ".join(
        part
        for part in (practice.therapist_name.strip(), practice.credentials.strip())
        if part and part != heading
    )
    if who:
        left.append(Paragraph(plain(who), styles.practice_line))
    contact = _lines(practice.address) + _lines(practice.phone) + _lines(practice.email)
    right: list[Flowable] = [Paragraph(plain(line), styles.contact) for line in contact]
    if not left and not right:
        return []
    table = Table(
        [[left or "", right or ""]], colWidths=[width * 0.58, width * 0.42], hAlign="LEFT"
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        table,
        HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=7, spaceAfter=14),
    ]


def signature_block(
    practice: PracticeDetails, styles: Styles, sign_off: str, lead: list[Flowable] | None = None
) -> Flowable:
    """``lead`` (the closing words), the sign-off, room to sign, a line, name and credentials;
    kept together so a signature never sits alone at the top of a page."""
    return KeepTogether(signature_parts(practice, styles, sign_off, lead))


def signature_parts(
    practice: PracticeDetails, styles: Styles, sign_off: str, lead: list[Flowable] | None = None
) -> list[Flowable]:
    """The flowables of ``signature_block``, for a caller keeping more together with them
    (a KeepTogether inside a KeepTogether always forces a new page in reportlab)."""
    parts: list[Flowable] = list(lead or [])
    if sign_off.strip():
        parts.append(Paragraph(plain(sign_off), styles.body))
    parts.append(Spacer(1, SIGNATURE_SPACE))
    parts.append(
        HRFlowable(
            width=SIGNATURE_LINE,
            thickness=0.6,
            color=INK,
            hAlign="LEFT",
            spaceBefore=0,
            spaceAfter=4,
        )
    )
    if practice.therapist_name.strip():
        parts.append(Paragraph(plain(practice.therapist_name), styles.signature_name))
    if practice.credentials.strip():
        parts.append(Paragraph(plain(practice.credentials), styles.practice_line))
    if practice.practice_name.strip():
        parts.append(Paragraph(plain(practice.practice_name), styles.small))
    return parts
