"""Passphrase entry: a masked field with a show/hide toggle, and a live strength meter.

The meter asks the vault's own policy (``services.passphrases.assess``), so what it calls
acceptable is exactly what ``Vault.create`` will accept. It updates a moment after typing
pauses (zxcvbn takes a few milliseconds; no need to run it on every key).
"""

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from ipt_desktop.services.passphrases import PassphraseVerdict, assess

from .icons import tinted_icon
from .message_style import set_message
from .palette import OKABE_ITO, blend

_SCORE_WORDS = ("Very weak", "Weak", "Fair", "Strong", "Very strong")
_SCORE_COLOURS = (
    OKABE_ITO["vermillion"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["orange"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["bluish_green"],
)
_DEBOUNCE_MS = 120
ZXCVBN_MAX_CHARS = 72


class PassphraseEdit(QLineEdit):
    """A masked line edit with a show / hide (eye) action at its end."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setAccessibleName(accessible_name)
        self.setMaxLength(1024)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhSensitiveData
        )
        self._toggle = QAction(tinted_icon("eye"), "Show passphrase", self)
        self._toggle.setToolTip("Show the passphrase")
        self._toggle.triggered.connect(self.toggleVisible)
        self.addAction(self._toggle, QLineEdit.ActionPosition.TrailingPosition)

    def toggleVisible(self) -> None:
        hidden = self.echoMode() == QLineEdit.EchoMode.Password
        self.setEchoMode(QLineEdit.EchoMode.Normal if hidden else QLineEdit.EchoMode.Password)
        self._toggle.setText("Hide passphrase" if hidden else "Show passphrase")
        self._toggle.setToolTip(self._toggle.text())
        self._toggle.setIcon(tinted_icon("eye-off" if hidden else "eye"))

    def wipe(self) -> None:
        """Empty the field and hide it again (after use, on lock)."""
        self.clear()
        if self.echoMode() != QLineEdit.EchoMode.Password:
            self.toggleVisible()


REFUSED_SEGMENTS = 1


class _StrengthBar(QWidget):
    """Five segments, filled up to the score, coloured by verdict (and named in words)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filled = 0
        self._colour = QColor(OKABE_ITO["vermillion"])
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(200, 8)

    def filled(self) -> int:
        return self._filled

    def setLevel(self, filled: int, colour: QColor) -> None:
        self._filled = filled
        self._colour = colour
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        empty = blend(
            palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text), 0.15
        )
        gap = 4.0
        width = (self.width() - gap * 4) / 5
        for i in range(5):
            rect = QRectF(i * (width + gap), 0, width, self.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._colour if i < self._filled else empty)
            painter.drawRoundedRect(rect, 3, 3)
        painter.end()


class StrengthMeter(QWidget):
    """Shows the policy's verdict on the passphrase in ``edit``; ``verdict()`` for callers."""

    verdictChanged = Signal(bool)

    def __init__(self, edit: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edit = edit
        self._verdict: PassphraseVerdict | None = None
        self._bar = _StrengthBar(self)
        self._bar.setAccessibleName("Passphrase strength")
        self._message = QLabel(self)
        self._message.setWordWrap(True)
        self._message.setAccessibleName("Passphrase strength verdict")
        self._advice = QLabel(self)
        self._advice.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._bar)
        layout.addWidget(self._message)
        layout.addWidget(self._advice)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        edit.textChanged.connect(self._timer.start)
        self.refresh()

    def verdict(self) -> PassphraseVerdict | None:
        """The verdict on the current text (computed now if typing has not paused yet)."""
        if self._timer.isActive():
            self._timer.stop()
            self.refresh()
        return self._verdict

    def isAcceptable(self) -> bool:
        verdict = self.verdict()
        return verdict is not None and verdict.acceptable

    def messageText(self) -> str:
        return self._message.text()

    def filledSegments(self) -> int:
        return self._bar.filled()

    def refresh(self) -> None:
        text = self._edit.text()
        if not text:
            self._verdict = None
            self._bar.setLevel(0, QColor(OKABE_ITO["vermillion"]))
            set_message(self._message, "", hide_when_empty=False)
            set_message(self._advice, "")
            self.verdictChanged.emit(False)
            return
        try:
            verdict = assess(text)
        except ValueError:
            # zxcvbn refuses more than 72 characters and the policy passes it up to 100
            # (reported to the crypto owner); judge the start meanwhile, never crash typing.
            verdict = assess(text[:ZXCVBN_MAX_CHARS])
        self._verdict = verdict
        score = max(0, min(4, verdict.score))
        # The bar agrees with the verdict: refused is one red segment, whatever zxcvbn's
        # score; accepted fills up to the score in its colour.
        if verdict.acceptable:
            self._bar.setLevel(score + 1, QColor(_SCORE_COLOURS[score]))
        else:
            self._bar.setLevel(REFUSED_SEGMENTS, QColor(OKABE_ITO["vermillion"]))
        self._bar.setAccessibleDescription(
            _SCORE_WORDS[score] if verdict.acceptable else "Not accepted"
        )
        words = _SCORE_WORDS[score] if verdict.acceptable else "Not accepted"
        set_message(
            self._message,
            f"{words}: {verdict.message}",
            error=not verdict.acceptable,
            hide_when_empty=False,
        )
        set_message(self._advice, "\n".join(verdict.suggestions))
        self.verdictChanged.emit(verdict.acceptable)
