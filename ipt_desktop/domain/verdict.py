"""Judging an episode's outcome (IPT.md, "Judging the outcome").

A verdict (response, partial response, non-response, remission) is given only at the end of
an adequate course: the episode is ended (the client ended, or a later contract started) or
its planned sessions are reached. Before that the app reports progress, never a verdict.
One primary measure decides: PHQ-9 when the episode has it, else HAM-D. A maintenance
(IPT-M) episode is judged against the acute baseline as staying well or recurrence.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .contract import session_order_key
from .enums import EpisodeKind
from .errors import ValidationError
from .measures import phq9_total
from .model import ClientRecord, Episode, Session
from .outcomes import (
    Measure,
    Outcome,
    gad7_outcome,
    hamd_outcome,
    mic_for,
    phq9_outcome,
)

#: At least this fraction below baseline is a response (Frank et al. 1991).
RESPONSE_DROP = (1, 2)
#: At least this fraction below baseline (and short of a response) is a partial response.
PARTIAL_DROP = (1, 4)
#: IPT-M: a PHQ-9 at or above this at two consecutive measurements is a recurrence.
RECURRENCE_PHQ9 = 10
RECURRENCE_CONSECUTIVE = 2


class Verdict(StrEnum):
    IN_PROGRESS = "in_progress"
    RESPONSE = "response"
    PARTIAL_RESPONSE = "partial_response"
    NON_RESPONSE = "non_response"
    REMISSION = "remission"
    STAYING_WELL = "staying_well"
    RECURRENCE = "recurrence"
    NOT_MEASURED = "not_measured"

    @property
    def label(self) -> str:
        return {
            Verdict.IN_PROGRESS: "In progress",
            Verdict.RESPONSE: "Response",
            Verdict.PARTIAL_RESPONSE: "Partial response",
            Verdict.NON_RESPONSE: "Non-response",
            Verdict.REMISSION: "Remission",
            Verdict.STAYING_WELL: "Staying well",
            Verdict.RECURRENCE: "Recurrence",
            Verdict.NOT_MEASURED: "Not measured",
        }[self]

    @property
    def improved(self) -> bool | None:
        """For the letter's tone: True (helped), False (did not), None (no verdict)."""
        if self in (Verdict.RESPONSE, Verdict.REMISSION, Verdict.STAYING_WELL):
            return True
        if self in (Verdict.NON_RESPONSE, Verdict.PARTIAL_RESPONSE, Verdict.RECURRENCE):
            return False
        return None


#: Words a mid-course or maintenance document must never use (they are acute verdicts).
ACUTE_VERDICT_WORDS = ("response", "remission", "non-response", "fell short", "not enough")


def drop_at_least(baseline: int, latest: int, fraction: tuple[int, int]) -> bool:
    """``latest`` is at least ``fraction`` (num, den) below ``baseline``; exact in integers."""
    num, den = fraction
    return baseline > 0 and (baseline - latest) * den >= baseline * num


def acute_band(baseline: int, latest: int) -> Verdict:
    """Response (>= 50% below baseline), partial (25-49%) or non-response (< 25%)."""
    if drop_at_least(baseline, latest, RESPONSE_DROP):
        return Verdict.RESPONSE
    if drop_at_least(baseline, latest, PARTIAL_DROP):
        return Verdict.PARTIAL_RESPONSE
    return Verdict.NON_RESPONSE


def acute_verdict(outcome: Outcome | None) -> Verdict:
    """The verdict of a finished acute course on its primary measure."""
    if outcome is None or outcome.measurements < 2:
        return Verdict.NOT_MEASURED
    if outcome.remission:
        return Verdict.REMISSION
    return acute_band(outcome.baseline, outcome.latest)


def recurrence_in(phq9_totals: Sequence[int]) -> bool:
    """PHQ-9 at or above 10 at two consecutive measurements."""
    run = 0
    for total in phq9_totals:
        run = run + 1 if total >= RECURRENCE_PHQ9 else 0
        if run >= RECURRENCE_CONSECUTIVE:
            return True
    return False


@dataclass(frozen=True)
class EpisodeJudgement:
    verdict: Verdict
    #: The primary measure from baseline to latest (for IPT-M: the acute baseline).
    primary: Outcome | None
    #: Other measures, shown beside the primary one, never part of the verdict.
    secondary: tuple[Outcome, ...]
    #: The course is over (ended, or its planned sessions reached): a verdict may be given.
    complete: bool
    kind: EpisodeKind

    @property
    def is_verdict(self) -> bool:
        """A verdict word may be printed (acute verdicts only at the end of the course)."""
        return self.verdict not in (Verdict.IN_PROGRESS, Verdict.NOT_MEASURED)


