"""No value changes because the mouse wheel passed over a widget.

One event filter, installed once on the application, guards every slider, combo box,
spin box and date edit in every window and dialog, present or future:

- when such a widget is first polished its focus policy becomes ``Qt.StrongFocus`` (tab or
  click gives it focus, the wheel never does);
- a wheel event for it is ignored unless it has keyboard focus, and is passed on to its
  parent, so the page under the pointer still scrolls.

A popup (a combo box's list, a calendar) keeps its wheel: the user opened it on purpose.
"""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

#: The widgets whose value a wheel turn would change (QDateEdit is a QAbstractSpinBox).
GUARDED_TYPES: tuple[type[QWidget], ...] = (QAbstractSlider, QComboBox, QAbstractSpinBox)
_GUARD_NAME = "ipt_wheel_guard"


def is_guarded(widget: QWidget) -> bool:
    """A value widget outside a popup (scroll bars are sliders too, but only scroll)."""
    if not isinstance(widget, GUARDED_TYPES):
        return False
    if widget.inherits("QScrollBar"):
        return False
    return widget.window().windowType() != Qt.WindowType.Popup


class WheelGuard(QObject):
    """The application-wide filter; see the module text."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.Wheel, QEvent.Type.Polish):
            return False
        if not isinstance(watched, QWidget) or not is_guarded(watched):
            return False
        if kind == QEvent.Type.Polish:
            if watched.focusPolicy() != Qt.FocusPolicy.NoFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if watched.hasFocus():
            return False
        event.ignore()  # not accepted: Qt offers the wheel to the parent (the scroll area)
        return True


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` once (again: the same guard is returned)."""
    existing = app.findChild(WheelGuard, _GUARD_NAME)
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    guard.setObjectName(_GUARD_NAME)
    app.installEventFilter(guard)
    return guard
