"""Clients that cannot be listed, one row each, above the client list.

A client whose wrapped key, sealed summary or manifest does not authenticate is shown as a
"Damaged record" row: the name is unknown (it is sealed), the id is shown. Its Details
button shows the check result (the same message ``ipt-desktop verify`` prints) and a restore
from a backup. Every other client stays in the ordinary list and works.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.services.clients import DamagedClient
from ui.common.banner import Banner, BannerKind

ROW_TITLE = "Damaged record"


class DamagedRecordsList(QWidget):
    """One problem strip per damaged client, aligned with the client list below it."""

    restoreRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damagedRecords")
        self.setAccessibleName("Damaged records")
        self._damaged: list[DamagedClient] = []
        self.rows: list[Banner] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 8, 4, 0)  # the client list panel's margins
        self._layout.setSpacing(4)
        self.setVisible(False)

    def setDamaged(self, damaged: list[DamagedClient]) -> None:
        for row in self.rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        self._damaged = list(damaged)
        for entry in self._damaged:
            row = Banner(BannerKind.PROBLEM, "&Details…", self)
            row.setAccessibleName("Damaged record")
            row.showMessage(ROW_TITLE, f"Name unknown · id {entry.client_id}")
            row.setToolTip("What is wrong, and a restore from a backup")
            row.actionTriggered.connect(lambda cid=entry.client_id: self.showDetails(cid))
            self._layout.addWidget(row)
            self.rows.append(row)
        self.setVisible(bool(self._damaged))

    def damaged(self) -> list[DamagedClient]:
        return list(self._damaged)

    def showDetails(self, client_id: str) -> None:
        entry = next((d for d in self._damaged if d.client_id == client_id), None)
        if entry is None:
            return
        dialog = DamagedRecordDialog(entry, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.restoreChosen():
            self.restoreRequested.emit()
        dialog.deleteLater()


class DamagedRecordDialog(QDialog):
    def __init__(self, damaged: DamagedClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Damaged record")
        self.setMinimumWidth(520)
        self._restore = False
        banner = Banner(BannerKind.PROBLEM, parent=self)
        banner.showMessage(f"Client {damaged.client_id} cannot be shown", damaged.message)
        hint = QLabel(
            "The other clients are not affected. Restoring the newest backup brings this "
            "record back as it was then (the current vault is kept aside, not deleted). "
            "ipt-desktop verify lists every problem of the vault."
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        restore = buttons.addButton(
            "&Restore from a backup…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        restore.setAccessibleName("Restore from a backup")
        restore.clicked.connect(self._choose_restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(banner)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def _choose_restore(self) -> None:
        self._restore = True
        self.accept()

    def restoreChosen(self) -> bool:
        return self._restore
