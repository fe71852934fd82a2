"""Ctrl+Z for the session note's value fields: phase, mood, PHQ-9, GAD-7, techniques.

Text fields (the notes, the date, the HAM-D total) keep Qt's own undo, which takes the
shortcut while they have the focus. Everywhere else in the form Ctrl+Z puts back the last
value changed, one change at a time, newest first. Loading another note starts afresh.
"""

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut

from .session_form import SessionForm

#: The draft keys of the fields without an undo of their own.
VALUE_KEYS = ("phase", "mood", "phq9", "gad7", "techniques")


class ValueUndo(QObject):
    """``undone`` after a value was put back (the editor marks the note changed)."""

    undone = Signal()

    def __init__(self, form: SessionForm, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._form = form
        self._history: list[tuple[str, str]] = []
        self._last = self._snapshot()
        self._restoring = False
        shortcut = QShortcut(QKeySequence.StandardKey.Undo, form)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.undo)
        self.shortcut = shortcut
        form.edited.connect(self._changed)

    def reset(self) -> None:
        """A note was loaded: nothing to undo."""
        self._history.clear()
        self._last = self._snapshot()

    def canUndo(self) -> bool:
        return bool(self._history)

    def undo(self) -> bool:
        if not self._history:
            return False
        key, before = self._history.pop()
        self._restoring = True
        try:
            self._form.apply_draft_fields({key: before})
        finally:
            self._restoring = False
        self._last = self._snapshot()
        self.undone.emit()
        return True

    def _changed(self) -> None:
        if self._restoring:
            return
        now = self._snapshot()
        for key in VALUE_KEYS:
            if now[key] != self._last[key]:
                self._history.append((key, self._last[key]))
        self._last = now

    def _snapshot(self) -> dict[str, str]:
        fields = self._form.draft_fields()
        return {key: fields.get(key, "") for key in VALUE_KEYS}
