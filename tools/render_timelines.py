"""Render the client timeline of four fictional clients to PNG, offscreen, to look at.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tools/render_timelines.py [OUT_DIR]

Writes ``<client>-1280x800.png`` and ``<client>-800x600.png`` for a responder, a
non-responder, a maintenance client and a client with PHQ-9 item 9 flags, plus a zoomed,
a dark-mode and an empty-state picture, to ``screenshots/timeline/`` (git-ignored) by default. Every
name and event below is invented.
"""

import datetime as dt
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ipt_desktop.domain.enums import EpisodeKind, LifeEventKind, Phase, ProblemArea
from ipt_desktop.domain.model import (
    Client,
    ClientRecord,
    Episode,
    Formulation,
    LifeEvent,
    Session,
)
from ipt_desktop.domain.timeline import build_timeline
from ui.common.app_settings import use_throwaway_settings
from ui.timeline import TimelineWidget

SIZES = (QSize(1280, 800), QSize(800, 600))
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "screenshots" / "timeline"


def phq_items(total: int, item9: int = 0) -> tuple[int, ...]:
    total = max(item9, min(27, total))
    rest = total - item9
    items = [min(3, max(0, rest - 3 * i)) for i in range(8)]
    return (*items, item9)


def gad_items(total: int) -> tuple[int, ...]:
    total = max(0, min(21, total))
    return tuple(min(3, max(0, total - 3 * i)) for i in range(7))


def course(start: float, end: float, count: int, rng: random.Random, noise: float) -> list[int]:
    """``count`` scores drifting from ``start`` to ``end`` with some session-to-session noise."""
    return [
        round(start + (end - start) * i / max(1, count - 1) + rng.uniform(-noise, noise))
        for i in range(count)
    ]


def clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def responder() -> tuple[ClientRecord, dt.date]:
    rng = random.Random(1)  # noqa: S311 - reproducible sample data
    client = Client(name="Avery Sample (fictional)")
    start = dt.date(2024, 2, 5)
    ep = Episode(
        client.id,
        start,
        planned_sessions=16,
        formulation=Formulation((ProblemArea.GRIEF,), accepted_on=dt.date(2024, 2, 19)),
    )
    phq, mood, gad = (
        course(19, 4, 16, rng, 1.5),
        course(3, 8, 16, rng, 0.8),
        course(14, 4, 16, rng, 1),
    )
    sessions = tuple(
        Session(
            ep.id,
            client.id,
            start + dt.timedelta(weeks=i + (1 if i >= 9 else 0)),  # one week's holiday
            mood=clamp(mood[i], 0, 10),
            phq9=phq_items(phq[i]),
            gad7=gad_items(gad[i]) if i % 4 == 0 or i == 15 else None,
            signed_at=dt.datetime(2024, 6, 1, 12, 0),
        )
        for i in range(16)
    )
    events = (
        LifeEvent(client.id, dt.date(2023, 11, 12), LifeEventKind.GRIEF, "Grandmother died"),
        LifeEvent(
            client.id, dt.date(2024, 3, 30), LifeEventKind.OTHER, "Visited the grave with a sister"
        ),
        LifeEvent(client.id, dt.date(2024, 4, 22), LifeEventKind.ROLE_TRANSITION, "Joined a choir"),
    )
    return ClientRecord(client, (ep,), sessions, (), events), dt.date(2024, 5, 31)


