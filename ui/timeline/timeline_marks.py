"""Marks of the timeline: series markers (stamped), the item-9 warning flag, pens."""

from collections.abc import Sequence

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF

from ui.common.palette import TimelineColours

MARKER_RADIUS = 3.6


def make_pen(
    colour: QColor, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine
) -> QPen:
    pen = QPen(colour, width, style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def smooth(painter: QPainter, on: bool) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, on)


def draw_marker(painter: QPainter, shape: str, centre: QPointF, r: float = MARKER_RADIUS) -> None:
    x, y = centre.x(), centre.y()
    if shape == "circle":
        painter.drawEllipse(centre, r, r)
    elif shape == "square":
        painter.drawRect(QRectF(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8))
    elif shape == "triangle":
        painter.drawPolygon(
            QPolygonF(
                [QPointF(x, y - r * 1.2), QPointF(x + r * 1.1, y + r), QPointF(x - r * 1.1, y + r)]
            )
        )
    else:  # diamond
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(x, y - r * 1.3),
                    QPointF(x + r, y),
                    QPointF(x, y + r * 1.3),
                    QPointF(x - r, y),
                ]
            )
        )


class MarkerStamps:
    """Markers drawn once per shape and colour, then stamped at every point.

    Stamping a small image costs about a third of drawing the shape anew, which keeps a
    paint of a few hundred sessions well within a frame.
    """

    SIZE = 14  # pixels: room for the largest marker and its outline

    def __init__(self) -> None:
        self._images: dict[tuple[str, int, int, float], QImage] = {}

    def stamp(
        self,
        painter: QPainter,
        shape: str,
        points: Sequence[QPointF],
        fill: QColor,
        outline: QColor,
    ) -> None:
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        key = (shape, fill.rgba(), outline.rgba(), ratio)
        image = self._images.get(key)
        if image is None:
            image = self._images[key] = self._draw(shape, fill, outline, ratio)
        half = self.SIZE / 2
        for point in points:
            painter.drawImage(QPointF(point.x() - half, point.y() - half), image)

    def _draw(self, shape: str, fill: QColor, outline: QColor, ratio: float) -> QImage:
        side = round(self.SIZE * ratio)
        image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        try:
            smooth(painter, True)
            painter.setPen(make_pen(outline, 1.0))
            painter.setBrush(fill)
            draw_marker(painter, shape, QPointF(self.SIZE / 2, self.SIZE / 2))
        finally:
            painter.end()
        return image


def draw_flag(painter: QPainter, colours: TimelineColours, centre: QPointF, size: float) -> None:
    """A warning triangle (PHQ-9 item 9 positive): yellow, dark outline, and a bar inside."""
    x, y, h = centre.x(), centre.y(), size
    painter.setPen(make_pen(colours.flag_outline, 1.0))
    painter.setBrush(colours.flag)
    painter.drawPolygon(
        QPolygonF(
            [
                QPointF(x, y - h / 2),
                QPointF(x + h * 0.58, y + h / 2),
                QPointF(x - h * 0.58, y + h / 2),
            ]
        )
    )
    painter.drawLine(QLineF(x, y - h * 0.12, x, y + h * 0.2))