def find_episode(record: ClientRecord, episode_id: str) -> Episode:
    for episode in record.episodes:
        if episode.id == episode_id:
            return episode
    raise ValidationError("episode_id", "is not an episode of this client")


def course_complete(record: ClientRecord, episode: Episode) -> bool:
    """Ended (the client ended, or a later contract started) or planned sessions reached."""
    if record.client.ended_on is not None:
        return True
    if any(e.start_date > episode.start_date for e in record.episodes if e.id != episode.id):
        return True
    return len(record.sessions_of(episode.id)) >= episode.planned_sessions


def _primary_and_secondary(
    sessions: Sequence[Session],
) -> tuple[Outcome | None, tuple[Outcome, ...]]:
    phq9, hamd, gad7 = phq9_outcome(sessions), hamd_outcome(sessions), gad7_outcome(sessions)
    primary = phq9 if phq9 is not None else hamd
    secondary = tuple(o for o in (phq9, hamd, gad7) if o is not None and o is not primary)
    return primary, secondary


def acute_episode_before(record: ClientRecord, episode: Episode) -> Episode | None:
    """The latest acute episode that started on or before ``episode``."""
    earlier = [
        e
        for e in record.episodes
        if e.kind is EpisodeKind.ACUTE and e.start_date <= episode.start_date and e.id != episode.id
    ]
    return max(earlier, key=lambda e: e.start_date, default=None)


def _maintenance(record: ClientRecord, episode: Episode) -> EpisodeJudgement:
    own = sorted(record.sessions_of(episode.id), key=session_order_key)
    acute = acute_episode_before(record, episode)
    acute_sessions = (
        [] if acute is None else sorted(record.sessions_of(acute.id), key=session_order_key)
    )
    acute_phq9 = [s for s in acute_sessions if s.phq9 is not None][:1]
    # Judged against the acute baseline: the first PHQ-9 of the acute course, then IPT-M's own.
    primary = phq9_outcome([*acute_phq9, *own])
    _own_primary, secondary = _primary_and_secondary(own)
    secondary = tuple(o for o in secondary if o.measure is not Measure.PHQ9)
    totals = [phq9_total(s.phq9) for s in own if s.phq9 is not None]
    if episode.recurrence_on is not None or recurrence_in(totals):
        verdict = Verdict.RECURRENCE
    elif totals:
        verdict = Verdict.STAYING_WELL
    else:
        verdict = Verdict.NOT_MEASURED
    return EpisodeJudgement(
        verdict=verdict,
        primary=primary,
        secondary=secondary,
        complete=course_complete(record, episode),
        kind=episode.kind,
    )


def judge_episode(record: ClientRecord, episode_id: str) -> EpisodeJudgement:
    episode = find_episode(record, episode_id)
    if episode.kind is EpisodeKind.MAINTENANCE:
        return _maintenance(record, episode)
    sessions = sorted(record.sessions_of(episode.id), key=session_order_key)
    primary, secondary = _primary_and_secondary(sessions)
    complete = course_complete(record, episode)
    if primary is None:
        verdict = Verdict.NOT_MEASURED
    elif not complete:
        verdict = Verdict.IN_PROGRESS
    else:
        verdict = acute_verdict(primary)
    return EpisodeJudgement(
        verdict=verdict, primary=primary, secondary=secondary, complete=complete, kind=episode.kind
    )


def current_verdict(record: ClientRecord) -> Verdict:
    """The outcome so far of the client's current (latest-starting) episode."""
    episode = record.current_episode
    if episode is None:
        return Verdict.NOT_MEASURED
    return judge_episode(record, episode.id).verdict


def progress_words(outcome: Outcome | None) -> str:
    """Change from baseline with no verdict word, e.g. "PHQ-9 18 -> 11 (-7, -39%)"."""
    if outcome is None:
        return "No measures yet"
    if outcome.measurements < 2:
        return f"{outcome.measure.label} baseline {outcome.baseline}"
    sign = "+" if outcome.change > 0 else ""
    percent = "" if outcome.percent_change is None else f", {sign}{outcome.percent_change:.0f}%"
    return (
        f"{outcome.measure.label} {outcome.baseline} \N{RIGHTWARDS ARROW} {outcome.latest} "
        f"({sign}{outcome.change}{percent})"
    )


def change_words(outcome: Outcome) -> str:
    """The change on a measure in words that are never a verdict (for measures shown beside
    the primary one, and for progress mid-course)."""
    if outcome.measurements < 2:
        return "Baseline only"
    mic = mic_for(outcome.measure)
    if mic is not None:
        if outcome.baseline - outcome.latest >= mic:
            return f"Improved ({mic}+ points)"
        if outcome.change >= mic:
            return "Worse"
        return "No reliable change"
    if outcome.change < 0:
        return "Lower"
    return "Higher" if outcome.change > 0 else "No change"
