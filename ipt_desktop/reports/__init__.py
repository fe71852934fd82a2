"""PDF documents (reportlab): the graduation letter, the clinical termination summary and
the vault's recovery sheet, the client's safety plan. The only package that imports
reportlab."""

from .pdf_output import build_pdf, encrypt_pdf, render_pdf
from .recovery_sheet import build_recovery_sheet, render_recovery_sheet
from .safety_plan import build_safety_plan

__all__ = [
    "build_pdf",
    "build_recovery_sheet",
    "build_safety_plan",
    "encrypt_pdf",
    "render_pdf",
    "render_recovery_sheet",
]
