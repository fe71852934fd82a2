"""The timeline's time axis: its range, week ticks, date labels, and which labels fit.

Plain data shared by the two renderers (the Qt widget and the PDF), so both put the same
ticks and the same labels at the same places. Renderers ask for "at most N labels" (N from
the width they have and the width of their widest label), never pick dates themselves.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .date_words import MONTH_ABBREVIATIONS

#: Month steps tried for labels and ticks, finest first (12 and up label years only).
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60)
#: Spans up to this many days are labelled by week ("4 Mar") when the labels fit.
WEEK_LABEL_MAX_DAYS = 91
#: The shortest axis: a lone session still gets four weeks of context.
MIN_SPAN_DAYS = 28
#: Room left on each side of the data, as a fraction of the span (at least MIN_MARGIN_DAYS).
MARGIN_FRACTION = 0.03
MIN_MARGIN_DAYS = 4
#: Labels a renderer shows when it does not say how many fit.
DEFAULT_MAX_LABELS = 12
#: The least room left before and after a contract when the view shows just it.
WINDOW_MARGIN_DAYS = 7
#: The widest label text this module produces (renderers measure it to size their gaps).
WIDEST_LABEL = "30 Sep 2024"


@dataclass(frozen=True)
class TimeAxis:
    """Dates from ``start`` to ``end``; ``fraction`` maps a date to 0 (start) .. 1 (end)."""

    start: dt.date
    end: dt.date
    week_ticks: tuple[dt.date, ...]
    month_labels: tuple[tuple[dt.date, str], ...]

    @property
    def days(self) -> int:
        return max(1, (self.end - self.start).days)

    def fraction(self, d: dt.date) -> float:
        """Where ``d`` lies: 0.0 at ``start``, 1.0 at ``end`` (beyond them: below 0, above 1)."""
        return (d - self.start).days / self.days

    def date_at(self, fraction: float) -> dt.date:
        """The date nearest to ``fraction`` (the inverse of ``fraction``)."""
        return self.start + dt.timedelta(days=round(fraction * self.days))

    def window(self, first: dt.date, last: dt.date) -> tuple[float, float]:
        """The view (fractions of the axis) showing ``first``..``last`` with a small margin on
        each side: a tenth of the span, at least ``WINDOW_MARGIN_DAYS``; within 0..1."""
        if last < first:
            first, last = last, first
        margin = max(WINDOW_MARGIN_DAYS, (last - first).days // 10)
        lo = self.fraction(first - dt.timedelta(days=margin))
        hi = self.fraction(last + dt.timedelta(days=margin))
        return (max(0.0, lo), min(1.0, hi))

    def labels_fitting(self, max_labels: int) -> tuple[tuple[dt.date, str], ...]:
        """At most ``max_labels`` date labels, the finest level of detail that fits."""
        return date_labels(self.start, self.end, max_labels)

    def ticks_fitting(self, max_ticks: int) -> tuple[dt.date, ...]:
        """Minor ticks: the week ticks if they fit, else month starts at a step that fits."""
        if len(self.week_ticks) <= max_ticks:
            return self.week_ticks
        for step in MONTH_STEPS:
            ticks = month_starts(self.start, self.end, step)
            if len(ticks) <= max_ticks:
                return ticks
        return ()


def make_axis(start: dt.date, end: dt.date) -> TimeAxis:
    """The axis over exactly ``start``..``end`` (the widget uses it for a zoomed view)."""
    if end <= start:
        end = start + dt.timedelta(days=1)
    return TimeAxis(
        start=start,
        end=end,
        week_ticks=mondays(start, end),
        month_labels=date_labels(start, end, DEFAULT_MAX_LABELS),
    )


def padded_axis(dates: Sequence[dt.date], fallback: dt.date) -> TimeAxis:
    """An axis that shows every date of ``dates`` with a margin on both sides.

    With no dates the axis is MIN_SPAN_DAYS around ``fallback``; a short span is widened
    around its middle so a lone session does not fill the whole width.
    """
    first = min(dates, default=fallback)
    last = max(dates, default=fallback)
    span = (last - first).days
    if span < MIN_SPAN_DAYS:
        extra = MIN_SPAN_DAYS - span
        first -= dt.timedelta(days=extra // 2)
        last += dt.timedelta(days=extra - extra // 2)
        span = MIN_SPAN_DAYS
    margin = dt.timedelta(days=max(MIN_MARGIN_DAYS, round(span * MARGIN_FRACTION)))
    return make_axis(first - margin, last + margin)


def mondays(start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
    """Every Monday from ``start`` to ``end`` inclusive (the week ticks)."""
    first = start + dt.timedelta(days=(7 - start.weekday()) % 7)
    count = 0 if first > end else (end - first).days // 7 + 1
    return tuple(first + dt.timedelta(weeks=i) for i in range(count))


def month_starts(start: dt.date, end: dt.date, step: int = 1) -> tuple[dt.date, ...]:
    """First days of months within ``start``..``end`` whose month index is a multiple of
    ``step`` (step 3: Jan, Apr, Jul, Oct; step 12: January; step 24: January of even years)."""
    result: list[dt.date] = []
    year, month = start.year, start.month
    if start.day != 1:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    while (current := dt.date(year, month, 1)) <= end:
        index = year * 12 + month - 1
        if index % step == 0:
            result.append(current)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(result)


def date_labels(start: dt.date, end: dt.date, max_labels: int) -> tuple[tuple[dt.date, str], ...]:
    """Date labels for ``start``..``end``: the finest level that gives at most ``max_labels``.

    Short spans are labelled by week ("4 Mar", the first one with its year), longer ones by
    month ("Mar", with the year on January and on the first label: "Mar 2024"), long ones by
    year ("2024"). Each label sits at its date (a Monday, or the first of its month).
    """
    max_labels = max(1, max_labels)
    if (end - start).days <= WEEK_LABEL_MAX_DAYS:
        for every in (1, 2):
            weeks = mondays(start, end)[::every]
            if 2 <= len(weeks) <= max_labels:
                return tuple(
                    (d, f"{d.day} {MONTH_ABBREVIATIONS[d.month - 1]}"
                        + (f" {d.year}" if i == 0 else ""))
                    for i, d in enumerate(weeks)
                )  # fmt: skip
    months: tuple[dt.date, ...] = ()
    for step in MONTH_STEPS:
        months = month_starts(start, end, step)
        if len(months) <= max_labels:
            break
    else:
        months = months[:: -(-len(months) // max_labels)]
    step_is_yearly = (
        len(months) >= 2
        and (months[1].year - months[0].year) * 12 + (months[1].month - months[0].month) >= 12
    )
    labels: list[tuple[dt.date, str]] = []
    for i, d in enumerate(months):
        if step_is_yearly or (len(months) == 1 and d.month == 1):
            text = str(d.year)
        elif d.month == 1 or i == 0:
            text = f"{MONTH_ABBREVIATIONS[d.month - 1]} {d.year}"
        else:
            text = MONTH_ABBREVIATIONS[d.month - 1]
        labels.append((d, text))
    return tuple(labels)


def non_overlapping(
    positions: Sequence[float], widths: Sequence[float], priorities: Sequence[int], gap: float
) -> tuple[int, ...]:
    """Indices of the labels to draw so that none overlap (each centred at its position).

    Higher priorities are placed first, then left to right; a label is kept when it stays
    ``gap`` away from every label already kept. Returned in index order.
    """
    order = sorted(range(len(positions)), key=lambda i: (-priorities[i], positions[i]))
    kept: list[tuple[float, float]] = []  # (left, right), sorted by left
    chosen: list[int] = []
    for i in order:
        left = positions[i] - widths[i] / 2 - gap / 2
        right = positions[i] + widths[i] / 2 + gap / 2
        lo, hi = 0, len(kept)
        while lo < hi:  # first kept interval starting at or after ``left``
            mid = (lo + hi) // 2
            if kept[mid][0] < left:
                lo = mid + 1
            else:
                hi = mid
        if lo > 0 and kept[lo - 1][1] > left:
            continue
        if lo < len(kept) and kept[lo][0] < right:
            continue
        kept.insert(lo, (left, right))
        chosen.append(i)
    return tuple(sorted(chosen))
