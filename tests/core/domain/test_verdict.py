"""Judging the outcome (IPT.md): verdicts only at the end of an adequate course, the
response bands at every boundary, remission only from a clinical baseline, one primary
measure, and IPT-M judged as staying well or recurrence against the acute baseline."""

import dataclasses
import datetime as dt

import pytest

from ipt_desktop.domain.enums import EpisodeKind
from ipt_desktop.domain.model import Client, ClientRecord, Episode, Session
from ipt_desktop.domain.outcomes import Measure
from ipt_desktop.domain.verdict import (
    Verdict,
    acute_band,
    current_verdict,
    judge_episode,
    recurrence_in,
)

START = dt.date(2026, 1, 5)


def items(total: int) -> tuple[int, ...]:
    out, left = [], total
    for _ in range(8):
        out.append(min(3, left))
        left -= out[-1]
    return (*out, 0) if left == 0 else (*out, left)


def record(
    phq9: list[int | None],
    *,
    planned: int = 12,
    hamd: list[int | None] | None = None,
    ended: bool = False,
    kind: EpisodeKind = EpisodeKind.ACUTE,
) -> ClientRecord:
    client = Client(name="Test Client", ended_on=START + dt.timedelta(days=200) if ended else None)
    episode = Episode(client_id=client.id, start_date=START, planned_sessions=planned, kind=kind)
    hamd = hamd if hamd is not None else [None] * len(phq9)
    sessions = tuple(
        Session(
            episode_id=episode.id,
            client_id=client.id,
            date=START + dt.timedelta(weeks=week),
            phq9=None if p is None else items(p),
            hamd=h,
        )
        for week, (p, h) in enumerate(zip(phq9, hamd, strict=True))
    )
    return ClientRecord(client=client, episodes=(episode,), sessions=sessions)


def verdict(rec: ClientRecord) -> Verdict:
    return judge_episode(rec, rec.episodes[0].id).verdict


@pytest.mark.parametrize(
    ("baseline", "latest", "expected"),
    [
        (100, 76, Verdict.NON_RESPONSE),  # 24% below baseline
        (100, 75, Verdict.PARTIAL_RESPONSE),  # 25%
        (100, 51, Verdict.PARTIAL_RESPONSE),  # 49%
        (100, 50, Verdict.RESPONSE),  # 50%
        (20, 15, Verdict.PARTIAL_RESPONSE),  # exactly 25% on a PHQ-9 scale
        (20, 16, Verdict.NON_RESPONSE),  # 20%
        (20, 11, Verdict.PARTIAL_RESPONSE),  # 45%
        (20, 10, Verdict.RESPONSE),  # exactly 50%
        (9, 5, Verdict.PARTIAL_RESPONSE),  # 44%: 4.5 would be 50%
        (10, 12, Verdict.NON_RESPONSE),  # worse
        (0, 0, Verdict.NON_RESPONSE),  # nothing to improve from
    ],
)
def test_acute_band_boundaries(baseline: int, latest: int, expected: Verdict) -> None:
    assert acute_band(baseline, latest) is expected


@pytest.mark.parametrize(
    ("baseline", "latest", "expected"),
    [
        (10, 4, Verdict.REMISSION),  # clinical baseline, below 5
        (9, 4, Verdict.RESPONSE),  # baseline 9 is not clinical: improved, not remitted
        (10, 5, Verdict.RESPONSE),  # 5 is not below 5 (no remission) but exactly 50% below
        (8, 3, Verdict.RESPONSE),  # the case: 8 -> 3 is a response, not remission
        (6, 4, Verdict.PARTIAL_RESPONSE),  # a wrong old test called this remission
        (18, 12, Verdict.PARTIAL_RESPONSE),
        (18, 14, Verdict.NON_RESPONSE),
    ],
)
def test_phq9_verdict_at_end_of_course(baseline: int, latest: int, expected: Verdict) -> None:
    assert verdict(record([baseline, latest], planned=2)) is expected


@pytest.mark.parametrize(
    ("baseline", "latest", "expected"),
    [
        (8, 7, Verdict.REMISSION),  # HAM-D baseline 8 is clinical; 7 or below remits
        (7, 3, Verdict.RESPONSE),  # baseline 7 is not clinical
        (24, 8, Verdict.RESPONSE),  # 8 is above the remission line
        (24, 7, Verdict.REMISSION),
    ],
)
def test_hamd_is_primary_without_phq9(baseline: int, latest: int, expected: Verdict) -> None:
    rec = record([None, None], hamd=[baseline, latest], planned=2)
    judgement = judge_episode(rec, rec.episodes[0].id)
    assert judgement.primary is not None and judgement.primary.measure is Measure.HAMD
    assert judgement.verdict is expected


