"""The timeline data (issue 5): axis, phase bands, sessions, series, events, outcome markers."""

import datetime as dt

import pytest

from ipt_desktop.domain.enums import EpisodeKind, LifeEventKind, Phase, Severity
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.measures import DEFAULT_HAMD_BANDS, PHQ9_BANDS, SeverityBand
from ipt_desktop.domain.model import (
    Client,
    ClientRecord,
    Episode,
    Formulation,
    LifeEvent,
    Session,
)
from ipt_desktop.domain.outcomes import Measure
from ipt_desktop.domain.timeline import Timeline, build_timeline
from ipt_desktop.domain.timeline_axis import (
    date_labels,
    make_axis,
    mondays,
    month_starts,
    non_overlapping,
    padded_axis,
)

D = dt.date
CLIENT = Client(name="Fictional Test Client")


def phq(total: int, item9: int = 0) -> tuple[int, ...]:
    """Nine PHQ-9 answers adding up to ``total`` with item 9 answered ``item9``."""
    rest = total - item9
    items = [min(3, max(0, rest - 3 * i)) for i in range(8)]
    assert sum(items) == rest, "total out of reach"
    return (*items, item9)


def acute(
    start: D, planned: int = 16, accepted: D | None = None, kind: EpisodeKind = EpisodeKind.ACUTE
) -> Episode:
    return Episode(
        client_id=CLIENT.id,
        start_date=start,
        kind=kind,
        planned_sessions=planned,
        formulation=Formulation(accepted_on=accepted),
    )


def session(episode: Episode, day: D, **values: object) -> Session:
    return Session(episode_id=episode.id, client_id=CLIENT.id, date=day, **values)  # type: ignore[arg-type]


def record(
    episodes: tuple[Episode, ...] = (),
    sessions: tuple[Session, ...] = (),
    events: tuple[LifeEvent, ...] = (),
    client: Client = CLIENT,
) -> ClientRecord:
    return ClientRecord(client=client, episodes=episodes, sessions=sessions, life_events=events)


def weekly(episode: Episode, first: D, count: int, **values: object) -> tuple[Session, ...]:
    return tuple(session(episode, first + dt.timedelta(weeks=i), **values) for i in range(count))


# ---- the time axis ---------------------------------------------------------------------


def test_no_sessions_gives_an_empty_timeline_around_today() -> None:
    today = D(2024, 5, 15)
    timeline = build_timeline(record(), today=today)
    assert timeline.is_empty
    assert timeline.sessions == () and timeline.phases == () and timeline.events == ()
    assert timeline.axis.start < today < timeline.axis.end
    assert timeline.outcome.today == today
    assert timeline.outcome.baseline_phq9 is None
    assert timeline.outcome.response_line is None and timeline.outcome.remission_line is None
    mood = timeline.series_for(Measure.MOOD)
    assert mood is not None and mood.points == ()
    assert timeline.series_for(Measure.GAD7) is None


def test_one_session() -> None:
    ep = acute(D(2024, 3, 4))
    only = session(ep, D(2024, 3, 4), mood=3, phq9=phq(18))
    timeline = build_timeline(record((ep,), (only,)))
    (marker,) = timeline.sessions
    assert (marker.number, marker.planned, marker.phase) == (1, 16, Phase.INITIAL)
    assert marker.contract_label == "Session 1 of 16"
    assert (marker.mood, marker.phq9) == (3, 18)
    # The axis runs on to the planned end of the contract (15 weekly sessions ahead).
    assert timeline.outcome.planned_end == D(2024, 6, 17)
    assert 0.0 < timeline.axis.fraction(only.date) < 0.1
    assert 0.9 < timeline.axis.fraction(D(2024, 6, 17)) < 1.0
    ended = Client(name="Fictional Test Client", ended_on=D(2024, 3, 4), id=CLIENT.id)
    alone = build_timeline(record((ep,), (only,), client=ended)).axis
    assert 0.3 < alone.fraction(only.date) < 0.7  # centred, with context around it
    assert (alone.end - alone.start).days >= 28
    (band,) = timeline.phases
    assert band.phase is Phase.INITIAL and band.start < only.date < band.end
    assert band.label == "Initial"
    assert timeline.outcome.baseline_phq9 == 18
    assert timeline.outcome.response_line == 9.0
    assert timeline.outcome.remission_line == 4.5
    phq9 = timeline.series_for(Measure.PHQ9)
    assert phq9 is not None and [p.value for p in phq9.points] == [18]
    assert phq9.bands == PHQ9_BANDS


