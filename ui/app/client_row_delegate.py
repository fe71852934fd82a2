"""Paints one client in the list: name and risk flag; phase badge, progress and last session;
the latest PHQ-9 with its band in colour and words; while searching notes, the snippet.

Every coloured cue has words beside it (colour-blind safe, and readable in greyscale).
Names are drawn as given; Qt's bidi layout keeps a right-to-left name in its own order.
"""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ipt_desktop.domain.risk_status import RiskStatus
from ipt_desktop.domain.summary import ClientSummary
from ipt_desktop.domain.verdict import Verdict
from ui.common.clinical_colours import is_dark, muted_text, phase_fill, risk_colour, severity_colour
from ui.common.icons import tinted_icon
from ui.common.ui_text import format_short_date, phq9_text, progress_text

from .client_list_model import ClientRole, shows_risk_flag

Index = QModelIndex | QPersistentModelIndex
PAD_X = 10
PAD_Y = 7
LINE_GAP = 3
BADGE_PAD = 6
DOT = 9


class ClientRowDelegate(QStyledItemDelegate):
    def _lines(self, index: Index) -> int:
        return 4 if index.data(ClientRole.SNIPPET) else 3

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = QFontMetrics(option.font).height()
        lines = self._lines(index)
        return QSize(120, PAD_Y * 2 + lines * height + (lines - 1) * LINE_GAP + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        summary = index.data(ClientRole.SUMMARY)
        if not isinstance(summary, ClientSummary):
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text if selected else muted_text(palette)
        rect: QRect = option.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        font: QFont = option.font
        fm = QFontMetrics(font)
        line_h = fm.height()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        # Line 1: name, and the risk flag on the right.
        top = rect.top()
        right = rect.right()
        if shows_risk_flag(summary):
            right = self._paint_risk(painter, palette, font, right, top, line_h, selected, text)
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(text if summary.active or selected else muted)
        name_w = max(0, right - rect.left() - 8)
        name = QFontMetrics(bold).elidedText(summary.name, Qt.TextElideMode.ElideRight, name_w)
        painter.drawText(
            QRect(rect.left(), top, name_w, line_h), Qt.AlignmentFlag.AlignVCenter, name
        )

        # Line 2: phase badge and "Session 7 of 16"; a reviewed risk's level on the right.
        top += line_h + LINE_GAP
        painter.setFont(font)
        line2_right = rect.right()
        if not shows_risk_flag(summary) and summary.risk is RiskStatus.REVIEWED:
            line2_right = self._paint_reviewed(
                painter, font, line2_right, top, line_h, text if selected else muted, summary
            )
        x = self._paint_badge(painter, palette, font, summary, rect.left(), top, line_h)
        progress = progress_text(summary.session_number, summary.planned_sessions)
        if summary.outcome not in (Verdict.IN_PROGRESS, Verdict.NOT_MEASURED):
            progress = (
                f"{progress} · {summary.outcome.label}" if progress else summary.outcome.label
            )
        room = max(0, line2_right - x)
        painter.setPen(text)
        painter.drawText(
            QRect(x, top, room, line_h),
            Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(progress, Qt.TextElideMode.ElideRight, room),
        )

        # Line 3: latest PHQ-9 (a coloured dot and its band in words); last session date.
        top += line_h + LINE_GAP
        date = format_short_date(summary.last_session_date) if summary.last_session_date else ""
        date_w = fm.horizontalAdvance(date)
        if date:
            painter.setPen(muted)
            painter.drawText(
                QRect(rect.right() - date_w, top, date_w, line_h),
                Qt.AlignmentFlag.AlignVCenter,
                date,
            )
        x = rect.left()
        if summary.latest_phq9_severity is not None:
            dot = QRectF(x + 1, top + (line_h - DOT) / 2, DOT, DOT)
            painter.setBrush(severity_colour(summary.latest_phq9_severity))
            painter.setPen(QPen(text if not is_dark(palette) else QColor("#000000"), 0.8))
            painter.drawEllipse(dot)
            x += DOT + 6
            label = f"PHQ-9 {phq9_text(summary.latest_phq9)}"
            painter.setPen(text)
        else:
            label = "No PHQ-9 yet"
            painter.setPen(muted)
        room = max(0, rect.right() - date_w - 10 - x)
        painter.drawText(
            QRect(x, top, room, line_h),
            Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(label, Qt.TextElideMode.ElideRight, room),
        )

        # Line 4 (searching notes): where the text was found.
        snippet = index.data(ClientRole.SNIPPET)
        if snippet:
            top += line_h + LINE_GAP
            italic = QFont(font)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(muted)
            shown = QFontMetrics(italic).elidedText(
                f"“{snippet}”", Qt.TextElideMode.ElideRight, rect.width()
            )
            painter.drawText(
                QRect(rect.left(), top, rect.width(), line_h), Qt.AlignmentFlag.AlignVCenter, shown
            )
        painter.restore()

    def _paint_badge(
        self,
        painter: QPainter,
        palette: QPalette,
        font: QFont,
        summary: ClientSummary,
        x: int,
        top: int,
        line_h: int,
    ) -> int:
        """Phase badge ("Middle"), or "Ended" for a client whose treatment ended."""
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.9)
        fm = QFontMetrics(small)
        if not summary.active:
            label, fill = "Ended", palette.color(QPalette.ColorRole.Button)
        elif summary.phase is None:
            label, fill = "No episode", palette.color(QPalette.ColorRole.Button)
        else:
            label, fill = summary.phase.label, phase_fill(summary.phase, palette)
        width = fm.horizontalAdvance(label) + BADGE_PAD * 2
        badge = QRectF(x, top + 1, width, line_h - 2)
        painter.setPen(QPen(muted_text(palette), 0.6))
        painter.setBrush(fill)
        painter.drawRoundedRect(badge, 4, 4)
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        painter.setFont(font)
        return int(badge.right()) + 8

    def _paint_risk(
        self,
        painter: QPainter,
        palette: QPalette,
        font: QFont,
        right: int,
        top: int,
        line_h: int,
        selected: bool,
        text: QColor,
    ) -> int:
        colour = text if selected else risk_colour(palette)
        bold = QFont(font)
        bold.setWeight(QFont.Weight.Bold)
        label = "Risk open"
        width = QFontMetrics(bold).horizontalAdvance(label)
        painter.setFont(bold)
        painter.setPen(colour)
        painter.drawText(
            QRect(right - width, top, width, line_h), Qt.AlignmentFlag.AlignVCenter, label
        )
        icon_size = line_h - 2
        icon_x = right - width - 4 - icon_size
        tinted_icon("risk", colour).paint(painter, QRect(icon_x, top + 1, icon_size, icon_size))
        painter.setFont(font)
        return icon_x - 4

    def _paint_reviewed(
        self,
        painter: QPainter,
        font: QFont,
        right: int,
        top: int,
        line_h: int,
        colour: QColor,
        summary: ClientSummary,
    ) -> int:
        """A reviewed risk, quietly: "Reviewed: high" (the level in words; the tooltip and
        the screen reader say "risk reviewed, level high")."""
        level = "" if summary.risk_level is None else f": {summary.risk_level.value}"
        label = f"Reviewed{level}"
        width = QFontMetrics(font).horizontalAdvance(label)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(
            QRect(right - width, top, width, line_h), Qt.AlignmentFlag.AlignVCenter, label
        )
        return right - width - 8
