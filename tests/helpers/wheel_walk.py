"""Turning the mouse wheel over value widgets without the keyboard focus (issue 13)."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QWidget

from ui.common.wheel_guard import is_guarded


def value_of(widget: QWidget) -> object:
    if isinstance(widget, QAbstractSlider):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    assert isinstance(widget, QAbstractSpinBox)
    return widget.text()


def turn_wheel(widget: QWidget, notches: int) -> None:
    centre = QPointF(widget.rect().center())
    for _ in range(abs(notches)):
        delta = 120 if notches > 0 else -120
        event = QWheelEvent(
            centre,
            QPointF(widget.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(widget, event)


def value_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if w.isVisible() and is_guarded(w)]


def assert_wheel_changes_nothing(root: QWidget) -> int:
    widgets = value_widgets(root)
    for widget in widgets:
        if widget.hasFocus():
            widget.clearFocus()
        assert not widget.hasFocus()
        before = value_of(widget)
        turn_wheel(widget, 3)
        turn_wheel(widget, -6)
        QApplication.processEvents()
        assert value_of(widget) == before, widget.accessibleName() or widget.objectName()
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus, type(widget).__name__
    return len(widgets)
