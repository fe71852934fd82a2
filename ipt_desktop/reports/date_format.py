"""Dates as printed: "6 January 2025", the same on A4 and US Letter (no 03/04 ambiguity)."""

import datetime as dt

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def long_date(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def short_date(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1][:3]} {d.year}"


def date_range(start: dt.date, end: dt.date) -> str:
    if start == end:
        return long_date(start)
    return f"{long_date(start)} to {long_date(end)}"
