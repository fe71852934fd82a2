"""The risk layer's use cases: status, reviews, the safety plan, decisions despite open risk.

- ``risk_status`` / ``risk_status_key``: the client-level status (``domain.risk_status``);
  the key ("none", "open", "reviewed") is what the client list and ``list --json`` show.
- ``save_risk_review`` / ``save_safety_plan``: sealed under the client's key in
  ``risk_records``, with the client's summary refreshed in the same transaction.
- ``end_client``: ending a client while risk is open needs ``open_risk_reason``; the
  decision is sealed beside the record and the audit log gets ``RISK_DECISION`` with the
  action only, never the reason.
- ``require_decision`` is the same guard for the graduation letter (``summary_export``).
"""

import datetime as dt
from dataclasses import replace

from sqlalchemy.orm import Session as DbSession

from ipt_desktop.domain.model import Client, ClientRecord
from ipt_desktop.domain.risk_records import DecisionAction, RiskDecision, RiskReview, SafetyPlan
from ipt_desktop.domain.risk_status import ClientRisk
from ipt_desktop.domain.risk_status import risk_status as status_of
from ipt_desktop.store.tables import RiskRecordRow
from ipt_desktop.vault import codec as record_codec
from ipt_desktop.vault import risk_codec
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.vault import Vault

from . import clients, practice_memory


class OpenRiskError(Exception):
    """An action needs the therapist's recorded decision: risk is open. The message names
    the sessions by number and date, never by what they say."""

    def __init__(self, action: DecisionAction, status: ClientRisk) -> None:
        self.action = action
        self.status = status
        super().__init__(
            f"Cannot {action.label} while risk is open without a recorded decision. "
            f"{status.headline}."
        )


def risk_status(record: ClientRecord) -> ClientRisk:
    return status_of(record)


def risk_status_key(record: ClientRecord) -> str:
    """ "none", "open" or "reviewed" (the ``list`` command's ``risk`` key)."""
    return status_of(record).state.value


def client_risk_status(vault: Vault, client_id: str) -> ClientRisk:
    return status_of(clients.read_record(vault, client_id))


def save_risk_review(vault: Vault, review: RiskReview) -> None:
    practice_memory.save_child(
        vault, RiskRecordRow, review.client_id, review.id, risk_codec.risk_payload(review)
    )


def save_safety_plan(vault: Vault, plan: SafetyPlan) -> SafetyPlan:
    """Store the client's one safety plan (replacing the one stored, whatever its id)."""
    current = clients.read_record(vault, plan.client_id).safety_plan
    if current is not None and current.id != plan.id:
        plan = replace(plan, id=current.id)
    practice_memory.save_child(
        vault, RiskRecordRow, plan.client_id, plan.id, risk_codec.risk_payload(plan)
    )
    return plan


def _decision(
    client_id: str, action: DecisionAction, reason: str, today: dt.date | None
) -> RiskDecision:
    # Built (and so validated: a real reason) before anything is written.
    return RiskDecision(client_id, today or dt.date.today(), action, reason)


def _put_decision(vault: Vault, db: DbSession, decision: RiskDecision) -> None:
    client_rows.put_child(
        vault,
        db,
        RiskRecordRow,
        decision.client_id,
        decision.id,
        risk_codec.risk_payload(decision),
    )


def require_decision(
    vault: Vault,
    client_id: str,
    action: DecisionAction,
    reason: str | None,
    today: dt.date | None = None,
) -> RiskDecision | None:
    """Raise OpenRiskError when risk is open and no reason is given; with a reason, record
    the decision (sealed) and the audit entry. Nothing is recorded when risk is not open."""
    status = client_risk_status(vault, client_id)
    if not status.is_open:
        return None
    if reason is None:
        raise OpenRiskError(action, status)
    decision = _decision(client_id, action, reason, today)
    with (
        practice_memory.tracked(vault) as changes,
        vault.transaction(
            AuditEvent.RISK_DECISION, client_id, decision.id, detail=action.value
        ) as db,
    ):
        changes.dropped_record(client_id)
        _put_decision(vault, db, decision)
        client_rows.refresh_summary(vault, db, client_id)
    return decision


def end_client(
    vault: Vault,
    client: Client,
    ended_on: dt.date,
    open_risk_reason: str | None = None,
    today: dt.date | None = None,
) -> Client:
    """Mark ``client`` as ended on ``ended_on``. With open risk: OpenRiskError unless a
    reason is given, which is recorded with the ending in one transaction."""
    ended = replace(client, ended_on=ended_on)
    status = client_risk_status(vault, client.id)
    if not status.is_open:
        clients.update_client(vault, ended)
        return ended
    if open_risk_reason is None:
        raise OpenRiskError(DecisionAction.END_CLIENT, status)
    decision = _decision(client.id, DecisionAction.END_CLIENT, open_risk_reason, today)
    with (
        practice_memory.tracked(vault) as changes,
        vault.transaction(
            AuditEvent.RISK_DECISION,
            client.id,
            decision.id,
            detail=DecisionAction.END_CLIENT.value,
        ) as db,
    ):
        changes.dropped_record(client.id)
        changes.row(client.id, "clients", client.id, record_codec.client_json(ended))
        _put_decision(vault, db, decision)
        # Sealed at the row's next version (the manifest and the AAD bind it).
        client_rows.write_client_payload(vault, db, ended)
        client_rows.refresh_summary(vault, db, client.id)
    return ended
