"""Before the client's letter leaves the app: open risk needs the therapist's decision.

``letter_reason`` returns (go ahead?, reason): (True, None) when the document holds no
letter or risk is not open; (True, reason) once the therapist gave one in the dialog;
(False, None) when they cancelled. The service records the decision (sealed) and audits it.
"""

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ipt_desktop.domain.graduation import DocumentKind
from ipt_desktop.domain.risk_records import DecisionAction
from ipt_desktop.domain.risk_status import ClientRisk
from ipt_desktop.services import risk
from ipt_desktop.vault.errors import VaultError
from ipt_desktop.vault.vault import Vault
from ui.common import risk_decision_dialog

#: Tests replace this (no dialog may block).
ask_reason: Callable[[QWidget, DecisionAction, ClientRisk], str | None] = (
    risk_decision_dialog.ask_reason
)


def letter_reason(
    parent: QWidget, vault: Vault, client_id: str, kind: DocumentKind
) -> tuple[bool, str | None]:
    if DocumentKind(kind) is DocumentKind.CLINICAL:
        return True, None
    try:
        status = risk.client_risk_status(vault, client_id)
    except (VaultError, LookupError):
        # Locked or gone meanwhile: the export itself fails and says so (and the service
        # refuses a letter with open risk and no reason in any case).
        return True, None
    if not status.is_open:
        return True, None
    reason = ask_reason(parent, DecisionAction.GRADUATION_LETTER, status)
    return reason is not None, reason


def record_print_decision(vault: Vault, client_id: str, reason: str | None) -> None:
    """For printing (which bypasses the PDF export): record the decision when one was given."""
    if reason is not None:
        risk.require_decision(vault, client_id, DecisionAction.GRADUATION_LETTER, reason)
