"""Write the graduation summary PDF: build in memory, then replace the file atomically.

A PDF is plaintext by nature: whoever holds the file can read it. The caller (the UI, the
CLI) tells the user so before asking where to save it.
"""

import io
import secrets
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from ipt_desktop.atomic_file import write_atomically
from ipt_desktop.domain.graduation import DocumentKind, GraduationContent, PaperSize
from ipt_desktop.domain.timeline import Timeline

from . import clinical_summary, graduation_letter
from .page_layout import Part, make_document, numbered_canvas, text_width
from .styles import REPORT_BODY_SIZE, make_styles

LETTER_PART = "letter"
CLINICAL_PART = "clinical"


def encrypt_pdf(data: bytes, password: str) -> bytes:
    """Add standard PDF password protection with AES-256 (pypdf, on top of ``cryptography``).

    Honest limits: a PDF password is weak protection. AES-256 only protects as well as the
    password is long and random, because the file can be attacked offline at leisure, and
    viewers differ in how they honour permissions. Treat a protected PDF as a courtesy
    against casual eyes, not as encryption of health records: send it through a secure
    channel. (reportlab's own encryption is RC4-128 unless the unmaintained ``pyaes`` is
    installed, so the PDF is encrypted after it is built.)
    """
    if not password:
        raise ValueError("a PDF password must not be empty")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    # Nobody needs the owner password: every permission is granted to the reader.
    writer.encrypt(
        user_password=password, owner_password=secrets.token_urlsafe(24), algorithm="AES-256"
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _parts(content: GraduationContent, kind: DocumentKind) -> tuple[Part, ...]:
    letter = Part(LETTER_PART, f"{graduation_letter.TITLE} · {content.client_name}")
    clinical = Part(
        CLINICAL_PART,
        f"{clinical_summary.TITLE} · {content.client_name} · Confidential",
    )
    return {
        DocumentKind.LETTER: (letter,),
        DocumentKind.CLINICAL: (clinical,),
        DocumentKind.BOTH: (letter, clinical),
    }[kind]


def _title(kind: DocumentKind) -> str:
    return {
        DocumentKind.LETTER: graduation_letter.TITLE,
        DocumentKind.CLINICAL: clinical_summary.TITLE,
        DocumentKind.BOTH: f"{graduation_letter.TITLE} and {clinical_summary.TITLE.lower()}",
    }[kind]


def build_pdf(
    content: GraduationContent,
    kind: DocumentKind,
    paper: PaperSize,
    timeline: Timeline | None,
    password: str | None = None,
) -> bytes:
    """The PDF as bytes (used by ``render_pdf`` and by a preview that never touches disk)."""
    kind, paper = DocumentKind(kind), PaperSize(paper)
    width = text_width(paper)
    parts = _parts(content, kind)
    story: list[Flowable] = []
    if kind in (DocumentKind.LETTER, DocumentKind.BOTH):
        story += graduation_letter.letter_story(content, timeline, make_styles(), width)
    if kind is DocumentKind.BOTH:
        story += [NextPageTemplate(CLINICAL_PART), PageBreak()]
    if kind in (DocumentKind.CLINICAL, DocumentKind.BOTH):
        styles = make_styles(REPORT_BODY_SIZE)
        story += clinical_summary.clinical_story(content, timeline, styles, width)
    buffer = io.BytesIO()
    doc = make_document(
        buffer,
        paper,
        parts,
        # The client's name stays out of the metadata: file browsers show it.
        title=_title(kind),
        author=content.practice.therapist_name,
    )
    doc.build(story, canvasmaker=numbered_canvas(parts))
    return buffer.getvalue() if password is None else encrypt_pdf(buffer.getvalue(), password)


def render_pdf(
    content: GraduationContent,
    kind: DocumentKind,
    paper: PaperSize,
    out_path: Path,
    timeline: Timeline | None,
    password: str | None = None,
) -> None:
    """Write the graduation letter, the clinical termination summary, or both (the letter
    first, the summary from a new page) to ``out_path``, atomically.

    ``timeline`` (from ``build_timeline``) supplies the mood chart; None leaves it out.
    ``password`` adds standard PDF password protection; see ``encrypt_pdf`` for how
    little that protects. Nothing is written, and no temporary file is left, on failure.
    """
    data = build_pdf(content, kind, paper, timeline, password)
    write_atomically(Path(out_path), data)
