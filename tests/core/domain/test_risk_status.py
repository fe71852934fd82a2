"""The client-level risk status: sources, reviews, a review due again, the headline."""

import datetime as dt

import pytest

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import Client, ClientRecord, Episode, Session, SessionNote
from ipt_desktop.domain.risk_records import RiskLevel, RiskReview
from ipt_desktop.domain.risk_status import RiskSourceKind, RiskStatus, risk_status

CLIENT = Client(name="Fictional Risk Client")
EPISODE = Episode(client_id=CLIENT.id, start_date=dt.date(2026, 1, 5), planned_sessions=12)
MONDAY = dt.date(2026, 1, 5)
ZERO = (0,) * 9
ITEM9 = (1, 1, 1, 1, 1, 1, 1, 1, 2)
SECRET_NOTE = "Fictional secret words of the session"


def session(week: int, **values: object) -> Session:
    return Session(
        episode_id=EPISODE.id,
        client_id=CLIENT.id,
        date=MONDAY + dt.timedelta(weeks=week),
        note=SessionNote(note=SECRET_NOTE),
        **values,  # type: ignore[arg-type]
    )


def review(week: int, level: RiskLevel = RiskLevel.LOW) -> RiskReview:
    return RiskReview(
        CLIENT.id,
        MONDAY + dt.timedelta(weeks=week),
        level,
        "Asked about thoughts of self-harm",
        "Passive thoughts, no plan, no intent",
        "Safety plan reviewed with the client",
    )


def record(sessions: list[Session], reviews: tuple[RiskReview, ...] = ()) -> ClientRecord:
    return ClientRecord(
        client=CLIENT,
        episodes=(EPISODE,),
        sessions=tuple(sessions),
        risk_reviews=tuple(reviews),
    )


@pytest.mark.parametrize(
    ("sessions", "reviews", "state", "level", "due"),
    [
        # No source, no review.
        ([session(0, phq9=ZERO), session(1, hamd=20, hamd_item3=0)], [], "none", None, False),
        # Item 9 positive, then 0: a later 0 never clears the flag.
        ([session(0, phq9=ITEM9), session(1, phq9=ZERO)], [], "open", None, False),
        (
            [session(0, phq9=ITEM9), session(1, phq9=ZERO), session(2, phq9=ZERO)],
            [],
            "open",
            None,
            False,
        ),
        # HAM-D item 3 (suicide) above 0 is a source; 0 is not.
        ([session(0, hamd=18, hamd_item3=1)], [], "open", None, False),
        ([session(0, hamd=18, hamd_item3=0)], [], "none", None, False),
        # Risk the therapist noted from what the client said.
        ([session(0, risk_noted=True)], [], "open", None, False),
        # A review on the session's own date covers it.
        ([session(0, phq9=ITEM9)], [review(0)], "reviewed", "low", False),
        # A review before the source does not.
        ([session(0, phq9=ZERO), session(1, phq9=ITEM9)], [review(0)], "open", "low", False),
        # A low level needs no new review at the next session...
        ([session(0, phq9=ITEM9), session(1, phq9=ZERO)], [review(0)], "reviewed", "low", False),
        # ...a moderate or high one does, once a session has taken place since.
        ([session(0, phq9=ITEM9)], [review(0, RiskLevel.MODERATE)], "reviewed", "moderate", False),
        (
            [session(0, phq9=ITEM9), session(1, phq9=ZERO)],
            [review(0, RiskLevel.HIGH)],
            "open",
            "high",
            True,
        ),
        # The review at that next session closes it again (the latest review counts).
        (
            [session(0, phq9=ITEM9), session(1, phq9=ZERO)],
            [review(0, RiskLevel.HIGH), review(1, RiskLevel.LOW)],
            "reviewed",
            "low",
            False,
        ),
        # A review with no source on record is still a review.
        ([session(0, phq9=ZERO)], [review(0, RiskLevel.MODERATE)], "reviewed", "moderate", False),
    ],
)
def test_status(sessions, reviews, state, level, due):
    status = risk_status(record(sessions, tuple(reviews)))
    assert status.state is RiskStatus(state)
    assert (None if status.level is None else status.level.value) == level
    assert status.review_due is due
    assert status.is_open is (state == "open")


def test_sources_name_the_session_by_number_and_date_never_by_its_text():
    status = risk_status(
        record([session(0, phq9=ZERO), session(1, phq9=ITEM9, hamd_item3=2, risk_noted=True)])
    )
    (source,) = status.unreviewed
    assert source.number == 2
    assert source.kinds == (
        RiskSourceKind.PHQ9_ITEM9,
        RiskSourceKind.HAMD_ITEM3,
        RiskSourceKind.NOTED,
    )
    assert "session 2 (2026-01-12)" in status.headline
    assert "PHQ-9 item 9" in status.headline
    assert SECRET_NOTE not in status.headline


def test_the_headline_says_a_review_is_due():
    status = risk_status(
        record([session(0, phq9=ITEM9), session(1)], [review(0, RiskLevel.MODERATE)])
    )
    assert status.headline.startswith("Risk review due: level moderate")


@pytest.mark.parametrize("value", [-1, 5, True])
def test_hamd_item3_is_0_to_4(value):
    with pytest.raises(ValidationError) as caught:
        session(0, hamd_item3=value)
    assert caught.value.field == "hamd_item3"
