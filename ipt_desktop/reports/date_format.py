"""Dates as printed: "6 January 2025", the same on A4 and US Letter (no 03/04 ambiguity).
The wording itself is ``domain.date_words``, shared with the screen."""

import datetime as dt

from ipt_desktop.domain.date_words import long_date
from ipt_desktop.domain.date_words import medium_date as short_date

__all__ = ["date_range", "long_date", "short_date"]


def date_range(start: dt.date, end: dt.date) -> str:
    if start == end:
        return long_date(start)
    return f"{long_date(start)} to {long_date(end)}"
