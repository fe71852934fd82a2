"""The closeness circle of the interpersonal inventory, drawn with QPainter.

The client at the centre, three rings (inner = closest), each person on their ring. A tie
to the client is told by colour AND by marker shape and line style, so it survives colour
blindness and greyscale printing: support = circle on a solid line, conflict = square on a
dashed line, both = diamond on a dash-dot line, neither = a hollow circle without a line.
Colours are Okabe-Ito, chosen for light or dark palettes; everything else uses palette
roles. A legend under the circle names the marks. Clicking a person selects them.
"""

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ipt_desktop.domain.closeness_layout import (
    MARKER_RADIUS,
    CircleLayout,
    CirclePerson,
    Tie,
    layout_circle,
)
from ipt_desktop.domain.model import InventoryPerson
from ui.common.clinical_colours import is_dark
from ui.common.palette import OKABE_ITO, blend

LEGEND_HEIGHT = 26.0
_LINE_STYLES = {
    Tie.SUPPORT: Qt.PenStyle.SolidLine,
    Tie.CONFLICT: Qt.PenStyle.DashLine,
    Tie.BOTH: Qt.PenStyle.DashDotLine,
}
_LIGHT = {Tie.SUPPORT: "blue", Tie.CONFLICT: "vermillion", Tie.BOTH: "reddish_purple"}
_DARK = {Tie.SUPPORT: "sky_blue", Tie.CONFLICT: "orange", Tie.BOTH: "reddish_purple"}


def tie_colour(tie: Tie, palette: QPalette) -> QColor:
    if tie is Tie.NEITHER:
        return palette.color(QPalette.ColorRole.Text)
    names = _DARK if is_dark(palette) else _LIGHT
    return QColor(OKABE_ITO[names[tie]])


def draw_mark(painter: QPainter, tie: Tie, centre: QPointF, r: float, colour: QColor) -> None:
    painter.setPen(QPen(colour, 1.6))
    painter.setBrush(Qt.BrushStyle.NoBrush if tie is Tie.NEITHER else QBrush(colour))
    x, y = centre.x(), centre.y()
    if tie is Tie.CONFLICT:
        painter.drawRect(QRectF(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7))
    elif tie is Tie.BOTH:
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(x, y - r * 1.15),
                    QPointF(x + r, y),
                    QPointF(x, y + r * 1.15),
                    QPointF(x - r, y),
                ]
            )
        )
    else:
        painter.drawEllipse(centre, r * 0.85, r * 0.85)


class ClosenessCircle(QWidget):
    personActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people: tuple[CirclePerson, ...] = ()
        self._selected: str | None = None
        self._layout: CircleLayout | None = None
        self.setAccessibleName("Closeness circle")
        self.setMinimumSize(300, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:
        return QSize(420, 380)

    def setPeople(self, people: Sequence[InventoryPerson]) -> None:
        self._people = tuple(
            CirclePerson(p.id, p.name, p.closeness, p.support, p.conflict) for p in people
        )
        counts = [sum(1 for p in self._people if p.ring == ring) for ring in (1, 2, 3)]
        self.setAccessibleDescription(
            f"{len(self._people)} people: {counts[0]} on the inner ring, {counts[1]} on the "
            f"middle ring, {counts[2]} on the outer ring"
        )
        self._layout = None
        self.update()

    def setSelected(self, person_id: str | None) -> None:
        self._selected = person_id
        self.update()

    def circleLayout(self) -> CircleLayout:
        """The geometry for the current size (computed lazily, kept until a change)."""
        if self._layout is None:
            bold = QFont(self.font())
            bold.setBold(True)  # measured bold: a selected (bold) name still fits its place
            metrics = QFontMetricsF(bold)

            def size(text: str) -> tuple[float, float]:
                return metrics.horizontalAdvance(text) + 2, metrics.height()

            def elide(text: str, width: float) -> str:
                return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)

            height = max(self.height() - LEGEND_HEIGHT, 1.0)
            self._layout = layout_circle(self._people, self.width(), height, size, elide)
        return self._layout

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        hit = self.circleLayout().person_at(position.x(), position.y())
        if hit is not None:
            self.personActivated.emit(hit)
        super().mousePressEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        layout = self.circleLayout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), base)
        centre = QPointF(layout.cx, layout.cy)
        ring_pen = QPen(blend(base, text, 0.28), 1.2)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for index, radius in enumerate(reversed(layout.radii)):
            fill = blend(base, text, 0.025 * (index + 1))
            painter.setPen(ring_pen)
            painter.setBrush(fill)
            painter.drawEllipse(centre, radius, radius)
        for person in layout.people:
            if person.tie is Tie.NEITHER:
                continue
            colour = tie_colour(person.tie, palette)
            pen = QPen(colour, 1.6, _LINE_STYLES[person.tie])
            painter.setPen(pen)
            direction = QPointF(person.x, person.y) - centre
            length = max((direction.x() ** 2 + direction.y() ** 2) ** 0.5, 1.0)
            start = centre + direction * (layout.centre_radius / length)
            end = centre + direction * ((length - MARKER_RADIUS) / length)
            painter.drawLine(start, end)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(blend(base, highlight, 0.8), 1.2))
        painter.setBrush(blend(base, highlight, 0.22))
        painter.drawEllipse(centre, layout.centre_radius, layout.centre_radius)
        painter.setPen(text)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        disc = QRectF(
            layout.cx - layout.centre_radius,
            layout.cy - layout.centre_radius,
            2 * layout.centre_radius,
            2 * layout.centre_radius,
        )
        painter.drawText(disc, int(Qt.AlignmentFlag.AlignCenter), "Client")
        for person in layout.people:
            selected = person.person_id == self._selected
            if selected:
                painter.setPen(QPen(highlight, 2.0))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(
                    QPointF(person.x, person.y), MARKER_RADIUS + 4, MARKER_RADIUS + 4
                )
            draw_mark(
                painter,
                person.tie,
                QPointF(person.x, person.y),
                MARKER_RADIUS,
                tie_colour(person.tie, palette),
            )
            painter.setFont(bold if selected else self.font())
            painter.setPen(text)
            box = person.label
            painter.drawText(
                QRectF(box.x, box.y, box.w, box.h), int(Qt.AlignmentFlag.AlignCenter), person.text
            )
        self._paint_legend(painter, palette)
        painter.end()

    def _paint_legend(self, painter: QPainter, palette: QPalette) -> None:
        painter.setFont(self.font())
        metrics = QFontMetricsF(self.font())
        text = palette.color(QPalette.ColorRole.Text)
        y = self.height() - LEGEND_HEIGHT / 2
        x = 8.0
        for tie in (Tie.SUPPORT, Tie.CONFLICT, Tie.BOTH, Tie.NEITHER):
            colour = tie_colour(tie, palette)
            if tie is not Tie.NEITHER:
                painter.setPen(QPen(colour, 1.6, _LINE_STYLES[tie]))
                painter.drawLine(QPointF(x, y), QPointF(x + 22, y))
            draw_mark(painter, tie, QPointF(x + 26, y), 5.5, colour)
            painter.setPen(text)
            label = tie.label
            width = metrics.horizontalAdvance(label)
            painter.drawText(QPointF(x + 36, y + metrics.ascent() / 2 - 1), label)
            x += 36 + width + 16
        hint = "Inner ring = closest"
        width = metrics.horizontalAdvance(hint)
        if x + width < self.width() - 8:
            painter.setPen(blend(palette.color(QPalette.ColorRole.Base), text, 0.7))
            painter.drawText(QPointF(self.width() - width - 8, y + metrics.ascent() / 2 - 1), hint)
