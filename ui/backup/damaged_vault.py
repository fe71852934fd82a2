"""The message for a damaged vault (``VaultDamagedError`` from Vault.open or the unlock).

It says what is wrong (the error's own words), that nothing was overwritten, what the
backup folder holds, and offers: restore from the newest backup, restore from a file, quit.
``handle_damaged_vault`` runs the whole conversation: the message, then the restore dialog
in the chosen mode, and back to the message if the restore was cancelled.
"""

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.services.restore import REPLACED_DIR, RestoreResult
from ui.common.banner import Banner, BannerKind

from .backup_listing import ListedBackup, backups_folder, list_backups
from .backup_text import breakable_path, local_time_text
from .dialog_fit import FittedDialog
from .restore_dialog import open_restore_dialog
from .restore_flow import RestoreSource


class DamagedVaultChoice(Enum):
    RESTORE_NEWEST = "newest"
    RESTORE_FILE = "file"
    QUIT = "quit"


def problem_text(error: BaseException | str) -> str:
    text = str(error).strip()
    return text or "The vault file is damaged."


class DamagedVaultDialog(FittedDialog):
    def __init__(
        self, vault_dir: Path, error: BaseException | str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Damaged vault")
        self.setMinimumWidth(540)
        self._choice = DamagedVaultChoice.QUIT
        vault_dir = Path(vault_dir)
        listed = list_backups(vault_dir)
        self.problem = Banner(BannerKind.PROBLEM, parent=self)
        self.problem.setAccessibleName("What is wrong")
        self.problem.showMessage("The vault cannot be opened", problem_text(error))
        self.safe = QLabel(
            "Nothing was overwritten: the file is as it was found, and ipt-desktop does not "
            "write to a damaged vault. Restoring puts a backup in its place and keeps the "
            f"damaged files aside in {breakable_path(vault_dir / REPLACED_DIR)}."
        )
        self.safe.setWordWrap(True)
        self.safe.setTextFormat(Qt.TextFormat.PlainText)
        self.backups = QLabel(self._backups_text(vault_dir, listed))
        self.backups.setWordWrap(True)
        self.backups.setTextFormat(Qt.TextFormat.PlainText)
        self.backups.setAccessibleName("Backups found")
        self.buttons = QDialogButtonBox()
        self.newestButton = self._button("Restore from the &newest backup…", self._newest)
        self.fileButton = self._button("Restore from a &file…", self._file)
        self.quitButton = self.buttons.addButton("&Quit", QDialogButtonBox.ButtonRole.RejectRole)
        self.quitButton.setAccessibleName("Quit")
        self.buttons.rejected.connect(self.reject)
        self.newestButton.setEnabled(bool(listed))
        (self.newestButton if listed else self.fileButton).setDefault(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.problem)
        layout.addWidget(self.safe)
        layout.addWidget(self.backups)
        layout.addSpacing(4)
        layout.addWidget(self.buttons)

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _backups_text(vault_dir: Path, listed: list[ListedBackup]) -> str:
        folder = breakable_path(backups_folder(vault_dir))
        if not listed:
            return (
                f"No backups were found in {folder}. If you saved one elsewhere (another "
                "disk, a USB stick), restore it from a file."
            )
        newest = listed[0].info
        made = f" The newest was made {local_time_text(newest.created_at)}." if newest else ""
        count = len(listed)
        return f"{count} backup{'' if count == 1 else 's'} in {folder}.{made}"

    def choice(self) -> DamagedVaultChoice:
        return self._choice

    def _newest(self) -> None:
        self._choice = DamagedVaultChoice.RESTORE_NEWEST
        self.accept()

    def _file(self) -> None:
        self._choice = DamagedVaultChoice.RESTORE_FILE
        self.accept()

    def reject(self) -> None:
        self._choice = DamagedVaultChoice.QUIT
        super().reject()


def show_damaged_vault(
    parent: QWidget | None, vault_dir: Path, error: BaseException | str
) -> DamagedVaultChoice:
    """The message alone (modal): what the person chose."""
    dialog = DamagedVaultDialog(vault_dir, error, parent)
    dialog.exec()
    choice = dialog.choice()
    dialog.deleteLater()
    return choice


def handle_damaged_vault(
    parent: QWidget | None,
    vault_dir: Path,
    error: BaseException | str,
    *,
    close_current_vault: Callable[[], None] | None = None,
    reopen: Callable[[Path], None] | None = None,
) -> RestoreResult | None:
    """Message, then restore; None when the person chose to quit.

    ``close_current_vault`` (if this process still holds the vault open, even locked) must
    be safe to call twice (``Vault.close`` is): a cancelled attempt loops back here."""
    while True:
        choice = show_damaged_vault(parent, vault_dir, error)
        if choice is DamagedVaultChoice.QUIT:
            return None
        source = (
            RestoreSource.NEWEST
            if choice is DamagedVaultChoice.RESTORE_NEWEST
            else RestoreSource.FILE
        )
        result = open_restore_dialog(
            parent,
            vault_dir,
            close_current_vault=close_current_vault,
            reopen=reopen,
            problem=problem_text(error),
            source=source,
        )
        if result is not None:
            return result
