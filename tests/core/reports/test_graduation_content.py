"""The graduation letter's content model (domain/graduation.py): facts, defaults, wording."""

import dataclasses
import datetime as dt

import pytest

from ipt_desktop.domain import graduation_wording as wording
from ipt_desktop.domain.enums import DisputeStage, EpisodeKind, PlanAfterEnding, ProblemArea
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.graduation import (
    GraduationContent,
    RiskEntry,
    default_content,
    responded_to_treatment,
    select,
)
from ipt_desktop.domain.model import ClientRecord, Session
from ipt_desktop.domain.outcomes import Measure, Outcome
from tests.helpers import records

NOT_YOU = "treatment, not you"


def content_for(record: ClientRecord) -> GraduationContent:
    return default_content(record, records.episode_id(record), records.PRACTICE, records.TODAY)


def test_facts_of_the_episode() -> None:
    content = content_for(records.responder_record())
    assert content.client_name == records.LATIN_NAME
    assert content.episode_start == dt.date(2025, 1, 6)
    assert content.episode_end == dt.date(2025, 1, 6) + dt.timedelta(weeks=15)
    assert (content.sessions_attended, content.planned_sessions) == (16, 16)
    assert content.problem_areas == (ProblemArea.GRIEF,)
    assert content.achievements == records.ACHIEVEMENTS
    assert content.skills == records.SKILLS
    assert content.warning_signs == records.WARNING_SIGNS
    assert content.plan_kind is PlanAfterEnding.BOOSTER_SESSIONS
    assert content.letter_date == records.TODAY
    assert content.practice == records.PRACTICE
    assert content.phq9 is not None and (content.phq9.baseline, content.phq9.latest) == (19, 4)


def test_responder_gets_warm_words_and_the_phq9_chart() -> None:
    content = content_for(records.responder_record())
    assert content.responded is True
    assert content.include_phq9_chart is True
    assert "changed for the better" in content.opening_words
    assert NOT_YOU not in content.opening_words
    assert content.salutation == "Dear Zoë,"  # the first name by default


def test_nonresponder_wording_blames_the_treatment_and_names_the_next_step() -> None:
    record = records.nonresponder_record()
    content = content_for(record)
    episode = record.episodes[0]
    assert content.responded is False
    assert NOT_YOU in content.opening_words
    assert (
        "The next step we agreed on: a referral to your GP for a medication review, and to the "
        "community mental health team." in content.opening_words
    )
    assert content.next_step == episode.termination.client_next_step
    assert episode.termination.plan not in content.opening_words  # the clinician's words
    assert "changed for the better" not in content.opening_words
    # A flat PHQ-9 line is not shown to the client unless the therapist chooses it.
    assert content.include_phq9_chart is False
    assert "Inadequate response" in content.recommendations


def test_nonresponder_without_plan_text_names_the_plan_kind() -> None:
    record = records.nonresponder_record()
    episode = record.episodes[0]
    bare = dataclasses.replace(
        episode,
        termination=dataclasses.replace(
            episode.termination,
            client_next_step="",
            plan_kind=PlanAfterEnding.ALTERNATIVE_TREATMENT,
        ),
    )
    content = content_for(dataclasses.replace(record, episodes=(bare,)))
    assert "try a different treatment" in content.opening_words
    assert NOT_YOU in content.opening_words


def test_maintenance_letter_speaks_of_keeping_gains() -> None:
    content = content_for(records.maintenance_record())
    assert content.episode_kind is EpisodeKind.MAINTENANCE
    assert content.sessions_attended == 8
    assert "maintenance sessions" in content.opening_words
    assert "held on to the gains" in content.opening_words
    assert "maintenance IPT" in content.recommendations


@pytest.mark.parametrize(
    ("area", "stage", "expected"),
    [
        (ProblemArea.GRIEF, None, "Coming to terms with the death of someone"),
        (ProblemArea.ROLE_DISPUTE, None, "Working through a disagreement"),
        (ProblemArea.ROLE_DISPUTE, DisputeStage.RENEGOTIATION, "Working through a disagreement"),
        (ProblemArea.ROLE_DISPUTE, DisputeStage.IMPASSE, "stuck disagreement"),
        (ProblemArea.ROLE_DISPUTE, DisputeStage.DISSOLUTION, "ending of an important relationship"),
        (ProblemArea.ROLE_TRANSITION, None, "Adjusting to a big change"),
        (ProblemArea.INTERPERSONAL_DEFICITS, None, "Feeling less alone"),
    ],
)
def test_plain_words_per_problem_area(
    area: ProblemArea, stage: DisputeStage | None, expected: str
) -> None:
    words = wording.focus_words(area, stage)
    assert expected in words
    # No manual jargon reaches the client.
    for jargon in ("IPT", "dispute", "deficit", "role transition", "impasse"):
        assert jargon.lower() not in words.lower()


