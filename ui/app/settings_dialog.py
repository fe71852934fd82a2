"""Settings: practice details and crisis contacts (sealed), auto-lock, paper size, backups.

Practice details and the number of automatic backups to keep are vault settings (sealed);
the auto-lock minutes, paper size and backup folder are machine preferences in QSettings
(no personal data: a folder path the therapist chose, a number, a paper name).
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.graduation import PaperSize
from ipt_desktop.services import automatic_backups, practice
from ipt_desktop.vault.errors import VaultError
from ipt_desktop.vault.vault import Vault
from ui.common.app_settings import IDLE_MINUTES_MAX, IDLE_MINUTES_MIN, AppSettings
from ui.common.message_style import set_message

from .crisis_contacts_form import EXPLAIN as CRISIS_EXPLAIN
from .crisis_contacts_form import CrisisContactsForm
from .practice_details_form import PracticeDetailsForm

PAPER_NAMES = {PaperSize.A4: "A4", PaperSize.LETTER: "US Letter"}


class SettingsDialog(QDialog):
    def __init__(self, vault: Vault, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(560)
        self._vault = vault
        self._settings = settings
        self._practice = practice.load_practice(vault)
        self._keep = automatic_backups.keep_count(vault)

        self.practiceForm = PracticeDetailsForm()
        self.practiceForm.setDetails(self._practice)
        practice_page = QWidget()
        pl = QVBoxLayout(practice_page)
        note = QLabel("Printed on letters and summaries. Kept encrypted in the vault.")
        note.setWordWrap(True)
        set_message(note, note.text())
        pl.addWidget(note)
        pl.addWidget(self.practiceForm)
        pl.addStretch(1)

        self._crisis = practice.load_crisis_contacts(vault)
        self.crisisForm = CrisisContactsForm()
        self.crisisForm.setContacts(self._crisis)
        crisis_page = QWidget()
        cl = QVBoxLayout(crisis_page)
        cl.addWidget(_hint(CRISIS_EXPLAIN))
        cl.addWidget(self.crisisForm)
        cl.addStretch(1)

        self.idleMinutes = QSpinBox()
        self.idleMinutes.setRange(IDLE_MINUTES_MIN, IDLE_MINUTES_MAX)
        self.idleMinutes.setValue(settings.idleMinutes())
        self.idleMinutes.setSuffix(" min")
        self.idleMinutes.setAccessibleName("Lock after minutes without activity")
        self.idleMinutes.setMaximumWidth(self.idleMinutes.sizeHint().width() + 24)
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper size")
        for size, name in PAPER_NAMES.items():
            self.paper.addItem(name, size)
        self.paper.setCurrentIndex(self.paper.findData(settings.paperSize()))
        self.backupFolder = QLineEdit()
        self.backupFolder.setReadOnly(True)
        self.backupFolder.setAccessibleName("Backup folder")
        folder = settings.backupFolder()
        self.backupFolder.setText("" if folder is None else str(folder))
        self.backupFolder.setPlaceholderText("Ask each time")
        choose = QPushButton("&Choose…")
        choose.setAccessibleName("Choose the backup folder")
        choose.clicked.connect(self._choose_folder)
        clear = QPushButton("C&lear")
        clear.setAccessibleName("Clear the backup folder")
        clear.clicked.connect(self.backupFolder.clear)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backupFolder, 1)
        folder_row.addWidget(choose)
        folder_row.addWidget(clear)
        self.keepBackups = QSpinBox()
        self.keepBackups.setRange(automatic_backups.MIN_KEEP, automatic_backups.MAX_KEEP)
        self.keepBackups.setValue(self._keep)
        self.keepBackups.setAccessibleName("Automatic backups to keep")
        self.keepBackups.setMaximumWidth(self.keepBackups.sizeHint().width() + 24)
        general = QWidget()
        form = QFormLayout(general)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Lock after:", self.idleMinutes)
        form.addRow(_hint("of no keyboard or mouse activity (1 to 60 minutes)."))
        form.addRow("&Paper size:", self.paper)
        folder_label = QLabel("Backup &folder:")
        folder_label.setBuddy(choose)
        form.addRow(folder_label, folder_row)
        form.addRow(_hint("Where “Back up now” saves. Keep backups on another disk too."))
        form.addRow("&Keep automatic backups:", self.keepBackups)
        form.addRow(_hint("One automatic backup a day goes into the vault's own folder."))

        self._renew_keys = False
        security = QWidget()
        sl = QVBoxLayout(security)
        sl.addWidget(
            _hint(
                "If the recovery sheet is lost or someone may have seen it, make a new "
                "recovery key and master key. The old recovery key then stops opening this "
                "vault; backups made before keep opening with the keys of their day."
            )
        )
        self.renewKeys = QPushButton("New recovery &key and master key…")
        self.renewKeys.setAccessibleName("New recovery key and master key")
        self.renewKeys.clicked.connect(self._ask_renew_keys)
        sl.addWidget(self.renewKeys, 0, Qt.AlignmentFlag.AlignLeft)
        sl.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.addTab(practice_page, "P&ractice")
        self.tabs.addTab(crisis_page, "Cr&isis contacts")
        self.tabs.addTab(general, "&General")
        self.tabs.addTab(security, "Sec&urity")
        self.error = QLabel()
        self.error.setWordWrap(True)
        set_message(self.error, "")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _ask_renew_keys(self) -> None:
        """Close Settings (unsaved changes are dropped, as with Cancel) and let the window
        open the key rotation."""
        self._renew_keys = True
        self.reject()

    def renewKeysAsked(self) -> bool:
        return self._renew_keys

    def _choose_folder(self) -> None:
        start = self.backupFolder.text() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, "Folder for backups", start)
        if chosen:
            self.backupFolder.setText(chosen)

    def accept(self) -> None:
        try:
            details = self.practiceForm.details()
        except ValidationError as exc:
            self.tabs.setCurrentIndex(0)
            self.practiceForm.showError(
                f"{exc.field.replace('_', ' ').capitalize()} {exc.message}."
            )
            return
        try:
            crisis = self.crisisForm.contacts()
        except ValidationError as exc:
            self.tabs.setCurrentIndex(1)
            set_message(self.error, f"{exc.field.replace('_', ' ')} {exc.message}.", error=True)
            return
        try:
            if crisis != self._crisis:
                practice.save_crisis_contacts(self._vault, crisis)
                self._crisis = crisis
            if details != self._practice:
                practice.save_practice(self._vault, details)
                self._practice = details
            if self.keepBackups.value() != self._keep:
                automatic_backups.set_keep_count(self._vault, self.keepBackups.value())
                self._keep = self.keepBackups.value()
        except VaultError as exc:
            set_message(self.error, str(exc), error=True)
            return
        self._settings.setIdleMinutes(self.idleMinutes.value())
        self._settings.setPaperSize(PaperSize(self.paper.currentData()))
        folder = self.backupFolder.text().strip()
        self._settings.setBackupFolder(Path(folder) if folder else None)
        self._settings.sync()
        super().accept()


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    set_message(label, text)
    return label
