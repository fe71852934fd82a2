"""The client timeline widget: phases, sessions, measures and life events on one time axis.

Draws a ``Timeline`` (computed in ``ipt_desktop.domain.timeline``) with QPainter. Hover
shows a tooltip; clicking a session emits ``sessionActivated(session_id)``; the wheel zooms
around the mouse, dragging pans, a double-click (or the context menu, or the 0 key) resets;
clicking a legend entry of a series (or ``setSeriesVisible``) hides or shows it.
"""

import os

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QToolTip, QWidget

from ipt_desktop.domain.outcomes import Measure
from ipt_desktop.domain.timeline import Timeline
from ui.common.palette import colours_for

from .timeline_layout import (
    MIN_VIEW_DAYS,
    SESSION_NUDGE,
    TimelineLayout,
    ViewWindow,
    build_layout,
)
from .timeline_legend import LegendKind
from .timeline_painter import TimelinePainter
from .timeline_tooltip import as_rich_text, event_lines, session_lines

WHEEL_ZOOM = 0.8  # view span factor per wheel notch (towards the data)
KEY_PAN = 0.1  # share of the view moved by an arrow key
HIT_TOLERANCE = 8.0  # pixels around a session or event mark that still count as on it
EMPTY_TITLE = "No sessions yet"
EMPTY_TEXT = "Phases, measures and life events appear here once sessions are recorded."


