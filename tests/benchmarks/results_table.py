"""Benchmark results: one row per operation, printed as a table and written as JSON.

A row holds the median of several runs, the baseline measured in the same run (the same
reads from the plain SQLite file, no encryption, no ORM), their ratio, the budget from
issue 9 and the verdict. A budget may cap the time (or memory), the ratio, or both.
"""

import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


class Verdict(StrEnum):
    MET = "met"
    MISSED = "MISSED"
    INFO = "info"  # no budget: measured for context
    NOT_MEASURED = "not measured"


@dataclass(frozen=True)
class Budget:
    limit: float | None = None  # in the row's unit
    max_ratio: float | None = None  # times the baseline
    strict: bool = False  # "under" (strictly less) rather than "at most"

    def describe(self, unit: str) -> str:
        parts = []
        if self.limit is not None:
            parts.append(f"{'<' if self.strict else '<='} {self.limit:g} {unit}")
        if self.max_ratio is not None:
            parts.append(f"<= {self.max_ratio:g}x baseline")
        return ", ".join(parts) or "-"

    def verdict(self, value: float, ratio: float | None) -> Verdict:
        if self.limit is None and self.max_ratio is None:
            return Verdict.INFO
        if self.limit is not None and (value >= self.limit if self.strict else value > self.limit):
            return Verdict.MISSED
        if self.max_ratio is not None and ratio is not None and ratio > self.max_ratio:
            return Verdict.MISSED
        return Verdict.MET


NO_BUDGET = Budget()


@dataclass(frozen=True)
class Row:
    operation: str
    runs: tuple[float, ...] = ()  # each run, in ``unit``
    baseline_runs: tuple[float, ...] = ()
    budget: Budget = NO_BUDGET
    unit: str = "ms"
    note: str = ""  # what exactly was measured, or why it was not
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def measured(self) -> bool:
        return bool(self.runs)

    @property
    def median(self) -> float | None:
        return statistics.median(self.runs) if self.runs else None

    @property
    def baseline(self) -> float | None:
        return statistics.median(self.baseline_runs) if self.baseline_runs else None

    @property
    def ratio(self) -> float | None:
        median, baseline = self.median, self.baseline
        if median is None or baseline is None or baseline <= 0:
            return None
        return median / baseline

    @property
    def verdict(self) -> Verdict:
        median = self.median
        if median is None:
            return Verdict.NOT_MEASURED
        return self.budget.verdict(median, self.ratio)

    def as_json(self) -> dict[str, Any]:
        return {
            "operation": self.operation,
            "unit": self.unit,
            "median": _round(self.median),
            "baseline": _round(self.baseline),
            "ratio": _round(self.ratio),
            "budget": self.budget.describe(self.unit),
            "verdict": self.verdict.value,
            "runs": [_round(r) for r in self.runs],
            "baseline_runs": [_round(r) for r in self.baseline_runs],
            "note": self.note,
            **({"extra": self.extra} if self.extra else {}),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    text = f"{value:,.1f}" if value < 10_000 else f"{value:,.0f}"
    return f"{text} {unit}".strip()


HEADINGS = ("operation", "median", "baseline", "ratio", "budget", "verdict")


def table_lines(rows: Sequence[Row]) -> list[str]:
    """The table as text (Markdown pipe table, readable in a terminal too)."""
    cells = [
        (
            row.operation,
            _number(row.median, row.unit),
            _number(row.baseline, row.unit),
            "-" if row.ratio is None else f"{row.ratio:.1f}x",
            row.budget.describe(row.unit),
            row.verdict.value,
        )
        for row in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(HEADINGS)]

    def line(values: Sequence[str]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    return [line(HEADINGS), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [
        line(c) for c in cells
    ]


def write_json(path: Path, rows: Sequence[Row], context: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {**context, "rows": [row.as_json() for row in rows]}
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
