"""A fictional record for the chart-label tests (PDF and widget): the GAD-7 line runs low
across the whole course, where the response and remission lines are named, and the HAM-D
reaches its severe band."""

import datetime as dt

from ipt_desktop.domain.enums import LifeEventKind
from ipt_desktop.domain.model import Client, ClientRecord, Episode, LifeEvent, Session

PHQ9 = (21, 18, 16, 13, 11, 9, 8, 6, 5, 4, 4, 3)
GAD7 = (5, 6, 5, 4, 5, 4, 3, 4, 3, 4, 3, 3)
HAMD = (28, None, None, 21, None, None, 14, None, None, 9, None, 7)


def items(total: int, count: int) -> tuple[int, ...]:
    return tuple(min(3, max(0, total - 3 * i)) for i in range(count))


def record() -> ClientRecord:
    client = Client(name="Fictional Chart Client")
    episode = Episode(client.id, dt.date(2025, 1, 6), planned_sessions=12)
    sessions = tuple(
        Session(
            episode.id,
            client.id,
            dt.date(2025, 1, 6) + dt.timedelta(weeks=week),
            mood=3 + week // 2,
            phq9=items(PHQ9[week], 9),
            gad7=items(GAD7[week], 7),
            hamd=HAMD[week],
        )
        for week in range(12)
    )
    # A life event takes its lane above the charts, as in most real records.
    event = LifeEvent(client.id, dt.date(2025, 2, 10), LifeEventKind.OTHER, "Fictional move")
    return ClientRecord(client=client, episodes=(episode,), sessions=sessions, life_events=(event,))
