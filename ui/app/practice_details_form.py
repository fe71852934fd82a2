"""The practice details printed on letters: therapist, credentials, practice, address, phone.

Used by the first-run wizard and by Settings. The values are sealed in the vault through
``services.practice`` (they name a person), never kept in QSettings.
"""

from PySide6.QtWidgets import QLabel, QWidget

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import PracticeDetails
from ui.common.labelled_fields import LabelledFields
from ui.common.message_style import set_message

_ADDRESS_LINES = 3


class PracticeDetailsForm(LabelledFields):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.therapist = self.addLine("&Therapist name:", "Therapist name", "e.g. Dr Jordan Reyes")
        self.credentials = self.addLine(
            "&Credentials:", "Credentials", "e.g. PhD, Clinical Psychologist"
        )
        self.practice = self.addLine(
            "&Practice name:", "Practice name", "e.g. Riverside Psychotherapy"
        )
        self.address = self.addBox(
            "&Address:", "Practice address", "Street, town, postcode", _ADDRESS_LINES
        )
        self.phone = self.addLine("P&hone:", "Phone")
        self.email = self.addLine("&Email:", "Email")
        self._error = QLabel(self)
        self._error.setWordWrap(True)
        set_message(self._error, "")
        self.addWide(self._error)

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
