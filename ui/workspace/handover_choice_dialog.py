"""Before handing the laptop over: which questionnaires the client answers (therapist side)."""

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ipt_desktop.domain.client_entry import QUESTIONNAIRE_ORDER, Questionnaire
from ipt_desktop.domain.handover import TITLES

EXPLANATION = (
    "The client sees only these questions, one at a time, full-screen; nothing of the "
    "record. Escape, closing the window, switching windows or the idle timer lock the app. "
    "When the client is done, the lock screen shows: unlock to see the answers in this "
    "session, marked as entered by the client."
)
LONG_TITLES = {
    Questionnaire.MOOD: "Mood today (0 to 10)",
    Questionnaire.PHQ9: "PHQ-9 (depression, 9 questions)",
    Questionnaire.GAD7: "GAD-7 (anxiety, 7 questions)",
}


class HandoverChoiceDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Hand to client")
        intro = QLabel(EXPLANATION, self)
        intro.setWordWrap(True)
        self.boxes: dict[Questionnaire, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for q in QUESTIONNAIRE_ORDER:
            box = QCheckBox(LONG_TITLES[q], self)
            box.setChecked(True)
            box.setAccessibleName(f"Ask the {TITLES[q]}")
            box.toggled.connect(self._update)
            layout.addWidget(box)
            self.boxes[q] = box
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Hand to client")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def chosen(self) -> list[str]:
        return [q.value for q, box in self.boxes.items() if box.isChecked()]

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.chosen()))
