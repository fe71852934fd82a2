"""Risk reviews need real content; a decision needs a real reason; the safety plan's parts."""

import datetime as dt

import pytest

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.risk_records import (
    SAFETY_PLAN_PARTS,
    CrisisContacts,
    DecisionAction,
    RiskDecision,
    RiskLevel,
    RiskReview,
    SafetyPlan,
)

CLIENT_ID = "0d6e2f0c-3f3c-4c53-9d6b-6b0f2f6c1a11"
DAY = dt.date(2026, 3, 2)
GOOD = {
    "asked": "Asked about thoughts of self-harm",
    "found": "Passive thoughts, no plan or intent",
    "actions": "Safety plan agreed and crisis numbers given",
}


def make_review(**texts: str) -> RiskReview:
    return RiskReview(CLIENT_ID, DAY, RiskLevel.MODERATE, **{**GOOD, **texts})


def test_a_review_with_real_content_is_accepted():
    assert make_review().level is RiskLevel.MODERATE


@pytest.mark.parametrize("part", ["asked", "found", "actions"])
@pytest.mark.parametrize("text", ["x", ".", "   ", "ok fine", "x " * 2, "a b c"])
def test_one_character_or_a_word_is_not_an_assessment(part, text):
    with pytest.raises(ValidationError) as caught:
        make_review(**{part: text})
    assert caught.value.field == part
    assert "at least a short sentence" in caught.value.message


def test_the_minimum_is_three_words_and_fifteen_characters():
    make_review(asked="Asked about plans")  # 3 words, 17 characters
    with pytest.raises(ValidationError):
        make_review(asked="Asked re plan")  # 3 words, 13 characters
    with pytest.raises(ValidationError):
        make_review(asked="Asked-about-suicidal-plans")  # 1 word


def test_the_level_is_one_of_three():
    with pytest.raises(ValidationError) as caught:
        RiskReview(CLIENT_ID, DAY, "medium", **GOOD)  # type: ignore[arg-type]
    assert caught.value.field == "level"


def test_a_decision_needs_a_real_reason():
    RiskDecision(CLIENT_ID, DAY, DecisionAction.END_CLIENT, "Client moved abroad, GP informed")
    with pytest.raises(ValidationError) as caught:
        RiskDecision(CLIENT_ID, DAY, DecisionAction.END_CLIENT, "x")
    assert caught.value.field == "reason"


def test_the_safety_plan_has_the_six_usual_parts():
    assert [name for name, _ in SAFETY_PLAN_PARTS] == [
        "warning_signs",
        "coping_steps",
        "distractions",
        "help_contacts",
        "professionals",
        "safe_surroundings",
    ]
    plan = SafetyPlan(CLIENT_ID, DAY, coping_steps=["Walk"])
    assert plan.coping_steps == ("Walk",)
    assert not plan.is_empty
    assert SafetyPlan(CLIENT_ID, DAY).is_empty


def test_crisis_contacts_print_only_what_is_given():
    contacts = CrisisContacts(out_of_hours=" 0800 111 222 ", emergency="112")
    assert contacts.lines() == (("Emergency", "112"), ("Out of hours", "0800 111 222"))
    assert CrisisContacts(other="  ").is_empty
