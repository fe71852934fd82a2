"""Headings and field labels shared by the workspace forms (one look for every tab)."""

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPalette, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from .clinical_colours import muted_text


def section_heading(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.12)
    label.setFont(font)
    label.setContentsMargins(0, 10, 0, 2)
    label.setAccessibleName(text)
    return label


def field_label(text: str, buddy: QWidget, parent: QWidget | None = None) -> QLabel:
    """A label above (or beside) a field; Alt+letter reaches the field via the buddy."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def muted_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    set_muted(label)
    return label


def active_palette(widget: QWidget) -> QPalette:
    """The widget's palette read as when enabled (a disabled parent must not fade colours
    computed from it)."""
    palette = QPalette(widget.palette())
    palette.setCurrentColorGroup(QPalette.ColorGroup.Active)
    return palette


def set_text_colour(label: QWidget, colour: QColor) -> None:
    """Text colour for the enabled states; a disabled label keeps the style's grey."""
    palette = label.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.WindowText, colour)
    label.setPalette(palette)


def set_muted(label: QWidget) -> None:
    set_text_colour(label, muted_text(active_palette(label)))


def rule(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Plain)
    line.setEnabled(False)
    return line


def labelled(text: str, field: QWidget, parent: QWidget | None = None, *, gap: int = 4) -> QWidget:
    """``text`` above ``field`` in a small column, ``gap`` pixels below what came before."""
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, gap, 0, 0)
    column.setSpacing(3)
    column.addWidget(field_label(text, field, box))
    column.addWidget(field)
    return box


class WrappedLabel(QLabel):
    """A word-wrapped label whose height follows its real width.

    A plain wrapped QLabel guesses its height for a narrower width than it gets, so grid
    rows come out unevenly tall; this one reports the height its text needs at its current
    width and asks for a new layout when that changes.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._last_height = -1

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.width() if self.width() > 40 else hint.width()
        return QSize(hint.width(), self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = self.heightForWidth(self.width())
        if height != self._last_height:
            self._last_height = height
            self.updateGeometry()


def one_line_width(label: QLabel) -> int:
    """The width ``label``'s text takes on one line (what a wrapped label would like)."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(label.font())
    if label.textFormat() == Qt.TextFormat.RichText:
        document.setHtml(label.text())
    else:
        document.setPlainText(label.text())
    margins = label.contentsMargins()
    frame = margins.left() + margins.right() + 2 * label.margin()
    return math.ceil(document.idealWidth()) + frame + 1


class CellLabel(QLabel):
    """A label in a table-like grid: one line when the grid can afford it, else wrapped."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), one_line_width(self)), hint.height())
