"""The practice's crisis contacts: out-of-hours line, emergency number, anything else.

Printed on every client letter and on the safety plan (IPT.md). Used by the first-run
wizard (optional, but asked for) and by Settings. Sealed in the vault through
``services.practice``, never kept in QSettings.
"""

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from ipt_desktop.domain.risk_records import CrisisContacts

_OTHER_LINES = 2
EXPLAIN = (
    "Printed on every client letter and safety plan, so a client in crisis knows whom to "
    "call. Leave empty and the letters say only: call your local emergency number."
)


class CrisisContactsForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.emergency = self._line("Emergency number", "e.g. 112 or 999")
        self.out_of_hours = self._line(
            "Out-of-hours line", "e.g. Crisis team, 0800 555 0199 (24 hours)"
        )
        self.other = QPlainTextEdit(self)
        self.other.setAccessibleName("Other crisis contacts")
        self.other.setPlaceholderText("e.g. Samaritans 116 123 (free, day and night)")
        self.other.setTabChangesFocus(True)
        self.other.setFixedHeight(self.other.fontMetrics().lineSpacing() * _OTHER_LINES + 16)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("E&mergency number:", self.emergency)
        form.addRow("&Out-of-hours line:", self.out_of_hours)
        form.addRow("Other contact&s:", self.other)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(2000)
        return edit

    def setContacts(self, contacts: CrisisContacts) -> None:
        self.emergency.setText(contacts.emergency)
        self.out_of_hours.setText(contacts.out_of_hours)
        self.other.setPlainText(contacts.other)

    def contacts(self) -> CrisisContacts:
        return CrisisContacts(
            out_of_hours=self.out_of_hours.text().strip(),
            emergency=self.emergency.text().strip(),
            other=self.other.toPlainText().strip(),
        )
