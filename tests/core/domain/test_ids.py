"""Record ids: every record type makes and checks them by the one rule in ``domain.ids``."""

import datetime as dt
import uuid
from collections.abc import Callable

import pytest

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.ids import check_id, new_id
from ipt_desktop.domain.model import Client, Session
from ipt_desktop.domain.risk_records import DecisionAction, RiskDecision, SafetyPlan

CLIENT_ID = "0d6e2f0c-3f3c-4c53-9d6b-6b0f2f6c1a11"
DAY = dt.date(2026, 2, 2)
REASON = "Discussed with supervisor; the client is safe and supported"


def test_new_ids_are_distinct_uuid4_strings() -> None:
    made = {new_id() for _ in range(50)}
    assert len(made) == 50
    assert all(uuid.UUID(value).version == 4 for value in made)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "must be an id"),
        (42, "must be an id"),
        ("", "is not a valid id"),
        ("abc", "is not a valid id"),
    ],
)
def test_check_id_refuses_what_is_not_a_uuid_string(value: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        check_id("client_id", value)


def test_check_id_accepts_a_uuid_string() -> None:
    check_id("client_id", CLIENT_ID)


@pytest.mark.parametrize(
    "make",
    [
        lambda bad: Client("Test Person", id=bad),
        lambda bad: Session(episode_id=CLIENT_ID, client_id=bad, date=DAY),
        lambda bad: SafetyPlan(client_id=bad, updated_on=DAY),
        lambda bad: RiskDecision(bad, DAY, DecisionAction.END_CLIENT, REASON),
    ],
    ids=["client", "session", "safety-plan", "risk-decision"],
)
def test_model_and_risk_records_refuse_a_bad_id_alike(make: Callable[[str], object]) -> None:
    with pytest.raises(ValidationError, match="is not a valid id"):
        make("not-an-id")


def test_model_and_risk_records_make_valid_ids_by_default() -> None:
    for record in (Client("Test Person"), SafetyPlan(client_id=CLIENT_ID, updated_on=DAY)):
        check_id("id", record.id)
