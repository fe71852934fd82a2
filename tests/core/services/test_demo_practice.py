"""The demo practice shows what issue 3 promises; each claim is computed with the domain rules."""

import datetime as dt
import itertools
import unicodedata

import pytest

from ipt_desktop.demo.practice import build_demo_records, fill_demo
from ipt_desktop.domain.contract import session_numbers
from ipt_desktop.domain.enums import EpisodeKind, Phase, PlanAfterEnding, ProblemArea
from ipt_desktop.domain.measures import item9_positive
from ipt_desktop.domain.model import ClientRecord, PracticeDetails
from ipt_desktop.domain.phases import effective_phase
from ipt_desktop.domain.risk import risk_assessment_documented, risk_assessment_missing
from ipt_desktop.domain.summary import summarize
from ipt_desktop.domain.verdict import Verdict, current_verdict, judge_episode
from ipt_desktop.services import clients, practice
from ipt_desktop.services.vault_verify import verify_vault
from tests.helpers.samples import without_ids

TODAY = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def demo() -> list[ClientRecord]:
    return build_demo_records(TODAY)


def phases_of(record: ClientRecord) -> list[Phase]:
    numbers = session_numbers(record.sessions)
    by_id = {e.id: e for e in record.episodes}
    return [effective_phase(s, by_id[s.episode_id], numbers[s.id]) for s in record.sessions]


def scripts(name: str) -> set[str]:
    return {unicodedata.name(ch).split()[0] for ch in name if ch.isalpha()}


def test_six_clearly_fictional_clients_in_several_scripts(demo):
    assert len(demo) >= 6
    assert all(r.client.name.startswith("Demo – ") for r in demo)
    assert any(scripts(r.client.name) & {"GREEK", "CYRILLIC"} for r in demo)
    assert any(
        any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in r.client.name) for r in demo
    )


def test_every_phase_and_every_problem_area_appears(demo):
    assert {p for r in demo for p in phases_of(r)} == set(Phase)
    areas = {a for r in demo for e in r.episodes for a in e.formulation.problem_areas}
    assert areas == set(ProblemArea)
    assert any(len(e.formulation.problem_areas) == 2 for r in demo for e in r.episodes)


def test_a_finished_acute_course_is_followed_by_monthly_maintenance(demo):
    found = False
    for record in demo:
        acute = [e for e in record.episodes if e.kind is EpisodeKind.ACUTE]
        upkeep = [e for e in record.episodes if e.kind is EpisodeKind.MAINTENANCE]
        if not (acute and upkeep):
            continue
        finished = len(record.sessions_of(acute[0].id)) >= acute[0].planned_sessions
        kept = record.sessions_of(upkeep[0].id)
        gaps = [(b.date - a.date).days for a, b in itertools.pairwise(kept)]
        after = upkeep[0].start_date > record.sessions_of(acute[0].id)[-1].date
        phases = set(phases_of(record)[-len(kept) :])
        if finished and after and len(kept) >= 3 and all(25 <= g <= 35 for g in gaps):
            found = phases == {Phase.MAINTENANCE}
    assert found


def test_item_9_positive_once_assessed_and_signed_once_recent_and_flagged(demo):
    positives = [s for r in demo for s in r.sessions if item9_positive(s.phq9)]
    assert any(s.is_signed and risk_assessment_documented(s) for s in positives)
    recent = [
        s
        for s in positives
        if not s.is_signed and risk_assessment_missing(s) and (TODAY - s.date).days <= 14
    ]
    assert recent
    flagged = {r.client.id for r in demo if summarize(r).risk_flag}
    assert {s.client_id for s in recent} <= flagged


def test_the_mix_issue_12_asks_for(demo):
    """A responder at the end, a partial responder, a mid-course client, an IPT-M client
    and a client with PHQ-9 item 9 positive at intake; plus a remission (Ada's acute)."""
    verdicts = [current_verdict(r) for r in demo]
    assert Verdict.RESPONSE in verdicts
    assert Verdict.PARTIAL_RESPONSE in verdicts
    assert Verdict.IN_PROGRESS in verdicts
    assert Verdict.STAYING_WELL in verdicts
    acute_verdicts = [judge_episode(r, e.id).verdict for r in demo for e in r.episodes]
    assert Verdict.REMISSION in acute_verdicts
    intake = [sorted(r.sessions, key=lambda s: s.date)[0] for r in demo]
    assert any(item9_positive(s.phq9) for s in intake)


