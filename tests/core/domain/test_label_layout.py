"""Label placement as geometry (issue 13, item 5): stacked labels never overlap and stay
in their scale, all or none; a free spot never touches a line, a point or a label."""

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from ipt_desktop.domain.label_layout import Box, free_spot, segment_crosses, stack_labels, touches


@given(
    st.lists(st.floats(0, 200, allow_nan=False), min_size=0, max_size=8),
    st.floats(3, 20),
    st.floats(0, 4),
    st.floats(10, 300),
)
def test_stacked_labels_never_overlap_and_stay_inside(
    raw: list[float], size: float, gap: float, span: float
) -> None:
    wanted = sorted(raw)
    centres = stack_labels(wanted, size, gap, 0.0, span)
    needed = len(wanted) * size + max(len(wanted) - 1, 0) * gap
    if centres is None:
        assert needed > span  # refused only when they cannot all fit
        return
    assert len(centres) == len(wanted)  # all of them
    for c in centres:
        assert size / 2 - 1e-6 <= c <= span - size / 2 + 1e-6
    for a, b in pairwise(centres):
        assert b - a >= size + gap - 1e-6


def test_uncrowded_labels_stay_where_wanted() -> None:
    assert stack_labels([10.0, 40.0, 80.0], 8.0, 1.0, 0.0, 100.0) == (10.0, 40.0, 80.0)


def test_crowded_labels_move_apart_and_too_many_give_none() -> None:
    assert stack_labels([50.0, 51.0, 52.0], 10.0, 2.0, 0.0, 100.0) == (50.0, 62.0, 74.0)
    assert stack_labels([90.0, 95.0, 99.0], 10.0, 0.0, 0.0, 100.0) == (75.0, 85.0, 95.0)
    assert stack_labels([1.0, 2.0, 3.0], 10.0, 1.0, 0.0, 25.0) is None


def test_segments_and_boxes() -> None:
    box = Box(10, 10, 20, 20)
    assert segment_crosses(box, (0, 15), (30, 15))  # straight through
    assert segment_crosses(box, (0, 0), (30, 30))  # diagonally through
    assert not segment_crosses(box, (0, 25), (30, 25))  # above
    assert not segment_crosses(box, (0, 0), (9, 30))  # beside
    assert touches(box, [], [(15, 15)])
    assert not touches(box, [[(0, 0), (5, 5)]], [(25, 25)])


def test_free_spot_skips_lines_points_and_taken_boxes() -> None:
    line = [(0.0, 0.0), (100.0, 100.0)]
    candidates = [Box(40, 40, 60, 50), Box(60, 10, 80, 20), Box(5, 80, 25, 90)]
    assert free_spot(candidates, [line]) == 1
    assert free_spot(candidates, [line], taken=[Box(70, 15, 90, 25)]) == 2
    assert free_spot(candidates, [line], points=[(10, 85)], taken=[Box(70, 15, 90, 25)]) is None
