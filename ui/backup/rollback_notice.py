"""What the unlock found out: when the vault was last written, an older file, failed attempts.

- ``last_written_text(outcome)``: "Vault last written 4 Mar 2025, 14:05", for the status bar
  (``show_last_written`` keeps one permanent label there).
- ``UnlockNotice``: calm warning banners for a rolled-back file (``outcome.rollback``) and for
  failed unlock attempts on this computer, and a line when the unlock could not be logged.
- ``show_unlock_outcome``: the status bar line always; the notice in a dialog only when
  there is something to say. Returns whether the person asked to restore from a backup.

The rollback message is the services' ``RollbackWarning`` told in local time; the app warns
and never refuses (the person may have meant to go back to an older copy). A flagged vault
(older than seen here, or clients changed outside the app) is flagged at every unlock until
the person restores or accepts it as it is (recorded in the audit log by the caller).
"""

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.services.unlock_session import UnlockOutcome
from ipt_desktop.vault.rollback_guard import RollbackWarning
from ui.common.banner import Banner, BannerKind

from .backup_text import local_time_text
from .dialog_fit import FittedDialog

LAST_WRITTEN_NAME = "lastWrittenLabel"


class UnlockNoticeChoice(Enum):
    CONTINUE = "continue"
    RESTORE = "restore"  # open the restore dialog (the caller closes its vault for it)
    ACCEPT = "accept"  # accept the vault as it is (the caller records it in the audit log)


def last_written_text(outcome: UnlockOutcome) -> str:
    return f"Vault last written {local_time_text(outcome.last_written_at)}"


def failed_attempts_text(count: int) -> str:
    attempts = "1 failed unlock attempt" if count == 1 else f"{count} failed unlock attempts"
    return f"{attempts} on this computer since the vault was last opened"


def rollback_text(warning: RollbackWarning) -> tuple[str, str]:
    """(title, message) in local time, from the services' warning."""
    written = local_time_text(warning.last_written_at)
    seen = local_time_text(warning.seen_written_at)
    if warning.generation == warning.seen_generation:
        what = (
            f"It was last written {written} (write {warning.generation}). This computer saw "
            f"a write with the same number on {seen}, but with a different history: the file "
            "was changed somewhere else, or replaced by another copy."
        )
    else:
        what = (
            f"It was last written {written} (write {warning.generation}), but this computer "
            f"has already seen write {warning.seen_generation}, from {seen}. It may have been "
            "replaced by an older copy, for example from a sync service or a USB disk."
        )
    if warning.anchor_altered:
        return ("This computer's record of the vault was altered", warning.message)
    return (
        "This vault file is older than the one this computer last saw",
        f"{what} Check your most recent records; if some are missing, restore the newest "
        "backup. If you meant to go back to this copy, accept it as it is: until then this "
        "warning comes back at every unlock.",
    )


def flagged(outcome: UnlockOutcome) -> bool:
    """Something only the therapist can settle: restore, or accept the vault as it is."""
    return outcome.rollback is not None or bool(outcome.manifest_alert)


def unseen_failures(outcome: UnlockOutcome, failures_seen_here: int = 0) -> int:
    """Failed attempts the person has not just watched happen on the unlock screen."""
    return max(0, outcome.failed_attempts - max(0, failures_seen_here))


def needs_notice(outcome: UnlockOutcome, failures_seen_here: int = 0) -> bool:
    return (
        flagged(outcome)
        or unseen_failures(outcome, failures_seen_here) > 0
        or bool(outcome.audit_problem)
    )