def test_notes_follow_the_ipt_session_shape(demo):
    sessions = [s for r in demo for s in r.sessions]
    for session in sessions:
        note = session.note
        assert note.problem_area_work and note.plan
        assert session.phq9 is not None and session.mood is not None
    # A text is never repeated to fill a field: a few fields stay empty instead.
    assert sum(bool(s.note.since_last_met) for s in sessions) >= 0.95 * len(sessions)
    assert sum(bool(s.note.recent_events) for s in sessions) >= 0.95 * len(sessions)
    assert sum(bool(s.note.homework) for s in sessions) >= 0.75 * len(sessions)
    role_plays = [s for r in demo for s in r.sessions if s.note.role_play]
    assert role_plays


def test_inventories_life_events_formulations_goals_and_terminations(demo):
    for record in demo:
        assert 4 <= len(record.inventory) <= 8
        assert any(p.support for p in record.inventory)
        assert any(p.conflict for p in record.inventory)
        first = record.sessions[0].date
        assert any(e.date < first for e in record.life_events)
        assert all(e.date <= TODAY for e in record.life_events)
    assert {p.closeness for r in demo for p in r.inventory} == {1, 2, 3}
    accepted = [(r, e) for r in demo for e in r.episodes if e.formulation.accepted_on]
    assert len(accepted) >= 4
    for record, episode in accepted:
        assert episode.goals and episode.formulation.text
        phases = [
            p
            for s, p in zip(record.sessions, phases_of(record), strict=True)
            if s.episode_id == episode.id and p is not Phase.TERMINATION
        ]
        dates = [s.date for s in record.sessions_of(episode.id)][: len(phases)]
        for day, phase in zip(dates, phases, strict=True):
            assert (phase is Phase.MIDDLE) == (day >= episode.formulation.accepted_on)
    complete = [
        e.termination
        for r in demo
        for e in r.episodes
        if all(
            (
                e.termination.achievements,
                e.termination.relapse_prevention_skills,
                e.termination.warning_signs,
                e.termination.what_to_do,
                e.termination.plan,
            )
        )
        and e.termination.plan_kind is not PlanAfterEnding.NONE
    ]
    assert len(complete) >= 2


def test_dates_are_recent_and_deterministic_given_the_day(demo):
    latest = max(s.date for r in demo for s in r.sessions)
    assert latest <= TODAY and (TODAY - latest).days <= 7
    assert [without_ids(r) for r in build_demo_records(TODAY)] == [without_ids(r) for r in demo]
    later = build_demo_records(TODAY + dt.timedelta(days=100))
    shift = [
        (a.sessions[0].date - b.sessions[0].date).days for a, b in zip(later, demo, strict=True)
    ]
    assert shift == [100] * len(demo)
    signed = [s for r in demo for s in r.sessions if s.is_signed]
    assert all(s.signed_at is not None and s.signed_at.date() == s.date for s in signed)
    assert any(not s.is_signed for r in demo for s in r.sessions)


def test_fill_demo_writes_a_vault_that_verifies(tmp_path, make_vault):
    vault, _ = make_vault(tmp_path / "demo")
    ids = fill_demo(vault, TODAY)
    summaries = clients.list_summaries(vault)
    assert [s.client_id for s in summaries] == ids
    assert [summarize(clients.read_record(vault, i)) for i in ids] == summaries
    assert [without_ids(clients.read_record(vault, i)) for i in ids] == [
        without_ids(r) for r in build_demo_records(TODAY)
    ]
    assert sum(s.risk_flag for s in summaries) >= 1
    assert any(not s.active for s in summaries)
    assert practice.load_practice(vault) != PracticeDetails()
    report = verify_vault(vault)
    assert report.ok and report.records_checked > 100
