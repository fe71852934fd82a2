"""Guard against a Qt binding that leaks references to None (PySide6-Essentials 6.12.0 did:
every Qt call returning nothing took one reference away, and the app aborted with
`none_dealloc` after a few thousand repaints)."""

import sys

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget


def test_void_qt_calls_do_not_consume_references_to_none(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.update()
        painter = QPainter(image)
        painter.drawLine(0, 0, 10, 10)
        painter.end()
    assert sys.getrefcount(None) >= before - 50
