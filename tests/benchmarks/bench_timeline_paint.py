"""Benchmark: painting a 200-session client timeline into a 1280x800 QImage, offscreen.

Target (issue 5): under 16 ms per paint (one frame at 60 Hz). ``paint`` is what a repaint
costs (hover, tooltip, expose: the layout is kept); ``layout_and_paint`` is the cost after
a resize, zoom or toggle, when the layout is computed again.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tests/benchmarks/bench_timeline_paint.py
"""

import datetime as dt
import os
import statistics
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from ipt_desktop.domain.enums import EpisodeKind, LifeEventKind
from ipt_desktop.domain.model import Client, ClientRecord, Episode, Formulation, LifeEvent, Session
from ipt_desktop.domain.timeline import build_timeline
from ui.common.palette import colours_for
from ui.timeline.timeline_layout import build_layout
from ui.timeline.timeline_painter import TimelinePainter

WIDTH, HEIGHT = 1280, 800
RUNS = 60
TARGET_MS = 16.0


def _phq(total: int, item9: int = 0) -> tuple[int, ...]:
    rest = total - item9
    return (*(min(3, max(0, rest - 3 * i)) for i in range(8)), item9)


def two_hundred_sessions() -> ClientRecord:
    """A fictional client: a 16-session acute course, then four maintenance contracts,
    200 sessions over about four years, every measure recorded, a few life events."""
    client = Client(name="Benchmark Client (fictional)")
    start = dt.date(2020, 1, 6)
    course = Episode(client.id, start, planned_sessions=16,
                     formulation=Formulation(accepted_on=dt.date(2020, 1, 20)))  # fmt: skip
    episodes, sessions = [course], []
    for i in range(16):
        sessions.append(
            Session(course.id, client.id, start + dt.timedelta(weeks=i), mood=3 + i // 3,
                    phq9=_phq(20 - i, item9=1 if i == 2 else 0), hamd=max(0, 22 - i),
                    gad7=(2,) * 7)
        )  # fmt: skip
    day = start + dt.timedelta(weeks=18)
    for _ in range(4):
        contract = Episode(client.id, day, EpisodeKind.MAINTENANCE, planned_sessions=46)
        episodes.append(contract)
        for i in range(46):
            sessions.append(
                Session(contract.id, client.id, day + dt.timedelta(weeks=i), mood=6 + i % 3,
                        phq9=_phq(3 + i % 5), gad7=(1,) * 7, hamd=5 + i % 4)
            )  # fmt: skip
        day += dt.timedelta(weeks=46)
    events = tuple(
        LifeEvent(client.id, dt.date(2020 + i, 5, 1), LifeEventKind.OTHER, f"Event {i}")
        for i in range(4)
    )
    return ClientRecord(client, tuple(episodes), tuple(sessions), (), events)


def bench_timeline_paint() -> dict[str, Any]:
    app = QApplication.instance() or QApplication([])
    timeline = build_timeline(two_hundred_sessions(), today=dt.date(2023, 12, 1))
    assert len(timeline.sessions) == 200
    font = QApplication.font()
    painter_for = TimelinePainter(colours_for(QApplication.palette()), font)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    layout = build_layout(timeline, WIDTH, HEIGHT, font)

    def paint(fresh_layout: bool) -> float:
        began = time.perf_counter()
        shown = build_layout(timeline, WIDTH, HEIGHT, font) if fresh_layout else layout
        painter = QPainter(image)
        painter.fillRect(QRectF(0, 0, WIDTH, HEIGHT), painter_for.colours.base)
        painter_for.paint(painter, shown)
        painter.end()
        return (time.perf_counter() - began) * 1000.0

    for _ in range(5):  # warm-up: fonts, glyph caches
        paint(True)
    paint_ms = [paint(False) for _ in range(RUNS)]
    full_ms = [paint(True) for _ in range(RUNS)]
    median = statistics.median(paint_ms)
    del app
    return {
        "name": "timeline paint, 200 sessions, 1280x800",
        "median_ms": round(median, 2),
        "min_ms": round(min(paint_ms), 2),  # the cost without contention from other processes
        "p90_ms": round(statistics.quantiles(paint_ms, n=10)[-1], 2),
        "layout_and_paint_median_ms": round(statistics.median(full_ms), 2),
        "runs": RUNS,
        "target_ms": TARGET_MS,
        "ok": median < TARGET_MS,
    }


if __name__ == "__main__":
    for key, value in bench_timeline_paint().items():
        print(f"{key}: {value}")
