"""The growth table (issue 16): the operations that must grow no faster than the practice,
one column per size, with how much each grew from one size to the next."""

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from .results_table import Row, Verdict
from .synthetic_practice import PracticeShape

#: (label in the table, start of the operation's name in the per-size table).
GROWTH_ROWS = (
    ("unlock: the key derivation alone", "unlock: the key derivation alone"),
    ("client list: first screen after the key derivation", "client list: first screen"),
    ("client list ready after the key derivation", "client list ready"),
    ("client list in the window: first screen", "client list in the window: first screen"),
    ("client list in the window: every client", "client list in the window: every client"),
    ("longest event-loop stall while the list loads", "longest event-loop stall while the c"),
    ("open the longest record (200 sessions)", "open a client with its timeline (longest"),
    ("save an edited session of the longest record", "save an edited session (longest"),
    ("index ready after unlock", "index ready"),
    ("longest event-loop stall while the index builds", "longest event-loop stall"),
    ("search, index: rare word", "search with the index (rare word"),
    ("search, index: common word", "search with the index (common word"),
    ("search, index: a word in every note", "search with the index (a word in every note"),
    ("search, index: two words", "search with the index (two words"),
    ("index update on save", "index update on save"),
    ("search, scan before the index: rare word", "search by scan, before the index is ready (r"),
    ("search, scan before the index: common word", "search by scan, before the index is ready (c"),
    ("full backup", "full backup"),
    ("verify the whole vault", "verify the whole vault"),
    ("peak memory with the practice open", "peak memory with"),
    ("peak memory during the key derivation", "peak memory during"),
)  # fmt: skip


def _find(rows: Sequence[Row], start: str) -> Row | None:
    return next((row for row in rows if row.operation.startswith(start)), None)


def _cell(row: Row | None) -> str:
    if row is None or row.median is None:
        return "-"
    value = row.median
    text = f"{value:,.1f}" if value < 10_000 else f"{value:,.0f}"
    mark = {Verdict.MET: " ✓", Verdict.MISSED: " MISSED"}.get(row.verdict, "")
    return f"{text} {row.unit}{mark}"


def growth_lines(measured: Sequence[tuple[PracticeShape, Sequence[Row]]]) -> list[str]:
    """A Markdown table: an operation per line, a size per column, then the growth of each
    step against the growth of the practice (1.0 = exactly linear)."""
    sizes = [shape for shape, _rows in measured]
    headings = ["operation", *(f"{s.clients:,} clients" for s in sizes)]
    headings += [f"growth {a.clients:,}→{b.clients:,} / practice" for a, b in pairwise(sizes)]
    lines = []
    for label, start in GROWTH_ROWS:
        found = [_find(rows, start) for _shape, rows in measured]
        cells = [label, *(_cell(row) for row in found)]
        for (a, b), (ra, rb) in zip(pairwise(sizes), pairwise(found), strict=True):
            if ra is None or rb is None or not ra.median or rb.median is None:
                cells.append("-")
                continue
            cells.append(f"{(rb.median / ra.median) / (b.clients / a.clients):.2f}")
        lines.append(cells)
    widths = [max(len(h), *(len(c[i]) for c in lines)) for i, h in enumerate(headings)]

    def line(values: Sequence[str]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return [line(headings), rule, *(line(c) for c in lines)]


def growth_json(measured: Sequence[tuple[PracticeShape, Sequence[Row]]]) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for label, start in GROWTH_ROWS:
        table[label] = {}
        for shape, rows in measured:
            row = _find(rows, start)
            table[label][str(shape.clients)] = None if row is None else row.as_json()
    return {"sizes": [shape.clients for shape, _rows in measured], "rows": table}