def test_phq9_decides_and_hamd_is_only_shown_beside_it() -> None:
    # PHQ-9 18 -> 14 (non-response) while HAM-D 20 -> 6 would be a remission on its own.
    rec = record([18, 14], hamd=[20, 6], planned=2)
    judgement = judge_episode(rec, rec.episodes[0].id)
    assert judgement.verdict is Verdict.NON_RESPONSE
    assert judgement.primary is not None and judgement.primary.measure is Measure.PHQ9
    assert [o.measure for o in judgement.secondary] == [Measure.HAMD]


@pytest.mark.parametrize("held", [2, 8, 15])
def test_no_verdict_before_the_end_of_the_course(held: int) -> None:
    # A non-response pattern at session 2, 8 or 15 of 16 is still only progress.
    rec = record([18] * held, planned=16)
    assert verdict(rec) is Verdict.IN_PROGRESS
    assert judge_episode(rec, rec.episodes[0].id).is_verdict is False


def test_verdict_once_planned_sessions_are_reached() -> None:
    assert verdict(record([18] * 16, planned=16)) is Verdict.NON_RESPONSE


def test_verdict_once_the_client_has_ended_early() -> None:
    assert verdict(record([18, 12], planned=16, ended=True)) is Verdict.PARTIAL_RESPONSE


def test_verdict_once_a_later_contract_started() -> None:
    rec = record([18, 6], planned=16)
    later = Episode(
        client_id=rec.client.id,
        start_date=START + dt.timedelta(weeks=10),
        kind=EpisodeKind.MAINTENANCE,
    )
    rec = dataclasses.replace(rec, episodes=(*rec.episodes, later))
    assert verdict(rec) is Verdict.RESPONSE


def test_not_measured_without_scores_or_with_a_baseline_only() -> None:
    assert verdict(record([None, None], planned=2)) is Verdict.NOT_MEASURED
    assert verdict(record([15, None], planned=2)) is Verdict.NOT_MEASURED


@pytest.mark.parametrize(
    ("totals", "recurrence"),
    [
        ([4, 10, 4, 10], False),  # 10 twice, never consecutive
        ([4, 10], False),  # one measurement at 10
        ([4, 10, 11], True),  # two consecutive
        ([9, 9, 9], False),  # below 10
        ([12, 12], True),
    ],
)
def test_recurrence_needs_two_consecutive_measurements(totals: list[int], recurrence: bool) -> None:
    assert recurrence_in(totals) is recurrence


def maintenance_record(
    acute: list[int], maintenance: list[int | None], **episode: object
) -> ClientRecord:
    rec = record(acute, planned=len(acute))
    m_start = START + dt.timedelta(weeks=len(acute) + 1)
    m_episode = Episode(
        client_id=rec.client.id,
        start_date=m_start,
        kind=EpisodeKind.MAINTENANCE,
        planned_sessions=12,
        **episode,  # type: ignore[arg-type]
    )
    m_sessions = tuple(
        Session(
            episode_id=m_episode.id,
            client_id=rec.client.id,
            date=m_start + dt.timedelta(weeks=4 * i),
            phq9=None if p is None else items(p),
        )
        for i, p in enumerate(maintenance)
    )
    return ClientRecord(
        client=rec.client,
        episodes=(*rec.episodes, m_episode),
        sessions=(*rec.sessions, *m_sessions),
    )


def test_maintenance_4_to_6_is_staying_well_not_a_failed_acute_course() -> None:
    rec = maintenance_record([18, 4], [4, 6])
    judgement = judge_episode(rec, rec.episodes[1].id)
    assert judgement.verdict is Verdict.STAYING_WELL
    # Judged against the acute baseline.
    assert judgement.primary is not None
    assert (judgement.primary.baseline, judgement.primary.latest) == (18, 6)


def test_maintenance_recurrence_at_two_consecutive_measurements_only() -> None:
    one = maintenance_record([18, 4], [4, 12, 6])
    two = maintenance_record([18, 4], [4, 12, 11])
    assert current_verdict(one) is Verdict.STAYING_WELL
    assert current_verdict(two) is Verdict.RECURRENCE


def test_maintenance_recurrence_recorded_by_the_therapist() -> None:
    rec = maintenance_record([18, 4], [4, 5], recurrence_on=START + dt.timedelta(weeks=20))
    assert current_verdict(rec) is Verdict.RECURRENCE


def test_maintenance_without_a_phq9_is_not_measured() -> None:
    assert current_verdict(maintenance_record([18, 4], [None])) is Verdict.NOT_MEASURED


def test_verdict_labels_and_values_match_the_list_command() -> None:
    assert {v.value for v in Verdict} == {
        "in_progress",
        "response",
        "partial_response",
        "non_response",
        "remission",
        "staying_well",
        "recurrence",
        "not_measured",
    }
