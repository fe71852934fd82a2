"""File > New recovery key and master key: rotate the keys, then show the new recovery key
once (with the printable sheet offered), like the first-run wizard does.

The passphrase is asked again (it wraps the new master key, and a wrong one is refused
before anything changes). The rotation runs off the UI thread; while it runs the dialog
cannot be closed, and once the new key is shown it closes only when the person confirms
they have written it down or printed it.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.graduation import PaperSize
from ipt_desktop.services.key_rotation import AFTER_REKEY, rotate_keys
from ipt_desktop.vault.errors import VaultError
from ipt_desktop.vault.vault import Vault
from ui.common.busy_indicator import BusyIndicator
from ui.common.message_style import set_message
from ui.common.passphrase_widgets import PassphraseEdit
from ui.common.task_runner import TaskRunner

from .recovery_key_panel import NEW_KEY, RecoveryKeyPanel, save_sheet_off_thread

BEFORE_REKEY = (
    "This makes a new master key and a new recovery key. Every client's key is locked "
    "again under the new master key; no record is re-encrypted. Use it when the recovery "
    "sheet is lost or someone may have seen it.\n\n"
    "Afterwards the old recovery key no longer opens this vault. Backups made before "
    "today still open with the passphrase and the recovery key that were valid when they "
    "were made. The new recovery key is shown once."
)


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class RekeyDialog(QDialog):
    def __init__(
        self, vault: Vault, runner: TaskRunner, paper: PaperSize, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._runner = runner
        self._paper = paper
        self._task: int | None = None
        self._key = ""
        self.setWindowTitle("New recovery key and master key")
        self.setMinimumWidth(560)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._ask_page())
        self.pages.addWidget(self._key_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(BusyIndicator(runner, self))

    # -- page 1: explain, ask the passphrase ----------------------------------------------
    def _ask_page(self) -> QWidget:
        page = QWidget()
        self.passphrase = PassphraseEdit("Your passphrase")
        self.passphrase.returnPressed.connect(self.startRekey)
        self.error = QLabel()
        self.error.setWordWrap(True)
        set_message(self.error, "")
        form = QFormLayout()
        form.addRow("Your &passphrase:", self.passphrase)
        self.askButtons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.askButtons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Make new keys")
        self.askButtons.accepted.connect(self.startRekey)
        self.askButtons.rejected.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_wrapped(BEFORE_REKEY))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.askButtons)
        return page

    def startRekey(self) -> None:
        if self._task is not None or not self.passphrase.text():
            return
        vault, secret = self._vault, self.passphrase.text()
        self._task = self._runner.run(
            lambda: rotate_keys(vault, secret),
            self._rotated,
            self._failed,
            label="Making new keys…",
        )
        self.passphrase.setReadOnly(True)
        self.askButtons.setEnabled(False)

    def _rotated(self, key: str) -> None:
        self._task = None
        self.passphrase.wipe()
        self._key = key
        self.keyPanel.showKey(key)
        self.pages.setCurrentIndex(1)
        self.adjustSize()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.passphrase.setReadOnly(False)
        self.askButtons.setEnabled(True)
        if not isinstance(exc, VaultError):
            raise exc
        set_message(self.error, f"{exc} The keys were not changed.", error=True)

    # -- page 2: the new key, once ---------------------------------------------------------
    def _key_page(self) -> QWidget:
        page = QWidget()
        self.keyPanel = RecoveryKeyPanel(NEW_KEY, self._save_sheet, _wrapped(AFTER_REKEY))
        self.closeButtons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.closeButtons.rejected.connect(self._close_after_key)
        close = self.closeButtons.button(QDialogButtonBox.StandardButton.Close)
        close.setEnabled(False)
        self.keyPanel.written.toggled.connect(close.setEnabled)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_wrapped("Your new recovery key. It is shown only now."))
        layout.addWidget(self.keyPanel)
        layout.addStretch(1)
        layout.addWidget(self.closeButtons)
        return page

    def _save_sheet(
        self, path: Path, on_done: Callable[[Path], None], on_failed: Callable[[str], None]
    ) -> None:
        sheet = (self._key, self._vault.vault_id, self._paper)
        save_sheet_off_thread(self._runner, sheet, path, on_done, on_failed)

    def _close_after_key(self) -> None:
        if self.keyPanel.isKept():
            self.keyPanel.clearKey()
            self._key = ""
            super().accept()

    def reject(self) -> None:
        if self._task is not None:
            return  # the keys are being changed: it cannot be half done
        if self.pages.currentIndex() == 1:
            self._close_after_key()  # the key is shown once: only the checkbox closes it
            return
        self.passphrase.wipe()
        super().reject()
