"""Dates in words, one wording for the screen, the tooltips and the printed documents.

Day, month name, year ("4 March 2025"): unambiguous on both sides of the Atlantic, unlike
04/03/2025, and independent of the machine's locale (English names, as the documents are).
"""

import datetime as dt

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
MONTH_ABBREVIATIONS = tuple(month[:3] for month in MONTHS)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBREVIATIONS = tuple(day[:3] for day in WEEKDAYS)


def long_date(day: dt.date) -> str:
    """``4 March 2025``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def medium_date(day: dt.date) -> str:
    """``4 Mar 2025``."""
    return f"{day.day} {MONTH_ABBREVIATIONS[day.month - 1]} {day.year}"


def weekday_long_date(day: dt.date) -> str:
    """``Tuesday 4 March 2025`` (confirms what was typed into a date field)."""
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"


def weekday_medium_date(day: dt.date) -> str:
    """``Tue 4 Mar 2025`` (where room is short, as in a tooltip)."""
    return f"{WEEKDAY_ABBREVIATIONS[day.weekday()]} {medium_date(day)}"