def test_sessions_with_missing_measures_leave_gaps_in_their_series_only() -> None:
    ep = acute(D(2024, 1, 1))
    sessions = (
        session(ep, D(2024, 1, 1), mood=2, phq9=phq(20)),
        session(ep, D(2024, 1, 8), mood=4),
        session(ep, D(2024, 1, 15), phq9=phq(15), hamd=19),
        session(ep, D(2024, 1, 22)),
    )
    timeline = build_timeline(record((ep,), sessions))
    assert len(timeline.sessions) == 4
    mood, phq9, hamd = (timeline.series_for(m) for m in (Measure.MOOD, Measure.PHQ9, Measure.HAMD))
    assert mood is not None and phq9 is not None and hamd is not None
    assert [(p.date, p.value) for p in mood.points] == [(D(2024, 1, 1), 2), (D(2024, 1, 8), 4)]
    assert [p.session_id for p in phq9.points] == [sessions[0].id, sessions[2].id]
    assert [p.value for p in hamd.points] == [19] and hamd.bands == DEFAULT_HAMD_BANDS
    assert timeline.series_for(Measure.GAD7) is None  # never measured: no series, no panel
    assert [p.measures for p in timeline.panels()] == [
        (Measure.MOOD,),
        (Measure.PHQ9,),
        (Measure.HAMD,),
    ]
    assert timeline.sessions[3].value(Measure.MOOD) is None


def test_two_sessions_on_one_day_are_both_kept_and_spread_apart() -> None:
    ep = acute(D(2024, 1, 1))
    a = session(ep, D(2024, 1, 8), mood=5)
    b = session(ep, D(2024, 1, 8), mood=7)
    first = session(ep, D(2024, 1, 1), mood=3)
    timeline = build_timeline(record((ep,), (b, a, first)))
    ordered = sorted((a, b), key=lambda s: s.id)
    assert [m.session_id for m in timeline.sessions] == [first.id, *(s.id for s in ordered)]
    assert [m.number for m in timeline.sessions] == [1, 2, 3]
    slots = timeline.day_slots()
    assert slots[first.id] == (0, 1)
    assert {slots[a.id], slots[b.id]} == {(0, 2), (1, 2)}
    mood = timeline.series_for(Measure.MOOD)
    assert mood is not None and len(mood.points) == 3


def test_sessions_entered_out_of_order_are_sorted_and_numbered_by_date() -> None:
    ep = acute(D(2024, 1, 1), accepted=D(2024, 1, 15))
    days = [D(2024, 1, 22), D(2024, 1, 1), D(2024, 1, 15), D(2024, 1, 8)]
    timeline = build_timeline(record((ep,), tuple(session(ep, d, mood=3) for d in days)))
    assert [m.date for m in timeline.sessions] == sorted(days)
    assert [m.number for m in timeline.sessions] == [1, 2, 3, 4]
    assert [m.phase for m in timeline.sessions] == [Phase.INITIAL] * 2 + [Phase.MIDDLE] * 2
    assert [b.phase for b in timeline.phases] == [Phase.INITIAL, Phase.MIDDLE]
    mood = timeline.series_for(Measure.MOOD)
    assert mood is not None and [p.date for p in mood.points] == sorted(days)


def test_life_events_before_the_first_session_extend_the_axis() -> None:
    ep = acute(D(2024, 6, 3))
    death = LifeEvent(CLIENT.id, D(2023, 11, 20), LifeEventKind.GRIEF, "Fictional loss")
    move = LifeEvent(CLIENT.id, D(2024, 2, 1), LifeEventKind.ROLE_TRANSITION, "Moved")
    timeline = build_timeline(record((ep,), weekly(ep, D(2024, 6, 3), 4), (move, death)))
    assert timeline.axis.start < death.date
    assert 0.0 < timeline.axis.fraction(death.date) < timeline.axis.fraction(move.date) < 1.0
    assert [e.event_id for e in timeline.events] == [death.id, move.id]
    assert timeline.events[0].kind_label == "Death"
    assert timeline.events[0].description == "Fictional loss"