def test_focus_follows_the_formulation() -> None:
    content = content_for(records.maintenance_record())
    assert content.problem_areas == (
        ProblemArea.ROLE_TRANSITION,
        ProblemArea.INTERPERSONAL_DEFICITS,
    )
    assert content.focus == (
        wording.focus_words(ProblemArea.ROLE_TRANSITION),
        wording.focus_words(ProblemArea.INTERPERSONAL_DEFICITS),
    )


def test_risk_history_lists_item9_sessions_and_documentation() -> None:
    content = content_for(records.nonresponder_record())
    start = dt.date(2025, 1, 13)
    assert content.risk_history == (
        RiskEntry(start + dt.timedelta(weeks=2), 3, True),
        RiskEntry(start + dt.timedelta(weeks=6), 7, False),
    )


def test_select_keeps_only_the_chosen_items_in_the_chosen_order() -> None:
    content = content_for(records.responder_record())
    chosen = select(
        content,
        achievements=[records.ACHIEVEMENTS[2], records.ACHIEVEMENTS[0]],
        signs=[records.WARNING_SIGNS[1]],
    )
    assert chosen.achievements == (records.ACHIEVEMENTS[2], records.ACHIEVEMENTS[0])
    assert chosen.warning_signs == (records.WARNING_SIGNS[1],)
    assert chosen.skills == content.skills  # None keeps the list


def test_unknown_episode_is_refused() -> None:
    record = records.responder_record()
    with pytest.raises(ValidationError) as raised:
        default_content(record, record.client.id, records.PRACTICE, records.TODAY)
    assert raised.value.field == "episode_id"


def test_episode_without_sessions_ends_today_and_responded_is_unknown() -> None:
    record = records.responder_record()
    content = content_for(dataclasses.replace(record, sessions=()))
    assert content.sessions_attended == 0
    assert content.episode_end == records.TODAY
    assert content.responded is None
    assert NOT_YOU not in content.opening_words


def _outcome(measure: Measure, baseline: int, latest: int, count: int = 2) -> Outcome:
    day = dt.date(2025, 1, 1)
    return Outcome(measure, baseline, latest, day, day, latest - baseline, None,
                   latest <= baseline / 2 and baseline > 0, baseline >= 10 and latest < 5,
                   False, count)  # fmt: skip


@pytest.mark.parametrize(
    ("phq9", "hamd", "expected"),
    [
        (None, None, None),
        (_outcome(Measure.PHQ9, 18, 8), None, True),  # response
        (_outcome(Measure.PHQ9, 6, 4), None, False),  # baseline 6: no remission, no 50%
        (_outcome(Measure.PHQ9, 12, 4), None, True),  # remission from a clinical baseline
        (_outcome(Measure.PHQ9, 18, 15), None, False),
        (_outcome(Measure.PHQ9, 18, 18, count=1), None, None),  # baseline only
        (None, _outcome(Measure.HAMD, 20, 16), False),  # HAM-D when no PHQ-9
        (_outcome(Measure.PHQ9, 18, 15), _outcome(Measure.HAMD, 20, 6), False),  # PHQ-9 first
    ],
)
def test_responded_to_treatment(
    phq9: Outcome | None, hamd: Outcome | None, expected: bool | None
) -> None:
    assert responded_to_treatment(phq9, hamd) is expected


def test_content_validates_itself() -> None:
    content = content_for(records.responder_record())
    with pytest.raises(ValidationError):
        dataclasses.replace(content, client_name="  ")
    with pytest.raises(ValidationError):
        dataclasses.replace(content, achievements=("fine", 3))  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        dataclasses.replace(content, opening_words="nul \x00 byte")


def test_session_dates_drive_the_episode_end() -> None:
    record = records.responder_record()
    extra = Session(
        episode_id=records.episode_id(record),
        client_id=record.client.id,
        date=dt.date(2025, 4, 28),
    )
    content = content_for(dataclasses.replace(record, sessions=(*record.sessions, extra)))
    assert content.episode_end == dt.date(2025, 4, 28)
    assert content.sessions_attended == 17


def test_one_character_is_not_a_documented_risk_assessment() -> None:
    record = records.nonresponder_record()
    first = next(s for s in record.sessions if s.note.risk_assessment.strip())
    short = dataclasses.replace(first, note=dataclasses.replace(first.note, risk_assessment="x"))
    sessions = tuple(short if s.id == first.id else s for s in record.sessions)
    content = content_for(dataclasses.replace(record, sessions=sessions))
    assert [entry.assessment_documented for entry in content.risk_history] == [False, False]
