"""Going ahead although risk is open: an explicit decision with a reason (IPT.md).

Ending a client or making a graduation letter while a risk source has no later review
needs the therapist's recorded decision. The dialog names the unreviewed session (by number
and date), says what will happen, and asks for the reason; the button stays off until the
reason is a real sentence (the rule of ``domain.risk_records``). The reason is stored
sealed in the client's record; the audit log records only that a decision was made.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.risk_records import (
    MIN_REASON_CHARS,
    MIN_REASON_WORDS,
    DecisionAction,
    check_real_content,
)
from ipt_desktop.domain.risk_status import ClientRisk

from .banner import Banner, BannerKind
from .message_style import set_message

EXPLAIN = (
    "IPT practice: a positive answer is never left without a documented risk assessment. "
    "The safer course is to record a risk review first. If you go ahead now, say why: the "
    "reason is kept, encrypted, in the client's record, and the decision is entered in the "
    "audit log."
)


class RiskDecisionDialog(QDialog):
    def __init__(
        self, action: DecisionAction, status: ClientRisk, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Risk is open")
        self.setMinimumWidth(520)
        self.banner = Banner(BannerKind.RISK, parent=self)
        self.banner.showMessage(
            f"Risk is open: {action.label} anyway?",
            f"{status.detail[0].upper()}{status.detail[1:]}.",
        )
        explain = QLabel(EXPLAIN, self)
        explain.setWordWrap(True)
        prompt = QLabel("Reason for going ahead (required):", self)
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName("Reason for going ahead despite open risk")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 12)
        prompt.setBuddy(self.reason)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        # Room for a two-line message from the start: the dialog never has to grow.
        self.problem.setMinimumHeight(self.problem.fontMetrics().lineSpacing() * 2 + 4)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.go = self.buttons.addButton(
            f"Record decision and {action.label}", QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("Cancel (record a review first)")
        cancel.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.banner)
        column.addWidget(explain)
        column.addWidget(prompt)
        column.addWidget(self.reason)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)
        self.reason.textChanged.connect(self._validate)
        self._validate()

    def problemText(self) -> str:
        try:
            check_real_content(
                "reason", self.reasonText(), "the reason", MIN_REASON_WORDS, MIN_REASON_CHARS
            )
        except ValidationError as error:
            return f"{error.message[0].upper()}{error.message[1:]}."
        return ""

    def reasonText(self) -> str:
        return self.reason.toPlainText().strip()

    def _validate(self) -> None:
        problem = self.problemText()
        typed = bool(self.reasonText())
        set_message(self.problem, problem if typed else "", error=True, hide_when_empty=False)
        self.go.setEnabled(not problem)


def ask_reason(parent: QWidget, action: DecisionAction, status: ClientRisk) -> str | None:
    """The reason, or None when the therapist cancels (nothing happens then)."""
    dialog = RiskDecisionDialog(action, status, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reasonText()
    finally:
        dialog.deleteLater()
