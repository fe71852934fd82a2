"""The client's safety plan as a PDF: bytes for a preview, or a file (logged as an export).

The plan is printed with the practice's letterhead and crisis contacts. Like every PDF it
is plaintext: the caller tells the user so before asking where to save it.
"""

from pathlib import Path

from ipt_desktop.atomic_file import write_atomically
from ipt_desktop.domain.graduation import PaperSize
from ipt_desktop.domain.risk_records import SafetyPlan
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.vault import Vault

from . import clients, practice, practice_memory

NO_PLAN = "this client has no safety plan yet"
DETAIL = "safety_plan pdf"


def safety_plan_pdf(vault: Vault, client_id: str, paper: PaperSize = PaperSize.A4) -> bytes:
    """The PDF as bytes (no audit entry: nothing has left the vault yet)."""
    record = clients.read_record(vault, client_id)
    plan = record.safety_plan
    if plan is None:
        raise LookupError(NO_PLAN)
    return _build(vault, plan, record.client.name, paper)


def _build(vault: Vault, plan: SafetyPlan, name: str, paper: PaperSize) -> bytes:
    from ipt_desktop.reports import build_safety_plan  # reportlab, loaded on first use

    return build_safety_plan(
        plan, name, practice.load_practice(vault), practice.load_crisis_contacts(vault), paper
    )


def export_safety_plan_pdf(
    vault: Vault, client_id: str, out_path: Path, paper: PaperSize = PaperSize.A4
) -> None:
    """Write the plan to ``out_path`` atomically, then log the export (client id only)."""
    data = safety_plan_pdf(vault, client_id, paper)
    write_atomically(Path(out_path), data)
    with practice_memory.tracked(vault):
        vault.record_event(AuditEvent.EXPORT_PDF, client_id, detail=DETAIL)


def record_safety_plan_printed(vault: Vault, client_id: str) -> None:
    with practice_memory.tracked(vault):
        vault.record_event(AuditEvent.EXPORT_PDF, client_id, detail="safety_plan printed")
