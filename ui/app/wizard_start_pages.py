"""First-run wizard, part 1: welcome (create a vault or open the demo) and the passphrase.

Leaving the passphrase page creates the vault off the UI thread (key-derivation calibration
takes about two seconds); it is a commit page, so the wizard cannot go back past it.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ui.common.message_style import set_message
from ui.common.passphrase_widgets import PassphraseEdit, StrengthMeter

from .wizard_host import WizardHost

NO_RECOVERY_TEXT = (
    "Your records are encrypted with your passphrase. Without the passphrase and the "
    "recovery key, the records cannot be recovered by anyone: not by you, not by the makers "
    "of ipt-desktop, not by a computer technician. There is no back door."
)


def _wrapping(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class WelcomePage(QWizardPage):
    """Create a vault, or look around the demo practice first."""

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__()
        self._wizard = wizard
        self._busy = False
        self.setTitle("Welcome to ipt-desktop")
        self.setSubTitle(
            "Encrypted records for Interpersonal Psychotherapy, kept on this computer."
        )
        self.createChoice = QRadioButton("&Create a vault for my practice")
        self.createChoice.setAccessibleName("Create a vault for my practice")
        self.demoChoice = QRadioButton(
            "Open the &demo practice (fictional clients, deleted when you quit)"
        )
        self.demoChoice.setAccessibleName("Open the demo practice")
        self.createChoice.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.createChoice)
        group.addButton(self.demoChoice)
        group.buttonToggled.connect(lambda *_: self._choice_changed())
        where = _wrapping(f"The vault will be created in:\n{wizard.vaultDir()}")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._error = QLabel()
        self._error.setWordWrap(True)
        set_message(self._error, "")
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(
            _wrapping(
                "A vault holds your clients' records, sealed with a passphrase only you know. "
                "Nothing leaves this computer."
            )
        )
        layout.addSpacing(6)
        layout.addWidget(self.createChoice)
        layout.addWidget(self.demoChoice)
        layout.addSpacing(6)
        layout.addWidget(where)
        layout.addStretch(1)
        layout.addWidget(self._error)

    def _choice_changed(self) -> None:
        self.setFinalPage(self.demoChoice.isChecked())
        self.completeChanged.emit()

    def nextId(self) -> int:
        return -1 if self.demoChoice.isChecked() else super().nextId()

    def isComplete(self) -> bool:
        return not self._busy

    def validatePage(self) -> bool:
        if not self.demoChoice.isChecked():
            return True
        if self._wizard.hasDemo():
            return True
        if not self._busy:
            self._busy = True
            self.completeChanged.emit()
            self._wizard.startDemo(self._demo_ready, self._demo_failed)
        return False

    def _demo_ready(self) -> None:
        self._busy = False
        self.completeChanged.emit()
        self._wizard.accept()

    def _demo_failed(self, message: str) -> None:
        self._busy = False
        self.completeChanged.emit()
        set_message(self._error, message, error=True)


class PassphrasePage(QWizardPage):
    """Choose the passphrase (twice), with the policy's live verdict."""

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__()
        self._wizard = wizard
        self._creating = False
        self.setTitle("Choose a passphrase")
        self.setSubTitle("You will type it each time you open ipt-desktop.")
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Create vault")
        self.passphrase = PassphraseEdit("Passphrase")
        self.confirm = PassphraseEdit("Passphrase again")
        self.meter = StrengthMeter(self.passphrase)
        self._mismatch = QLabel()
        set_message(self._mismatch, "", hide_when_empty=False)
        self._error = QLabel()
        self._error.setWordWrap(True)
        set_message(self._error, "")
        warning = _wrapping(NO_RECOVERY_TEXT)
        warning.setAccessibleName("Warning: no recovery without passphrase and recovery key")
        font = warning.font()
        font.setBold(True)
        warning.setFont(font)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Passphrase:", self.passphrase)
        form.addRow("", self.meter)
        form.addRow("Type it &again:", self.confirm)
        form.addRow("", self._mismatch)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(warning)
        layout.addWidget(self._error)
        self.passphrase.textChanged.connect(self._changed)
        self.confirm.textChanged.connect(self._changed)
        self.meter.verdictChanged.connect(lambda _ok: self.completeChanged.emit())

    def initializePage(self) -> None:
        self.passphrase.setFocus()

    def _changed(self) -> None:
        typed = self.confirm.text()
        differs = bool(typed) and typed != self.passphrase.text()
        set_message(
            self._mismatch,
            "The two passphrases differ." if differs else "",
            error=True,
            hide_when_empty=False,
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return (
            not self._creating
            and self.meter.isAcceptable()
            and self.confirm.text() == self.passphrase.text()
        )

    def isCreating(self) -> bool:
        return self._creating

    def validatePage(self) -> bool:
        if self._wizard.hasVault():
            return True
        if self._creating or not self.isComplete():
            return False
        self._creating = True
        set_message(self._error, "")
        self.passphrase.setReadOnly(True)
        self.confirm.setReadOnly(True)
        self.completeChanged.emit()
        self._wizard.startCreate(self.passphrase.text(), self._created, self._failed)
        return False

    def _created(self) -> None:
        self._creating = False
        self._wizard.next()
        # The vault holds the key now; the typed passphrase need not stay in a widget.
        self.passphrase.wipe()
        self.confirm.wipe()

    def _failed(self, message: str) -> None:
        self._creating = False
        self.passphrase.setReadOnly(False)
        self.confirm.setReadOnly(False)
        set_message(self._error, message, error=True)
        self.completeChanged.emit()
        self.passphrase.setFocus()
