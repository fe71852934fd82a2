"""The clinician-rated HAM-D (17 items) total, 0-52, or not rated; with its band in words.

The total is typed as digits (up to three, nothing else gets in). A number outside 0-52 is
kept as typed and named in red beside the field ("99 is not a HAM-D total: 0 to 52"), and
``value()`` refuses it, so the note cannot be saved with it and nothing is silently
changed. Empty means not rated; "Clear" empties the field. Bands are the configurable
defaults of ``domain.measures``.
"""

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.measures import HAMD_MAX, hamd_severity
from ipt_desktop.domain.validation import check_int
from ui.common.clinical_colours import muted_text, risk_colour
from ui.common.form_parts import active_palette, set_text_colour

from .badges import SeverityLabel

NOT_RATED = "Not rated"


def out_of_range_text(typed: str) -> str:
    return f"{typed} is not a HAM-D total: type 0 to {HAMD_MAX}, or clear it"


class HamdField(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edit = QLineEdit(self)
        self._edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,3}"), self._edit)
        )
        self._edit.setPlaceholderText(NOT_RATED)
        self._edit.setAccessibleName(f"HAM-D total, 0 to {HAMD_MAX}")
        self._edit.setAccessibleDescription("Empty if not rated")
        self._edit.setToolTip(f"Clinician-rated HAM-D (17 items) total, 0 to {HAMD_MAX}")
        self._edit.setFixedWidth(self._edit.fontMetrics().horizontalAdvance(NOT_RATED) + 24)
        self._edit.textEdited.connect(self._typed)
        self._clear = QPushButton("Clear", self)
        self._clear.setAccessibleName("Clear HAM-D total (not rated)")
        self._clear.clicked.connect(self._cleared)
        self._band = SeverityLabel(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._edit)
        row.addWidget(self._clear)
        row.addSpacing(8)
        row.addWidget(self._band, 1)
        self.setFocusProxy(self._edit)
        self._out_of_range = False
        self._show_band()

    def lineEdit(self) -> QLineEdit:
        return self._edit

    def clearButton(self) -> QPushButton:
        return self._clear

    def text(self) -> str:
        return self._edit.text().strip()

    def value(self) -> int | None:
        """The total, None when not rated; ValidationError for a number outside 0-52."""
        text = self.text()
        if not text:
            return None
        number = int(text)
        if number > HAMD_MAX:
            raise ValidationError("hamd", out_of_range_text(text))
        return number

    def setValue(self, value: int | None) -> None:
        """Set (not an edit); ValidationError outside 0-52."""
        if value is not None:
            check_int("hamd", value, 0, HAMD_MAX)
        self.setText("" if value is None else str(value))

    def setText(self, text: str) -> None:
        """Put back what was typed (a draft), in range or not; not an edit."""
        self._edit.setText(text if text.strip().isdigit() else "")
        self._show_band()

    def bandText(self) -> str:
        """The band in words, or the message for a number outside 0-52."""
        return self._band.text() if self._out_of_range else self._band.plainText()

    def setReadOnly(self, read_only: bool) -> None:
        self._edit.setReadOnly(read_only)
        self._clear.setVisible(not read_only)

    def _typed(self, _text: str) -> None:
        self._show_band()
        self.edited.emit()

    def _cleared(self) -> None:
        if self.text():
            self._edit.clear()
            self._show_band()
            self.edited.emit()

    def _show_band(self) -> None:
        palette = active_palette(self)
        try:
            value = self.value()
        except ValidationError:
            self._out_of_range = True
            self._band.setTextFormat(Qt.TextFormat.PlainText)
            self._band.setText(out_of_range_text(self.text()))
            self._band.setAccessibleName(self._band.text())
            set_text_colour(self._band, risk_colour(palette))
            self._clear.setEnabled(True)
            return
        self._out_of_range = False
        self._band.setTextFormat(Qt.TextFormat.RichText)
        normal = palette.color(QPalette.ColorRole.WindowText)
        set_text_colour(self._band, muted_text(palette) if value is None else normal)
        self._band.setScore(value, None if value is None else hamd_severity(value))
        self._clear.setEnabled(value is not None)
