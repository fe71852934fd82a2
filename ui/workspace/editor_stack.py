"""Where a tab's editor sits: the editor, or a centred line saying what to choose."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from ui.common.form_parts import set_muted


class EditorStack(QStackedWidget):
    def __init__(
        self, editor: QWidget, nothing_chosen: str, parent: QWidget | None = None, *, muted: bool
    ) -> None:
        empty = QLabel(nothing_chosen, parent)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        if muted:
            set_muted(empty)
        super().__init__(parent)
        self._editor = editor
        self.empty = empty
        self.addWidget(empty)
        self.addWidget(editor)

    def showEditor(self, shown: bool) -> None:
        self.setCurrentWidget(self._editor if shown else self.empty)
