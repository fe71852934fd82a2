"""“Back up now…”: choose where, then watch the three stages, then read where it went.

The file name offered holds a date only (``ipt-desktop-backup-2025-03-04.iptbackup``), in
the folder used last time. The backup itself runs on the backup worker (``background``):
snapshot, encrypt and write, read back and check (``services.backup.write_backup``); the
dialog follows its progress and ends with the size and place of the file, or the reason it
was not made (nothing is replaced then: the services write beside the target and rename).
"""

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.services.backup import BackupResult, write_backup
from ipt_desktop.services.backup_file import SUFFIX, BackupProgress, BackupStage
from ipt_desktop.vault.errors import VaultError
from ipt_desktop.vault.vault import Vault
from ui.common.banner import Banner, BannerKind
from ui.common.failures import report_unexpected

from .background import BackgroundJob, start_job
from .backup_text import (
    breakable_path,
    default_backup_name,
    local_time_text,
    size_text,
    with_suffix,
)
from .dialog_fit import FittedDialog
from .stage_progress import Stage, StageProgress

FILE_FILTER = f"ipt-desktop backups (*{SUFFIX})"
BACKUP_STAGES = (
    Stage(BackupStage.SNAPSHOT.value, "Copy the vault as it is now", 1),
    Stage(BackupStage.WRITE.value, "Encrypt and write the backup file", 3),
    Stage(BackupStage.VERIFY.value, "Read the file back and check it", 3),
)


class FolderMemory(Protocol):
    """Where the last backup went (``ui.common.app_settings.AppSettings`` fits)."""

    def backupFolder(self) -> Path | None: ...

    def setBackupFolder(self, folder: Path | None) -> None: ...


def choose_backup_destination(parent: QWidget | None, start_folder: Path | None) -> Path | None:
    """Ask where to save (a dated name in ``start_folder``, else the home folder)."""
    folder = start_folder if start_folder is not None and start_folder.is_dir() else Path.home()
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, "Back up the vault to", str(folder / default_backup_name()), FILE_FILTER
    )
    if not chosen:
        return None
    picked = Path(chosen)
    dest = with_suffix(picked)
    if dest != picked and dest.exists():
        # The save dialog asked about the name typed, not about the one with the suffix.
        answer = QMessageBox.question(
            parent,
            "Replace the backup?",
            f"{dest.name} already exists in that folder. Replace it with the new backup?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    return dest


class BackupDialog(FittedDialog):
    """Runs one backup to ``dest`` and shows its stages; ``result()`` once it is made."""

    def __init__(self, vault: Vault, dest: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Back up the vault")
        self.setMinimumWidth(520)
        self._vault = vault
        self._dest = Path(dest)
        self._job: BackgroundJob | None = None
        self._result: BackupResult | None = None
        self._error = ""
        self.heading = QLabel("Backing up the vault to")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.target = QLabel(breakable_path(self._dest))
        self.target.setWordWrap(True)
        self.target.setTextFormat(Qt.TextFormat.PlainText)
        self.target.setToolTip(str(self._dest))  # the label's text has invisible break points
        self.target.setAccessibleName("Backup file")
        self.progress = StageProgress(BACKUP_STAGES, self)
        self.success = Banner(BannerKind.INFO, parent=self)
        self.success.setAccessibleName("Backup saved")
        self.problem = Banner(BannerKind.PROBLEM, parent=self)
        self.problem.setAccessibleName("Backup not made")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.closeButton = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.closeButton.setAccessibleName("Close")
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.target)
        layout.addSpacing(4)
        layout.addWidget(self.progress)
        layout.addWidget(self.success)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # -- API ------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the backup on the backup worker (once)."""
        if self._job is not None or self._result is not None:
            return
        vault, dest = self._vault, self._dest

        def work(progress: BackupProgress) -> BackupResult:
            return write_backup(vault, dest, progress=progress)

        self.closeButton.setEnabled(False)
        self.progress.setStage(BackupStage.SNAPSHOT.value)
        self._job = start_job(work, self._succeeded, self._failed, self._progressed)

    def isRunning(self) -> bool:
        return self._job is not None

    def backupResult(self) -> BackupResult | None:
        return self._result

    def errorText(self) -> str:
        return self._error

    def destination(self) -> Path:
        return self._dest

    # -- progress and outcome (GUI thread) ------------------------------------------------
    def _progressed(self, stage: str, done: int, total: int) -> None:
        fraction = done / total if total > 0 else 1.0
        if stage == BackupStage.SNAPSHOT.value and fraction >= 1.0:
            self.progress.setStage(BackupStage.WRITE.value)  # the snapshot is taken
        elif stage in (s.key for s in BACKUP_STAGES):
            self.progress.setStage(stage, fraction)

    def _succeeded(self, result: Any) -> None:
        assert isinstance(result, BackupResult)
        self._job = None
        self._result = result
        self.progress.finish()
        self.heading.setText("Backed up the vault to")
        self.success.showMessage(f"Backup saved: {result.path.name}", self._success_text(result))
        self._finish()

    def _success_text(self, result: BackupResult) -> str:
        folder = result.path.parent
        text = (
            f"{size_text(result.size)}, with the records as of "
            f"{local_time_text(result.info.vault_written_at)}. It opens with today's "
            "passphrase or with the recovery key."
        )
        if _inside(folder, self._vault.files.root):
            text += " It is inside the vault's own folder: keep a copy on another disk too."
        return text

    def _failed(self, error: BaseException) -> None:
        self._job = None
        self.progress.stop()
        if isinstance(error, VaultError):
            self._error = str(error)
        else:
            self._error = "The backup could not be made because of an unexpected problem."
            report_unexpected(error)
        self.heading.setText("Could not back up the vault to")
        self.problem.showMessage(
            "The backup was not made", f"{self._error} Anything at that path is unchanged."
        )
        self._finish()

    def _finish(self) -> None:
        self.closeButton.setEnabled(True)
        self.closeButton.setDefault(True)
        self.closeButton.setFocus()
        self.refit()

    def reject(self) -> None:
        # While the file is being written, closing would only hide the outcome; the lock
        # controller may still hide the dialog, and the backup then finishes unseen.
        if self._job is None:
            super().reject()


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def open_backup_dialog(
    parent: QWidget | None, vault: Vault, *, folder_memory: FolderMemory | None = None
) -> BackupResult | None:
    """Ask where, make the backup with its progress shown, return it (None: not made)."""
    start = folder_memory.backupFolder() if folder_memory is not None else None
    dest = choose_backup_destination(parent, start)
    if dest is None:
        return None
    if folder_memory is not None:
        folder_memory.setBackupFolder(dest.parent)
    dialog = BackupDialog(vault, dest, parent)
    dialog.start()
    dialog.exec()
    result = dialog.backupResult()
    dialog.deleteLater()
    return result
