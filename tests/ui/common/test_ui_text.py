"""Counts the list and the dialogs show."""

from ui.common.ui_text import count_text


def test_counts_have_thousands_separators() -> None:
    assert count_text(1, "client") == "1 client"
    assert count_text(3, "client") == "3 clients"
    assert count_text(20_000, "client") == "20,000 clients"
    assert count_text(1300, "match", "matches") == "1,300 matches"