class UnlockNotice(QWidget):
    """The banners for one unlock outcome (empty and hidden when there is nothing to say)."""

    def __init__(
        self, outcome: UnlockOutcome, failures_seen_here: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.rollback = Banner(BannerKind.PROBLEM, parent=self)
        self.rollback.setAccessibleName("Older vault file")
        self.failures = Banner(BannerKind.PROBLEM, parent=self)
        self.failures.setAccessibleName("Failed unlock attempts")
        self.manifestAlert = Banner(BannerKind.PROBLEM, parent=self)
        self.manifestAlert.setAccessibleName("Clients changed outside ipt-desktop")
        self.auditProblem = Banner(BannerKind.INFO, parent=self)
        self.auditProblem.setAccessibleName("Unlock not logged")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.rollback)
        layout.addWidget(self.manifestAlert)
        layout.addWidget(self.failures)
        layout.addWidget(self.auditProblem)
        if outcome.rollback is not None:
            self.rollback.showMessage(*rollback_text(outcome.rollback))
        if outcome.manifest_alert:
            self.manifestAlert.showMessage(
                "The list of clients changed outside ipt-desktop", outcome.manifest_alert
            )
        count = unseen_failures(outcome, failures_seen_here)
        if count:
            self.failures.showMessage(
                failed_attempts_text(count).capitalize() + ".",
                "If that was not you, someone may have tried to open your records: change "
                "the passphrase, and keep this computer locked when you step away.",
            )
        if outcome.audit_problem:
            self.auditProblem.showMessage(
                "This unlock is not in the audit log", outcome.audit_problem
            )
        self.setVisible(needs_notice(outcome, failures_seen_here))


class UnlockNoticeDialog(FittedDialog):
    def __init__(
        self, outcome: UnlockOutcome, failures_seen_here: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Before you continue")
        self.setMinimumWidth(520)
        self._choice = UnlockNoticeChoice.CONTINUE
        self.notice = UnlockNotice(outcome, failures_seen_here, self)
        self.lastWritten = QLabel(last_written_text(outcome) + ".")
        self.lastWritten.setTextFormat(Qt.TextFormat.PlainText)
        self.lastWritten.setAccessibleName("Vault last written")
        self.buttons = QDialogButtonBox()
        self.continueButton = self.buttons.addButton(
            "&Continue", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.continueButton.setDefault(True)
        self.restoreButton: QPushButton | None = None
        self.acceptButton: QPushButton | None = None
        if flagged(outcome):
            self.restoreButton = self.buttons.addButton(
                "&Restore from a backup…", QDialogButtonBox.ButtonRole.ActionRole
            )
            self.restoreButton.setAccessibleName("Restore from a backup")
            self.restoreButton.clicked.connect(self._restore)
            self.acceptButton = self.buttons.addButton(
                "&Accept this vault as it is", QDialogButtonBox.ButtonRole.ActionRole
            )
            self.acceptButton.setAccessibleName("Accept this vault as it is")
            self.acceptButton.setToolTip(
                "Stop this warning: the vault as it is now becomes the state this computer "
                "knows. Your decision is written to the audit log."
            )
            self.acceptButton.clicked.connect(self._accept_vault)
            self.continueButton.setText("&Decide later")
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.notice)
        layout.addWidget(self.lastWritten)
        layout.addWidget(self.buttons)

    def choice(self) -> UnlockNoticeChoice:
        return self._choice

    def _restore(self) -> None:
        self._choice = UnlockNoticeChoice.RESTORE
        self.accept()

    def _accept_vault(self) -> None:
        self._choice = UnlockNoticeChoice.ACCEPT
        self.accept()


def show_last_written(status_bar: QStatusBar, outcome: UnlockOutcome) -> QLabel:
    """One permanent status bar label with the last-written time (created once, reused)."""
    label = status_bar.findChild(QLabel, LAST_WRITTEN_NAME)
    if label is None:
        label = QLabel(status_bar)
        label.setObjectName(LAST_WRITTEN_NAME)
        label.setAccessibleName("Vault last written")
        status_bar.addPermanentWidget(label)
    label.setText(last_written_text(outcome))
    label.setToolTip(f"Write number {outcome.generation}, before this unlock")
    label.show()
    return label


def show_unlock_outcome(
    parent: QWidget | None,
    outcome: UnlockOutcome,
    status_bar: QStatusBar | None = None,
    *,
    failures_seen_here: int = 0,
) -> UnlockNoticeChoice:
    """After an unlock: the status bar line, and a dialog only if there is news."""
    if status_bar is not None:
        show_last_written(status_bar, outcome)
    if not needs_notice(outcome, failures_seen_here):
        return UnlockNoticeChoice.CONTINUE
    dialog = UnlockNoticeDialog(outcome, failures_seen_here, parent)
    dialog.exec()
    choice = dialog.choice()
    dialog.deleteLater()
    return choice
