"""The timeline draws what it is given about the course (issue 19): the untreated time
before the first session as a hatched span with its label, and a check mark with a tooltip
line at the sessions where initial-phase IPT tasks were done."""

import dataclasses
import datetime as dt

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from ipt_desktop.domain.model import Client, ClientRecord, Episode, Formulation, Session
from ipt_desktop.domain.phase_tasks import PhaseTask, SessionTasks
from ipt_desktop.domain.timeline import build_timeline
from ui.timeline import TimelineWidget
from ui.timeline.timeline_layout import build_layout

START = dt.date(2026, 1, 5)


def record(onset: dt.date | None) -> ClientRecord:
    client = Client(name="Fictional Timeline Client")
    episode = Episode(
        client.id,
        START,
        formulation=Formulation(accepted_on=START + dt.timedelta(weeks=2)),
        onset=onset,
    )
    sessions = tuple(
        Session(
            episode.id,
            client.id,
            START + dt.timedelta(weeks=week),
            mood=4,
            tasks=SessionTasks(done=frozenset({PhaseTask.SICK_ROLE}))
            if week == 0
            else SessionTasks(),
        )
        for week in range(4)
    )
    return ClientRecord(client, (episode,), sessions)


def test_the_untreated_span_is_laid_out_before_the_first_session(qtbot: QtBot) -> None:
    timeline = build_timeline(record(START - dt.timedelta(weeks=8)))
    layout = build_layout(timeline, 1000, 420, QFont())
    (rect,) = layout.untreated_rects
    first_x = layout.session_x[timeline.sessions[0].session_id]
    assert rect.right() == first_x and rect.width() > 50
    assert "Untreated 8 wk" in [t.text for t in layout.phase_labels]
    without = build_layout(build_timeline(record(None)), 1000, 420, QFont())
    assert without.untreated_rects == ()


def test_task_sessions_get_a_tooltip_line(qtbot: QtBot) -> None:
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(QSize(1000, 420))
    found = record(None)
    widget.setTimeline(build_timeline(found))
    first, third = found.sessions[0], found.sessions[2]
    point = widget.sessionPosition(first.id)
    assert point is not None
    assert "Initial-phase tasks done: sick role" in widget.toolTipTextAt(point)
    point = widget.sessionPosition(third.id)
    assert point is not None
    assert "Initial-phase tasks done: formulation accepted" in widget.toolTipTextAt(point)
    point = widget.sessionPosition(found.sessions[1].id)
    assert point is not None
    assert "Initial-phase tasks" not in widget.toolTipTextAt(point)
    assert dataclasses.is_dataclass(widget.timeline())
