"""Small read-only labels that carry a colour AND words: severity bands and phase badges.

Colour is never the only cue: a band reads "14 · Moderate" beside a coloured dot, a phase
badge carries the phase's name. Colours come from ``ui.common.clinical_colours`` (Okabe-Ito,
blended into the palette's base) so the workspace matches the client list, in light and
dark themes alike. Badges are painted from the palette (no style sheet to fight with).
"""

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QWidget

from ipt_desktop.domain.enums import Phase, Severity
from ui.common.clinical_colours import phase_fill, phase_outline, severity_colour
from ui.common.form_parts import one_line_width
from ui.common.ui_text import NONE_TEXT


class SeverityLabel(QLabel):
    """``● 14 · Moderate``: a score and its band, the dot in the band's colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self._score: int | None = None
        self._severity: Severity | None = None
        self._suffix = ""
        self.setScore(None, None)

    def setScore(self, score: int | None, severity: Severity | None, suffix: str = "") -> None:
        self._score, self._severity, self._suffix = score, severity, suffix
        if score is None or severity is None:
            self.setText(NONE_TEXT)
            self.setAccessibleName("Not rated")
            return
        colour = severity_colour(severity).name()
        words = f"{score}{suffix} · {severity.label}"
        # Wrapped (a narrow card), the band goes under the score, never "·" on its own.
        shown = f"{score}{suffix}&nbsp;· {severity.label}"
        self.setText(f'<span style="color:{colour}">\u25cf</span>&nbsp;{shown}')
        self.setAccessibleName(words)

    def sizeHint(self) -> QSize:
        """Wrapped (in a narrow card), the label still prefers its one line when there is room."""
        hint = super().sizeHint()
        if not self.wordWrap():
            return hint
        return QSize(max(hint.width(), one_line_width(self)), hint.height())

    def plainText(self) -> str:
        """What the label says, without markup (for tests and accessibility)."""
        if self._score is None or self._severity is None:
            return NONE_TEXT
        return f"{self._score}{self._suffix} · {self._severity.label}"


class PhaseBadge(QLabel):
    """A rounded badge naming the phase, tinted with the phase's hue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._phase: Phase | None = None
        self._prefix = ""
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setContentsMargins(10, 2, 10, 2)
        self.setPhase(None)

    def phase(self) -> Phase | None:
        return self._phase

    def setPhase(self, phase: Phase | None, prefix: str = "") -> None:
        self._phase, self._prefix = phase, prefix
        self.setVisible(phase is not None)
        text = "" if phase is None else f"{prefix}{phase.label}"
        self.setText(text)
        self.setAccessibleName(f"Phase: {text}" if text else "No phase")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """A rounded pill in the phase's hue (blended into the palette's base), then the text."""
        if self._phase is not None:
            palette = self.palette()
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(phase_outline(self._phase, palette), 1))
            painter.setBrush(phase_fill(self._phase, palette))
            box = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
            radius = box.height() / 2
            painter.drawRoundedRect(box, radius, radius)
            painter.end()
        super().paintEvent(event)
