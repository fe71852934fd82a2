"""A date typed as YYYY-MM-DD (or picked from a calendar); impossible dates are refused.

Typing is fast and unambiguous for a clinician who writes dates all day; a calendar button
is there for the mouse. What was typed is confirmed beside the field in words ("Tuesday
4 March 2025"); a date that does not exist ("2025-02-30") or is out of range gets a plain
message there instead, and ``date()`` raises, so nothing invalid reaches a record.
"""

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.validation import parse_date

from .clinical_colours import muted_text, risk_colour
from .form_parts import active_palette, set_text_colour
from .ui_text import format_long_date


class DateField(QWidget):
    """``edited`` fires on every change made by the user (typing or picking)."""

    edited = Signal()

    def __init__(
        self, label: str, *, allow_empty: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._label = label
        self._allow_empty = allow_empty
        self._edit = QLineEdit(self)
        self._edit.setPlaceholderText("YYYY-MM-DD")
        self._edit.setAccessibleName(label)
        self._edit.setAccessibleDescription("A date written year-month-day, e.g. 2025-03-04")
        self._edit.setMaxLength(10)
        width = self._edit.fontMetrics().horizontalAdvance("0000-00-00") + 24
        self._edit.setFixedWidth(width)
        self._edit.textEdited.connect(self._typed)
        self._edit.editingFinished.connect(self.validate)
        self._calendar = QCalendarWidget()
        self._calendar.setGridVisible(False)
        self._calendar.setAccessibleName(f"{label}: calendar")
        self._calendar.clicked.connect(self._picked)
        self._calendar.activated.connect(self._picked)
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self._calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._sync_calendar)
        self._button = QToolButton(self)
        self._button.setText("\u25be")
        self._button.setToolTip("Pick a date from a calendar")
        self._button.setAccessibleName(f"{label}: pick from calendar")
        self._button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._button.setMenu(menu)
        self._menu = menu
        self._hint = QLabel(self)
        self._hint.setTextFormat(Qt.TextFormat.PlainText)
        self._hint.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self._edit)
        row.addWidget(self._button)
        row.addSpacing(6)
        row.addWidget(self._hint, 1)
        self._row = row
        self.setFocusProxy(self._edit)

    def addButton(self, button: QWidget) -> None:
        """Put ``button`` right after the calendar button (before the confirmation text)."""
        self._row.insertWidget(2, button)

    # ---- values --------------------------------------------------------------------------

    def lineEdit(self) -> QLineEdit:
        return self._edit

    def text(self) -> str:
        return self._edit.text().strip()

    def setText(self, text: str) -> None:
        """Set (not an edit). An empty field gets no message until the user leaves it."""
        self._edit.setText(text)
        if self.text():
            self.validate()
        else:
            self._show_hint("", error=False)

    def setDate(self, day: dt.date | None) -> None:
        self.setText("" if day is None else day.isoformat())

    def date(self) -> dt.date | None:
        """The date typed, or None when empty and allowed; ValidationError otherwise (and
        the reason is shown beside the field)."""
        try:
            return self._parse()
        except ValidationError:
            self.validate()
            raise

    def peek(self) -> dt.date | None:
        """The date if the text is a valid one, else None; shows nothing."""
        try:
            return self._parse()
        except ValidationError:
            return None

    def _parse(self) -> dt.date | None:
        text = self.text()
        if not text:
            if self._allow_empty:
                return None
            raise ValidationError(self._label, "is needed")
        return parse_date(self._label, text)

    def label(self) -> str:
        return self._label

    def isValid(self) -> bool:
        return self.validate() is None

    def hintText(self) -> str:
        """What the field says beside itself: the date in words, or why it is refused."""
        return self._hint.text()

    def errorText(self) -> str:
        """The message shown for an invalid date ('' when the date is fine)."""
        return self._hint.text() if self._hint.property("error") else ""

    def problem(self) -> str | None:
        """Why the text cannot be saved, in the words ``validate`` would show; None when it
        can. Shows nothing (for forms that check every field before enabling a button)."""
        try:
            self._parse()
        except ValidationError as error:
            return self._message(error)
        return None

    def validate(self) -> str | None:
        """Show the outcome beside the field; returns the error message or None."""
        try:
            day = self._parse()
        except ValidationError as error:
            message = self._message(error)
            self._show_hint(message, error=True)
            return message
        self._show_hint("" if day is None else format_long_date(day), error=False)
        return None

    def _message(self, error: ValidationError) -> str:
        return f"{self._label} {error.message}. Write it as YYYY-MM-DD."

    def setReadOnly(self, read_only: bool) -> None:
        self._edit.setReadOnly(read_only)
        self._button.setEnabled(not read_only)

    def clearSensitive(self) -> None:
        self._edit.clear()
        self._hint.clear()

    # ---- internals -----------------------------------------------------------------------

    def _show_hint(self, text: str, *, error: bool) -> None:
        self._hint.setText(text)
        self._hint.setProperty("error", error)
        palette = active_palette(self)
        set_text_colour(self._hint, risk_colour(palette) if error else muted_text(palette))
        self._edit.setAccessibleDescription(text or "A date written year-month-day")

    def _typed(self, _text: str) -> None:
        if self._hint.property("error"):
            self.validate()  # clear the message as soon as the date becomes right
        self.edited.emit()

    def _sync_calendar(self) -> None:
        try:
            day = self._parse()
        except ValidationError:
            day = None
        shown = day or dt.date.today()
        self._calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))

    def _picked(self, qdate: QDate) -> None:
        self._menu.close()
        picked = dt.date(qdate.year(), qdate.month(), qdate.day())
        self._edit.setText(picked.isoformat())
        self.validate()
        self.edited.emit()
