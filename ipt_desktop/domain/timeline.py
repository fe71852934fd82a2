"""The client's IPT timeline as plain data (IPT.md, "The IPT timeline"; DESIGN.md section 3).

One computation, two thin renderers: the Qt widget and the PDF draw what ``build_timeline``
returns and take every position, tick, scale and label choice from here (see also
``timeline_axis``). Nothing here draws.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from .contract import contract_label, planned_end_date, session_interval, session_numbers
from .enums import LifeEventKind, Phase
from .measures import (
    DEFAULT_HAMD_BANDS,
    GAD7_BANDS,
    GAD7_MAX,
    HAMD_MAX,
    PHQ9_BANDS,
    PHQ9_MAX,
    SeverityBand,
    band_for,
    check_bands,
    gad7_total,
    item9_positive,
    phq9_total,
)
from .model import ClientRecord, Episode, Session
from .outcomes import PHQ9_REMISSION_BELOW, RESPONSE_FRACTION, Measure, phq9_outcome
from .phase_tasks import PhaseTask
from .phases import effective_phase
from .timeline_axis import TimeAxis, padded_axis
from .timeline_course import UntreatedSpan, initial_tasks_by_session, untreated_spans

MOOD_MAX = 10
MOOD_TICKS = (0, 5, 10)
#: The HAM-D panel shows at least 0-30 (where nearly all scores fall), more only if needed.
HAMD_PANEL_TOP = 30
#: While the client is in treatment, today and the contract's planned end stretch the axis
#: when they are this close to the last data (else they show only if they fall inside).
FUTURE_REACH = dt.timedelta(weeks=26)
#: How far before the first session the axis reaches to show the untreated time.
UNTREATED_REACH = dt.timedelta(weeks=26)
#: Priority of a session's number label when numbers must be thinned (higher kept first).
FIRST_OF_EPISODE, LAST_OF_EPISODE, TENTH, FIFTH, EVEN, ANY = 5, 4, 3, 2, 1, 0


@dataclass(frozen=True)
class PhaseBand:
    phase: Phase
    start: dt.date
    end: dt.date
    label: str


@dataclass(frozen=True)
class SessionMarker:
    session_id: str
    date: dt.date
    number: int  # within its episode, from 1
    planned: int  # the episode's contract (0 if the episode is unknown)
    episode_id: str
    phase: Phase
    mood: int | None
    phq9: int | None  # total
    hamd: int | None
    gad7: int | None  # total
    item9_positive: bool
    signed: bool
    #: The initial-phase IPT tasks first done in this session (task_rules.first_done).
    initial_tasks: tuple[PhaseTask, ...] = ()

    @property
    def contract_label(self) -> str:
        """ "Session 7 of 16" (or just "Session 7" when the contract is unknown)."""
        if self.planned <= 0:
            return f"Session {self.number}"
        return contract_label(self.number, self.planned)

    def value(self, measure: Measure) -> int | None:
        return {
            Measure.MOOD: self.mood,
            Measure.PHQ9: self.phq9,
            Measure.HAMD: self.hamd,
            Measure.GAD7: self.gad7,
        }[measure]


@dataclass(frozen=True)
class SeriesPoint:
    date: dt.date
    value: int
    session_id: str


@dataclass(frozen=True)
class MeasureSeries:
    measure: Measure
    label: str
    low: int
    high: int
    points: tuple[SeriesPoint, ...]
    bands: tuple[SeverityBand, ...]

    def band_for(self, value: int) -> SeverityBand | None:
        return band_for(value, self.bands) if self.bands else None


@dataclass(frozen=True)
class EventMarker:
    event_id: str
    date: dt.date
    kind: LifeEventKind
    description: str

    @property
    def kind_label(self) -> str:
        return {
            LifeEventKind.GRIEF: "Death",
            LifeEventKind.ROLE_TRANSITION: "Role transition",
            LifeEventKind.ROLE_DISPUTE: "Dispute",
            LifeEventKind.INTERPERSONAL_DEFICITS: "Isolation",
            LifeEventKind.OTHER: "Event",
        }[self.kind]


@dataclass(frozen=True)
class OutcomeMarkers:
    baseline_phq9: int | None
    response_line: float | None  # PHQ-9 at 50% of the baseline
    remission_line: float | None  # 4.5: a total below 5
    item9_dates: tuple[dt.date, ...]
    planned_end: dt.date | None
    today: dt.date | None

    @property
    def baseline_label(self) -> str:
        return "" if self.baseline_phq9 is None else f"Baseline {self.baseline_phq9}"

    @property
    def response_label(self) -> str:
        return "" if self.response_line is None else "Response (50% of baseline)"

    @property
    def remission_label(self) -> str:
        return "" if self.remission_line is None else f"Remission (below {PHQ9_REMISSION_BELOW})"


@dataclass(frozen=True)
class ChartPanel:
    """One stacked chart with its own value scale: mood, PHQ-9 (with GAD-7), HAM-D."""

    title: str
    measures: tuple[Measure, ...]
    low: int
    high: int
    ticks: tuple[int, ...]
    bands: tuple[SeverityBand, ...]
    weight: float  # share of the chart height, relative to the other panels
    low_caption: str = ""  # what the bottom of the scale means ("worst")
    high_caption: str = ""

    def fraction(self, value: float) -> float:
        """0.0 at ``low`` (the bottom of the panel) to 1.0 at ``high`` (the top)."""
        return (value - self.low) / max(1, self.high - self.low)


@dataclass(frozen=True)
class Timeline:
    axis: TimeAxis
    phases: tuple[PhaseBand, ...]
    sessions: tuple[SessionMarker, ...]  # in (date, episode, number) order
    series: tuple[MeasureSeries, ...]  # mood and PHQ-9 always; HAM-D, GAD-7 when present
    events: tuple[EventMarker, ...]  # in date order
    outcome: OutcomeMarkers
    #: Per episode with a recorded onset: the untreated time before its first session.
    untreated: tuple[UntreatedSpan, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.sessions

    @property
    def task_marks(self) -> tuple[SessionMarker, ...]:
        """The sessions in which initial-phase tasks were first done, in date order."""
        return tuple(m for m in self.sessions if m.initial_tasks)

    def series_for(self, measure: Measure) -> MeasureSeries | None:
        return next((s for s in self.series if s.measure is measure), None)

    def session(self, session_id: str) -> SessionMarker | None:
        return next((s for s in self.sessions if s.session_id == session_id), None)

    def panels(self, hidden: Collection[Measure] = ()) -> tuple[ChartPanel, ...]:
        """The stacked charts to draw, top to bottom, leaving out fully hidden ones."""
        shown = {s.measure for s in self.series} - set(hidden)
        panels: list[ChartPanel] = []
        if Measure.MOOD in shown:
            panels.append(_panel("Mood", (Measure.MOOD,), MOOD_MAX, (), 1.0, "worst", "best"))
            panels[-1] = replace(panels[-1], ticks=MOOD_TICKS)
        questionnaires = tuple(m for m in (Measure.PHQ9, Measure.GAD7) if m in shown)
        if questionnaires:
            title = " and ".join(m.label for m in questionnaires)
            bands = PHQ9_BANDS if Measure.PHQ9 in questionnaires else GAD7_BANDS
            panels.append(_panel(title, questionnaires, PHQ9_MAX, bands, 1.25))
        hamd = self.series_for(Measure.HAMD)
        if hamd is not None and Measure.HAMD in shown:
            highest = max((p.value for p in hamd.points), default=0)
            top = min(HAMD_MAX, max(HAMD_PANEL_TOP, -(-highest // 5) * 5))
            panels.append(_panel("HAM-D", (Measure.HAMD,), top, hamd.bands, 0.9))
        return tuple(panels)

    def day_slots(self) -> dict[str, tuple[int, int]]:
        """Session id -> (its index among the sessions of its day, how many that day).

        Renderers spread same-day sessions sideways by ``index - (count - 1) / 2`` marker
        widths so each stays visible and clickable.
        """
        per_day: defaultdict[dt.date, list[str]] = defaultdict(list)
        for marker in self.sessions:
            per_day[marker.date].append(marker.session_id)
        return {sid: (i, len(ids)) for ids in per_day.values() for i, sid in enumerate(ids)}

    def session_label_priorities(self) -> tuple[int, ...]:
        """How much each session's number label matters, for ``non_overlapping``."""
        last_of_episode: dict[str, int] = {}
        for marker in self.sessions:
            last_of_episode[marker.episode_id] = max(
                marker.number, last_of_episode.get(marker.episode_id, 0)
            )
        priorities: list[int] = []
        for m in self.sessions:
            if m.number == 1:
                priorities.append(FIRST_OF_EPISODE)
            elif m.number == last_of_episode[m.episode_id]:
                priorities.append(LAST_OF_EPISODE)
            else:
                steps = ((10, TENTH), (5, FIFTH), (2, EVEN))
                priorities.append(next((p for n, p in steps if m.number % n == 0), ANY))
        return tuple(priorities)