class TimelineWidget(QWidget):
    sessionActivated = Signal(str)
    seriesVisibilityChanged = Signal(str, bool)  # Measure value, visible
    viewChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timeline: Timeline | None = None
        self._hidden: frozenset[Measure] = frozenset()
        self._view = ViewWindow()
        self._layout: TimelineLayout | None = None
        self._painter: TimelinePainter | None = None
        self._hover: str | None = None
        self._press: QPointF | None = None
        self._press_view = self._view
        self._dragging = False
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAccessibleName("Client timeline")

    # ---- public API ----------------------------------------------------------------------

    def setTimeline(self, timeline: Timeline | None) -> None:
        old = self._timeline
        self._timeline = timeline
        if old is None or timeline is None or old.axis != timeline.axis:
            self._view = ViewWindow()
        self._hover = None
        self._invalidate()

    def timeline(self) -> Timeline | None:
        return self._timeline

    def setSeriesVisible(self, measure: Measure, visible: bool) -> None:
        hidden = self._hidden - {measure} if visible else self._hidden | {measure}
        if hidden != self._hidden:
            self._hidden = hidden
            self._invalidate()
            self.seriesVisibilityChanged.emit(measure.value, visible)

    def isSeriesVisible(self, measure: Measure) -> bool:
        return measure not in self._hidden

    def viewWindow(self) -> tuple[float, float]:
        """The shown part of the whole time axis, as fractions of it."""
        return (self._view.lo, self._view.hi)

    def setViewWindow(self, lo: float, hi: float) -> None:
        self._set_view(ViewWindow(lo, hi))

    def isZoomed(self) -> bool:
        return self._view.span < 1.0

    def zoomBy(self, factor: float, anchor_x: float | None = None) -> None:
        """Multiply the shown span by ``factor`` (below 1 zooms in) keeping ``anchor_x`` fixed."""
        layout = self._current_layout()
        if layout is None:
            return
        x = layout.plot.center().x() if anchor_x is None else anchor_x
        anchor = layout.fraction_at(x)
        lo = anchor - (anchor - self._view.lo) * factor
        self._set_view(ViewWindow(lo, lo + self._view.span * factor))

    def panBy(self, dx_pixels: float) -> None:
        layout = self._current_layout()
        if layout is None or layout.plot.width() <= 0:
            return
        shift = -dx_pixels / layout.plot.width() * self._view.span
        self._set_view(ViewWindow(self._view.lo + shift, self._view.hi + shift))

    def resetZoom(self) -> None:
        self._set_view(ViewWindow())

    def sessionPosition(self, session_id: str) -> QPointF | None:
        """Where the session's mark is in the session lane (None when out of view)."""
        layout = self._current_layout()
        if layout is None or session_id not in layout.session_x:
            return None
        x = layout.session_x[session_id]
        if not layout.plot.left() - 1 <= x <= layout.plot.right() + 1:
            return None
        return QPointF(x, layout.session_lane.top() + 15)

    def eventPosition(self, event_id: str) -> QPointF | None:
        """Where a life event's mark is (None when out of view)."""
        layout = self._current_layout()
        if layout is None:
            return None
        y = layout.event_lane.center().y()
        return next((QPointF(x, y) for x, e in layout.events if e.event_id == event_id), None)

    def legendEntryRect(self, measure: Measure) -> QRectF | None:
        """The legend entry that toggles ``measure`` (None when the series is absent)."""
        layout = self._current_layout()
        if layout is None:
            return None
        return next((QRectF(i.rect) for i in layout.legend if i.measure is measure), None)

    def sessionAt(self, pos: QPointF) -> str | None:
        layout = self._current_layout()
        if layout is None or not layout.sessions:
            return None
        if not (layout.phase_row.bottom() <= pos.y() <= layout.session_lane.bottom()):
            return None
        if not (
            layout.plot.left() - HIT_TOLERANCE <= pos.x() <= layout.plot.right() + HIT_TOLERANCE
        ):
            return None
        best = min(layout.sessions, key=lambda m: abs(layout.session_x[m.session_id] - pos.x()))
        distance = abs(layout.session_x[best.session_id] - pos.x())
        return best.session_id if distance <= max(HIT_TOLERANCE, SESSION_NUDGE / 2) else None

    def toolTipTextAt(self, pos: QPointF) -> str:
        """The tooltip's lines (plain text) for ``pos``; empty when over nothing."""
        layout = self._current_layout()
        if layout is None or self._timeline is None:
            return ""
        lane = layout.event_lane
        if lane.height() > 0 and lane.top() <= pos.y() <= lane.bottom():
            near = [
                (abs(x - pos.x()), e) for x, e in layout.events if abs(x - pos.x()) <= HIT_TOLERANCE
            ]
            if near:
                return "\n".join(event_lines(min(near, key=lambda t: t[0])[1]))
        for item in layout.legend:
            if item.kind is LegendKind.SERIES and item.measure and item.rect.contains(pos):
                verb = "hide" if self.isSeriesVisible(item.measure) else "show"
                return f"Click to {verb} {item.text}"
        session_id = self.sessionAt(pos)
        marker = None if session_id is None else self._timeline.session(session_id)
        return "" if marker is None else "\n".join(session_lines(self._timeline, marker))

    def renderImage(self, size: QSize | None = None) -> QImage:
        """The timeline as it is shown (zoom and hidden series included) at ``size``."""
        size = size if size is not None and not size.isEmpty() else self.size()
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        try:
            self._paint(painter, QRectF(0, 0, size.width(), size.height()), reuse=False)
        finally:
            painter.end()
        return image

    def exportPng(self, path: str | os.PathLike[str], size: QSize | None = None) -> bool:
        """Save the timeline as a PNG. The file is plaintext: the caller warns the user."""
        # The stubs ask for bytes, PySide6 6.12 at run time for str.
        return bool(self.renderImage(size).save(os.fspath(path), "PNG"))  # type: ignore[call-overload]

    # ---- Qt overrides --------------------------------------------------------------------

    def minimumSizeHint(self) -> QSize:
        return QSize(480, 340)

    def sizeHint(self) -> QSize:
        return QSize(960, 600)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter, QRectF(self.rect()), reuse=True)
        finally:
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._painter = None
            self._invalidate()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.toolTipTextAt(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), as_rich_text(text.split("\n")), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_view = self._view
            self._dragging = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            dx = pos.x() - self._press.x()
            if not self._dragging and abs(dx) >= QApplication.startDragDistance():
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging:
                self._view = self._press_view
                self.panBy(dx)
            return
        hover = self.sessionAt(pos)
        if hover != self._hover:
            self._hover = hover
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        was_drag, self._press, self._dragging = self._dragging, None, False
        self.unsetCursor()
        if was_drag:
            return
        pos = event.position()
        layout = self._current_layout()
        if layout is not None:
            for item in layout.legend:
                if item.kind is LegendKind.SERIES and item.measure and item.rect.contains(pos):
                    self.setSeriesVisible(item.measure, not self.isSeriesVisible(item.measure))
                    return
        session_id = self.sessionAt(pos)
        if session_id is not None:
            self.sessionActivated.emit(session_id)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.sessionAt(event.position()) is None:
            self.resetZoom()

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        before = self._view
        delta = event.angleDelta()
        if delta.y():
            self.zoomBy(WHEEL_ZOOM ** (delta.y() / 120), event.position().x())
        elif delta.x():
            self.panBy(delta.x() / 2)
        event.setAccepted(self._view != before)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoomBy(WHEEL_ZOOM)
        elif key == Qt.Key.Key_Minus:
            self.zoomBy(1 / WHEEL_ZOOM)
        elif key == Qt.Key.Key_0:
            self.resetZoom()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            layout = self._current_layout()
            width = layout.plot.width() if layout is not None else self.width()
            self.panBy(width * KEY_PAN * (1 if key == Qt.Key.Key_Left else -1))
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.buildContextMenu()
        menu.exec(event.globalPos())
        menu.deleteLater()

    def buildContextMenu(self) -> QMenu:
        """Series toggles and zoom reset (public so the workspace can extend or test it)."""
        menu = QMenu(self)
        series = () if self._timeline is None else self._timeline.series
        for s in series:
            action = menu.addAction(f"Show {s.label}")
            action.setCheckable(True)
            action.setChecked(self.isSeriesVisible(s.measure))
            action.toggled.connect(lambda on, m=s.measure: self.setSeriesVisible(m, on))
        menu.addSeparator()
        reset = menu.addAction("Reset zoom")
        reset.setEnabled(self.isZoomed())
        reset.triggered.connect(self.resetZoom)
        return menu

    # ---- internals -----------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._layout = None
        self.update()

    def _set_view(self, view: ViewWindow) -> None:
        days = self._timeline.axis.days if self._timeline is not None else 1
        clamped = view.clamped(min(1.0, MIN_VIEW_DAYS / days))
        if clamped != self._view:
            self._view = clamped
            self._invalidate()
            self.viewChanged.emit()

    def _current_layout(self) -> TimelineLayout | None:
        if self._timeline is None or self._timeline.is_empty:
            return None
        if self._layout is None:
            self._layout = self._make_layout(self.width(), self.height())
        return self._layout

    def _make_layout(self, width: float, height: float) -> TimelineLayout | None:
        if self._timeline is None or self._timeline.is_empty:
            return None
        return build_layout(self._timeline, width, height, self.font(), self._view, self._hidden)

    def _paint(self, painter: QPainter, rect: QRectF, reuse: bool) -> None:
        if self._painter is None:
            self._painter = TimelinePainter(colours_for(self.palette()), self.font())
        tp = self._painter
        painter.fillRect(rect, tp.colours.base)
        size = (rect.width(), rect.height())
        layout = self._current_layout() if reuse else self._make_layout(*size)
        if layout is None:
            tp.paint_empty(painter, rect, EMPTY_TITLE, EMPTY_TEXT)
            return
        tp.paint(painter, layout, self._hidden, self._hover if reuse else None)
