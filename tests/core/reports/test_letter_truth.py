"""The letter and the clinical summary never say something false (issue 12): no verdict
before the end of the course, none of the acute words for IPT-M, the client's own next step
and name, and the facts a GP or referrer needs."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from ipt_desktop.domain import graduation_wording as wording
from ipt_desktop.domain.enums import PlanAfterEnding, ProblemArea
from ipt_desktop.domain.goals import GoalReview, GoalStatus
from ipt_desktop.domain.graduation import (
    DocumentKind,
    GraduationContent,
    PaperSize,
    default_content,
    preview_warnings,
)
from ipt_desktop.domain.model import Client, ClientRecord, Termination, new_id
from ipt_desktop.domain.risk_records import RiskLevel, RiskReview
from ipt_desktop.domain.timeline import build_timeline
from ipt_desktop.domain.verdict import Verdict
from ipt_desktop.domain.worksheets import Worksheet
from ipt_desktop.reports import render_pdf
from tests.helpers import records
from tests.helpers.pdf_reading import all_text

LETTER_FORBIDDEN = (
    "response",
    "remission",
    "fell short",
    "not enough",
    "no further sessions planned",
)
CLINICAL_VERDICTS = (
    "Non-response",
    "Partial response",
    "Remission reached",
    "Inadequate response",
    "Response without remission",
    "No further sessions planned",
)


def content(record: ClientRecord) -> GraduationContent:
    return default_content(record, records.episode_id(record), records.PRACTICE, records.TODAY)


def text(tmp_path: Path, record: ClientRecord, kind: DocumentKind) -> str:
    out = tmp_path / f"{kind.value}.pdf"
    render_pdf(content(record), kind, PaperSize.A4, out, build_timeline(record, records.TODAY))
    return all_text(out)


def first_sessions(record: ClientRecord, count: int) -> ClientRecord:
    """The same client seen only ``count`` sessions into the latest contract."""
    episode_id = records.episode_id(record)
    kept = [s for s in record.sessions if s.episode_id != episode_id]
    own = sorted((s for s in record.sessions if s.episode_id == episode_id), key=lambda s: s.date)
    return dataclasses.replace(record, sessions=(*kept, *own[:count]))


@pytest.mark.parametrize("held", [2, 8])
def test_mid_course_letter_and_summary_hold_no_verdict(tmp_path: Path, held: int) -> None:
    # The cases: a non-responding pattern at session 2 or 8 of the contract.
    record = first_sessions(records.nonresponder_record(), held)
    found = content(record)
    assert found.verdict is Verdict.IN_PROGRESS and found.responded is None
    letter = text(tmp_path, record, DocumentKind.LETTER).lower()
    for word in LETTER_FORBIDDEN:
        assert word not in letter, word
    remaining = 14 - held
    assert f"we still have {remaining} sessions planned together." in letter
    clinical = text(tmp_path, record, DocumentKind.CLINICAL)
    for words in CLINICAL_VERDICTS:
        assert words not in clinical, words
    assert f"In progress ({remaining} sessions remain)" in clinical
    assert "outcome not yet judged" in clinical


def test_maintenance_mid_contract_letter_never_says_no_further_sessions(tmp_path: Path) -> None:
    # A maintenance letter at session 7 of 12 with an empty termination record.
    record = records.maintenance_record()
    m_episode = record.episodes[1]
    record = dataclasses.replace(
        record,
        episodes=(
            record.episodes[0],
            dataclasses.replace(m_episode, planned_sessions=12, termination=Termination()),
        ),
    )
    record = first_sessions(record, 7)
    found = content(record)
    assert found.verdict is Verdict.STAYING_WELL and found.sessions_remaining == 5
    letter = text(tmp_path, record, DocumentKind.LETTER).lower()
    for word in LETTER_FORBIDDEN:
        assert word not in letter, word
    assert "we still have 5 sessions planned together." in letter
    warnings = " ".join(preview_warnings(found))
    for section in ("What you achieved", "Skills to keep using", "Early warning signs"):
        assert section in warnings


def test_maintenance_recurrence_never_uses_acute_words(tmp_path: Path) -> None:
    record = records.maintenance_record()
    m_episode = dataclasses.replace(record.episodes[1], recurrence_on=dt.date(2024, 12, 1))
    record = dataclasses.replace(record, episodes=(record.episodes[0], m_episode))
    found = content(record)
    assert found.verdict is Verdict.RECURRENCE
    letter = text(tmp_path, record, DocumentKind.LETTER).lower()
    for word in LETTER_FORBIDDEN:
        assert word not in letter, word
    clinical = text(tmp_path, record, DocumentKind.CLINICAL)
    assert "Recurrence" in clinical and "Non-response" not in clinical


def test_a_phq9_8_to_3_course_is_a_response_not_a_remission(tmp_path: Path) -> None:
    record = records.responder_record()
    episode_id = records.episode_id(record)
    own = sorted(record.sessions, key=lambda s: s.date)
    scores = [8, 3]
    record = dataclasses.replace(
        record,
        episodes=(dataclasses.replace(record.episodes[0], planned_sessions=2),),
        sessions=tuple(
            dataclasses.replace(s, phq9=records.phq9_items(total), hamd=None)
            for s, total in zip(own[:2], scores, strict=True)
            if s.episode_id == episode_id
        ),
    )
    found = content(record)
    assert found.verdict is Verdict.RESPONSE
    clinical = text(tmp_path, record, DocumentKind.CLINICAL)
    assert "Response without remission" in clinical and "Remission reached" not in clinical


def test_partial_responder_at_the_end(tmp_path: Path) -> None:
    record = records.nonresponder_record()
    own = sorted(record.sessions, key=lambda s: s.date)
    # 18 -> 12 at the last session: 33% below baseline.
    last = dataclasses.replace(own[-1], phq9=records.phq9_items(12))
    record = dataclasses.replace(record, sessions=(*own[:-1], last))
    found = content(record)
    assert found.verdict is Verdict.PARTIAL_RESPONSE and found.responded is False
    assert "Partial response" in text(tmp_path, record, DocumentKind.CLINICAL)
    # The client hears what did lift: never that the treatment fell short or was not enough.
    letter = text(tmp_path, record, DocumentKind.LETTER)
    assert "lifted part of the way" in letter
    assert "fell short" not in letter and "not enough" not in letter


def test_the_clinical_summary_holds_what_a_gp_needs(tmp_path: Path) -> None:
    record = records.responder_record()
    episode = dataclasses.replace(
        record.episodes[0],
        onset=dt.date(2024, 9, 1),
        recurrent=True,
        medication="Sertraline 100 mg daily",
        prescriber="Dr Field (GP, fictional)",
        referrer="Harbour Lane Surgery (fictional)",
        sessions_missed=2,
        goals=("Back at choir", "Talk with my sister"),
        goal_reviews=(
            GoalReview(
                "Back at choir",
                area=ProblemArea.ROLE_TRANSITION,
                status=GoalStatus.MET,
                evidence="Sings weekly since session 9",
            ),
            GoalReview("Talk with my sister", status=GoalStatus.NOT_MET),
        ),
        earlier_episodes=2,
    )
    record = dataclasses.replace(record, episodes=(episode,))
    clinical = text(tmp_path, record, DocumentKind.CLINICAL)
    assert "Recurrent (2 earlier episodes); onset 1 September 2024, " in clinical
    assert "Back at choir [Role transition]: met \N{EM DASH} Sings weekly since session 9" in (
        clinical
    )
    assert "Talk with my sister: not met" in clinical
    assert "Sertraline 100 mg daily (prescriber: Dr Field (GP, fictional))" in clinical
    assert "Harbour Lane Surgery (fictional)" in clinical
    assert "16 attended, 2 missed, of 16 contracted" in clinical
    # item 9 was positive at session 1 and no review was recorded: open, never "not recorded"
    assert "Risk level at discharge: risk open (not assessed)." in clinical
    assert episode.termination.plan in clinical  # the clinician's plan
    letter = text(tmp_path, record, DocumentKind.LETTER)
    assert episode.termination.plan not in letter
    assert episode.termination.client_next_step in letter
    assert "What you set out to do" not in letter  # only when the therapist chooses
    # Chosen: the goals in plain words; the clinician's evidence and area stay out.
    out = tmp_path / "goals.pdf"
    chosen = dataclasses.replace(content(record), include_goals_in_letter=True)
    render_pdf(chosen, DocumentKind.LETTER, PaperSize.A4, out, build_timeline(record))
    letter = all_text(out)
    assert "What you set out to do" in letter
    assert "Back at choir: you did this" in letter
    assert "Talk with my sister: still to work on" in letter
    assert "Sings weekly" not in letter and "Role transition" not in letter


def test_worksheets_reach_the_clinical_summary_only_when_chosen(tmp_path: Path) -> None:
    record = records.nonresponder_record()
    episode = dataclasses.replace(
        record.episodes[-1],
        worksheets=(
            Worksheet.of(ProblemArea.ROLE_TRANSITION, {"old_lost": "Fictional workshop friends"}),
        ),
    )
    record = dataclasses.replace(record, episodes=(*record.episodes[:-1], episode))
    found = dataclasses.replace(content(record), include_worksheets=False)
    assert found.worksheets == episode.worksheets
    out = tmp_path / "plain.pdf"
    render_pdf(found, DocumentKind.CLINICAL, PaperSize.A4, out, None)
    assert "Fictional workshop friends" not in all_text(out)
    chosen = dataclasses.replace(found, include_worksheets=True)
    render_pdf(chosen, DocumentKind.CLINICAL, PaperSize.A4, out, None)
    text = all_text(out)
    assert "Role transition worksheet" in text
    assert "What was lost: Fictional workshop friends" in text
    render_pdf(chosen, DocumentKind.LETTER, PaperSize.A4, out, None)
    assert "Fictional workshop friends" not in all_text(out)  # never in the client's letter


@pytest.mark.parametrize(
    ("name", "preferred", "greeting"),
    [
        ("Demo – Ada Lindqvist", "", "Ada"),
        ("Demo - Bram de Vries", "", "Bram"),
        ("demo: Timofey Orlov", "", "Timofey"),
        ("Ελένη Παπαδοπούλου", "", "Ελένη"),
        ("Demo – Ada Lindqvist", "Addie", "Addie"),
        ("Demonstration Smith", "", "Demonstration"),  # only a "Demo" label is dropped
    ],
)
def test_preferred_name_default(name: str, preferred: str, greeting: str) -> None:
    client = Client(name=name, preferred_name=preferred)
    assert wording.preferred_name(client) == greeting


def test_the_letter_never_uses_the_clinician_plan_when_no_client_step_is_written() -> None:
    record = records.nonresponder_record()
    episode = record.episodes[0]
    bare = dataclasses.replace(
        episode,
        termination=dataclasses.replace(
            episode.termination, client_next_step="", plan_kind=PlanAfterEnding.REFERRAL
        ),
    )
    found = content(dataclasses.replace(record, episodes=(bare,)))
    assert episode.termination.plan not in found.opening_words
    assert "a referral to another service" in found.opening_words


def test_the_ipt_m_summary_measures_from_the_acute_baseline(tmp_path: Path) -> None:
    record = records.maintenance_record()
    found = content(record)
    assert found.phq9 is not None
    assert (found.phq9.baseline, found.phq9.latest) == (16, 3)  # acute start, IPT-M latest
    clinical = text(tmp_path, record, DocumentKind.CLINICAL)
    assert "Staying well" in clinical and "16 (moderately severe)" in clinical


def _review(record: ClientRecord, on: dt.date, level: RiskLevel) -> RiskReview:
    return RiskReview(
        client_id=record.client.id,
        date=on,
        level=level,
        asked="Asked about thoughts of death and any plans or preparations.",
        found="Passive thoughts on bad days, no plan, no intent, protective family ties.",
        actions="Safety plan written together; crisis numbers given; review next session.",
    )


def test_the_clinical_summary_states_the_risk_level_at_discharge(tmp_path: Path) -> None:
    record = records.responder_record()
    last = max(s.date for s in record.sessions)
    reviewed = dataclasses.replace(record, risk_reviews=(_review(record, last, RiskLevel.LOW),))
    assert "Risk level at discharge: low." in text(tmp_path, reviewed, DocumentKind.CLINICAL)
    clinical = text(tmp_path, record, DocumentKind.CLINICAL)  # item 9 positive, no review
    assert "Risk level at discharge: risk open (not assessed)." in clinical
    later = max(s.date for s in record.sessions) + dt.timedelta(days=7)
    session = dataclasses.replace(record.sessions[-1], id=new_id(), date=later)
    high = dataclasses.replace(
        record,
        sessions=(*record.sessions, session),
        risk_reviews=(_review(record, last, RiskLevel.HIGH),),
    )
    due = text(tmp_path, high, DocumentKind.CLINICAL)  # high, and a session since: due again
    assert "Risk level at discharge: high, risk open (review due again)." in due
