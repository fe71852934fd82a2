"""First-run wizard, part 2: the recovery key (shown once, printable), its confirmation, and
the practice details printed on letters."""

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.vault.errors import VaultError
from ui.common.message_style import set_message

from .crisis_contacts_form import EXPLAIN as CRISIS_EXPLAIN
from .crisis_contacts_form import CrisisContactsForm
from .practice_details_form import PracticeDetailsForm
from .recovery_key_panel import FIRST_KEY, RecoveryKeyPanel, key_groups
from .wizard_host import WizardHost
from .wizard_start_pages import NO_RECOVERY_TEXT

_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


def normalise_group(text: str) -> str:
    """Forgive case, spaces, dashes and the look-alikes the key never contains."""
    return "".join(ch for ch in text.upper() if ch not in " -").translate(_LOOKALIKES)


class RecoveryKeyPage(QWizardPage):
    """The key, once: write it down or save the printable sheet."""

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Your recovery key")
        self.setSubTitle("It is shown only now. Write it down or print the recovery sheet.")
        warning = QLabel(NO_RECOVERY_TEXT)
        warning.setWordWrap(True)
        bold = warning.font()
        bold.setBold(True)
        warning.setFont(bold)
        self.keyPanel = RecoveryKeyPanel(FIRST_KEY, wizard.saveRecoverySheet, warning)
        self.keyPanel.written.toggled.connect(lambda _on: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(
            _plain(
                "If you ever forget your passphrase, this key opens the vault so you can "
                "choose a new one. Keep it away from this computer: a locked drawer, a safe."
            )
        )
        layout.addWidget(self.keyPanel)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.keyPanel.showKey(self._wizard.recoveryKey())

    def cleanupPage(self) -> None:
        self.keyPanel.clearKey()

    def isComplete(self) -> bool:
        return self.keyPanel.isKept()


class ConfirmKeyPage(QWizardPage):
    """Ask for two groups of the key back, to be sure it was written down correctly."""

    def __init__(self, wizard: WizardHost, rng: random.Random | None = None) -> None:
        super().__init__()
        self._wizard = wizard
        self._rng = rng or random.SystemRandom()
        self._expected: list[tuple[int, str]] = []
        self.setTitle("Check your copy")
        self.setSubTitle("Type two groups of the recovery key from what you wrote down.")
        self.first = QLineEdit()
        self.second = QLineEdit()
        self._labels = [QLabel(), QLabel()]
        form = QFormLayout()
        for label, edit in zip(self._labels, (self.first, self.second), strict=True):
            edit.setMaxLength(6)
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("WWWWWW") + 24)
            edit.textChanged.connect(self._changed)
            label.setBuddy(edit)
            form.addRow(label, edit)
        self._message = QLabel()
        self._message.setWordWrap(True)
        set_message(self._message, "", hide_when_empty=False)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(
            _plain("The groups are counted from the left, starting at 1 (the key has 14).")
        )
        layout.addLayout(form)
        layout.addWidget(self._message)
        layout.addStretch(1)

    def expectedGroups(self) -> list[int]:
        """The 1-based group numbers being asked for."""
        return [n for n, _g in self._expected]

    def initializePage(self) -> None:
        groups = key_groups(self._wizard.recoveryKey())
        picks = sorted(self._rng.sample(range(len(groups)), 2))
        self._expected = [(i + 1, groups[i]) for i in picks]
        for label, edit, (number, _group) in zip(
            self._labels, (self.first, self.second), self._expected, strict=True
        ):
            label.setText(f"Group &{number}:")
            edit.setAccessibleName(f"Group {number} of the recovery key")
            edit.clear()
        self.first.setFocus()

    def cleanupPage(self) -> None:
        self.first.clear()
        self.second.clear()

    def _matches(self) -> list[bool]:
        typed = (self.first.text(), self.second.text())
        return [normalise_group(t) == g for t, (_n, g) in zip(typed, self._expected, strict=True)]

    def _changed(self) -> None:
        wrong = [
            number
            for edit, (number, group), ok in zip(
                (self.first, self.second), self._expected, self._matches(), strict=True
            )
            if not ok and len(normalise_group(edit.text())) >= len(group)
        ]
        text = (
            f"That does not match group {wrong[0]}. Check what you wrote down."
            if wrong
            else ("Both groups match." if all(self._matches()) else "")
        )
        set_message(self._message, text, error=bool(wrong), hide_when_empty=False)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self._expected) and all(self._matches())


class PracticePage(QWizardPage):
    """Who signs the letters (optional now; Settings can change it later)."""

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Your practice")
        self.setSubTitle("Printed on letters and summaries. You can change these later.")
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Start using ipt-desktop")
        self.form = PracticeDetailsForm()
        self.crisis = CrisisContactsForm()
        crisis_title = QLabel("Crisis contacts")
        font = crisis_title.font()
        font.setBold(True)
        crisis_title.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addSpacing(8)
        layout.addWidget(crisis_title)
        layout.addWidget(_plain(CRISIS_EXPLAIN))
        layout.addWidget(self.crisis)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.form.therapist.setFocus()

    def validatePage(self) -> bool:
        try:
            details = self.form.details()
        except ValidationError as exc:
            self.form.showValidationError(exc)
            return False
        try:
            self._wizard.savePractice(details)
            contacts = self.crisis.contacts()
            if not contacts.is_empty:
                self._wizard.saveCrisisContacts(contacts)
        except ValidationError as exc:
            self.form.showValidationError(exc)
            return False
        except VaultError as exc:
            self.form.showError(str(exc))
            return False
        return True


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
