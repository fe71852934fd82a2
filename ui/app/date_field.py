"""A date entry that refuses impossible dates with a message, not silently.

The therapist types ``YYYY-MM-DD`` (unambiguous everywhere) or picks from a calendar. The
domain's strict parser decides: 30 February, year 0 or a date outside 1900..2200 are refused,
and the field says why. A valid date is echoed in words ("Tuesday 4 March 2025") so a
transposed month and day is noticed before it is saved.
"""

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.validation import parse_date
from ui.common.message_style import set_message
from ui.common.ui_text import format_long_date


class DateField(QWidget):
    """``date()`` is the parsed date, None when empty; ``isValid()`` says if it can be saved."""

    dateChanged = Signal()

    def __init__(
        self,
        accessible_name: str,
        *,
        optional: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._optional = optional
        self._name = accessible_name
        self._edit = QLineEdit(self)
        self._edit.setPlaceholderText("YYYY-MM-DD")
        self._edit.setMaxLength(10)
        self._edit.setAccessibleName(accessible_name)
        self._edit.setClearButtonEnabled(optional)
        self._edit.setMinimumWidth(self._edit.fontMetrics().horizontalAdvance("0000-00-00") + 36)
        self._pick = QToolButton(self)
        self._pick.setText("Calendar")
        self._pick.setAccessibleName(f"{accessible_name}: choose from a calendar")
        self._pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._calendar = QCalendarWidget()
        self._calendar.setGridVisible(False)
        self._calendar.clicked.connect(self._picked)
        self._calendar.activated.connect(self._picked)
        menu = QMenu(self._pick)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self._calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._sync_calendar)
        self._pick.setMenu(menu)
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        self._hint.setMinimumHeight(self._hint.fontMetrics().height())
        self._hint.setAccessibleName(f"{accessible_name}: check")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self._edit, 1)
        row.addWidget(self._pick)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self._hint)
        self.setFocusProxy(self._edit)
        self._edit.textChanged.connect(self._on_text)
        self._on_text(self._edit.text())

    # -- API ----------------------------------------------------------------------------
    def lineEdit(self) -> QLineEdit:
        return self._edit

    def setDate(self, day: dt.date | None) -> None:
        self._edit.setText("" if day is None else day.isoformat())

    def date(self) -> dt.date | None:
        """The date typed, or None when empty or invalid (check ``isValid``)."""
        text = self._edit.text().strip()
        if not text:
            return None
        try:
            return parse_date(self._name, text)
        except ValidationError:
            return None

    def hintText(self) -> str:
        """What the field says under itself: the date in words, or why it is refused."""
        return self._hint.text()

    def isValid(self) -> bool:
        return self.problem() is None

    def problem(self) -> str | None:
        """Why the text cannot be saved, in a sentence; None when it can."""
        text = self._edit.text().strip()
        if not text:
            return None if self._optional else f"{self._name} is needed."
        try:
            parse_date(self._name, text)
        except ValidationError as exc:
            return f"{self._name} {exc.message}."
        return None

    # -- internals ----------------------------------------------------------------------
    def _on_text(self, _text: str) -> None:
        problem = self.problem()
        day = self.date()
        if problem is not None and self._edit.text().strip():
            set_message(self._hint, problem, error=True, hide_when_empty=False)
        elif day is not None:
            set_message(self._hint, format_long_date(day), hide_when_empty=False)
        else:
            set_message(self._hint, "", hide_when_empty=False)
        self.dateChanged.emit()

    def _sync_calendar(self) -> None:
        day = self.date() or dt.date.today()
        self._calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, picked: QDate) -> None:
        self.setDate(dt.date(picked.year(), picked.month(), picked.day()))
        menu = self._pick.menu()
        if menu is not None:
            menu.hide()
        self._edit.setFocus()
