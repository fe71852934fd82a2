"""Paints a computed ``TimelineLayout`` with QPainter. No decisions here: only drawing."""

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
)

from ipt_desktop.domain.outcomes import Measure
from ui.common.palette import LINE_STYLES, MARKER_SHAPES, TimelineColours

from .timeline_labels import Text
from .timeline_layout import TimelineLayout, small_font
from .timeline_legend import LegendItem, LegendKind
from .timeline_marks import MARKER_RADIUS, MarkerStamps, draw_flag, draw_marker, make_pen, smooth

LINE_WIDTH = 2.0
FLAG_SIZE = 11.0


def _stroke(painter: QPainter, points: Sequence[QPointF], pen: QPen) -> None:
    """A line through ``points``, segment by segment.

    One polyline of a few hundred points costs Qt's stroker several milliseconds (it
    resolves the overlaps of its joins); separate segments cost a tenth of that and look
    the same with opaque colours. Dashes continue across segments through the dash offset.
    """
    segments = [QLineF(a, b) for a, b in pairwise(points)]
    if pen.style() == Qt.PenStyle.SolidLine:
        painter.setPen(pen)
        painter.drawLines(segments)
        return
    travelled = 0.0
    for segment in segments:
        pen.setDashOffset(travelled / pen.widthF())
        painter.setPen(pen)
        painter.drawLine(segment)
        travelled += segment.length()


def _text(
    painter: QPainter, label: Text, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
) -> None:
    painter.drawText(label.rect, int(align | Qt.AlignmentFlag.AlignVCenter), label.text)