def episode_window(
    timeline: Timeline, episode: Episode, sessions: Sequence[Session]
) -> tuple[float, float]:
    """The default view: this contract, from its start to the later of its planned end and
    its last session, with a small margin (fractions of the timeline's axis)."""
    own = [s.date for s in sessions if s.episode_id == episode.id]
    planned = planned_end_date(episode, sessions)
    end = max([episode.start_date, *own, *([planned] if planned else [])])
    return timeline.axis.window(episode.start_date, end)


def _panel(
    title: str,
    measures: tuple[Measure, ...],
    high: int,
    bands: Sequence[SeverityBand],
    weight: float,
    low_caption: str = "",
    high_caption: str = "",
) -> ChartPanel:
    shown = tuple(b for b in bands if b.low < high)
    ticks = (
        tuple(sorted({b.low for b in shown} | {high})) if shown else tuple(range(0, high + 1, 2))
    )
    return ChartPanel(title, measures, 0, high, ticks, shown, weight, low_caption, high_caption)


def build_timeline(
    record: ClientRecord,
    today: dt.date | None = None,
    *,
    hamd_bands: Sequence[SeverityBand] = DEFAULT_HAMD_BANDS,
) -> Timeline:
    """The timeline of one client's record. ``today`` marks the present (None: no marker)."""
    episodes = {e.id: e for e in record.episodes}
    markers = _session_markers(record.sessions, episodes, initial_tasks_by_session(record))
    events = tuple(
        EventMarker(e.id, e.date, e.kind, e.description)
        for e in sorted(record.life_events, key=lambda e: (e.date, e.id))
    )
    current = record.current_episode
    planned_end = None if current is None else planned_end_date(current, record.sessions)

    untreated = untreated_spans(record)
    data_dates = [m.date for m in markers] + [e.date for e in events]
    # The onset widens the axis by at most UNTREATED_REACH (a years-old onset would
    # squeeze the course into a corner); the span itself keeps its true start.
    axis_dates = data_dates + [max(u.start, u.end - UNTREATED_REACH) for u in untreated]
    last = max(data_dates, default=None)
    active = record.client.ended_on is None
    for future in (planned_end, today):
        if future is not None and active and (last is None or future <= last + FUTURE_REACH):
            axis_dates.append(future)
    fallback = today or (current.start_date if current else None) or dt.date.today()
    axis = padded_axis(axis_dates, fallback)

    outcome = phq9_outcome(record.sessions)
    baseline = None if outcome is None else outcome.baseline
    return Timeline(
        axis=axis,
        phases=_phase_bands(markers, episodes),
        sessions=markers,
        series=_series(markers, check_bands("hamd_bands", hamd_bands, HAMD_MAX)),
        events=events,
        outcome=OutcomeMarkers(
            baseline_phq9=baseline,
            response_line=baseline * RESPONSE_FRACTION if baseline else None,
            remission_line=PHQ9_REMISSION_BELOW - 0.5 if outcome is not None else None,
            item9_dates=tuple(sorted({m.date for m in markers if m.item9_positive})),
            planned_end=planned_end,
            today=today if today is not None and axis.start <= today <= axis.end else None,
        ),
        untreated=untreated,
    )