def non_responder() -> tuple[ClientRecord, dt.date]:
    rng = random.Random(2)  # noqa: S311 - reproducible sample data
    client = Client(name="Blake Example (fictional)")
    start = dt.date(2024, 1, 8)
    ep = Episode(
        client.id,
        start,
        planned_sessions=12,
        formulation=Formulation((ProblemArea.ROLE_DISPUTE,), accepted_on=dt.date(2024, 1, 29)),
    )
    phq, mood = course(18, 16, 12, rng, 2.0), course(3, 4, 12, rng, 1.0)
    sessions = tuple(
        Session(
            ep.id,
            client.id,
            start + dt.timedelta(weeks=i),
            mood=clamp(mood[i], 0, 10),
            phq9=phq_items(phq[i]) if i != 5 else None,  # one questionnaire missed
            hamd=(21, 20, 19)[i // 5] if i in (0, 5, 11) else None,
        )
        for i in range(12)
    )
    events = (
        LifeEvent(
            client.id,
            dt.date(2023, 12, 20),
            LifeEventKind.ROLE_DISPUTE,
            "Argument with partner about moving",
        ),
        LifeEvent(
            client.id,
            dt.date(2024, 2, 24),
            LifeEventKind.ROLE_DISPUTE,
            "Partner stayed with friends",
        ),
    )
    return ClientRecord(client, (ep,), sessions, (), events), dt.date(2024, 4, 5)


def maintenance() -> tuple[ClientRecord, dt.date]:
    rng = random.Random(3)  # noqa: S311 - reproducible sample data
    client = Client(name="Casey Placeholder (fictional)")
    start = dt.date(2021, 3, 1)
    acute = Episode(
        client.id,
        start,
        planned_sessions=16,
        formulation=Formulation((ProblemArea.ROLE_TRANSITION,), accepted_on=dt.date(2021, 3, 22)),
    )
    later = start + dt.timedelta(weeks=18)
    keep = Episode(client.id, later, EpisodeKind.MAINTENANCE, planned_sessions=36)
    phq, mood = course(20, 6, 16, rng, 1.5), course(2, 7, 16, rng, 0.8)
    sessions = [
        Session(acute.id, client.id, start + dt.timedelta(weeks=i), mood=clamp(mood[i], 0, 10),
                phq9=phq_items(phq[i]), signed_at=dt.datetime(2021, 7, 1))
        for i in range(16)
    ]  # fmt: skip
    for i in range(34):
        day = later + dt.timedelta(weeks=4 * i)
        dip = 5 if 17 <= i <= 19 else 0  # a wobble after a move, caught early
        sessions.append(
            Session(keep.id, client.id, day,
                    mood=clamp(7 - dip // 2 + rng.randint(-1, 1), 0, 10),
                    phq9=phq_items(4 + dip + rng.randint(-2, 2)),
                    signed_at=dt.datetime(2024, 6, 1))
        )  # fmt: skip
    events = (
        LifeEvent(
            client.id, dt.date(2020, 12, 15), LifeEventKind.ROLE_TRANSITION, "Retired from teaching"
        ),
        LifeEvent(
            client.id,
            dt.date(2022, 11, 1),
            LifeEventKind.ROLE_TRANSITION,
            "Moved to a smaller flat",
        ),
        LifeEvent(client.id, dt.date(2023, 6, 10), LifeEventKind.OTHER, "First grandchild born"),
    )
    return ClientRecord(client, (acute, keep), tuple(sessions), (), events), dt.date(2024, 1, 15)


def item9_flag() -> tuple[ClientRecord, dt.date]:
    client = Client(name="Drew Imaginary (fictional)")
    start = dt.date(2024, 9, 2)
    ep = Episode(
        client.id,
        start,
        planned_sessions=16,
        formulation=Formulation(
            (ProblemArea.INTERPERSONAL_DEFICITS,), accepted_on=dt.date(2024, 9, 23)
        ),
    )
    scores = [(22, 1, 2), (21, 0, 2), (20, 0, 3), (21, 2, 2), (17, 0, 4), (15, 0, 4), (13, 0, 5)]
    sessions = tuple(
        Session(
            ep.id,
            client.id,
            start + dt.timedelta(weeks=i),
            mood=mood,
            phq9=phq_items(total, item9),
            phase_override=Phase.INITIAL if i == 3 else None,
        )
        for i, (total, item9, mood) in enumerate(scores)
    )
    events = (
        LifeEvent(
            client.id,
            dt.date(2024, 8, 1),
            LifeEventKind.INTERPERSONAL_DEFICITS,
            "Last friend moved abroad",
        ),
    )
    return ClientRecord(client, (ep,), sessions, (), events), dt.date(2024, 10, 18)


CLIENTS: dict[str, Callable[[], tuple[ClientRecord, dt.date]]] = {
    "responder": responder,
    "non-responder": non_responder,
    "maintenance": maintenance,
    "item9-flag": item9_flag,
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Base, "#1b1b1d"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Highlight, "#3d7bd9"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def main(out: Path) -> list[Path]:
    use_throwaway_settings()  # before any window: the real settings stay untouched
    app = QApplication.instance() or QApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    widget = TimelineWidget()
    for name, make in CLIENTS.items():
        record, today = make()
        widget.setTimeline(build_timeline(record, today))
        for size in SIZES:
            path = out / f"{name}-{size.width()}x{size.height()}.png"
            widget.resize(size)
            if not widget.exportPng(path, size):
                raise SystemExit(f"could not write {path}")
            written.append(path)
    record, today = maintenance()
    widget.setTimeline(build_timeline(record, today))
    widget.resize(SIZES[0])
    widget.setViewWindow(0.02, 0.16)  # zoomed on the acute course
    path = out / "maintenance-zoomed-1280x800.png"
    widget.exportPng(path, SIZES[0])
    written.append(path)
    widget.resetZoom()
    widget.setPalette(dark_palette())
    path = out / "maintenance-dark-1280x800.png"
    widget.exportPng(path, SIZES[0])
    written.append(path)
    widget.setPalette(QPalette())
    widget.setTimeline(build_timeline(ClientRecord(Client(name="Empty (fictional)")), today))
    path = out / "empty-800x600.png"
    widget.exportPng(path, SIZES[1])
    written.append(path)
    widget.deleteLater()
    app.processEvents()
    return written


if __name__ == "__main__":
    for written_path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT):
        print(written_path)
