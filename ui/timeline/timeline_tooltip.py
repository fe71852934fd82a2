"""Tooltip text for what the mouse is over: a session or a life event (plain lines)."""

import datetime as dt
import html

from ipt_desktop.domain.date_words import weekday_medium_date
from ipt_desktop.domain.outcomes import Measure
from ipt_desktop.domain.timeline import EventMarker, SessionMarker, Timeline

MAX_DESCRIPTION_CHARS = 300


def long_date(d: dt.date) -> str:
    """ "Tue 12 Mar 2024": unambiguous whatever the reader's locale."""
    return weekday_medium_date(d)


def session_lines(timeline: Timeline, marker: SessionMarker) -> list[str]:
    lines = [f"{marker.contract_label} · {long_date(marker.date)}", f"Phase: {marker.phase.label}"]
    scores: list[str] = []
    for measure in (Measure.MOOD, Measure.PHQ9, Measure.GAD7, Measure.HAMD):
        value = marker.value(measure)
        series = timeline.series_for(measure)
        if value is None or series is None:
            continue
        if measure is Measure.MOOD:
            scores.append(f"Mood: {value} of 10")
            continue
        band = series.band_for(value)
        severity = f" ({band.severity.label.lower()})" if band is not None else ""
        scores.append(f"{series.label}: {value}{severity}")
    lines += scores or ["No scores recorded"]
    if marker.initial_tasks:
        done = ", ".join(t.short.lower() for t in marker.initial_tasks)
        lines.append(f"Initial-phase tasks done: {done}")
    if marker.item9_positive:
        lines.append("PHQ-9 item 9 above 0: risk assessment needed")
    if not marker.signed:
        lines.append("Draft (not signed)")
    lines.append("Click to open this session")
    return lines


def event_lines(event: EventMarker) -> list[str]:
    description = event.description.strip()
    if len(description) > MAX_DESCRIPTION_CHARS:
        description = description[: MAX_DESCRIPTION_CHARS - 1].rstrip() + "…"
    lines = [f"Life event · {long_date(event.date)}", event.kind_label]
    if description:
        lines.append(description)
    return lines


def as_rich_text(lines: list[str]) -> str:
    """Lines as tooltip rich text (escaped, so a note's "<" is shown, not interpreted)."""
    head, *rest = lines
    body = "<br>".join(html.escape(line) for line in rest)
    return f"<b>{html.escape(head)}</b>" + (f"<br>{body}" if body else "")
