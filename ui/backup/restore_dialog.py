"""Restore the vault from a backup: which backup, the secret that opens it, what happens.

Usable from the main window (a working vault is replaced: the caller passes
``close_current_vault`` and ``reopen``, and the person confirms after the backup has been
checked) and from the unlock screen or the damaged-vault message (the caller may hold the
vault open but locked: pass ``close_current_vault`` too; with no Vault object at all, pass
nothing). The steps are in ``restore_flow``; this dialog shows them.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget

from ipt_desktop.services.backup_file import BackupInfo
from ipt_desktop.services.restore import REPLACED_DIR, RestoreResult
from ui.common.banner import Banner, BannerKind

from .backup_text import breakable_path, local_time_text
from .dialog_fit import FittedDialog
from .restore_flow import CHECK, RESTORE, RestoreFlow, RestoreSource, VerifiedBackup
from .restore_form import RestoreForm
from .stage_progress import Stage, StageProgress

RESTORE_STAGES = (
    Stage(CHECK, "Open the backup and check every part of it", 1),
    Stage(RESTORE, "Set the current files aside and put the restored vault in place", 1),
)


class RestoreDialog(FittedDialog):
    def __init__(
        self,
        vault_dir: Path,
        *,
        close_current_vault: Callable[[], None] | None = None,
        reopen: Callable[[Path], None] | None = None,
        problem: str = "",
        source: RestoreSource = RestoreSource.NEWEST,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from a backup")
        self.setMinimumWidth(640)
        self._vault_dir = Path(vault_dir)
        self._close_current = close_current_vault
        self._reopen = reopen
        self._flow: RestoreFlow | None = None
        self._result: RestoreResult | None = None
        self._interrupted = False

        self.problem = Banner(BannerKind.PROBLEM, parent=self)
        self.problem.setAccessibleName("What is wrong with the vault")
        if problem:
            self.problem.showMessage("The vault cannot be opened", problem)
        self.form = RestoreForm(self._vault_dir, source, self)
        self.form.submitted.connect(self.startRestore)
        self.form.contentChanged.connect(self.refit)
        self.progress = StageProgress(RESTORE_STAGES, self)
        self.progress.hide()
        self.success = Banner(BannerKind.INFO, parent=self)
        self.success.setAccessibleName("Restore result")
        self.error = Banner(BannerKind.PROBLEM, parent=self)
        self.error.setAccessibleName("Restore problem")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restoreButton = self.buttons.addButton(
            "&Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restoreButton.setAccessibleName("Restore")
        self.restoreButton.setDefault(True)
        self.cancelButton = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.closeButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.closeButton.hide()
        self.restoreButton.clicked.connect(self.startRestore)
        self.cancelButton.clicked.connect(self.reject)
        self.closeButton.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.problem)
        layout.addWidget(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.success)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.form.setFocus()

    # -- actions --------------------------------------------------------------------------
    def chooseFile(self) -> None:
        self.form.chooseFile()

    def setBackupFile(self, path: Path) -> None:
        self.form.setBackupFile(path)

    def startRestore(self) -> None:
        if self._flow is not None or self._result is not None:
            return
        self.error.clear()
        request, missing = self.form.request()
        if request is None:
            self.error.showMessage(missing)
            self.refit()
            return
        flow = RestoreFlow(
            request, close_current_vault=self._close_current, reopen=self._reopen, parent=self
        )
        flow.stageChanged.connect(self._stage_changed)
        flow.verified.connect(self._verified)
        flow.restored.connect(self._restored)
        flow.failed.connect(self._failed)
        self._flow = flow
        self._set_busy(True)
        self.progress.reset()
        self._show_progress(True)
        flow.check()

    def _show_progress(self, shown: bool) -> None:
        """The progress takes the place of the explanation, which has done its work."""
        self.progress.setVisible(shown)
        self.form.setExplaining(not shown)
        self.refit()

    def _set_busy(self, busy: bool) -> None:
        self.form.setBusy(busy)
        self.restoreButton.setEnabled(not busy)
        self.cancelButton.setEnabled(not busy)

    # -- the flow's signals -----------------------------------------------------------------
    def _stage_changed(self, key: str, fraction: float) -> None:
        self.progress.setStage(key, fraction)

    def _verified(self, verified: Any) -> None:
        assert isinstance(verified, VerifiedBackup)
        flow = self._flow
        assert flow is not None
        if not self.isVisible():  # closed by a lock while the backup was being checked
            flow.abandon()
            self._flow = None
            return
        self.form.showInfo(verified.info, checked=True)
        if self._close_current is not None and not self._confirm(verified.info):
            flow.abandon()
            self._flow = None
            self._show_progress(False)
            self._set_busy(False)
            self.error.showMessage("Nothing was restored.", "The current vault was not changed.")
            self.refit()
            return
        flow.proceed()

    def _confirm(self, info: BackupInfo) -> bool:
        answer = QMessageBox.question(
            self,
            "Replace the current vault?",
            f"The backup holds the records as of {local_time_text(info.vault_written_at)}. "
            "Anything written after that will not be in the restored vault; the current "
            f"files are kept in {self._vault_dir / REPLACED_DIR}.\n\n"
            "Replace the current vault with this backup?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _restored(self, result: Any, problem: str) -> None:
        assert isinstance(result, RestoreResult)
        self._flow = None
        self._result = result
        self.progress.finish()
        aside = (
            f" The previous vault files are kept in {breakable_path(result.kept_aside)}."
            if result.kept_aside is not None
            else ""
        )
        reopen = f" It could not be opened again: {problem}" if problem else ""
        self.success.showMessage(
            "The vault was restored",
            f"It holds the records as of {local_time_text(result.backup.vault_written_at)}, "
            f"from the backup made {local_time_text(result.backup.created_at)}.{aside}{reopen}",
        )
        self.problem.hide()
        self.form.hide()
        self.restoreButton.hide()
        self.cancelButton.hide()
        self.closeButton.show()
        self.closeButton.setDefault(True)
        self.closeButton.setFocus()
        self.refit()

    def _failed(self, stage: str, message: str) -> None:
        if self._flow is not None and stage == CHECK:
            self._flow.abandon()
        self._flow = None
        self.progress.stop()
        self._set_busy(False)
        if stage == CHECK:
            self._show_progress(False)
        title = "The backup did not open" if stage == CHECK else "Nothing was restored"
        self.error.showMessage(title, message)
        self.refit()
        self.form.setFocus()

    # -- results ----------------------------------------------------------------------------
    def restoreResult(self) -> RestoreResult | None:
        return self._result

    def isRunning(self) -> bool:
        return self._flow is not None and self._flow.isRunning()

    def wasInterrupted(self) -> bool:
        """Hidden (by a lock: closing the current vault locks the app) while restoring."""
        return self._interrupted

    def hideEvent(self, event: QHideEvent) -> None:
        if self.isRunning():
            self._interrupted = True
        super().hideEvent(event)

    def accept(self) -> None:
        self._interrupted = False
        super().accept()

    def reject(self) -> None:
        if self.isRunning():
            return  # the restore cannot be stopped half-way; a lock may still hide us
        if self._flow is not None:
            self._flow.abandon()
            self._flow = None
        self._interrupted = False
        self.form.secret.wipe()
        super().reject()


def open_restore_dialog(
    parent: QWidget | None,
    vault_dir: Path,
    *,
    close_current_vault: Callable[[], None] | None = None,
    reopen: Callable[[Path], None] | None = None,
    problem: str = "",
    source: RestoreSource = RestoreSource.NEWEST,
) -> RestoreResult | None:
    """Show the restore dialog (modal); the result when a restore was made, else None."""
    dialog = RestoreDialog(
        vault_dir,
        close_current_vault=close_current_vault,
        reopen=reopen,
        problem=problem,
        source=source,
        parent=parent,
    )
    if source is RestoreSource.FILE:
        QTimer.singleShot(0, dialog.chooseFile)
    dialog.exec()
    while dialog.wasInterrupted():
        # Closing the current vault locks the app, and a lock hides every dialog; the
        # restore goes on, and the person should see how it ends. Nothing secret is left
        # in the dialog by then (the passphrase field was emptied when the restore began).
        dialog.exec()
    result = dialog.restoreResult()
    dialog.deleteLater()
    return result