def maintenance_record() -> ClientRecord:
    """200 sessions over about four years: a 16-session acute course, then maintenance."""
    start = D(2020, 1, 6)
    course = acute(start, planned=16, accepted=D(2020, 1, 20))
    sessions = list(weekly(course, start, 16, mood=5, phq9=phq(12)))
    episodes = [course]
    day = start + dt.timedelta(weeks=18)
    for _ in range(4):
        contract = acute(day, planned=46, kind=EpisodeKind.MAINTENANCE)
        episodes.append(contract)
        sessions += weekly(contract, day, 46, mood=7, phq9=phq(4))
        day += dt.timedelta(weeks=46)
    return record(tuple(episodes), tuple(sessions))


def test_two_hundred_sessions_over_four_years_with_maintenance() -> None:
    rec = maintenance_record()
    timeline = build_timeline(rec, today=D(2023, 12, 1))
    assert len(timeline.sessions) == 200
    assert 3.5 < (timeline.axis.end - timeline.axis.start).days / 365 < 4.5
    assert [b.phase for b in timeline.phases] == [
        Phase.INITIAL,
        Phase.MIDDLE,
        Phase.TERMINATION,
        Phase.MAINTENANCE,  # the four maintenance contracts meet and read as one band
    ]
    assert timeline.phases[-1].label == "Maintenance"
    labels = timeline.axis.labels_fitting(12)
    assert 3 <= len(labels) <= 12
    assert all(text.isdigit() or " " in text or len(text) == 3 for _, text in labels)
    assert len(timeline.axis.ticks_fitting(60)) <= 60
    assert timeline.outcome.planned_end == timeline.sessions[-1].date
    assert timeline.outcome.today == D(2023, 12, 1)
    priorities = timeline.session_label_priorities()
    assert len(priorities) == 200 and priorities[0] == max(priorities)


def test_a_formulation_never_accepted_leaves_no_middle_phase() -> None:
    ep = acute(D(2024, 1, 1), planned=12, accepted=None)
    timeline = build_timeline(record((ep,), weekly(ep, D(2024, 1, 1), 12, mood=4)))
    assert Phase.MIDDLE not in {b.phase for b in timeline.phases}
    assert [b.phase for b in timeline.phases] == [Phase.INITIAL, Phase.TERMINATION]
    assert [m.phase for m in timeline.sessions].count(Phase.TERMINATION) == 3


def test_the_therapists_phase_override_wins() -> None:
    ep = acute(D(2024, 1, 1), accepted=None)
    sessions = (
        session(ep, D(2024, 1, 1)),
        session(ep, D(2024, 1, 8), phase_override=Phase.MIDDLE),
    )
    timeline = build_timeline(record((ep,), sessions))
    assert [b.phase for b in timeline.phases] == [Phase.INITIAL, Phase.MIDDLE]


# ---- phase bands, outcome markers, today -----------------------------------------------


def test_phase_boundaries_lie_halfway_between_sessions_and_bands_touch() -> None:
    ep = acute(D(2024, 1, 1), accepted=D(2024, 1, 15))
    timeline = build_timeline(record((ep,), weekly(ep, D(2024, 1, 1), 4)))
    initial, middle = timeline.phases
    assert initial.start == D(2023, 12, 29)  # half a weekly interval before session 1
    assert initial.end == middle.start == D(2024, 1, 11)  # between Jan 8 and Jan 15
    assert middle.end == D(2024, 1, 25)


def test_a_gap_between_contracts_is_left_blank() -> None:
    first = acute(D(2024, 1, 1), planned=4, accepted=D(2024, 1, 1))
    later = acute(D(2024, 9, 2), planned=4, kind=EpisodeKind.MAINTENANCE)
    sessions = weekly(first, D(2024, 1, 1), 4) + weekly(later, D(2024, 9, 2), 2)
    timeline = build_timeline(record((first, later), sessions))
    termination, maintenance = timeline.phases[-2:]
    assert termination.end < D(2024, 2, 1) and maintenance.start > D(2024, 8, 1)


