"""A calm strip of text above a form: information, a risk prompt, or a problem to fix.

The risk kind (PHQ-9 item 9) is meant to be unmissable without alarm: a thick left rule in
the risk colour, a soft tint of the same hue, a bold title in the normal text colour and,
optionally, one action button ("Go to risk assessment"). Words carry the meaning; colour
and the rule only add to it.
"""

from enum import Enum

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .clinical_colours import risk_colour
from .palette import OKABE_ITO, blend

RULE_WIDTH = 4


class BannerKind(Enum):
    INFO = "info"
    RISK = "risk"
    PROBLEM = "problem"


def _accent(kind: BannerKind, palette: QPalette) -> QColor:
    """Blue for information, orange (yellow on dark) for a problem to fix, and the risk
    colour for risk: the three never share a hue on the same theme."""
    dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
    if kind is BannerKind.INFO:
        return QColor(OKABE_ITO["sky_blue"] if dark else OKABE_ITO["blue"])
    if kind is BannerKind.PROBLEM:
        return QColor(OKABE_ITO["yellow"] if dark else OKABE_ITO["orange"])
    return risk_colour(palette)


class Banner(QFrame):
    """Title, message and an optional action; hidden until ``showMessage``."""

    actionTriggered = Signal()

    def __init__(
        self, kind: BannerKind, action_text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._kind = kind
        self.setObjectName(f"banner_{kind.value}")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._title = QLabel(self)
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self._title.setWordWrap(True)
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        self._message = QLabel(self)
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self._title)
        texts.addWidget(self._message)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 10, 8)
        row.addLayout(texts, 1)
        self._button: QPushButton | None = None
        if action_text:
            self._button = QPushButton(action_text, self)
            self._button.setAccessibleName(action_text)
            self._button.clicked.connect(self.actionTriggered)
            row.addWidget(self._button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(f"{kind.value} message")
        self.hide()

    def kind(self) -> BannerKind:
        return self._kind

    def title(self) -> str:
        return self._title.text()

    def message(self) -> str:
        return self._message.text()

    def actionButton(self) -> QPushButton | None:
        return self._button

    def showMessage(self, title: str, message: str = "") -> None:
        self._title.setText(title)
        self._title.setVisible(bool(title))
        self._message.setText(message)
        self._message.setVisible(bool(message))
        self.setAccessibleDescription(f"{title} {message}".strip())
        self.show()

    def clear(self) -> None:
        self._title.clear()
        self._message.clear()
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        """A soft tint of the accent with a rule on the leading edge (palette-derived)."""
        palette = self.palette()
        accent = _accent(self._kind, palette)
        base = palette.color(QPalette.ColorRole.Base)
        tint = blend(base, accent, 0.10 if self._kind is BannerKind.INFO else 0.14)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tint)
        painter.drawRoundedRect(QRectF(self.rect()), 3, 3)
        rule = QRectF(0, 0, RULE_WIDTH, self.height())
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            rule.moveRight(self.width())
        painter.fillRect(rule, accent)
        painter.end()
        super().paintEvent(event)
