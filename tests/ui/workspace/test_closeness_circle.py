"""The closeness circle puts each person on their ring, keeps names apart, and tells ties
apart by shape and line style as well as colour (geometry tested, not pixels)."""

import math
from itertools import combinations, pairwise

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ipt_desktop.domain.closeness_layout import CirclePerson, Tie, layout_circle, tie_of
from ipt_desktop.domain.model import Client, InventoryPerson
from ui.workspace.closeness_circle import ClosenessCircle

CHAR_W, LINE_H = 7.0, 15.0
CLIENT = Client(name="Fictional Circle Client")


def size(text: str) -> tuple[float, float]:
    return CHAR_W * len(text) + 2, LINE_H


def elide(text: str, width: float) -> str:
    fits = int((width - 2) // CHAR_W)
    return text if len(text) <= fits else text[: max(fits - 1, 1)] + "…"


def crowd(counts: tuple[int, int, int]) -> list[CirclePerson]:
    people = []
    for ring, count in enumerate(counts, start=1):
        for i in range(count):
            people.append(
                CirclePerson(f"{ring}-{i}", f"Fictional person {ring}.{i}", ring, i % 2 == 0,
                             i % 3 == 0)
            )  # fmt: skip
    return people


@pytest.mark.parametrize(
    ("counts", "width", "height"),
    [((1, 0, 0), 400, 300), ((2, 3, 4), 480, 380), ((4, 5, 6), 620, 470), ((3, 6, 8), 700, 520)],
)
def test_each_person_sits_on_their_ring_and_no_names_overlap(
    counts: tuple[int, int, int], width: float, height: float
) -> None:
    people = crowd(counts)
    layout = layout_circle(people, width, height, size, elide)
    assert len(layout.people) == len(people)
    r1, r2, r3 = layout.radii
    assert 0 < layout.centre_radius < r1 < r2 < r3
    for person in people:
        placed = layout.placed(person.person_id)
        assert placed is not None
        distance = math.hypot(placed.x - layout.cx, placed.y - layout.cy)
        assert distance == pytest.approx(layout.radii[person.ring - 1], abs=1e-6)
        assert placed.ring == person.ring
        assert placed.label.inside(width, height)
    labels = [p.label for p in layout.people]
    for a, b in combinations(labels, 2):
        assert not a.intersects(b)
    markers = [p.marker for p in layout.people]
    for label in labels:
        assert not any(label.intersects(marker) for marker in markers)
    centre = layout.centre_radius
    for label in labels:  # no name covers the client's disc
        nearest_x = min(max(layout.cx, label.x), label.right)
        nearest_y = min(max(layout.cy, label.y), label.bottom)
        assert math.hypot(nearest_x - layout.cx, nearest_y - layout.cy) >= centre - 1e-6


def test_people_on_one_ring_are_spread_evenly() -> None:
    layout = layout_circle(crowd((0, 4, 0)), 500, 400, size, elide)
    angles = sorted(p.angle % (2 * math.pi) for p in layout.people)
    gaps = [b - a for a, b in pairwise(angles)]
    assert gaps == pytest.approx([math.pi / 2] * 3)


def test_a_long_name_is_shortened_rather_than_overlapping() -> None:
    people = [CirclePerson(str(i), "Fictional " + "very long name " * 4, 1) for i in range(6)]
    layout = layout_circle(people, 420, 340, size, elide)
    assert any(p.text.endswith("…") for p in layout.people)
    for a, b in combinations([p.label for p in layout.people], 2):
        assert not a.intersects(b)


def test_ties_are_told_apart() -> None:
    assert tie_of(True, False) is Tie.SUPPORT
    assert tie_of(False, True) is Tie.CONFLICT
    assert tie_of(True, True) is Tie.BOTH
    assert tie_of(False, False) is Tie.NEITHER


def test_the_widget_draws_and_clicking_a_person_selects_them(qtbot: QtBot) -> None:
    circle = ClosenessCircle()
    qtbot.addWidget(circle)
    circle.resize(460, 400)
    people = [
        InventoryPerson(CLIENT.id, "Fictional Ana", "sister", closeness=1, support=True),
        InventoryPerson(CLIENT.id, "Fictional Ben", "boss", closeness=3, conflict=True),
        InventoryPerson(CLIENT.id, "Fictional Cy", "father", closeness=2, support=True,
                        conflict=True),
    ]  # fmt: skip
    circle.setPeople(people)
    layout = circle.circleLayout()
    ben = layout.placed(people[1].id)
    assert ben is not None
    assert math.hypot(ben.x - layout.cx, ben.y - layout.cy) == pytest.approx(layout.radii[2])
    assert "1 on the inner ring" in circle.accessibleDescription()
    with qtbot.waitSignal(circle.personActivated) as signal:
        QTest.mouseClick(
            circle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
            QPointF(ben.x, ben.y).toPoint(),
        )  # fmt: skip
    assert signal.args == [people[1].id]
    image = circle.grab().toImage()
    # The support marker on the inner ring is filled with the support colour.
    ana = layout.placed(people[0].id)
    assert ana is not None
    colour = image.pixelColor(int(ana.x), int(ana.y))
    assert colour.blue() > colour.red() + 60  # Okabe-Ito blue (light palette), not ring grey
    cy = layout.placed(people[2].id)
    assert cy is not None and cy.tie is Tie.BOTH


def test_the_circle_follows_a_dark_palette(qtbot: QtBot) -> None:
    circle = ClosenessCircle()
    qtbot.addWidget(circle)
    palette = circle.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#18191b"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e8eaed"))
    palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    circle.setPalette(palette)
    circle.resize(460, 400)
    person = InventoryPerson(CLIENT.id, "Fictional Dee", "friend", closeness=2, support=True)
    circle.setPeople([person])
    placed = circle.circleLayout().placed(person.id)
    assert placed is not None
    image = circle.grab().toImage()
    corner = image.pixelColor(3, 3)
    assert corner.lightness() < 60  # the background is the palette's dark base
    marker = image.pixelColor(int(placed.x), int(placed.y))
    assert marker.name() == "#56b4e9"  # Okabe-Ito sky blue on dark, not the light-theme blue