def _session_markers(
    sessions: Sequence[Session],
    episodes: dict[str, Episode],
    initial_tasks: dict[str, tuple[PhaseTask, ...]],
) -> tuple[SessionMarker, ...]:
    numbers = session_numbers(sessions)
    markers: list[SessionMarker] = []
    for s in sessions:
        number = numbers[s.id]
        episode = episodes.get(s.episode_id)
        if episode is not None:
            phase, planned = effective_phase(s, episode, number), episode.planned_sessions
        else:  # an orphan session still shows; its phase is the override or the first one
            phase, planned = s.phase_override or Phase.INITIAL, 0
        markers.append(
            SessionMarker(
                session_id=s.id,
                date=s.date,
                number=number,
                planned=planned,
                episode_id=s.episode_id,
                phase=phase,
                mood=s.mood,
                phq9=None if s.phq9 is None else phq9_total(s.phq9),
                hamd=s.hamd,
                gad7=None if s.gad7 is None else gad7_total(s.gad7),
                item9_positive=item9_positive(s.phq9),
                signed=s.is_signed,
                initial_tasks=initial_tasks.get(s.id, ()),
            )
        )
    starts = {e.id: e.start_date for e in episodes.values()}
    markers.sort(key=lambda m: (m.date, starts.get(m.episode_id, m.date), m.number, m.session_id))
    return tuple(markers)


