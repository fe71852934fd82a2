"""The questions of a restore: which backup, what opens it; and what will happen.

A widget without actions of its own: ``RestoreDialog`` reads ``request()`` from it and runs
the restore. The facts shown about a backup come from its header, which is readable
without a key and so is marked as not yet checked until the backup has been opened.
"""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.services.backup_file import BackupInfo
from ipt_desktop.services.restore import REPLACED_DIR
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.vault.files import VaultFiles
from ui.common.message_style import set_message
from ui.common.passphrase_widgets import PassphraseEdit

from .backup_dialog import FILE_FILTER
from .backup_listing import backups_folder, list_backups, read_header
from .backup_text import backup_summary, breakable_path, local_time_text
from .restore_flow import RestoreRequest, RestoreSource

UNCHECKED = "From the backup's label: everything is checked when it is opened."
CHECKED = "Checked: the backup opened and every part of it is intact."


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _indented(widget: QWidget) -> QWidget:
    """``widget`` lined up under a radio button's text."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(24, 0, 0, 0)
    row.addWidget(widget)
    return box


def _wrapped(text: str = "", *, muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if muted:
        set_message(label, text, hide_when_empty=False)
    return label


class RestoreForm(QWidget):
    submitted = Signal()  # Return in the secret field
    contentChanged = Signal()  # a text changed its length: the dialog may refit

    def __init__(
        self, vault_dir: Path, source: RestoreSource, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._vault_dir = Path(vault_dir)
        self._listed = list_backups(self._vault_dir)

        self.newest = QRadioButton("The &newest backup in the vault's backup folder that opens")
        self.fromFile = QRadioButton("A backup &file:")
        self.newest.setAccessibleName("Restore the newest backup in the backup folder")
        self.fromFile.setAccessibleName("Restore a backup file")
        sources = QButtonGroup(self)
        sources.addButton(self.newest)
        sources.addButton(self.fromFile)
        self.folderNote = _wrapped(self._folder_text(), muted=True)
        self.folderNote.setAccessibleName("Backups in the backup folder")
        self.path = QLineEdit()
        self.path.setAccessibleName("Backup file")
        self.path.setPlaceholderText("Choose a backup file")
        self.path.editingFinished.connect(self.showHeader)
        self.chooseButton = QPushButton("&Choose…")
        self.chooseButton.setAccessibleName("Choose a backup file")
        self.chooseButton.clicked.connect(self.chooseFile)
        file_row = QHBoxLayout()
        file_row.addWidget(self.fromFile)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.chooseButton)
        self.info = _wrapped(muted=True)
        self.info.setAccessibleName("About this backup")

        self.usePassphrase = QRadioButton("&Passphrase")
        self.useRecoveryKey = QRadioButton("&Recovery key")
        self.usePassphrase.setAccessibleName("Open it with the passphrase")
        self.useRecoveryKey.setAccessibleName("Open it with the recovery key")
        kinds = QButtonGroup(self)
        kinds.addButton(self.usePassphrase)
        kinds.addButton(self.useRecoveryKey)
        self.usePassphrase.setChecked(True)
        self.useRecoveryKey.toggled.connect(self._secret_kind_changed)
        kind_row = QHBoxLayout()
        kind_row.setSpacing(16)
        kind_row.addWidget(heading("Open it with"))
        kind_row.addWidget(self.usePassphrase)
        kind_row.addWidget(self.useRecoveryKey)
        kind_row.addStretch(1)
        self.secret = PassphraseEdit("Passphrase or recovery key")
        self.secret.returnPressed.connect(self.submitted)
        self._secret_kind_changed(False)
        hint = _wrapped(
            "The passphrase that was valid when the backup was made (it may differ from "
            "today's), or the recovery key from the recovery sheet of that time: a backup "
            "made before the keys were last renewed opens with the old recovery key, not "
            "the new one.",
            muted=True,
        )
        self.explainHeading = heading("What happens")
        self.explain = _wrapped(self._explain_text())
        self.explain.setAccessibleName("What happens")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(heading("Backup to restore"))
        layout.addWidget(self.newest)
        layout.addWidget(_indented(self.folderNote))
        layout.addLayout(file_row)
        layout.addWidget(_indented(self.info))
        layout.addSpacing(8)
        layout.addLayout(kind_row)
        layout.addWidget(self.secret)
        layout.addWidget(hint)
        layout.addSpacing(8)
        layout.addWidget(self.explainHeading)
        layout.addWidget(self.explain)

        sources.buttonToggled.connect(lambda _button, _on: self._source_changed())
        use_file = source is RestoreSource.FILE or not self._listed
        (self.fromFile if use_file else self.newest).setChecked(True)
        self._source_changed()
        self.setFocusProxy(self.secret)

    # -- texts ----------------------------------------------------------------------------
    def _folder_text(self) -> str:
        folder = breakable_path(backups_folder(self._vault_dir))
        if not self._listed:
            return f"There are no backups in {folder}."
        count = len(self._listed)
        newest = self._listed[0].info
        made = f", the newest made {local_time_text(newest.created_at)}" if newest else ""
        plural = "backup" if count == 1 else "backups"
        return f"{count} {plural} in {folder}{made}. A damaged one is skipped."

    def _explain_text(self) -> str:
        if not VaultFiles(self._vault_dir).db.exists():
            return (
                "The whole backup is checked first. It then becomes the vault in "
                f"{breakable_path(self._vault_dir)}."
            )
        aside = breakable_path(self._vault_dir / REPLACED_DIR / "before-restore-<time>")
        return (
            "The whole backup is checked first; if it does not open, nothing changes. The "
            f"current vault files are then moved, not deleted, to {aside}, and the backup "
            "takes their place. Anything written after the backup was made stays only there."
        )

    # -- state ----------------------------------------------------------------------------
    def source(self) -> RestoreSource:
        return RestoreSource.FILE if self.fromFile.isChecked() else RestoreSource.NEWEST

    def hasBackups(self) -> bool:
        return bool(self._listed)

    def _source_changed(self) -> None:
        from_file = self.fromFile.isChecked()
        self.path.setEnabled(from_file)
        self.chooseButton.setEnabled(from_file)
        self.newest.setEnabled(bool(self._listed))
        self.showHeader()

    def _secret_kind_changed(self, recovery: bool) -> None:
        self.secret.setPlaceholderText("XXXX-XXXX-XXXX-…" if recovery else "Passphrase")

    def showHeader(self) -> None:
        """What the chosen backup's header says (not yet checked)."""
        info, why = self._header_for_source()
        self.showInfo(info, checked=False, why=why)

    def _header_for_source(self) -> tuple[BackupInfo | None, str]:
        if self.source() is RestoreSource.NEWEST:
            newest = self._listed[0].info if self._listed else None
            return newest, "" if newest is not None else "The newest backup's label cannot be read."
        text = self.path.text().strip()
        if not text:
            return None, ""
        return read_header(Path(text))

    def showInfo(self, info: BackupInfo | None, *, checked: bool, why: str = "") -> None:
        if info is None:
            set_message(self.info, why, error=bool(why))
        else:
            state = CHECKED if checked else UNCHECKED
            set_message(self.info, f"{backup_summary(info)}\n{state}")
        self.contentChanged.emit()

    def setBusy(self, busy: bool) -> None:
        for widget in (self.newest, self.fromFile, self.usePassphrase, self.useRecoveryKey):
            widget.setEnabled(not busy)
        self.secret.setReadOnly(busy)
        if busy:
            self.path.setEnabled(False)
            self.chooseButton.setEnabled(False)
        else:
            self._source_changed()

    def setExplaining(self, shown: bool) -> None:
        self.explainHeading.setVisible(shown)
        self.explain.setVisible(shown)

    # -- input ----------------------------------------------------------------------------
    def chooseFile(self) -> None:
        start = self.path.text().strip() or str(backups_folder(self._vault_dir))
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Choose a backup", start, f"{FILE_FILTER};;All files (*)"
        )
        if chosen:
            self.setBackupFile(Path(chosen))

    def setBackupFile(self, path: Path) -> None:
        """Choose ``path`` as the backup to restore (as if picked with "Choose…")."""
        self.fromFile.setChecked(True)
        self.path.setText(str(path))
        self.showHeader()

    def request(self) -> tuple[RestoreRequest | None, str]:
        """(the request, "") or (None, what is missing). Empties the secret field once the
        request holds the secret: nothing typed stays on screen while the restore runs."""
        backup: Path | None = None
        if self.source() is RestoreSource.FILE:
            text = self.path.text().strip()
            if not text:
                self.chooseButton.setFocus()
                return None, "Choose a backup file first."
            backup = Path(text)
        text = self.secret.text()
        recovery = self.useRecoveryKey.isChecked()
        if not text:
            self.secret.setFocus()
            return None, f"Type the {'recovery key' if recovery else 'passphrase'} first."
        secret = UnlockSecret.recovery_key(text) if recovery else UnlockSecret.passphrase(text)
        self.secret.wipe()
        return RestoreRequest(self._vault_dir, self.source(), secret, backup), ""
