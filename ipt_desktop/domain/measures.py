"""Rating scales: PHQ-9, GAD-7 and HAM-D totals and severity bands (IPT.md, "Measures").

PHQ-9 and GAD-7 were released without copyright restriction; their item wordings are
shipped here in short form. HAM-D bands differ between sources, so they are data
(``DEFAULT_HAMD_BANDS``) that a caller may replace after ``check_bands``.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from .enums import Severity
from .errors import ValidationError
from .validation import check_int, check_items

PHQ9_ITEMS: tuple[str, ...] = (
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself, or that you are a failure or have let yourself "
    "or your family down",
    "Trouble concentrating on things, such as reading or watching television",
    "Moving or speaking so slowly that other people could have noticed, or being so "
    "fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead, or of hurting yourself in some way",
)
GAD7_ITEMS: tuple[str, ...] = (
    "Feeling nervous, anxious, or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid, as if something awful might happen",
)
ITEM_MIN = 0
ITEM_MAX = 3
PHQ9_MAX = ITEM_MAX * len(PHQ9_ITEMS)  # 27
GAD7_MAX = ITEM_MAX * len(GAD7_ITEMS)  # 21
HAMD_MAX = 52
#: Index of PHQ-9 item 9 (thoughts of being better off dead or of self-harm).
PHQ9_ITEM9_INDEX = 8


@dataclass(frozen=True)
class SeverityBand:
    """Totals from ``low`` to ``high`` (both included) carry ``severity``."""

    low: int
    high: int
    severity: Severity

    def __post_init__(self) -> None:
        check_int("low", self.low, 0, HAMD_MAX)
        check_int("high", self.high, self.low, HAMD_MAX)
        if not isinstance(self.severity, Severity):
            raise ValidationError("severity", "is not a severity")

    def contains(self, total: int) -> bool:
        return self.low <= total <= self.high


PHQ9_BANDS: tuple[SeverityBand, ...] = (
    SeverityBand(0, 4, Severity.MINIMAL),
    SeverityBand(5, 9, Severity.MILD),
    SeverityBand(10, 14, Severity.MODERATE),
    SeverityBand(15, 19, Severity.MODERATELY_SEVERE),
    SeverityBand(20, PHQ9_MAX, Severity.SEVERE),
)
GAD7_BANDS: tuple[SeverityBand, ...] = (
    SeverityBand(0, 4, Severity.MINIMAL),
    SeverityBand(5, 9, Severity.MILD),
    SeverityBand(10, 14, Severity.MODERATE),
    SeverityBand(15, GAD7_MAX, Severity.SEVERE),
)
DEFAULT_HAMD_BANDS: tuple[SeverityBand, ...] = (
    SeverityBand(0, 7, Severity.NORMAL),
    SeverityBand(8, 13, Severity.MILD),
    SeverityBand(14, 18, Severity.MODERATE),
    SeverityBand(19, 22, Severity.SEVERE),
    SeverityBand(23, HAMD_MAX, Severity.VERY_SEVERE),
)


def check_bands(field: str, bands: Sequence[SeverityBand], high: int) -> tuple[SeverityBand, ...]:
    """Bands must run from 0 to ``high`` in order, with no gap and no overlap."""
    result = tuple(bands)
    if not result:
        raise ValidationError(field, "needs at least one band")
    expected_low = 0
    for i, band in enumerate(result):
        if not isinstance(band, SeverityBand):
            raise ValidationError(f"{field}[{i}]", "is not a severity band")
        if band.low != expected_low:
            raise ValidationError(f"{field}[{i}]", f"must start at {expected_low}")
        expected_low = band.high + 1
    if result[-1].high != high:
        raise ValidationError(field, f"must end at {high}")
    return result


def band_for(total: int, bands: Sequence[SeverityBand]) -> SeverityBand:
    check_int("total", total, 0, max((b.high for b in bands), default=0))
    for band in bands:
        if band.contains(total):
            return band
    raise ValidationError("total", "falls in no severity band")


def phq9_total(items: Sequence[int]) -> int:
    return sum(check_items("phq9", items, len(PHQ9_ITEMS), ITEM_MIN, ITEM_MAX))


def gad7_total(items: Sequence[int]) -> int:
    return sum(check_items("gad7", items, len(GAD7_ITEMS), ITEM_MIN, ITEM_MAX))


def phq9_severity(total: int) -> Severity:
    check_int("phq9", total, 0, PHQ9_MAX)
    return band_for(total, PHQ9_BANDS).severity


def gad7_severity(total: int) -> Severity:
    check_int("gad7", total, 0, GAD7_MAX)
    return band_for(total, GAD7_BANDS).severity


def hamd_severity(total: int, bands: Sequence[SeverityBand] = DEFAULT_HAMD_BANDS) -> Severity:
    check_int("hamd", total, 0, HAMD_MAX)
    return band_for(total, bands).severity


def item9_positive(phq9: Sequence[int] | None) -> bool:
    """Any answer above 0 on PHQ-9 item 9. A 0 (or no PHQ-9) is *not* a judgement of safety."""
    if phq9 is None:
        return False
    items = check_items("phq9", phq9, len(PHQ9_ITEMS), ITEM_MIN, ITEM_MAX)
    return items[PHQ9_ITEM9_INDEX] > 0
