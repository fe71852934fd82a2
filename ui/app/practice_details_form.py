"""The practice details printed on letters: therapist, credentials, practice, address, phone.

Used by the first-run wizard and by Settings. The values are sealed in the vault through
``services.practice`` (they name a person), never kept in QSettings.
"""

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import PracticeDetails
from ui.common.message_style import set_message

_ADDRESS_LINES = 3


class PracticeDetailsForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.therapist = self._line("Therapist name", "e.g. Dr Jordan Reyes")
        self.credentials = self._line("Credentials", "e.g. PhD, Clinical Psychologist")
        self.practice = self._line("Practice name", "e.g. Riverside Psychotherapy")
        self.address = QPlainTextEdit(self)
        self.address.setAccessibleName("Practice address")
        self.address.setPlaceholderText("Street, town, postcode")
        self.address.setTabChangesFocus(True)
        line = self.address.fontMetrics().lineSpacing()
        self.address.setFixedHeight(line * _ADDRESS_LINES + 16)
        self.phone = self._line("Phone", "")
        self.email = self._line("Email", "")
        self._error = QLabel(self)
        self._error.setWordWrap(True)
        set_message(self._error, "")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Therapist name:", self.therapist)
        form.addRow("&Credentials:", self.credentials)
        form.addRow("&Practice name:", self.practice)
        form.addRow("&Address:", self.address)
        form.addRow("P&hone:", self.phone)
        form.addRow("&Email:", self.email)
        form.addRow(self._error)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(2000)
        return edit

    def setDetails(self, details: PracticeDetails) -> None:
        self.therapist.setText(details.therapist_name)
        self.credentials.setText(details.credentials)
        self.practice.setText(details.practice_name)
        self.address.setPlainText(details.address)
        self.phone.setText(details.phone)
        self.email.setText(details.email)

    def details(self) -> PracticeDetails:
        """The values as typed (trimmed); raises ValidationError for an impossible value."""
        return PracticeDetails(
            therapist_name=self.therapist.text().strip(),
            credentials=self.credentials.text().strip(),
            practice_name=self.practice.text().strip(),
            address=self.address.toPlainText().strip(),
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
        )

    def showError(self, text: str) -> None:
        set_message(self._error, text, error=True)

    def showValidationError(self, exc: ValidationError) -> None:
        self.showError(f"{exc.field.replace('_', ' ').capitalize()} {exc.message}.")
