"""Risk records and crisis contacts <-> JSON (internal to the services; see codec.py).

Risk reviews, the safety plan and risk decisions share the ``risk_records`` table; the
sealed payload says which one it is in its "record" field. The interchange format nests
the same shapes (docs/interchange-format.md).
"""

from typing import Any

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import ClientRecord
from ipt_desktop.domain.risk_records import (
    SAFETY_PLAN_PARTS,
    CrisisContacts,
    DecisionAction,
    RiskDecision,
    RiskLevel,
    RiskReview,
    SafetyPlan,
)

from .json_fields import JsonObject

JsonDict = dict[str, Any]
RiskItem = RiskReview | SafetyPlan | RiskDecision


RISK_REVIEW, SAFETY_PLAN, RISK_DECISION = "risk_review", "safety_plan", "risk_decision"
CRISIS_FIELDS = ("out_of_hours", "emergency", "other")


def risk_review_json(review: RiskReview) -> JsonDict:
    return {
        "date": review.date.isoformat(),
        "level": review.level.value,
        "asked": review.asked,
        "found": review.found,
        "actions": review.actions,
    }


def read_risk_review(obj: JsonObject, *, review_id: str, client_id: str) -> RiskReview:
    level = obj.optional_choice("level", RiskLevel)
    if level is None:
        raise ValidationError(obj.at("level"), "is missing (low, moderate or high)")
    return obj.build(
        RiskReview,
        {},
        date=obj.date("date"),
        level=level,
        asked=obj.text("asked"),
        found=obj.text("found"),
        actions=obj.text("actions"),
        id=review_id,
        client_id=client_id,
    )


def safety_plan_json(plan: SafetyPlan) -> JsonDict:
    return {
        "updated_on": plan.updated_on.isoformat(),
        **{name: list(getattr(plan, name)) for name, _heading in SAFETY_PLAN_PARTS},
    }


def read_safety_plan(obj: JsonObject, *, plan_id: str, client_id: str) -> SafetyPlan:
    return obj.build(
        SafetyPlan,
        {},
        updated_on=obj.date("updated_on"),
        **{name: obj.texts(name) for name, _heading in SAFETY_PLAN_PARTS},
        id=plan_id,
        client_id=client_id,
    )


def risk_decision_json(decision: RiskDecision) -> JsonDict:
    return {
        "date": decision.date.isoformat(),
        "action": decision.action.value,
        "reason": decision.reason,
    }


def read_risk_decision(obj: JsonObject, *, decision_id: str, client_id: str) -> RiskDecision:
    action = obj.optional_choice("action", DecisionAction)
    if action is None:
        raise ValidationError(obj.at("action"), "is missing")
    return obj.build(
        RiskDecision,
        {},
        date=obj.date("date"),
        action=action,
        reason=obj.text("reason"),
        id=decision_id,
        client_id=client_id,
    )


def crisis_contacts_json(contacts: CrisisContacts) -> JsonDict:
    return {name: getattr(contacts, name) for name in CRISIS_FIELDS}


def read_crisis_contacts(obj: JsonObject) -> CrisisContacts:
    contacts = obj.build(
        CrisisContacts, {}, **{name: obj.text(name, max_chars=2000) for name in CRISIS_FIELDS}
    )
    obj.finish()
    return contacts


def read_risk_item(obj: JsonObject, row_id: str, client_id: str) -> RiskItem:
    """One row of ``risk_records`` from its unsealed payload."""
    kind = obj.text("record", max_chars=50)
    if kind == RISK_REVIEW:
        return read_risk_review(obj, review_id=row_id, client_id=client_id)
    if kind == SAFETY_PLAN:
        return read_safety_plan(obj, plan_id=row_id, client_id=client_id)
    if kind == RISK_DECISION:
        return read_risk_decision(obj, decision_id=row_id, client_id=client_id)
    raise ValidationError("record", "is not a kind of risk record")


def risk_payload(item: RiskItem) -> JsonDict:
    """The sealed payload of one risk record, with the kind it is."""
    if isinstance(item, RiskReview):
        return {"record": RISK_REVIEW, **risk_review_json(item)}
    if isinstance(item, SafetyPlan):
        return {"record": SAFETY_PLAN, **safety_plan_json(item)}
    return {"record": RISK_DECISION, **risk_decision_json(item)}


def risk_items_of(record: ClientRecord) -> list[RiskItem]:
    items: list[RiskItem] = [*record.risk_reviews, *record.risk_decisions]
    if record.safety_plan is not None:
        items.append(record.safety_plan)
    return items
