"""The first-run wizard: create the vault, show and confirm the recovery key, practice details.

Pages: welcome (create, or open the demo practice) -> passphrase (commit: the vault is
created here, off the UI thread) -> recovery key (shown once, printable) -> confirm two groups
-> practice details. Cancelling after the vault was created removes the empty vault, so the
next start begins here again instead of leaving a vault whose recovery key nobody saw.

``kdf`` is injectable for tests (they pass ``floor_params``); production leaves it None and
``Vault.create`` calibrates to about half a second.
"""

import random
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from ipt_desktop.domain.model import PracticeDetails
from ipt_desktop.domain.risk_records import CrisisContacts
from ipt_desktop.services import new_vault, practice
from ipt_desktop.services.passphrases import KdfChoice
from ipt_desktop.vault.vault import Vault
from ui.common.app_settings import AppSettings
from ui.common.busy_indicator import BusyIndicator
from ui.common.failures import failure_text
from ui.common.task_runner import TaskRunner

from .demo_vault import DemoVault
from .recovery_key_panel import save_sheet_off_thread
from .wizard_recovery_pages import ConfirmKeyPage, PracticePage, RecoveryKeyPage
from .wizard_start_pages import PassphrasePage, WelcomePage


class FirstRunWizard(QWizard):
    WELCOME, PASSPHRASE, RECOVERY, CONFIRM, PRACTICE = range(5)

    def __init__(
        self,
        vault_dir: Path,
        runner: TaskRunner,
        settings: AppSettings,
        *,
        kdf: KdfChoice = None,
        rng: random.Random | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault_dir = Path(vault_dir)
        self._runner = runner
        self._settings = settings
        self._kdf = kdf
        self._vault: Vault | None = None
        self._recovery_key = ""
        self._demo: DemoVault | None = None
        self.setWindowTitle("Set up ipt-desktop")
        self.setObjectName("firstRunWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.welcomePage = WelcomePage(self)
        self.passphrasePage = PassphrasePage(self)
        self.recoveryPage = RecoveryKeyPage(self)
        self.confirmPage = ConfirmKeyPage(self, rng)
        self.practicePage = PracticePage(self)
        for page_id, page in (
            (self.WELCOME, self.welcomePage),
            (self.PASSPHRASE, self.passphrasePage),
            (self.RECOVERY, self.recoveryPage),
            (self.CONFIRM, self.confirmPage),
            (self.PRACTICE, self.practicePage),
        ):
            self.setPage(page_id, page)
            layout = page.layout()
            if layout is not None:
                layout.addWidget(BusyIndicator(runner, page))
        runner.busyChanged.connect(self._busy_changed)

    def sizeHint(self) -> QSize:
        return QSize(680, 560)

    # -- state --------------------------------------------------------------------------
    def vaultDir(self) -> Path:
        return self._vault_dir

    def vault(self) -> Vault | None:
        return self._vault

    def recoveryKey(self) -> str:
        return self._recovery_key

    def demoVault(self) -> DemoVault | None:
        return self._demo

    def hasVault(self) -> bool:
        return self._vault is not None

    def hasDemo(self) -> bool:
        return self._demo is not None

    def takeVault(self) -> Vault | None:
        """Hand the created (unlocked) vault to the caller; the wizard forgets it."""
        vault, self._vault = self._vault, None
        self._recovery_key = ""
        return vault

    def takeDemo(self) -> DemoVault | None:
        demo, self._demo = self._demo, None
        return demo

    # -- work for the pages (off the UI thread) -------------------------------------------
    def startCreate(
        self, passphrase: str, on_done: Callable[[], None], on_failed: Callable[[str], None]
    ) -> None:
        root, kdf = self._vault_dir, self._kdf

        def work() -> tuple[Vault, str]:
            return Vault.create(root, passphrase, kdf=None if kdf is None else kdf())

        def done(result: tuple[Vault, str]) -> None:
            self._vault, self._recovery_key = result
            on_done()

        self._runner.run(
            work,
            done,
            lambda exc: on_failed(_failure_text(exc)),
            label="Creating the vault (a few seconds)…",
        )

    def startDemo(self, on_done: Callable[[], None], on_failed: Callable[[str], None]) -> None:
        def done(demo: DemoVault) -> None:
            self._demo = demo
            on_done()

        self._runner.run(
            DemoVault.create,
            done,
            lambda exc: on_failed(_failure_text(exc)),
            label="Preparing the demo practice…",
        )

    def saveRecoverySheet(
        self, path: Path, on_done: Callable[[Path], None], on_failed: Callable[[str], None]
    ) -> None:
        vault = self._vault
        assert vault is not None
        sheet = (self._recovery_key, vault.vault_id, self._settings.paperSize())
        save_sheet_off_thread(self._runner, sheet, path, on_done, on_failed)

    def savePractice(self, details: PracticeDetails) -> None:
        assert self._vault is not None
        practice.save_practice(self._vault, details)

    def saveCrisisContacts(self, contacts: CrisisContacts) -> None:
        assert self._vault is not None
        practice.save_crisis_contacts(self._vault, contacts)

    # -- cancelling ---------------------------------------------------------------------
    def _busy_changed(self, busy: bool) -> None:
        cancel = self.button(QWizard.WizardButton.CancelButton)
        if cancel is not None:
            cancel.setEnabled(not busy)

    def reject(self) -> None:
        if self._runner.isBusy():
            return
        if self._vault is not None:
            answer = QMessageBox.question(
                self,
                "Stop setting up?",
                "The new vault is still empty. If you stop now it is removed, and "
                "ipt-desktop starts with this setup again next time.",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
            self.discardNewVault()
        if self._demo is not None:
            self._demo.dispose()
            self._demo = None
        super().reject()

    def discardNewVault(self) -> None:
        """Close and delete the vault this wizard created (it holds no records yet)."""
        vault, self._vault = self._vault, None
        self._recovery_key = ""
        if vault is None:
            return
        new_vault.discard_new_vault(vault)

    def done(self, result: int) -> None:
        self._recovery_key = ""
        super().done(result)


def _failure_text(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return f"That did not work: {exc.strerror or 'the file could not be written'}."
    return failure_text(exc, "Something went wrong; nothing was saved. Please try again.")
