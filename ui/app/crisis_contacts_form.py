"""The practice's crisis contacts: out-of-hours line, emergency number, anything else.

Printed on every client letter and on the safety plan (IPT.md). Used by the first-run
wizard (optional, but asked for) and by Settings. Sealed in the vault through
``services.practice``, never kept in QSettings.
"""

from PySide6.QtWidgets import QWidget

from ipt_desktop.domain.risk_records import CrisisContacts
from ui.common.labelled_fields import LabelledFields

_OTHER_LINES = 2
EXPLAIN = (
    "Printed on every client letter and safety plan, so a client in crisis knows whom to "
    "call. Leave empty and the letters say only: call your local emergency number."
)


class CrisisContactsForm(LabelledFields):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.emergency = self.addLine("E&mergency number:", "Emergency number", "e.g. 112 or 999")
        self.out_of_hours = self.addLine(
            "&Out-of-hours line:",
            "Out-of-hours line",
            "e.g. Crisis team, 0800 555 0199 (24 hours)",
        )
        self.other = self.addBox(
            "Other contact&s:",
            "Other crisis contacts",
            "e.g. Samaritans 116 123 (free, day and night)",
            _OTHER_LINES,
        )

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
