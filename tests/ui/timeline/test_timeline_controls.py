"""Issue 13, item 5: the timeline opens on the selected contract, with visible controls,
ticks at the band edges, and a readable height at 1024x700."""

import datetime as dt

from pytestqt.qtbot import QtBot

from ipt_desktop.domain.enums import LifeEventKind
from ipt_desktop.domain.model import Client, ClientRecord, Episode, LifeEvent, Session
from ipt_desktop.domain.outcomes import Measure
from ipt_desktop.domain.timeline import MOOD_TICKS, build_timeline, episode_window
from ipt_desktop.domain.timeline_axis import WINDOW_MARGIN_DAYS, make_axis
from ui.timeline.timeline_controls import TimelineControls
from ui.timeline.timeline_widget import TimelineWidget


def test_window_has_a_small_margin_and_stays_inside_the_axis() -> None:
    axis = make_axis(dt.date(2020, 1, 1), dt.date(2025, 1, 1))
    lo, hi = axis.window(dt.date(2024, 1, 1), dt.date(2024, 4, 22))
    assert axis.date_at(lo) == dt.date(2024, 1, 1) - dt.timedelta(days=11)
    assert axis.date_at(hi) == dt.date(2024, 4, 22) + dt.timedelta(days=11)
    lo, hi = axis.window(dt.date(2024, 12, 20), dt.date(2024, 12, 30))
    assert axis.date_at(lo) == dt.date(2024, 12, 20) - dt.timedelta(days=WINDOW_MARGIN_DAYS)
    assert hi == 1.0
    assert hi - lo < 0.05  # a short course is not a sliver of a five-year axis


def course() -> tuple[ClientRecord, Episode]:
    client = Client(name="Fictional Timeline Client")
    episode = Episode(client.id, dt.date(2025, 1, 6), planned_sessions=16)
    sessions = tuple(
        Session(
            episode.id,
            client.id,
            dt.date(2025, 1, 6) + dt.timedelta(weeks=week),
            mood=3 + week % 5,
            phq9=(2, 2, 2, 2, 2, 2, 1, 1, 0),
        )
        for week in range(10)
    )
    old = LifeEvent(client.id, dt.date(2024, 3, 1), LifeEventKind.OTHER, "An old event")
    return (
        ClientRecord(client=client, episodes=(episode,), sessions=sessions, life_events=(old,)),
        episode,
    )


def test_ticks_sit_on_band_edges() -> None:
    record, _episode = course()
    panels = {p.title: p for p in build_timeline(record, dt.date(2025, 3, 20)).panels()}
    assert panels["Mood"].ticks == MOOD_TICKS == (0, 5, 10)
    assert panels["PHQ-9"].ticks == (0, 5, 10, 15, 20, 27)


def test_the_timeline_opens_on_the_contract_and_the_buttons_move_it(qtbot: QtBot) -> None:
    record, episode = course()
    timeline = build_timeline(record, dt.date(2025, 3, 20))
    widget = TimelineWidget()
    controls = TimelineControls(widget)
    qtbot.addWidget(widget)
    qtbot.addWidget(controls)
    widget.resize(1000, 420)
    widget.show()
    widget.setTimeline(timeline)
    window = episode_window(timeline, episode, record.sessions)
    controls.setContractWindow(window)
    lo, hi = widget.viewWindow()
    assert (lo, hi) == window
    assert hi - lo < 0.35  # a year of life events no longer squeeze a 16-week course
    assert timeline.axis.date_at(lo) <= episode.start_date
    controls.buttons["in"].click()
    assert widget.viewWindow()[1] - widget.viewWindow()[0] < hi - lo
    before = widget.viewWindow()
    controls.buttons["earlier"].click()
    assert widget.viewWindow()[0] < before[0]
    controls.all_button.click()
    assert widget.viewWindow() == (0.0, 1.0)
    controls.fit_button.click()
    assert widget.viewWindow() == window
    assert Measure.MOOD in {s.measure for s in timeline.series}
