"""One wording for dates everywhere: day, month name, year, whatever the machine's locale."""

import datetime as dt

from ipt_desktop.domain import date_words
from ipt_desktop.reports.date_format import long_date, short_date
from ui.common.ui_text import format_date, format_long_date, format_short_date


def test_the_wordings():
    day = dt.date(2025, 3, 4)
    assert date_words.long_date(day) == "4 March 2025"
    assert date_words.medium_date(day) == "4 Mar 2025"
    assert date_words.weekday_long_date(day) == "Tuesday 4 March 2025"
    assert date_words.weekday_medium_date(dt.date(2024, 3, 12)) == "Tue 12 Mar 2024"
    assert date_words.MONTH_ABBREVIATIONS[8] == "Sep"


def test_screen_and_paper_say_the_same():
    for day in (dt.date(1900, 1, 1), dt.date(2026, 12, 31), dt.date(2024, 2, 29)):
        assert long_date(day) == date_words.long_date(day)
        assert short_date(day) == format_date(day) == date_words.medium_date(day)
        assert format_long_date(day) == date_words.weekday_long_date(day)
    assert format_short_date(dt.date(2025, 11, 24), dt.date(2025, 1, 1)) == "24 Nov"
    assert format_short_date(dt.date(2024, 11, 24), dt.date(2025, 1, 1)) == "24 Nov 2024"
