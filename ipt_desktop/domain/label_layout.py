"""Where chart labels go, as plain geometry: both renderers (Qt and the PDF) ask here.

- ``stack_labels``: labels beside a scale (severity bands), each as near its wanted
  position as the others allow, none overlapping, all inside the scale; or, when they
  cannot all fit, none at all (a chart never names some bands and not others).
- ``free_spot``: the first of several candidate boxes for a label that touches no line,
  no point and no label already placed (None when every candidate does).

Units and the direction of the y axis are the caller's (points going up in the PDF,
pixels going down on screen): only differences are used.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

Point = tuple[float, float]


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle: ``left <= right``, ``low <= high`` (whatever way y runs)."""

    left: float
    low: float
    right: float
    high: float

    def overlaps(self, other: "Box") -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.low < other.high
            and other.low < self.high
        )

    def contains(self, point: Point) -> bool:
        x, y = point
        return self.left <= x <= self.right and self.low <= y <= self.high

    def grown(self, by: float) -> "Box":
        return Box(self.left - by, self.low - by, self.right + by, self.high + by)


def stack_labels(
    wanted: Sequence[float], size: float, gap: float, low: float, high: float
) -> tuple[float, ...] | None:
    """Centres for labels of height ``size`` wanted at ``wanted`` (in increasing order),
    at least ``gap`` apart, all within ``low``..``high``; None if they cannot all fit.

    Uncrowded labels stay exactly where wanted; crowded ones are pushed apart as little as
    a forward and a backward pass allow."""
    count = len(wanted)
    if count == 0:
        return ()
    if any(b < a for a, b in pairwise(wanted)):
        raise ValueError("wanted positions must be in increasing order")
    if count * size + (count - 1) * gap > high - low + 1e-9:
        return None
    first, last = low + size / 2, high - size / 2
    step = size + gap
    centres = [min(max(w, first), last) for w in wanted]
    for i in range(1, count):
        centres[i] = max(centres[i], centres[i - 1] + step)
    centres[-1] = min(centres[-1], last)
    for i in range(count - 2, -1, -1):
        centres[i] = min(centres[i], centres[i + 1] - step)
    return tuple(centres)


def segment_crosses(box: Box, a: Point, b: Point) -> bool:
    """Whether the segment ``a``-``b`` passes through ``box`` (Liang-Barsky clipping)."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in (
        (-dx, x0 - box.left),
        (dx, box.right - x0),
        (-dy, y0 - box.low),
        (dy, box.high - y0),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def touches(box: Box, lines: Sequence[Sequence[Point]], points: Sequence[Point]) -> bool:
    """Whether ``box`` meets any polyline of ``lines`` or any of ``points``."""
    if any(box.contains(p) for p in points):
        return True
    return any(segment_crosses(box, a, b) for line in lines for a, b in pairwise(line)) or any(
        box.contains(p) for line in lines for p in line
    )


def free_spot(
    candidates: Sequence[Box],
    lines: Sequence[Sequence[Point]],
    points: Sequence[Point] = (),
    taken: Sequence[Box] = (),
    clearance: float = 1.0,
) -> int | None:
    """The index of the first candidate (grown by ``clearance``) clear of every line, point
    and taken box; None when there is none."""
    for index, box in enumerate(candidates):
        room = box.grown(clearance)
        if touches(room, lines, points):
            continue
        if any(room.overlaps(other) for other in taken):
            continue
        return index
    return None
