"""Where each person of the inventory goes on the closeness circle (geometry only, no Qt).

The client is at the centre; three concentric rings hold the people, the closest on the
inner ring. Each person's marker sits exactly on their ring, spread evenly around it (each
ring turned a little against the others so markers do not line up). Each name is placed
beside its marker, preferring the side facing outward, in the first spot that overlaps no
other name, marker or the client's disc; a name that fits nowhere is shortened until it
does. Kept free of Qt so the geometry can be tested without drawing.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

RING_FRACTIONS = (0.42, 0.71, 1.0)
CENTRE_FRACTION = 0.17
RING_TURN = (0.0, 0.55, 0.25)  # radians added to each ring's starting angle
MARKER_RADIUS = 7.0
LABEL_GAP = 3.0
MIN_LABEL_WIDTH = 36.0


class Tie(Enum):
    """How the person relates to the client: drawn with a colour AND a shape / line style."""

    SUPPORT = "support"
    CONFLICT = "conflict"
    BOTH = "both"
    NEITHER = "neither"

    @property
    def label(self) -> str:
        return {
            Tie.SUPPORT: "Support",
            Tie.CONFLICT: "Conflict",
            Tie.BOTH: "Support and conflict",
            Tie.NEITHER: "Neither",
        }[self]


def tie_of(support: bool, conflict: bool) -> Tie:
    if support and conflict:
        return Tie.BOTH
    if support:
        return Tie.SUPPORT
    return Tie.CONFLICT if conflict else Tie.NEITHER


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def intersects(self, other: "Box") -> bool:
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def inside(self, width: float, height: float) -> bool:
        return self.x >= 0 and self.y >= 0 and self.right <= width and self.bottom <= height


@dataclass(frozen=True)
class CirclePerson:
    person_id: str
    name: str
    ring: int  # 1 (closest) to 3
    support: bool = False
    conflict: bool = False


@dataclass(frozen=True)
class PlacedPerson:
    person_id: str
    name: str
    text: str  # the name as drawn (shortened with an ellipsis if it had to be)
    ring: int
    angle: float  # radians, screen coordinates (y down)
    x: float
    y: float
    label: Box
    tie: Tie

    @property
    def marker(self) -> Box:
        r = MARKER_RADIUS
        return Box(self.x - r, self.y - r, 2 * r, 2 * r)


@dataclass(frozen=True)
class CircleLayout:
    cx: float
    cy: float
    radii: tuple[float, float, float]
    centre_radius: float
    people: tuple[PlacedPerson, ...]

    def placed(self, person_id: str) -> PlacedPerson | None:
        return next((p for p in self.people if p.person_id == person_id), None)

    def person_at(self, x: float, y: float, tolerance: float = 4.0) -> str | None:
        for person in self.people:
            if math.hypot(person.x - x, person.y - y) <= MARKER_RADIUS + tolerance:
                return person.person_id
            label = person.label
            if label.x <= x <= label.right and label.y <= y <= label.bottom:
                return person.person_id
        return None


TextSize = Callable[[str], tuple[float, float]]
Elide = Callable[[str, float], str]


def layout_circle(
    people: Sequence[CirclePerson],
    width: float,
    height: float,
    text_size: TextSize,
    elide: Elide,
    *,
    max_label_width: float = 150.0,
) -> CircleLayout:
    """Place ``people`` in a ``width`` x ``height`` area. ``text_size(text)`` -> (w, h);
    ``elide(text, max_width)`` shortens a text to fit ``max_width``."""
    label_height = text_size("Ag")[1]
    max_w = max(min(max_label_width, width * 0.24), MIN_LABEL_WIDTH)
    outer = min(
        width / 2 - max_w / 2 - 4,
        height / 2 - MARKER_RADIUS - LABEL_GAP - label_height - 4,
    )
    outer = max(outer, 40.0)
    cx, cy = width / 2, height / 2
    radii = (outer * RING_FRACTIONS[0], outer * RING_FRACTIONS[1], outer * RING_FRACTIONS[2])
    centre_radius = outer * CENTRE_FRACTION
    obstacles: list[Box] = [
        Box(cx - centre_radius, cy - centre_radius, 2 * centre_radius, 2 * centre_radius)
    ]
    markers: list[tuple[CirclePerson, int, float, float, float]] = []
    for ring in (1, 2, 3):
        on_ring = [p for p in people if _ring(p) == ring]
        count = len(on_ring)
        for i, person in enumerate(on_ring):
            angle = -math.pi / 2 + RING_TURN[ring - 1] + 2 * math.pi * i / max(count, 1)
            r = radii[ring - 1]
            x, y = cx + r * math.cos(angle), cy + r * math.sin(angle)
            markers.append((person, ring, angle, x, y))
            obstacles.append(
                Box(x - MARKER_RADIUS, y - MARKER_RADIUS, 2 * MARKER_RADIUS, 2 * MARKER_RADIUS)
            )
    placed: list[PlacedPerson] = []
    labels: list[Box] = []
    for person, ring, angle, x, y in markers:
        text, box = _place_label(
            person.name, x, y, angle, max_w, width, height, text_size, elide, [*obstacles, *labels]
        )
        labels.append(box)
        placed.append(
            PlacedPerson(
                person_id=person.person_id,
                name=person.name,
                text=text,
                ring=ring,
                angle=angle,
                x=x,
                y=y,
                label=box,
                tie=tie_of(person.support, person.conflict),
            )
        )
    return CircleLayout(cx, cy, radii, centre_radius, tuple(placed))


def _ring(person: CirclePerson) -> int:
    return min(max(person.ring, 1), 3)


def _candidates(x: float, y: float, angle: float, w: float, h: float) -> list[Box]:
    gap = MARKER_RADIUS + LABEL_GAP
    below = Box(x - w / 2, y + gap, w, h)
    above = Box(x - w / 2, y - gap - h, w, h)
    right = Box(x + gap, y - h / 2, w, h)
    left = Box(x - gap - w, y - h / 2, w, h)
    dx, dy = math.cos(angle), math.sin(angle)
    if abs(dx) > 0.8:  # on the sides: the outward side first
        first, second = (right, left) if dx > 0 else (left, right)
        vertical = [below, above] if dy >= 0 else [above, below]
        return [first, *vertical, second]
    vertical = [below, above] if dy >= 0 else [above, below]
    side = [right, left] if dx >= 0 else [left, right]
    return [*vertical, *side]


def _place_label(
    name: str,
    x: float,
    y: float,
    angle: float,
    max_w: float,
    width: float,
    height: float,
    text_size: TextSize,
    elide: Elide,
    taken: list[Box],
) -> tuple[str, Box]:
    limit = max_w
    while True:
        text = elide(name, limit)
        w, h = text_size(text)
        for box in _candidates(x, y, angle, w, h):
            if box.inside(width, height) and not any(box.intersects(t) for t in taken):
                return text, box
        if limit <= MIN_LABEL_WIDTH:
            break
        limit = max(MIN_LABEL_WIDTH, limit * 0.75)
    # Nowhere free even when short: the outward spot, kept inside the area.
    box = _candidates(x, y, angle, w, h)[0]
    clamped = Box(min(max(box.x, 0.0), width - w), min(max(box.y, 0.0), height - h), w, h)
    return text, clamped
