"""A cross-hatch as plain line segments: reportlab shapes have no pattern fill.

The PDF chart uses it for the untreated time before treatment, as the widget uses Qt's
``DiagCrossPattern``.
"""

import math

HATCH_STEP = 5.0  # points between neighbouring lines, measured along the x axis


def cross_hatch(
    left: float, bottom: float, width: float, height: float, step: float = HATCH_STEP
) -> list[tuple[float, float, float, float]]:
    """Diagonal lines both ways across a rectangle, clipped to it (the widget's
    DiagCrossPattern). Lines sit on a grid from the origin, so neighbouring areas match."""
    right, top = left + width, bottom + height
    lines: list[tuple[float, float, float, float]] = []
    for sign in (1.0, -1.0):
        # Lines y = sign * x + c; c runs over the multiples of step that cross the rectangle.
        corners = [y - sign * x for x in (left, right) for y in (bottom, top)]
        c = step * math.ceil(min(corners) / step)
        while c <= max(corners):
            points = []
            for x in (left, right):  # where the line meets the vertical sides
                y = sign * x + c
                if bottom <= y <= top:
                    points.append((x, y))
            for y in (bottom, top):  # and the horizontal ones
                x = (y - c) / sign
                if left <= x <= right:
                    points.append((x, y))
            if len(points) >= 2:
                (x0, y0), (x1, y1) = min(points), max(points)
                if (x1 - x0) ** 2 + (y1 - y0) ** 2 > 0.01:
                    lines.append((x0, y0, x1, y1))
            c += step
    return lines
