"""Grief is defined as a death everywhere (IPT.md): other losses are role transitions."""

import datetime as dt

from ipt_desktop.domain import graduation_wording
from ipt_desktop.domain.enums import LifeEventKind, ProblemArea
from ipt_desktop.domain.timeline import EventMarker


def test_the_letter_words_for_grief_speak_of_a_death() -> None:
    words = graduation_wording.focus_words(ProblemArea.GRIEF).lower()
    assert "death" in words and "your loss" not in words


def test_a_grief_event_on_the_timeline_is_labelled_a_death() -> None:
    marker = EventMarker("id", dt.date(2025, 1, 1), LifeEventKind.GRIEF, "Father died")
    assert marker.kind_label == "Death"
