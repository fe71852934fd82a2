"""How dates, scores, phases and progress read on screen (one wording for every view).

Dates are written day-month-name-year ("4 Mar 2025"): unambiguous for readers on both sides
of the Atlantic, unlike 04/03/2025. Entry fields use ISO YYYY-MM-DD (see ``DateField``).
"""

import datetime as dt

from ipt_desktop.domain.contract import contract_label
from ipt_desktop.domain.date_words import MONTH_ABBREVIATIONS, medium_date, weekday_long_date
from ipt_desktop.domain.enums import Phase, Severity
from ipt_desktop.domain.measures import PHQ9_MAX, phq9_severity

NONE_TEXT = "—"


def format_date(day: dt.date | None) -> str:
    """``4 Mar 2025``; an em dash for no date."""
    if day is None:
        return NONE_TEXT
    return medium_date(day)


def format_short_date(day: dt.date | None, today: dt.date | None = None) -> str:
    """``24 Nov`` within the current year, else ``24 Nov 2025`` (lists where room is short)."""
    if day is None:
        return NONE_TEXT
    this_year = (today or dt.date.today()).year
    short = f"{day.day} {MONTH_ABBREVIATIONS[day.month - 1]}"
    return short if day.year == this_year else medium_date(day)


def format_long_date(day: dt.date | None) -> str:
    """``Tuesday 4 March 2025`` (used to confirm what was typed into a date field)."""
    if day is None:
        return NONE_TEXT
    return weekday_long_date(day)


def format_datetime(moment: dt.datetime | None) -> str:
    """``4 Mar 2025, 14:05`` in local time (aware values are converted; naive ones kept)."""
    if moment is None:
        return NONE_TEXT
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return f"{format_date(local.date())}, {local:%H:%M}"


def days_ago(day: dt.date | None, today: dt.date) -> str:
    """``today``, ``yesterday``, ``5 days ago``, ``in 2 days``; an em dash for no date."""
    if day is None:
        return NONE_TEXT
    delta = (today - day).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "yesterday"
    if delta == -1:
        return "tomorrow"
    if delta < 0:
        return f"in {-delta} days"
    return f"{delta} days ago"


def severity_text(severity: Severity | None) -> str:
    return NONE_TEXT if severity is None else severity.label


def phq9_text(total: int | None) -> str:
    """``14 · Moderate``: the score and its band in words (colour is never the only cue)."""
    if total is None:
        return NONE_TEXT
    if not 0 <= total <= PHQ9_MAX:
        return str(total)
    return f"{total} · {phq9_severity(total).label}"


def phase_text(phase: Phase | None) -> str:
    return "No episode" if phase is None else phase.label


def progress_text(number: int | None, planned: int | None) -> str:
    """``Session 3 of 16``; ``No sessions yet`` before the first; ``Session 17 of 16 (over
    contract)`` past the end of the contract."""
    if planned is None:
        return ""
    if number is None:
        return "No sessions yet"
    return contract_label(number, planned)


def count_text(count: int, singular: str, plural: str | None = None) -> str:
    """``1 client``, ``3 clients``, ``20,000 clients``."""
    word = singular if count == 1 else (plural or singular + "s")
    return f"{count:,} {word}"
