"""PDF documents (reportlab): the graduation letter, the clinical termination summary and
the vault's recovery sheet. The only package that imports reportlab."""

from .pdf_output import build_pdf, encrypt_pdf, render_pdf
from .recovery_sheet import build_recovery_sheet, render_recovery_sheet

__all__ = [
    "build_pdf",
    "build_recovery_sheet",
    "encrypt_pdf",
    "render_pdf",
    "render_recovery_sheet",
]
