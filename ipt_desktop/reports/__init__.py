"""PDF documents (reportlab): the graduation letter, the clinical termination summary, the
vault's recovery sheet, the client's safety plan and the de-identified supervision summary.
The only package that imports reportlab."""

from .glyph_report import describe as describe_unprintable
from .glyph_report import unprintable_characters
from .pdf_output import build_pdf, encrypt_pdf, render_pdf
from .recovery_sheet import build_recovery_sheet, render_recovery_sheet
from .safety_plan import build_safety_plan
from .supervision_pdf import build_supervision_pdf

__all__ = [
    "build_pdf",
    "build_recovery_sheet",
    "build_safety_plan",
    "build_supervision_pdf",
    "describe_unprintable",
    "encrypt_pdf",
    "render_pdf",
    "render_recovery_sheet",
    "unprintable_characters",
]
