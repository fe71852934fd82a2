"""Outcome rules: response, remission and minimal important change (IPT.md, "Measures").

These compare two scores; *when* a verdict may be given (end of an adequate course, one
primary measure, IPT-M) is ``verdict.py``.

An outcome compares the earliest session having a measure (the baseline) with the latest
one, ordering sessions by (date, id). Lower scores are better on every scale here.
"""

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .measures import gad7_total, phq9_total
from .model import Session

RESPONSE_FRACTION = 0.5
PHQ9_REMISSION_BELOW = 5
HAMD_REMISSION_AT_OR_BELOW = 7
GAD7_REMISSION_BELOW = 5
#: The smallest PHQ-9 change that matters for one person.
PHQ9_MIC = 5
#: GAD-7 minimal clinically important difference (Toussaint et al., 2020).
GAD7_MIC = 4


class Measure(StrEnum):
    MOOD = "mood"
    PHQ9 = "phq9"
    HAMD = "hamd"
    GAD7 = "gad7"

    @property
    def label(self) -> str:
        return {
            Measure.MOOD: "Mood",
            Measure.PHQ9: "PHQ-9",
            Measure.HAMD: "HAM-D",
            Measure.GAD7: "GAD-7",
        }[self]


#: Remission presupposes a baseline in the clinical range (PHQ-9 10+, HAM-D 8+; GAD-7 10+,
#: its usual cut-off): a client who started at PHQ-9 8 and ends at 3 improved, not remitted.
CLINICAL_BASELINE: dict[Measure, int] = {Measure.PHQ9: 10, Measure.HAMD: 8, Measure.GAD7: 10}


@dataclass(frozen=True)
class Outcome:
    measure: Measure
    baseline: int
    latest: int
    baseline_date: dt.date
    latest_date: dt.date
    change: int  # latest - baseline (negative = better)
    percent_change: float | None  # None when the baseline is 0
    response: bool
    remission: bool
    minimal_important_change: bool  # improved by at least the measure's MIC
    #: How many sessions had this measure; 1 means only a baseline exists.
    measurements: int = 2


def is_response(baseline: int, latest: int) -> bool:
    """At least 50% below a baseline above 0."""
    return baseline > 0 and latest <= baseline * RESPONSE_FRACTION


def mic_for(measure: Measure) -> int | None:
    """Points of improvement that matter for one person, or None where IPT.md names none."""
    return {Measure.PHQ9: PHQ9_MIC, Measure.GAD7: GAD7_MIC}.get(measure)


def clinical_baseline(measure: Measure, baseline: int) -> bool:
    """The baseline is in the clinical range, so remission can be judged from it."""
    threshold = CLINICAL_BASELINE.get(measure)
    return threshold is not None and baseline >= threshold


def is_remission(measure: Measure, latest: int) -> bool:
    """The latest score is in the remission range (the baseline is checked separately)."""
    if measure is Measure.PHQ9:
        return latest < PHQ9_REMISSION_BELOW
    if measure is Measure.HAMD:
        return latest <= HAMD_REMISSION_AT_OR_BELOW
    if measure is Measure.GAD7:
        return latest < GAD7_REMISSION_BELOW
    return False


def _outcome(
    measure: Measure, sessions: Sequence[Session], score: Callable[[Session], int | None]
) -> Outcome | None:
    scored = [(s.date, s.id, value) for s in sessions if (value := score(s)) is not None]
    if not scored:
        return None
    scored.sort(key=lambda row: (row[0], row[1]))
    first_date, _, baseline = scored[0]
    last_date, _, latest = scored[-1]
    single = len(scored) == 1
    mic = mic_for(measure)
    return Outcome(
        measure=measure,
        baseline=baseline,
        latest=latest,
        baseline_date=first_date,
        latest_date=last_date,
        change=latest - baseline,
        percent_change=None if baseline == 0 else (latest - baseline) * 100.0 / baseline,
        response=is_response(baseline, latest),
        # A first measurement cannot show remission: it is where treatment starts.
        remission=not single
        and clinical_baseline(measure, baseline)
        and is_remission(measure, latest),
        minimal_important_change=mic is not None and baseline - latest >= mic,
        measurements=len(scored),
    )


def phq9_outcome(sessions: Sequence[Session]) -> Outcome | None:
    return _outcome(
        Measure.PHQ9, sessions, lambda s: None if s.phq9 is None else phq9_total(s.phq9)
    )


def hamd_outcome(sessions: Sequence[Session]) -> Outcome | None:
    return _outcome(Measure.HAMD, sessions, lambda s: s.hamd)


def gad7_outcome(sessions: Sequence[Session]) -> Outcome | None:
    return _outcome(
        Measure.GAD7, sessions, lambda s: None if s.gad7 is None else gad7_total(s.gad7)
    )


def describe(outcome: Outcome) -> str:
    """A short plain-words label for an outcome, most meaningful rule first."""
    if outcome.measurements < 2:
        return "Baseline only"
    if outcome.remission:
        return "Remission"
    if outcome.response:
        return "Response"
    mic = mic_for(outcome.measure)
    if mic is None:
        # Mood runs the other way: 10 is the best day.
        worsening = -outcome.change if outcome.measure is Measure.MOOD else outcome.change
        if worsening < 0:
            return "Improved"
        return "Worse" if worsening > 0 else "No change"
    if outcome.minimal_important_change:
        return f"Improved ({mic}+ points)"
    if outcome.change >= mic:
        return "Worse"
    return "No reliable change"