def test_item9_flags_and_outcome_lines() -> None:
    ep = acute(D(2024, 1, 1))
    sessions = (
        session(ep, D(2024, 1, 1), phq9=phq(21, item9=1)),
        session(ep, D(2024, 1, 8), phq9=phq(14)),
        session(ep, D(2024, 1, 15), phq9=phq(9, item9=2)),
    )
    timeline = build_timeline(record((ep,), sessions))
    assert timeline.outcome.item9_dates == (D(2024, 1, 1), D(2024, 1, 15))
    assert [m.item9_positive for m in timeline.sessions] == [True, False, True]
    assert timeline.outcome.baseline_phq9 == 21
    assert timeline.outcome.response_line == 10.5
    assert timeline.outcome.baseline_label == "Baseline 21"


@pytest.mark.parametrize(
    ("ended_on", "today", "shown"),
    [
        (None, D(2024, 3, 1), True),  # active: today stretches the axis
        (None, D(2026, 1, 1), False),  # years past the last data: not worth squashing for
        (D(2024, 2, 1), D(2024, 3, 1), False),  # ended client: today is off the axis
        (D(2024, 2, 1), D(2024, 1, 10), True),  # ...unless it falls inside anyway
    ],
)
def test_today_marker(ended_on: D | None, today: D, shown: bool) -> None:
    client = Client(name="Fictional Test Client", ended_on=ended_on, id=CLIENT.id)
    ep = acute(D(2024, 1, 1))
    timeline = build_timeline(record((ep,), weekly(ep, D(2024, 1, 1), 3), client=client), today)
    assert (timeline.outcome.today == today) is shown
    if shown:
        assert timeline.axis.start <= today <= timeline.axis.end


def test_panels_follow_hidden_series_and_share_the_questionnaire_scale() -> None:
    ep = acute(D(2024, 1, 1))
    sessions = (session(ep, D(2024, 1, 1), mood=2, phq9=phq(20), gad7=(2,) * 7),)
    timeline = build_timeline(record((ep,), sessions))
    mood_panel, questionnaires = timeline.panels()
    assert mood_panel.ticks == (0, 5, 10) and mood_panel.fraction(5) == 0.5
    assert (mood_panel.low_caption, mood_panel.high_caption) == ("worst", "best")
    assert questionnaires.title == "PHQ-9 and GAD-7"
    assert questionnaires.ticks == (0, 5, 10, 15, 20, 27)
    assert [p.title for p in timeline.panels(hidden={Measure.MOOD, Measure.PHQ9})] == ["GAD-7"]
    assert timeline.panels(hidden=set(Measure)) == ()


# ---- axis helpers (both renderers rely on them) ----------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "max_labels", "expected"),
    [
        (D(2024, 3, 1), D(2024, 3, 31), 12, ["4 Mar 2024", "11 Mar", "18 Mar", "25 Mar"]),
        (D(2024, 3, 1), D(2024, 3, 31), 2, ["4 Mar 2024", "18 Mar"]),
        (D(2024, 1, 15), D(2024, 6, 20), 12, ["Feb 2024", "Mar", "Apr", "May", "Jun"]),
        (D(2023, 11, 2), D(2024, 2, 20), 12, ["Dec 2023", "Jan 2024", "Feb"]),
        (D(2023, 1, 1), D(2023, 12, 31), 4, ["Jan 2023", "Apr", "Jul", "Oct"]),
        (D(2020, 1, 1), D(2024, 1, 31), 6, ["2020", "2021", "2022", "2023", "2024"]),
        (D(2020, 1, 1), D(2024, 1, 31), 3, ["2020", "2022", "2024"]),
        (D(2024, 2, 5), D(2024, 5, 20), 1, ["Apr 2024"]),
    ],
)
def test_date_labels(start: D, end: D, max_labels: int, expected: list[str]) -> None:
    labels = date_labels(start, end, max_labels)
    assert [text for _, text in labels] == expected
    assert all(start <= d <= end for d, _ in labels)


def test_week_ticks_are_mondays_and_thin_to_months() -> None:
    axis = make_axis(D(2024, 1, 3), D(2024, 12, 30))
    assert axis.week_ticks[0] == D(2024, 1, 8) and axis.week_ticks[-1] == D(2024, 12, 30)
    assert all(d.weekday() == 0 for d in axis.week_ticks)
    assert axis.ticks_fitting(60) == axis.week_ticks
    assert axis.ticks_fitting(20) == month_starts(D(2024, 1, 3), D(2024, 12, 30))
    assert axis.ticks_fitting(4) == (D(2024, 4, 1), D(2024, 7, 1), D(2024, 10, 1))
    assert mondays(D(2024, 1, 2), D(2024, 1, 7)) == ()


