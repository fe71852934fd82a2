"""The client's risk status at the top of the overview, impossible to miss when open.

Open: a risk banner (thick rule in the risk colour, bold title) saying which session is
unreviewed, or that a review is due again, with "Record risk review…". Reviewed: a calm
information strip with the level and date. None: one muted line. Beside it, always, the
safety plan button. Words carry the meaning; colour only repeats it.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ipt_desktop.domain.model import ClientRecord
from ipt_desktop.domain.risk_status import ClientRisk, RiskStatus, risk_status
from ui.common.banner import Banner, BannerKind
from ui.common.form_parts import muted_label

OPEN_TITLE = "Risk open: document a risk review"
DUE_TITLE = "Risk review due at this session"
OPEN_TEXT = (
    "A risk source has no risk review on or after its date. A later 0 does not clear it: "
    "record what was asked, what was found and the actions taken."
)
NO_RISK = "No risk source recorded (a 0 on item 9 is not a statement of safety)."


class RiskPanel(QWidget):
    reviewRequested = Signal()
    safetyPlanRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_banner = Banner(BannerKind.RISK, "Record risk review…", self)
        self.open_banner.actionTriggered.connect(self.reviewRequested)
        self.reviewed_banner = Banner(BannerKind.INFO, "New risk review…", self)
        self.reviewed_banner.actionTriggered.connect(self.reviewRequested)
        self.none_line = muted_label(NO_RISK, self)
        self.plan_button = QPushButton("Safety plan…", self)
        self.plan_button.setAccessibleName("Open the safety plan")
        self.plan_button.clicked.connect(self.safetyPlanRequested)
        self.review_button = QPushButton("Record risk review…", self)
        self.review_button.clicked.connect(self.reviewRequested)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.open_banner)
        column.addWidget(self.reviewed_banner)
        column.addWidget(self.none_line)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(column, 1)
        row.addWidget(self.review_button)
        row.addWidget(self.plan_button)
        self._status: ClientRisk | None = None

    def status(self) -> ClientRisk | None:
        return self._status

    def showRecord(self, record: ClientRecord | None) -> None:
        self.open_banner.clear()
        self.reviewed_banner.clear()
        self.none_line.hide()
        self.review_button.hide()
        if record is None:
            self._status = None
            self.plan_button.hide()
            return
        status = risk_status(record)
        self._status = status
        self.plan_button.show()
        plan = record.safety_plan
        self.plan_button.setText("Safety plan…" if plan is not None else "Write safety plan…")
        if status.state is RiskStatus.OPEN:
            title = DUE_TITLE if status.review_due and not status.unreviewed else OPEN_TITLE
            self.open_banner.showMessage(title, f"{_sentence(status.detail)} {OPEN_TEXT}")
        elif status.state is RiskStatus.REVIEWED:
            self.reviewed_banner.showMessage(status.headline, _history(status))
        else:
            self.none_line.show()
            self.review_button.show()


def _history(status: ClientRisk) -> str:
    count = len(status.sources)
    if not count:
        return "No risk source on record."
    noun = "session" if count == 1 else "sessions"
    return f"Risk history: {count} {noun} with a risk source, all reviewed."


def _sentence(text: str) -> str:
    return f"{text[:1].upper()}{text[1:]}."
