"""Record a risk review: the date, the level, what was asked, what was found, the actions.

The domain refuses a review without real content (each text at least a short sentence);
the dialog shows that message under the form and keeps everything typed.
"""

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.risk_records import RiskLevel, RiskReview
from ui.common.banner import Banner, BannerKind
from ui.common.date_field import DateField
from ui.common.form_parts import muted_label

LABELS = {"asked": "What was asked", "found": "What was found", "actions": "Actions taken"}
PROMPTS = {
    "asked": "What was asked (e.g. thoughts of death, self-harm, plans, means, intent)",
    "found": "What was found (thoughts, plans, intent, protective factors)",
    "actions": "Actions taken (safety plan, contacts given, GP or crisis team informed)",
}
LEVEL_HELP = "A review is due again at the next session while the level is above low."


class RiskReviewDialog(QDialog):
    def __init__(self, client_id: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Risk review")
        self.setMinimumWidth(520)
        self._client_id = client_id
        self.review: RiskReview | None = None
        self.problem = Banner(BannerKind.PROBLEM, parent=self)
        self.date = DateField("Date of the review", parent=self)
        self.date.setDate(today)
        self.level = QComboBox(self)
        self.level.setAccessibleName("Risk level")
        for level in RiskLevel:
            self.level.addItem(level.label, level.value)
        self.level.setToolTip(LEVEL_HELP)
        self.texts: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.addRow("Date", self.date)
        form.addRow("Level", self.level)
        form.addRow("", muted_label(LEVEL_HELP, self))
        for name, prompt in PROMPTS.items():
            edit = QPlainTextEdit(self)
            edit.setPlaceholderText(prompt)
            edit.setAccessibleName(prompt)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
            self.texts[name] = edit
            form.addRow(LABELS[name], edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.problem)
        column.addLayout(form)
        column.addWidget(buttons)

    def _save(self) -> None:
        day = self.date.date()
        if day is None:
            self.problem.showMessage("This review cannot be saved yet", "Give the date.")
            return
        try:
            self.review = RiskReview(
                self._client_id,
                day,
                RiskLevel(self.level.currentData()),
                **{name: edit.toPlainText() for name, edit in self.texts.items()},
            )
        except ValidationError as error:
            message = f"{error.message[:1].upper()}{error.message[1:]}."
            self.problem.showMessage("This review cannot be saved yet", message)
            edit = self.texts.get(error.field)
            if edit is not None:
                edit.setFocus()
            return
        self.accept()
