"""Choose a new passphrase: after unlocking with the recovery key, or from the File menu.

The master key is rewrapped off the UI thread (KDF calibration takes a couple of seconds);
no record is re-encrypted. The dialog stays open, its buttons off, until that is done.
"""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.services.passphrases import KdfChoice
from ipt_desktop.vault.errors import VaultError
from ipt_desktop.vault.vault import Vault
from ui.common.busy_indicator import BusyIndicator
from ui.common.message_style import set_message
from ui.common.passphrase_widgets import PassphraseEdit, StrengthMeter
from ui.common.task_runner import TaskRunner


class NewPassphraseDialog(QDialog):
    def __init__(
        self,
        vault: Vault,
        runner: TaskRunner,
        *,
        after_recovery: bool = False,
        kdf: KdfChoice = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._runner = runner
        self._kdf = kdf
        self._task: int | None = None
        self.setWindowTitle("Choose a new passphrase")
        self.setMinimumWidth(500)
        intro = QLabel(
            "The recovery key opened the vault. Choose a new passphrase now: you will use it "
            "from the next unlock on. Your recovery key stays the same."
            if after_recovery
            else "The vault will open with the new passphrase from the next unlock on. "
            "Your recovery key stays the same."
        )
        intro.setWordWrap(True)
        self.passphrase = PassphraseEdit("New passphrase")
        self.confirm = PassphraseEdit("New passphrase again")
        self.meter = StrengthMeter(self.passphrase)
        self.mismatch = QLabel()
        set_message(self.mismatch, "", hide_when_empty=False)
        self.error = QLabel()
        self.error.setWordWrap(True)
        set_message(self.error, "")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&New passphrase:", self.passphrase)
        form.addRow("", self.meter)
        form.addRow("Type it &again:", self.confirm)
        form.addRow("", self.mismatch)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Change passphrase")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(BusyIndicator(runner, self))
        layout.addWidget(self.buttons)
        self.passphrase.textChanged.connect(self._changed)
        self.confirm.textChanged.connect(self._changed)
        self.meter.verdictChanged.connect(lambda _ok: self._changed())
        self._changed()

    def _ready(self) -> bool:
        return (
            self._task is None
            and self.meter.isAcceptable()
            and self.confirm.text() == self.passphrase.text()
        )

    def _changed(self) -> None:
        differs = bool(self.confirm.text()) and self.confirm.text() != self.passphrase.text()
        set_message(
            self.mismatch,
            "The two passphrases differ." if differs else "",
            error=True,
            hide_when_empty=False,
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._ready())

    def accept(self) -> None:
        if not self._ready():
            return
        vault, new, kdf = self._vault, self.passphrase.text(), self._kdf

        def work() -> None:
            vault.change_passphrase(new, kdf=None if kdf is None else kdf())

        self._task = self._runner.run(
            work, lambda _none: self._done(), self._failed, label="Changing the passphrase…"
        )
        self.passphrase.setReadOnly(True)
        self.confirm.setReadOnly(True)
        self.buttons.setEnabled(False)

    def _done(self) -> None:
        self._task = None
        self.passphrase.wipe()
        self.confirm.wipe()
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.passphrase.setReadOnly(False)
        self.confirm.setReadOnly(False)
        self.buttons.setEnabled(True)
        if not isinstance(exc, VaultError):
            raise exc
        set_message(self.error, str(exc), error=True)
        self._changed()

    def reject(self) -> None:
        if self._task is not None:
            return  # the change is being written: it cannot be half done
        self.passphrase.wipe()
        self.confirm.wipe()
        super().reject()

    def forceReject(self) -> None:
        """On lock: close even while the change is running (its outcome is dropped)."""
        self._task = None
        super().reject()
