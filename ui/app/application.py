"""Start-up: which vault, first run or unlock, the demo practice, and the end of the session.

- ``--demo``: a throwaway vault of fictional clients is prepared (a small splash shows
  meanwhile) and the window opens unlocked; locking shows the demo passphrase.
- No vault in the folder: the first-run wizard (create one, or open the demo practice).
- A vault: it is opened (taking the process lock) and the unlock screen shows.
  Another ipt-desktop has it open -> a clear message, exit. Damaged -> the restore offer.
At quit the vault is closed (lock released) and a demo folder is deleted.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QSplashScreen

from ipt_desktop.services.passphrases import KdfChoice
from ipt_desktop.vault.errors import VaultDamagedError, VaultError, VaultInUseError
from ipt_desktop.vault.files import VaultFiles
from ipt_desktop.vault.location import default_vault_dir
from ipt_desktop.vault.vault import Vault
from ui.backup import handle_damaged_vault, open_restore_dialog, wait_for_backup_work
from ui.common.app_settings import AppSettings
from ui.common.icons import app_icon
from ui.common.task_runner import TaskRunner

from .demo_vault import DemoVault
from .main_window import MainWindow

EXIT_OK = 0
EXIT_FAILED = 2


class AppController(QObject):
    """Owns the vault for the life of the process and the one main window."""

    def __init__(
        self,
        settings: AppSettings,
        *,
        kdf: KdfChoice = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.runner = TaskRunner(self)
        self._kdf = kdf
        self.vault: Vault | None = None
        self.demo: DemoVault | None = None
        self.window: MainWindow | None = None
        self.exitCode = EXIT_OK
        self._vault_dir: Path | None = None
        self._splash: QSplashScreen | None = None
        self._in_restore = False  # a restore dialog is open: swap windows after it closes
        self._pending_reopen: Path | None = None

    # -- ways in -------------------------------------------------------------------------
    def start(self, vault_dir: Path | None, demo: bool) -> bool:
        """Begin; False when there is nothing to run (the event loop should not start)."""
        if demo:
            self.startDemo()
            return True
        root = Path(vault_dir) if vault_dir is not None else default_vault_dir()
        self._vault_dir = root
        if not VaultFiles(root).exists():
            return self.firstRun(root)
        return self.openExisting(root)

    def firstRun(self, root: Path) -> bool:
        from .first_run_wizard import FirstRunWizard  # only on a first run

        wizard = FirstRunWizard(root, self.runner, self.settings, kdf=self._kdf)
        accepted = wizard.exec() == QDialog.DialogCode.Accepted
        demo, vault = wizard.takeDemo(), wizard.takeVault()
        wizard.deleteLater()
        if not accepted:
            return False
        if demo is not None:
            self.demo = demo
            self._show_window(demo.vault, demo.passphrase)
            return True
        if vault is None:
            return False
        self._show_window(vault)
        return True

    def openExisting(self, root: Path) -> bool:
        try:
            vault = Vault.open(root)
        except VaultInUseError as exc:
            self._fail("ipt-desktop is already open", str(exc))
            return False
        except VaultDamagedError as exc:
            return self.offerRestore(root, str(exc))
        except VaultError as exc:
            self._fail("The vault cannot be opened", str(exc))
            return False
        self._show_window(vault)
        return True

    def startDemo(self) -> None:
        splash = QSplashScreen(app_icon().pixmap(160, 160))
        splash.showMessage(
            "Preparing the demo practice…",
            Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter,
        )
        splash.show()
        self._splash = splash
        self.runner.run(DemoVault.create, self._demo_ready, self._demo_failed, label="Demo…")

    def _demo_ready(self, demo: DemoVault) -> None:
        self.demo = demo
        self._show_window(demo.vault, demo.passphrase)
        self._close_splash()

    def _demo_failed(self, exc: BaseException) -> None:
        self._close_splash()
        self._fail("The demo practice could not be prepared", str(exc))
        QApplication.exit(EXIT_FAILED)

    def _close_splash(self) -> None:
        if self._splash is not None:
            if self.window is not None:
                self._splash.finish(self.window)
            else:
                self._splash.close()
            self._splash.deleteLater()
            self._splash = None

    # -- damaged vault, restore ----------------------------------------------------------
    def offerRestore(self, root: Path, problem: str) -> bool:
        """Vault.open found the vault damaged: the message, the restore, then open again."""
        result = handle_damaged_vault(None, root, problem)
        if result is None:
            self.exitCode = EXIT_FAILED
            return False
        return self.openExisting(root)

    def restoreFromWindow(self) -> None:
        """File > Restore (or the unlock notice): replace the open vault with a backup."""
        window, vault = self.window, self.vault
        if window is None or vault is None:
            return
        if vault.is_unlocked and not window.workArea.workspace.maybeSave():
            return
        self._run_restore(
            lambda: open_restore_dialog(
                window,
                vault.files.root,
                close_current_vault=self._close_current,
                reopen=self._reopen,
            )
        )

    def _window_reports_damage(self, problem: str) -> None:
        """Damage found at unlock: the message and the restore, with this vault closed."""
        window, vault = self.window, self.vault
        if window is None or vault is None:
            return
        root = vault.files.root
        result = self._run_restore(
            lambda: handle_damaged_vault(
                window, root, problem, close_current_vault=self._close_current, reopen=self._reopen
            )
        )
        if result is None and self.vault is vault:
            self.exitCode = EXIT_FAILED
            window.discard()
            QApplication.exit(EXIT_FAILED)

    def _run_restore(self, dialog: Callable[[], object]) -> object:
        self._in_restore = True
        try:
            result = dialog()
        finally:
            self._in_restore = False
        pending, self._pending_reopen = self._pending_reopen, None
        if pending is not None:
            self._swap_window(pending)
        return result

    def _close_current(self) -> None:
        """Before a restore: lock (drafts saved, dialogs closed) and release the vault."""
        if self.window is not None:
            self.window.lockController.lock(
                "Locked for the restore.", urgent=True, keep_dialogs=True
            )
        if self.vault is not None:
            self.vault.close()

    def _reopen(self, root: Path) -> None:
        # The restore dialog is a child of the current window: swap once it has closed.
        if self._in_restore:
            self._pending_reopen = root
        else:
            self._swap_window(root)

    def _swap_window(self, root: Path) -> None:
        old = self.window
        self.window, self.vault = None, None
        if old is not None:
            old.discard()
            old.deleteLater()
        if not self.openExisting(root):
            QApplication.exit(self.exitCode or EXIT_FAILED)

    # -- the window --------------------------------------------------------------------------
    def _show_window(self, vault: Vault, demo_passphrase: str | None = None) -> None:
        self.vault = vault
        window = MainWindow(
            vault,
            self.runner,
            self.settings,
            demo_passphrase=demo_passphrase,
            kdf=self._kdf,
        )
        window.vaultDamaged.connect(self._window_reports_damage)
        window.restoreRequested.connect(self.restoreFromWindow)
        self.window = window
        window.show()
        window.lockController.system.registerWindow(int(window.winId()))

    def _fail(self, title: str, text: str) -> None:
        self.exitCode = EXIT_FAILED
        QMessageBox.critical(None, title, text)

    def shutdown(self) -> None:
        """At quit: wait for background work, close the vault, delete a demo folder."""
        self.runner.cancelAll()
        self.runner.waitForDone(30_000)
        wait_for_backup_work(60_000)
        if self.demo is not None:
            self.demo.dispose()
            self.demo = None
            self.vault = None
        if self.vault is not None:
            self.vault.close()
            self.vault = None
