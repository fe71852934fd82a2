"""PHQ-9, GAD-7 and HAM-D totals, severity bands and the item-9 flag (IPT.md, "Measures")."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipt_desktop.domain.enums import Severity
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.measures import (
    DEFAULT_HAMD_BANDS,
    GAD7_BANDS,
    GAD7_ITEMS,
    HAMD_MAX,
    PHQ9_BANDS,
    PHQ9_ITEMS,
    SeverityBand,
    band_for,
    check_bands,
    gad7_severity,
    gad7_total,
    hamd_severity,
    item9_positive,
    phq9_severity,
    phq9_total,
)

SEVERITY_ORDER = list(Severity)


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        (0, Severity.MINIMAL),
        (4, Severity.MINIMAL),
        (5, Severity.MILD),
        (9, Severity.MILD),
        (10, Severity.MODERATE),
        (14, Severity.MODERATE),
        (15, Severity.MODERATELY_SEVERE),
        (19, Severity.MODERATELY_SEVERE),
        (20, Severity.SEVERE),
        (27, Severity.SEVERE),
    ],
)
def test_phq9_severity_bands_and_boundaries(total: int, expected: Severity) -> None:
    assert phq9_severity(total) is expected


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        (0, Severity.MINIMAL),
        (4, Severity.MINIMAL),
        (5, Severity.MILD),
        (9, Severity.MILD),
        (10, Severity.MODERATE),
        (14, Severity.MODERATE),
        (15, Severity.SEVERE),
        (21, Severity.SEVERE),
    ],
)
def test_gad7_severity_bands_and_boundaries(total: int, expected: Severity) -> None:
    assert gad7_severity(total) is expected


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        (0, Severity.NORMAL),
        (7, Severity.NORMAL),
        (8, Severity.MILD),
        (13, Severity.MILD),
        (14, Severity.MODERATE),
        (18, Severity.MODERATE),
        (19, Severity.SEVERE),
        (22, Severity.SEVERE),
        (23, Severity.VERY_SEVERE),
        (52, Severity.VERY_SEVERE),
    ],
)
def test_hamd_default_bands_and_boundaries(total: int, expected: Severity) -> None:
    assert hamd_severity(total) is expected


def test_hamd_bands_are_configurable() -> None:
    bands = check_bands(
        "hamd_bands",
        [
            SeverityBand(0, 6, Severity.NORMAL),
            SeverityBand(7, 17, Severity.MILD),
            SeverityBand(18, 24, Severity.MODERATE),
            SeverityBand(25, HAMD_MAX, Severity.SEVERE),
        ],
        HAMD_MAX,
    )
    assert hamd_severity(7, bands) is Severity.MILD
    assert hamd_severity(7) is Severity.NORMAL
    assert band_for(20, bands) == SeverityBand(18, 24, Severity.MODERATE)


@pytest.mark.parametrize(
    ("bands", "field"),
    [
        ([], "hamd_bands"),
        ([SeverityBand(1, 52, Severity.MILD)], "hamd_bands[0]"),  # does not start at 0
        (
            [SeverityBand(0, 7, Severity.NORMAL), SeverityBand(9, 52, Severity.MILD)],
            "hamd_bands[1]",  # gap at 8
        ),
        (
            [SeverityBand(0, 7, Severity.NORMAL), SeverityBand(7, 52, Severity.MILD)],
            "hamd_bands[1]",  # overlap at 7
        ),
        ([SeverityBand(0, 40, Severity.NORMAL)], "hamd_bands"),  # stops short of 52
    ],
)
def test_check_bands_refuses_gaps_overlaps_and_short_ranges(
    bands: list[SeverityBand], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        check_bands("hamd_bands", bands, HAMD_MAX)
    assert caught.value.field == field


@pytest.mark.parametrize(("bands", "high"), [(PHQ9_BANDS, 27), (GAD7_BANDS, 21)])
def test_shipped_bands_cover_the_whole_scale(bands: tuple[SeverityBand, ...], high: int) -> None:
    assert check_bands("bands", bands, high) == bands
    assert check_bands("bands", DEFAULT_HAMD_BANDS, HAMD_MAX) == DEFAULT_HAMD_BANDS


def test_severity_band_refuses_a_reversed_range() -> None:
    with pytest.raises(ValidationError) as caught:
        SeverityBand(9, 5, Severity.MILD)
    assert caught.value.field == "high"


@pytest.mark.parametrize(
    ("function", "total", "field"),
    [
        (phq9_severity, -1, "phq9"),
        (phq9_severity, 28, "phq9"),
        (phq9_severity, True, "phq9"),
        (gad7_severity, 22, "gad7"),
        (hamd_severity, 53, "hamd"),
        (hamd_severity, -1, "hamd"),
    ],
)
def test_totals_outside_the_scale_are_refused(function: object, total: int, field: str) -> None:
    assert callable(function)
    with pytest.raises(ValidationError) as caught:
        function(total)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([0] * 9, 0),
        ([3] * 9, 27),
        ([1, 2, 3, 0, 1, 2, 3, 0, 1], 13),
    ],
)
def test_phq9_total_adds_the_nine_answers(items: list[int], expected: int) -> None:
    assert phq9_total(items) == expected


@pytest.mark.parametrize(
    ("items", "field"),
    [
        ([0] * 8, "phq9"),
        ([0] * 10, "phq9"),
        ([0, 0, 0, 0, 4, 0, 0, 0, 0], "phq9[4]"),
        ([0, 0, 0, 0, 0, 0, 0, 0, -1], "phq9[8]"),
        ([True, 0, 0, 0, 0, 0, 0, 0, 0], "phq9[0]"),
    ],
)
def test_phq9_total_refuses_bad_answers(items: list[int], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        phq9_total(items)
    assert caught.value.field == field


def test_gad7_total_adds_the_seven_answers_and_checks_the_count() -> None:
    assert gad7_total([3, 3, 3, 3, 3, 3, 3]) == 21
    assert gad7_total([0, 1, 2, 3, 0, 1, 2]) == 9
    with pytest.raises(ValidationError) as caught:
        gad7_total([0] * 9)
    assert caught.value.field == "gad7"


def test_item_wordings_are_shipped_and_item_9_is_about_self_harm() -> None:
    assert len(PHQ9_ITEMS) == 9
    assert len(GAD7_ITEMS) == 7
    assert "better off dead" in PHQ9_ITEMS[8]
    assert "hurting yourself" in PHQ9_ITEMS[8]


@pytest.mark.parametrize(
    ("phq9", "positive"),
    [
        (None, False),
        ((0,) * 9, False),
        ((3, 3, 3, 3, 3, 3, 3, 3, 0), False),  # a high total alone does not raise the flag
        ((0, 0, 0, 0, 0, 0, 0, 0, 1), True),  # the lowest positive answer does
        ((0, 0, 0, 0, 0, 0, 0, 0, 2), True),
        ((0, 0, 0, 0, 0, 0, 0, 0, 3), True),
    ],
)
def test_item9_positive_is_any_answer_above_zero(
    phq9: tuple[int, ...] | None, positive: bool
) -> None:
    assert item9_positive(phq9) is positive


answers = st.lists(st.integers(min_value=0, max_value=3), min_size=9, max_size=9)


@given(answers, answers)
def test_phq9_total_is_in_range_and_severity_is_monotone(a: list[int], b: list[int]) -> None:
    low, high = sorted((phq9_total(a), phq9_total(b)))
    assert 0 <= low <= high <= 27
    assert SEVERITY_ORDER.index(phq9_severity(low)) <= SEVERITY_ORDER.index(phq9_severity(high))


@given(st.integers(min_value=0, max_value=HAMD_MAX), st.integers(min_value=0, max_value=HAMD_MAX))
def test_hamd_severity_is_monotone(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert SEVERITY_ORDER.index(hamd_severity(low)) <= SEVERITY_ORDER.index(hamd_severity(high))
