"""The session editor's problem banner: what keeps the note from being saved or signed,
with a "Go to it" button that scrolls to the field and puts the cursor there."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from ipt_desktop.domain.errors import ValidationError
from ui.common.banner import Banner, BannerKind

from .session_form import SessionForm
from .session_prompts import RISK_DONE_TEXT, RISK_DONE_TITLE, RISK_TEXT, RISK_TITLE


def banner_column(*banners: Banner) -> QVBoxLayout:
    """The editor's banners, one above the other, between its header and its form."""
    column = QVBoxLayout()
    column.setContentsMargins(16, 0, 16, 4)
    column.setSpacing(6)
    for banner in banners:
        column.addWidget(banner)
    return column


def show_risk_prompt(banner: Banner, positive: bool, missing: bool) -> None:
    """PHQ-9 item 9 above 0: ask for the risk assessment (with a button to it) until it is
    written, then a reminder to check the safety plan; nothing otherwise."""
    if not positive:
        banner.clear()
        return
    if missing:
        banner.showMessage(RISK_TITLE, RISK_TEXT)
    else:
        banner.showMessage(RISK_DONE_TITLE, RISK_DONE_TEXT)
    button = banner.actionButton()
    if button is not None:
        button.setVisible(missing)


def field_widget(form: SessionForm, field: str | None) -> QWidget | None:
    """The form's widget for a ``ValidationError.field`` (None: no one field)."""
    return {
        "Session date": form.date_field,
        "date": form.date_field,
        "phq9": form.phq9,
        "gad7": form.gad7,
        "hamd": form.hamd,
        "risk_assessment": form.risk_field,
    }.get(field or "")


def readable(form: SessionForm, error: ValidationError) -> str:
    """The problem in a sentence that names the field (never repeating clinical text)."""
    if error.field in ("Session date", "date"):
        return form.date_field.validate() or f"The session date {error.message}."
    if error.field in ("phq9", "gad7", "hamd"):
        return f"{error.message}."
    return f"{error.field.replace('_', ' ').capitalize()} {error.message}."


class ProblemBanner(Banner):
    def __init__(self, scroll: QScrollArea, parent: QWidget | None = None) -> None:
        super().__init__(BannerKind.PROBLEM, "Go to it", parent)
        self._scroll = scroll
        self._target: QWidget | None = None
        self.actionTriggered.connect(self.goToTarget)

    def target(self) -> QWidget | None:
        return self._target

    def showProblem(self, title: str, message: str, target: QWidget | None = None) -> None:
        """Show the problem and go to ``target`` (the button stays for later)."""
        self.showMessage(title, message)
        self._target = target
        button = self.actionButton()
        if button is not None:
            button.setVisible(target is not None)
        self.goToTarget()

    def goToTarget(self) -> None:
        target = self._target
        if target is not None:
            self._scroll.ensureWidgetVisible(target, 0, 80)
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        self._target = None
        super().clear()
