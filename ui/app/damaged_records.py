"""Clients that cannot be listed, one row each, above the client list.

A client whose wrapped key, sealed summary or manifest does not authenticate is shown as a
"Damaged record" row: the name is unknown (it is sealed), the id is shown. Selecting it
offers the check result (the same message ``ipt-desktop verify`` prints) and a restore
from a backup. Every other client stays in the ordinary list and works.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.services.clients import DamagedClient
from ui.common.banner import Banner, BannerKind

ROW_TITLE = "Damaged record (name unknown)"


def row_text(damaged: DamagedClient) -> str:
    return f"{ROW_TITLE}\nid {damaged.client_id}"


class DamagedRecordsList(QWidget):
    restoreRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damagedRecords")
        self._damaged: list[DamagedClient] = []
        self.list = QListWidget()
        self.list.setAccessibleName("Damaged records")
        self.list.setWordWrap(True)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._show)
        self.list.itemClicked.connect(self._show)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.setVisible(False)

    def setDamaged(self, damaged: list[DamagedClient]) -> None:
        self._damaged = list(damaged)
        self.list.clear()
        for entry in self._damaged:
            item = QListWidgetItem(row_text(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.client_id)
            item.setToolTip("Select to see what is wrong and restore from a backup")
            self.list.addItem(item)
        rows = len(self._damaged)
        height = sum(self.list.sizeHintForRow(i) for i in range(rows)) + 2 * self.list.frameWidth()
        self.list.setFixedHeight(min(height, 180))
        self.setVisible(rows > 0)

    def damaged(self) -> list[DamagedClient]:
        return list(self._damaged)

    def _show(self, item: QListWidgetItem) -> None:
        client_id = item.data(Qt.ItemDataRole.UserRole)
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
