"""Size a dialog of wrapped text to its content at its current width.

Wrapped labels have a height that depends on the width; ``QWidget.adjustSize`` picks the
width first (the size hint) and a layout's minimum size ignores the wrapping, so a dialog
whose content grows (a progress section, a result) ends up squeezed or with gaps. This asks
the layout for the height its content needs at the dialog's actual width.
"""

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget


def fit_height(widget: QWidget) -> None:
    """Resize ``widget`` (a window with a layout) to the height its content needs now."""
    layout = widget.layout()
    if layout is None:
        return
    layout.activate()
    width = max(widget.width(), widget.minimumWidth(), layout.totalMinimumSize().width())
    if layout.hasHeightForWidth():
        height = layout.totalHeightForWidth(width)
    else:
        height = layout.totalSizeHint().height()
    widget.resize(width, max(height, layout.totalMinimumSize().height()))


class FittedDialog(QDialog):
    """A dialog that takes the height its wrapped text needs when shown, and on ``refit``."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_height(self)

    def refit(self) -> None:
        if self.isVisible():
            fit_height(self)
