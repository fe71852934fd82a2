"""A form of labelled text fields: the label beside its field, Alt+letter in the label.

The practice details and the crisis contacts (first-run wizard and Settings) are such
forms: one-line fields and short multi-line boxes, each named for screen readers, the
boxes passing Tab on to the next field, the form as wide as its column.
"""

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

#: The most a one-line field takes (a name, a phone number: never a page).
LINE_MAX_LENGTH = 2000
_BOX_FRAME = 16  # the box's frame and margins, beyond its lines of text


class LabelledFields(QWidget):
    """Rows of ``label: field``; add them in the order Tab should visit them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

    def addLine(self, label: str, name: str, placeholder: str = "") -> QLineEdit:
        """A one-line field; ``label`` carries the mnemonic ("&Phone:"), ``name`` is what a
        screen reader says."""
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(LINE_MAX_LENGTH)
        self._form.addRow(label, edit)
        return edit

    def addBox(self, label: str, name: str, placeholder: str, lines: int) -> QPlainTextEdit:
        """A multi-line field ``lines`` lines high, in which Tab moves on (no tab characters)."""
        box = QPlainTextEdit(self)
        box.setAccessibleName(name)
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + _BOX_FRAME)
        self._form.addRow(label, box)
        return box

    def addWide(self, widget: QWidget) -> None:
        """A row across the whole form (a message under the fields)."""
        self._form.addRow(widget)
