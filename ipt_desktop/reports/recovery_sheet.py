"""The printable recovery sheet: the vault's recovery key, what it is for, where to keep it.

It carries no client data: only the key, the vault id and the date it was made.
"""

import datetime as dt
import io
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from ipt_desktop.atomic_file import write_atomically
from ipt_desktop.domain.graduation import PaperSize

from .date_format import long_date
from .markup import plain
from .page_layout import Part, make_document, numbered_canvas, text_width
from .story_parts import bullets, facts_table, heading
from .styles import ACCENT, ACCENT_LIGHT, Styles, make_styles, table_style

TITLE = "Vault recovery key"
KEY_SIZE = 19.0
KEY_SIZE_MIN = 11.0
NO_RECOVERY = (
    "Without your passphrase and without this key, nobody can recover the records in this "
    "vault: not you, not the makers of ipt-desktop, not a computer technician. There is no "
    "back door."
)
PURPOSE = (
    "If you forget your passphrase, this key opens the vault so that you can choose a new "
    "passphrase. It opens the backups made while it is the vault's recovery key in the same "
    "way (after new keys are made, older backups still open with this key)."
)
KEEPING = (
    "Keep it locked away, somewhere other than the computer: a safe, a locked drawer at "
    "another address, or a sealed envelope with someone you trust.",
    "Never keep it with the laptop or in its bag, and never photograph it, scan it, email "
    "it or save it on a computer or phone.",
    "Anyone who has this sheet and a copy of the vault can read every record in it. Guard "
    "it as you guard the records themselves.",
    "If it is lost or seen by someone else, make new keys in ipt-desktop (Settings, "
    "\u201cNew recovery key and master key\u201d, or the command ipt-desktop rekey), print "
    "the new sheet and destroy this one.",
)


def _key_groups(key: str) -> list[str]:
    """The key's groups, each keeping its trailing dash so the printed text stays exact."""
    groups: list[str] = []
    for word in key.split():
        parts = word.split("-")
        groups += [p + "-" for p in parts[:-1] if p] + ([parts[-1]] if parts[-1] else [])
    return groups


def _join(groups: list[str]) -> str:
    text = ""
    for group in groups:
        text += group if (not text or text.endswith("-")) else " " + group
    return text


def _key_lines(key: str, font: str, size: float, width: float) -> list[str]:
    """The key in as few lines as fit ``width``, groups shared out evenly between them and
    never broken inside a group."""
    groups = _key_groups(key)
    for count in range(1, len(groups) + 1):
        per_line = -(-len(groups) // count)
        lines = [_join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)]
        if all(stringWidth(line, font, size) <= width for line in lines):
            return lines
    return groups


def _key_box(key: str, styles: Styles, width: float) -> Table:
    inner = width - 16 * mm
    size = KEY_SIZE
    font = styles.key.fontName
    # A key with a very long group shrinks the type rather than run past the box.
    while size > KEY_SIZE_MIN and any(
        stringWidth(g, font, size) > inner for g in key.replace("-", " ").split()
    ):
        size -= 1
    style = styles.key.clone("key_sized", fontSize=size, leading=size * 1.6)
    lines = _key_lines(key, font, size, inner)
    rows = [[Paragraph(plain(line), style)] for line in lines]
    box = Table(rows, colWidths=[width])
    box.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, ACCENT),
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                ("TOPPADDING", (0, 0), (-1, 0), 12),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 12),
            ]
        )
    )
    return box


def recovery_story(
    recovery_key_text: str, vault_id: str, created: dt.date, styles: Styles, width: float
) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(plain(TITLE), styles.title),
        Paragraph(plain("ipt-desktop · Print this sheet and keep it safe"), styles.subtitle),
        Paragraph(plain(NO_RECOVERY), styles.notice),
        Spacer(1, 4 * mm),
        _key_box(recovery_key_text, styles, width),
        Spacer(1, 2 * mm),
        Paragraph(
            plain("Copy it exactly, letter for letter, if you ever need to type it in."),
            styles.caption,
        ),
        heading("What it is for", styles),
        Paragraph(plain(PURPOSE), styles.body),
        heading("Where to keep it", styles),
        *bullets(KEEPING, styles),
        heading("Details", styles),
        facts_table(
            [
                ("Vault", vault_id),
                ("Created", long_date(created)),
                ("Kept at", "\n\n"),
            ],
            styles,
            width,
            shaded=False,
        ),
        Spacer(1, 3 * mm),
        Paragraph(plain("This sheet holds no client information."), styles.small),
    ]
    return story


def build_recovery_sheet(
    recovery_key_text: str, vault_id: str, created: dt.date, paper: PaperSize
) -> bytes:
    paper = PaperSize(paper)
    styles = make_styles()
    parts = (Part("sheet", f"{TITLE} · vault {vault_id}"),)
    buffer = io.BytesIO()
    doc = make_document(buffer, paper, parts, title=TITLE, author="")
    doc.build(
        recovery_story(recovery_key_text, vault_id, created, styles, text_width(paper)),
        canvasmaker=numbered_canvas(parts),
    )
    return buffer.getvalue()


def render_recovery_sheet(
    recovery_key_text: str, vault_id: str, created: dt.date, paper: PaperSize, out_path: Path
) -> None:
    """Write the recovery sheet to ``out_path`` atomically (no temporary file on failure)."""
    data = build_recovery_sheet(recovery_key_text, vault_id, created, paper)
    write_atomically(Path(out_path), data)