class TimelinePainter:
    """Draws one layout; the widget, the PNG export and the benchmark all go through it."""

    def __init__(self, colours: TimelineColours, font: QFont) -> None:
        self.colours = colours
        self.font = QFont(font)
        self.small = small_font(font)
        self.title = QFont(self.small)
        self.title.setBold(True)
        self.stamps = MarkerStamps()

    def paint(
        self,
        painter: QPainter,
        layout: TimelineLayout,
        hidden: frozenset[Measure] = frozenset(),
        hover: str | None = None,
    ) -> None:
        c = self.colours
        # Straight rules and fills are drawn crisp (and many times faster) without
        # antialiasing; curves, slopes and marks switch it on where they are drawn.
        smooth(painter, False)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self._phases(painter, layout)
        self._panels(painter, layout, hidden)
        self._vertical_marks(painter, layout)
        if hover is not None and hover in layout.session_x:
            x = layout.session_x[hover]
            painter.fillRect(QRectF(x - 4, layout.plot.top(), 8, layout.plot.height()), c.highlight)
        painter.save()
        painter.setClipRect(QRectF(layout.plot.left(), 0, layout.plot.width(), 1e6))
        self._series(painter, layout, hidden)
        painter.restore()
        self._session_lane(painter, layout)
        self._axis(painter, layout)
        self._legend(painter, layout, hidden)

    def paint_empty(self, painter: QPainter, rect: QRectF, title: str, text: str) -> None:
        """The message shown instead of a chart when there is nothing to draw."""
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        box = rect.adjusted(24, 0, -24, 0)
        mid = rect.center().y()
        title_font = QFont(self.font)
        title_font.setPointSizeF(max(self.font.pointSizeF(), 1.0) * 1.3)
        painter.setFont(title_font)
        painter.setPen(self.colours.text)
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
        painter.drawText(
            QRectF(box.left(), mid - 40, box.width(), 30),
            flags | int(Qt.AlignmentFlag.AlignBottom),
            title,
        )
        painter.setFont(self.font)
        painter.setPen(self.colours.muted)
        painter.drawText(
            QRectF(box.left(), mid - 4, box.width(), 60),
            flags | int(Qt.AlignmentFlag.AlignTop),
            text,
        )

    def _phases(self, painter: QPainter, layout: TimelineLayout) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for rect in layout.untreated_rects:  # before treatment: a sparse cross-hatch
            painter.setBrushOrigin(0, 0)
            painter.fillRect(rect, QBrush(self.colours.grid, Qt.BrushStyle.DiagCrossPattern))
        for rect, band in layout.phase_rects:
            fill = self.colours.phases[band.phase]
            painter.fillRect(rect, fill.colour)
            if fill.hatch is not None and fill.hatch_style is not None:
                painter.setBrushOrigin(0, 0)
                painter.fillRect(rect, QBrush(fill.hatch, fill.hatch_style))
        painter.setFont(self.small)
        painter.setPen(self.colours.muted)
        for label in layout.phase_labels:
            _text(painter, label)

    def _panels(
        self, painter: QPainter, layout: TimelineLayout, hidden: frozenset[Measure]
    ) -> None:
        c = self.colours
        for geometry in layout.panels:
            rect, panel = geometry.rect, geometry.panel
            painter.setPen(make_pen(c.grid, 1.0))
            for tick in panel.ticks:
                y = round(geometry.y(tick)) + 0.5
                painter.drawLine(QLineF(rect.left(), y, rect.right(), y))
            painter.setPen(make_pen(c.rule, 1.0))
            painter.drawLine(
                QLineF(rect.left() + 0.5, rect.top(), rect.left() + 0.5, rect.bottom())
            )
            painter.setFont(self.small)
            painter.setPen(c.muted)
            for label in geometry.value_labels:
                align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                painter.drawText(label.rect, int(align | Qt.TextFlag.TextDontClip), label.text)
                tick_y = geometry.y(int(label.text))
                mid_y = label.rect.center().y()
                if abs(mid_y - tick_y) > 1.0:  # nudged off its line: a leader joins them
                    painter.drawLine(QLineF(label.rect.right() + 1, mid_y, rect.left() - 1, tick_y))
            for label in geometry.band_labels:
                _text(painter, label)
            painter.setFont(self.title)
            painter.setPen(c.text)
            painter.drawText(geometry.title_pos, panel.title)
            if panel.low_caption:
                painter.setFont(self.small)
                painter.setPen(c.muted)
                title_w = QFontMetricsF(self.title).horizontalAdvance(panel.title) + 8
                caption = f"{panel.low} = {panel.low_caption}, {panel.high} = {panel.high_caption}"
                painter.drawText(geometry.title_pos + QPointF(title_w, 0), caption)
        painter.setFont(self.small)
        lines = (
            (layout.response_y, Qt.PenStyle.DashLine),
            (layout.remission_y, Qt.PenStyle.DotLine),
        )
        for line_y, style in lines:
            if line_y is not None and Measure.PHQ9 not in hidden:
                painter.setPen(make_pen(c.rule, 1.2, style))
                painter.drawLine(QLineF(layout.plot.left(), line_y, layout.plot.right(), line_y))

    def _label_on_chart(self, painter: QPainter, label: Text) -> None:
        """Muted text on a soft patch of the background, readable over lines and points."""
        patch = QColor(self.colours.base)
        patch.setAlphaF(0.82)
        painter.fillRect(label.rect.adjusted(-2, 0, 2, 0), patch)
        painter.setPen(self.colours.muted)
        _text(painter, label)

    def _vertical_marks(self, painter: QPainter, layout: TimelineLayout) -> None:
        c = self.colours
        bottom = layout.session_lane.bottom()
        left, right = layout.plot.left(), layout.plot.right()
        for x, style in (
            (layout.planned_end_x, Qt.PenStyle.DashLine),
            (layout.today_x, Qt.PenStyle.SolidLine),
        ):
            if x is not None and left <= x <= right:
                painter.setPen(
                    make_pen(c.text if style is Qt.PenStyle.SolidLine else c.rule, 1.3, style)
                )
                painter.drawLine(QLineF(x, layout.phase_row.top() + 2, x, bottom))
        painter.setFont(self.small)
        painter.setPen(c.text)
        for label in layout.mark_labels:
            _text(painter, label)
        lane = layout.event_lane
        if lane.height() <= 0:
            return
        pen = make_pen(c.rule, 1.0, Qt.PenStyle.DotLine)
        for x, _event in layout.events:
            painter.setPen(pen)
            painter.drawLine(QLineF(x, lane.center().y(), x, bottom))
        smooth(painter, True)
        painter.setPen(make_pen(c.base, 1.0))
        painter.setBrush(c.text)
        for x, _event in layout.events:
            draw_marker(painter, "diamond", QPointF(x, lane.center().y()), 4.2)
        smooth(painter, False)
        painter.setPen(c.text)
        for label in layout.event_labels:
            _text(painter, label)

    def _series(
        self, painter: QPainter, layout: TimelineLayout, hidden: frozenset[Measure]
    ) -> None:
        c = self.colours
        smooth(painter, True)
        for measure, points in layout.series.items():
            if measure in hidden or not points:
                continue
            colour = c.series_colour(measure)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            _stroke(painter, points, make_pen(colour, LINE_WIDTH, LINE_STYLES[measure]))
            self.stamps.stamp(painter, MARKER_SHAPES[measure], points, colour, c.base)
        if Measure.PHQ9 not in hidden and layout.item9_points:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(make_pen(c.flag_outline if not c.dark else c.flag, 1.6))
            for point in layout.item9_points:
                painter.drawEllipse(point, MARKER_RADIUS + 3.2, MARKER_RADIUS + 3.2)
        if layout.baseline_label is not None and Measure.PHQ9 not in hidden:
            painter.setFont(self.small)
            self._label_on_chart(painter, layout.baseline_label)
        smooth(painter, False)

    def _session_lane(self, painter: QPainter, layout: TimelineLayout) -> None:
        c = self.colours
        lane = layout.session_lane
        tick_top = lane.top() + 12
        painter.setPen(make_pen(c.rule, 1.0))
        painter.drawLine(QLineF(lane.left(), tick_top + 7, lane.right(), tick_top + 7))
        painter.setPen(make_pen(c.text, 1.0))
        lines = [
            QLineF(
                layout.session_x[m.session_id],
                tick_top,
                layout.session_x[m.session_id],
                tick_top + 7,
            )
            for m in layout.sessions
        ]
        painter.drawLines(lines)
        smooth(painter, True)
        for marker in layout.sessions:
            if marker.item9_positive:
                x = layout.session_x[marker.session_id]
                draw_flag(painter, c, QPointF(x, lane.top() + 5.5), FLAG_SIZE)
        # A check mark where initial-phase IPT tasks were done (beside an item-9 flag).
        painter.setPen(make_pen(c.text, 1.6))
        for marker in layout.sessions:
            if marker.initial_tasks:
                x = layout.session_x[marker.session_id] + (7.0 if marker.item9_positive else 0.0)
                y = lane.top() + 6.0
                painter.drawPolyline(
                    [QPointF(x - 3.5, y), QPointF(x - 1.0, y + 3.0), QPointF(x + 4.0, y - 3.5)]
                )
        smooth(painter, False)
        painter.setFont(self.small)
        painter.setPen(c.muted)
        for label in layout.number_labels:
            _text(painter, label, Qt.AlignmentFlag.AlignHCenter)

    def _axis(self, painter: QPainter, layout: TimelineLayout) -> None:
        c = self.colours
        row = layout.axis_row
        painter.setPen(make_pen(c.rule, 1.0))
        painter.drawLines([QLineF(x, row.top(), x, row.top() + 4) for x in layout.ticks])
        painter.setFont(self.font)
        painter.setPen(c.text)
        for label in layout.date_labels:
            _text(painter, label, Qt.AlignmentFlag.AlignHCenter)

    def _legend(
        self, painter: QPainter, layout: TimelineLayout, hidden: frozenset[Measure]
    ) -> None:
        c = self.colours
        painter.setFont(self.small)
        smooth(painter, True)
        for item in layout.legend:
            off = item.measure is not None and item.measure in hidden
            self._swatch(painter, item, off)
            text_rect = item.rect.adjusted(item.swatch.width() + 5, 0, 0, 0)
            painter.setPen(c.muted if off else c.text)
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), item.text)

    def _swatch(self, painter: QPainter, item: LegendItem, off: bool) -> None:
        c = self.colours
        box = item.swatch
        mid = QPointF(box.center().x(), box.center().y())
        if item.kind is LegendKind.SERIES and item.measure is not None:
            colour = c.muted if off else c.series_colour(item.measure)
            painter.setPen(make_pen(colour, LINE_WIDTH, LINE_STYLES[item.measure]))
            painter.drawLine(QLineF(box.left(), mid.y(), box.right(), mid.y()))
            painter.setPen(make_pen(c.base, 1.0))
            painter.setBrush(colour)
            draw_marker(painter, MARKER_SHAPES[item.measure], mid)
        elif item.kind is LegendKind.PHASE and item.phase is not None:
            fill = c.phases[item.phase]
            cell = box.adjusted(1, 2, -1, -2)
            painter.fillRect(cell, fill.colour)
            if fill.hatch is not None and fill.hatch_style is not None:
                painter.fillRect(cell, QBrush(fill.hatch, fill.hatch_style))
            painter.setPen(make_pen(c.grid, 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
        elif item.kind is LegendKind.EVENT:
            painter.setPen(make_pen(c.base, 1.0))
            painter.setBrush(c.text)
            draw_marker(painter, "diamond", mid, 4.2)
        elif item.kind is LegendKind.FLAG:
            draw_flag(painter, c, mid, FLAG_SIZE)
        elif item.kind in (LegendKind.RESPONSE, LegendKind.REMISSION):
            dotted = item.kind is LegendKind.REMISSION
            style = Qt.PenStyle.DotLine if dotted else Qt.PenStyle.DashLine
            painter.setPen(make_pen(c.rule, 1.2, style))
            painter.drawLine(QLineF(box.left(), mid.y(), box.right(), mid.y()))
        else:
            solid = item.kind is LegendKind.TODAY
            style = Qt.PenStyle.SolidLine if solid else Qt.PenStyle.DashLine
            painter.setPen(make_pen(c.text if solid else c.rule, 1.3, style))
            painter.drawLine(QLineF(mid.x(), box.top() + 1, mid.x(), box.bottom() - 1))
