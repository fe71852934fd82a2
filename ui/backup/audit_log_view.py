"""A read-only window on the audit log, with the state of its chain at the top.

The chain is walked when the window opens (``services.audit_view.audit_entries``) and again
on "Check again". An intact chain reads "Chain intact: N entries"; a broken one names the
first entry that fails and why, in the calm warning colour, above the entries that still
check out. The model and filter proxy are in ``audit_log_model``.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.services.audit_view import audit_entries
from ipt_desktop.vault.audit_log import AuditEvent, ChainReport
from ipt_desktop.vault.errors import VaultError
from ipt_desktop.vault.vault import Vault
from ui.common.banner import Banner, BannerKind

from .audit_log_model import (
    DETAIL,
    EVENT,
    EVENT_LABELS,
    OBJECTS,
    SEQ,
    TIME,
    AuditFilterProxy,
    AuditLogModel,
)

ALL_EVENTS = "All events"


def chain_status(report: ChainReport) -> tuple[str, str]:
    """(title, message) for the top of the window."""
    count = len(report.entries)
    if report.intact:
        noun = "entry" if count == 1 else "entries"
        return (
            f"Chain intact: {count} {noun}",
            "Each entry is sealed and linked to the one before it; an entry changed, "
            "removed or added in the file would show here.",
        )
    shown = (
        f"The {count} entries before it check out and are shown."
        if count
        else "No entry before it checks out."
    )
    return (
        f"Entry {report.first_broken} is broken: {report.problem}",
        f"{shown} The log was changed outside ipt-desktop, or the file is damaged. "
        "A backup made before this happened still holds an intact log.",
    )


class AuditLogDialog(QDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Audit log")
        self.resize(820, 520)
        self._vault = vault
        self._report: ChainReport | None = None
        self.intro = QLabel(
            "What was done in this vault and when: event kinds, record ids and times, never "
            "the content of a record. Read-only."
        )
        self.intro.setWordWrap(True)
        self.intact = Banner(BannerKind.INFO, parent=self)
        self.intact.setAccessibleName("Audit chain intact")
        self.broken = Banner(BannerKind.PROBLEM, parent=self)
        self.broken.setAccessibleName("Audit chain broken")
        self.model = AuditLogModel(self)
        self.proxy = AuditFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QComboBox()
        self.filter.setAccessibleName("Show events of kind")
        self.filter.addItem(ALL_EVENTS, None)
        for event, label in sorted(EVENT_LABELS.items(), key=lambda item: item[1]):
            self.filter.addItem(label, event.value)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        filter_label = QLabel("&Show:")
        filter_label.setBuddy(self.filter)
        self.countLabel = QLabel()
        self.countLabel.setAccessibleName("Entries shown")
        self.table = QTableView()
        self.table.setAccessibleName("Audit log entries")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(SEQ, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        for column in (SEQ, TIME, EVENT, OBJECTS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DETAIL, QHeaderView.ResizeMode.Stretch)
        self.refreshButton = QPushButton("&Check again")
        self.refreshButton.setAccessibleName("Check the audit chain again")
        self.refreshButton.clicked.connect(self.refresh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.refreshButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        tools = QHBoxLayout()
        tools.addWidget(filter_label)
        tools.addWidget(self.filter)
        tools.addStretch(1)
        tools.addWidget(self.countLabel)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.intro)
        layout.addWidget(self.intact)
        layout.addWidget(self.broken)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.model.modelReset.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.refresh()

    def report(self) -> ChainReport | None:
        return self._report

    def statusTitle(self) -> str:
        return self.broken.title() if self.broken.isVisibleTo(self) else self.intact.title()

    def refresh(self) -> None:
        """Walk the chain again (on the GUI thread: the read holds the write lock for its
        duration, and GUI-thread writes must not see it half-way)."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = audit_entries(self._vault)
        except VaultError as exc:
            self._report = None
            self.model.clear()
            self.intact.clear()
            self.broken.showMessage("The audit log could not be read", str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._report = report
        self.model.setEntries(report.entries)
        title, message = chain_status(report)
        if report.intact:
            self.broken.clear()
            self.intact.showMessage(title, message)
        else:
            self.intact.clear()
            self.broken.showMessage(title, message)
        self._update_count()

    def setEventFilter(self, event: AuditEvent | None) -> None:
        index = self.filter.findData(None if event is None else event.value)
        self.filter.setCurrentIndex(max(0, index))

    def _filter_changed(self, _index: int) -> None:
        value = self.filter.currentData()
        self.proxy.setEventFilter(None if value is None else AuditEvent(str(value)))

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.countLabel.setText(
            f"{total} entries" if shown == total else f"{shown} of {total} entries"
        )

    def clearSensitive(self) -> None:
        """On lock (ids and times only, but gone all the same)."""
        self.model.clear()


def open_audit_log(parent: QWidget | None, vault: Vault) -> None:
    """The audit log window, modal (closed on lock like every dialog)."""
    dialog = AuditLogDialog(vault, parent)
    dialog.exec()
    dialog.clearSensitive()
    dialog.deleteLater()


__all__ = [
    "AuditFilterProxy",
    "AuditLogDialog",
    "AuditLogModel",
    "chain_status",
    "open_audit_log",
]