def test_fraction_and_date_at_are_inverse() -> None:
    axis = make_axis(D(2024, 1, 1), D(2024, 1, 31))
    assert axis.fraction(D(2024, 1, 1)) == 0.0 and axis.fraction(D(2024, 1, 31)) == 1.0
    assert axis.fraction(D(2024, 1, 16)) == 0.5
    assert axis.date_at(0.5) == D(2024, 1, 16)
    assert axis.fraction(D(2023, 12, 31)) < 0.0


def test_padded_axis_keeps_every_date_inside() -> None:
    dates = [D(2021, 5, 1), D(2024, 2, 2)]
    axis = padded_axis(dates, D(2000, 1, 1))
    assert all(0.0 < axis.fraction(d) < 1.0 for d in dates)
    assert padded_axis([], D(2024, 1, 1)).days >= 28


@pytest.mark.parametrize(
    ("positions", "priorities", "expected"),
    [
        ([0, 5, 10, 15, 20], [0, 0, 0, 0, 0], (0, 2, 4)),  # left to right, every other fits
        ([0, 5, 10, 15, 20], [0, 5, 0, 0, 0], (1, 3)),  # a priority label wins its place
        ([0, 100, 200], [0, 0, 0], (0, 1, 2)),  # room for all
        ([], [], ()),
    ],
)
def test_non_overlapping(
    positions: list[float], priorities: list[int], expected: tuple[int, ...]
) -> None:
    assert non_overlapping(positions, [8.0] * len(positions), priorities, 1.0) == expected


def test_build_is_plain_data() -> None:
    timeline = build_timeline(maintenance_record())
    assert isinstance(timeline, Timeline)
    assert hash(timeline.axis) and hash(timeline.phases) and hash(timeline.sessions)


def test_a_session_of_an_unknown_episode_still_shows() -> None:
    ep = acute(D(2024, 1, 1))
    stray = Session(episode_id=acute(D(2024, 1, 1)).id, client_id=CLIENT.id, date=D(2024, 1, 3))
    timeline = build_timeline(record((ep,), (session(ep, D(2024, 1, 1)), stray)))
    marker = timeline.session(stray.id)
    assert marker is not None and marker.planned == 0 and marker.contract_label == "Session 1"
    assert marker.phase is Phase.INITIAL


def test_hamd_panel_scale_and_configurable_bands() -> None:
    ep = acute(D(2024, 1, 1))
    bands = (
        SeverityBand(0, 6, Severity.NORMAL),
        SeverityBand(7, 17, Severity.MILD),
        SeverityBand(18, 52, Severity.SEVERE),
    )
    low = (session(ep, D(2024, 1, 1), hamd=21),)
    (panel,) = build_timeline(record((ep,), low)).panels(hidden={Measure.MOOD, Measure.PHQ9})
    assert (panel.high, panel.ticks) == (30, (0, 8, 14, 19, 23, 30))  # most scores fall here
    high = (session(ep, D(2024, 1, 1), hamd=41),)
    timeline = build_timeline(record((ep,), high), hamd_bands=bands)
    (panel,) = timeline.panels(hidden={Measure.MOOD, Measure.PHQ9})
    assert (panel.high, panel.ticks) == (45, (0, 7, 18, 45))
    hamd = timeline.series_for(Measure.HAMD)
    assert hamd is not None and hamd.band_for(41) == bands[2]


def test_an_axis_never_has_zero_length() -> None:
    axis = make_axis(D(2024, 1, 1), D(2024, 1, 1))
    assert axis.days == 1 and axis.fraction(D(2024, 1, 2)) == 1.0


def test_hamd_bands_with_a_gap_are_refused() -> None:
    bands = (SeverityBand(0, 6, Severity.NORMAL), SeverityBand(8, 52, Severity.SEVERE))
    with pytest.raises(ValidationError) as raised:
        build_timeline(record(), today=D(2024, 1, 1), hamd_bands=bands)
    assert raised.value.field == "hamd_bands[1]"