def _series(
    markers: Sequence[SessionMarker], hamd_bands: tuple[SeverityBand, ...]
) -> tuple[MeasureSeries, ...]:
    specs = (
        (Measure.MOOD, MOOD_MAX, (), True),
        (Measure.PHQ9, PHQ9_MAX, PHQ9_BANDS, True),
        (Measure.GAD7, GAD7_MAX, GAD7_BANDS, False),
        (Measure.HAMD, HAMD_MAX, hamd_bands, False),
    )
    result: list[MeasureSeries] = []
    for measure, high, bands, always in specs:
        points = tuple(
            SeriesPoint(m.date, value, m.session_id)
            for m in markers
            if (value := m.value(measure)) is not None
        )
        if points or always:
            result.append(MeasureSeries(measure, measure.label, 0, high, points, tuple(bands)))
    return tuple(result)


def _phase_bands(
    markers: Sequence[SessionMarker], episodes: dict[str, Episode]
) -> tuple[PhaseBand, ...]:
    """Runs of sessions in one phase, per episode; a boundary lies halfway between the last
    session of one phase and the first of the next, and an episode's bands reach half a
    session interval beyond its first and last sessions (never into another episode)."""
    by_episode: defaultdict[str, list[SessionMarker]] = defaultdict(list)
    for marker in markers:
        by_episode[marker.episode_id].append(marker)
    groups = sorted(by_episode.values(), key=lambda ms: (ms[0].date, ms[-1].date))
    spans: list[list[PhaseBand]] = []
    for group in groups:
        episode = episodes.get(group[0].episode_id)
        days = session_interval(episode).days if episode is not None else 7
        edge = dt.timedelta(days=max(1, days // 2))
        runs: list[list[SessionMarker]] = []
        for marker in group:
            if runs and runs[-1][-1].phase is marker.phase:
                runs[-1].append(marker)
            else:
                runs.append([marker])
        bands: list[PhaseBand] = []
        for i, run in enumerate(runs):
            start = run[0].date - edge if i == 0 else bands[-1].end
            if i + 1 < len(runs):
                nxt = runs[i + 1][0].date
                end = run[-1].date + (nxt - run[-1].date) // 2
            else:
                end = run[-1].date + edge
            bands.append(PhaseBand(run[0].phase, start, end, run[0].phase.label))
        spans.append(bands)
    for before, after in pairwise(spans):
        if before[-1].end > after[0].start:  # the episodes' margins meet: split the gap
            a, b = before[-1], after[0]
            middle = max(a.start, min(b.end, a.end - (a.end - b.start) // 2))
            before[-1] = PhaseBand(a.phase, a.start, middle, a.label)
            after[0] = PhaseBand(b.phase, middle, b.end, b.label)
    merged: list[PhaseBand] = []
    for band in (b for bands in spans for b in bands):
        if merged and merged[-1].phase is band.phase and merged[-1].end >= band.start:
            prev = merged[-1]
            merged[-1] = PhaseBand(prev.phase, prev.start, max(prev.end, band.end), prev.label)
        else:
            merged.append(band)
    return tuple(merged)
