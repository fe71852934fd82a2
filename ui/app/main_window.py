"""The main window: the unlock screen or the work area, the menus, toolbar and status bar.

The window itself only wires things together: the work area (client list + workspace), the
lock controller (auto-lock), the actions (shortcuts), and the dialogs live in their own
modules. No client name ever appears in the window title (the OS may keep titles).
"""

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from ipt_desktop.domain.client_entry import Questionnaire
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.services.handover import PlacedAnswers
from ipt_desktop.services.passphrases import KdfChoice
from ipt_desktop.services.unlock_session import UnlockOutcome, accept_current, remember_state
from ipt_desktop.vault.errors import VaultError
from ipt_desktop.vault.vault import Vault
from ui.backup import (
    AutomaticBackups,
    UnlockNoticeChoice,
    open_audit_log,
    open_backup_dialog,
    show_unlock_outcome,
)
from ui.common.app_settings import AppSettings
from ui.common.busy_indicator import BusyIndicator
from ui.common.icons import app_icon
from ui.common.task_runner import TaskRunner

from .about_dialogs import show_about, show_shortcuts
from .app_actions import AppActions
from .fhir_export_action import export_measures_as_fhir
from .handover_host import HandoverHost, place_pending_answers
from .handover_notice import item9_value, placed_summary, show_risk_prompt
from .lock_controller import LockController
from .new_passphrase_dialog import NewPassphraseDialog
from .rekey_dialog import RekeyDialog
from .settings_dialog import SettingsDialog
from .supervision_action import export_supervision_summary
from .unlock_screen import UnlockScreen
from .work_area import WorkArea

APP_TITLE = "ipt-desktop"
STATUS_MS = 6000


class MainWindow(QMainWindow):
    vaultDamaged = Signal(str)
    restoreRequested = Signal()  # File > Restore, or the unlock notice: the controller runs it

    def __init__(
        self,
        vault: Vault,
        runner: TaskRunner,
        settings: AppSettings,
        *,
        demo_passphrase: str | None = None,
        kdf: KdfChoice = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.runner = runner
        self.settings = settings
        self._kdf = kdf
        self._closing = False
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_TITLE + (" — demo practice" if demo_passphrase else ""))
        self.setWindowIcon(app_icon())
        self.setMinimumSize(960, 640)

        self.actions_ = AppActions(self)
        self.actions_.buildMenus(self.menuBar())
        self.toolBar = self.actions_.buildToolBar(self)
        # Shortcuts belong to the window, so they work whatever bars are shown (Ctrl+Q on
        # the unlock screen, where the menus and the toolbar are hidden).
        self.addActions(self.actions_.findChildren(QAction))
        self.unlockScreen = UnlockScreen(vault, runner, demo_passphrase=demo_passphrase)
        self.workArea = WorkArea(vault, runner)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.unlockScreen)
        self.stack.addWidget(self.workArea)
        self.setCentralWidget(self.stack)
        status = self.statusBar()
        status.addWidget(BusyIndicator(runner, status))
        if demo_passphrase:
            demo = QLabel("Demo practice: fictional clients, deleted when you quit")
            demo.setAccessibleName("Demo practice notice")
            status.addPermanentWidget(demo)
        self.lockController = LockController(vault, runner, self.workArea, settings, self)
        self.handover = HandoverHost(self, self.stack, vault, self.lockController)
        self.automaticBackups = AutomaticBackups(lambda: self.vault, self)
        self._connect()
        self._restore_geometry()
        if vault.is_unlocked:
            self.lockController.started()  # auto-lock first, before anything is loaded
            self._show_work()
            self.automaticBackups.start()
        else:
            self._show_locked("The vault is locked.")

    # -- wiring ---------------------------------------------------------------------------
    def _connect(self) -> None:
        a, area, ws = self.actions_, self.workArea, self.workArea.workspace
        a.newClient.triggered.connect(area.addClient)
        a.editClient.triggered.connect(lambda: area.editClient())
        a.endTreatment.triggered.connect(lambda: area.endTreatment())
        a.deleteClient.triggered.connect(lambda: area.deleteClient())
        a.exportFhir.triggered.connect(self.exportMeasuresAsFhir)
        a.supervisionSummary.triggered.connect(self.exportSupervisionSummary)
        a.newSession.triggered.connect(ws.newSession)
        a.save.triggered.connect(ws.saveCurrent)
        a.sign.triggered.connect(ws.signCurrent)
        a.findClient.triggered.connect(area.panel.focusSearch)
        a.lock.triggered.connect(self.lockController.lockNow)
        a.settings.triggered.connect(self.openSettings)
        a.backupNow.triggered.connect(self.backUpNow)
        a.restore.triggered.connect(self.restoreRequested)
        a.auditLog.triggered.connect(lambda: open_audit_log(self, self.vault))
        a.changePassphrase.triggered.connect(lambda: self.askNewPassphrase(after_recovery=False))
        a.renewKeys.triggered.connect(self.renewKeys)
        a.quit.triggered.connect(self.close)
        a.shortcuts.triggered.connect(lambda: show_shortcuts(self, a.shortcutRows()))
        a.about.triggered.connect(lambda: show_about(self))
        area.statusMessage.connect(self.showStatus)
        area.restoreRequested.connect(self.restoreRequested)
        area.currentClientChanged.connect(lambda _id: self._update_actions())
        ws.graduationRequested.connect(self.openGraduationSummary)
        handover_requested = getattr(ws, "handoverRequested", None)
        if handover_requested is not None:
            handover_requested.connect(self.startHandover)
        self.automaticBackups.backupMade.connect(self.showStatus)
        self.automaticBackups.backupFailed.connect(
            lambda text: self.showStatus(f"Automatic backup not made: {text}")
        )
        self.unlockScreen.unlocked.connect(self._unlocked)
        self.unlockScreen.damaged.connect(self.vaultDamaged)
        self.lockController.locked.connect(lambda _reason: self.handover.teardown())
        self.lockController.locked.connect(self._show_locked)

    def showStatus(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    def _update_actions(self) -> None:
        unlocked = self.vault.is_unlocked and self.stack.currentWidget() is self.workArea
        shown = unlocked and self.workArea.currentClientId() is not None
        self.actions_.setUnlocked(unlocked, shown)

    # -- locked / unlocked --------------------------------------------------------------
    def _show_locked(self, reason: str) -> None:
        self.automaticBackups.stop()
        self.toolBar.setVisible(False)
        self.menuBar().setVisible(False)
        self.stack.setCurrentWidget(self.unlockScreen)
        self.unlockScreen.reset(reason)
        self._update_actions()
        self.unlockScreen.passphrase.setFocus()

    def _show_work(self) -> None:
        self.toolBar.setVisible(True)
        self.menuBar().setVisible(True)
        self.stack.setCurrentWidget(self.workArea)
        self.workArea.reload()
        self._update_actions()
        self.workArea.panel.search.setFocus()

    def _unlocked(self, with_recovery_key: bool, outcome: UnlockOutcome) -> None:
        if with_recovery_key and not self.askNewPassphrase(after_recovery=True):
            self.vault.lock()
            self._show_locked("A new passphrase is needed: unlock with the recovery key again.")
            return
        placed = self._place_handover_answers()
        self.toolBar.setVisible(True)
        self.menuBar().setVisible(True)
        self.stack.setCurrentWidget(self.workArea)
        self.lockController.unlocked()
        self.automaticBackups.start()
        self._update_actions()
        if self.workArea.currentClientId() is None:
            self.workArea.panel.search.setFocus()
        self._show_placed_answers(placed)
        seen_here = self.unlockScreen.failuresSeenHere()
        QTimer.singleShot(0, lambda: self._report_unlock(outcome, seen_here))

    # -- hand-over mode -----------------------------------------------------------------------
    def startHandover(self, client_id: str, session_id: str, measures: object) -> None:
        chosen = tuple(Questionnaire(m) for m in measures) if isinstance(measures, list) else ()
        problem = self.handover.start(client_id, session_id, chosen)
        if problem:
            QMessageBox.information(self, "Hand to client", problem)

    def _place_handover_answers(self) -> list[PlacedAnswers]:
        """Before the record is shown: place what a hand-over left; a positive item 9 is the
        first thing the therapist sees."""
        try:
            placed = place_pending_answers(self.vault)
        except (ValidationError, VaultError) as error:
            self.showStatus(f"The client's answers were not placed: {error}")
            return []
        for result in placed:
            if result.item9_positive:
                show_risk_prompt(self, result, item9_value(result))
        return placed

    def _show_placed_answers(self, placed: list[PlacedAnswers]) -> None:
        if not placed:
            return
        self.showStatus(placed_summary(placed))
        first = next((r for r in placed if r.item9_positive), placed[0])
        if first.session is None:
            return
        if self.workArea.switchTo(first.client_id):
            go = getattr(self.workArea.workspace, "goToRiskAssessment", None)
            opener = getattr(self.workArea.workspace, "openSession", None)
            if first.item9_positive and go is not None:
                go(first.session.id)
            elif opener is not None:
                opener(first.session.id)

    def _report_unlock(self, outcome: UnlockOutcome, seen_here: int) -> None:
        """The last-written line in the status bar; a notice only when there is news (failed
        attempts not made here, an older vault file, an unlock the audit log missed)."""
        choice = show_unlock_outcome(self, outcome, self.statusBar(), failures_seen_here=seen_here)
        if choice is UnlockNoticeChoice.RESTORE:
            self.restoreRequested.emit()
        elif choice is UnlockNoticeChoice.ACCEPT and self.vault.is_unlocked:
            try:
                accept_current(self.vault)
            except VaultError as exc:
                self.showStatus(f"The vault was not accepted: {exc}")
            else:
                self.showStatus("The vault is accepted as it is (written to the audit log).")

    # -- dialogs ----------------------------------------------------------------------------
    def askNewPassphrase(self, *, after_recovery: bool) -> bool:
        dialog = NewPassphraseDialog(
            self.vault, self.runner, after_recovery=after_recovery, kdf=self._kdf, parent=self
        )
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self.showStatus("The passphrase was changed.")
        return accepted

    def openSettings(self) -> None:
        dialog = SettingsDialog(self.vault, self.settings, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.lockController.applySettings()
            self.showStatus("Settings saved.")
        elif dialog.renewKeysAsked():
            self.renewKeys()

    def renewKeys(self) -> None:
        dialog = RekeyDialog(self.vault, self.runner, self.settings.paperSize(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.showStatus("New recovery key and master key made.")
        dialog.deleteLater()
        dialog.deleteLater()

    def backUpNow(self) -> None:
        result = open_backup_dialog(self, self.vault, folder_memory=self.settings)
        if result is not None:
            self.showStatus(f"Backup saved: {result.path.name}.")

    def exportMeasuresAsFhir(self) -> None:
        client_id = self.workArea.currentClientId()
        if client_id is None or not self.workArea.workspace.maybeSave():
            return
        status = export_measures_as_fhir(self, self.vault, client_id)
        if status:
            self.showStatus(status)

    def exportSupervisionSummary(self) -> None:
        client_id = self.workArea.currentClientId()
        if client_id is None or not self.workArea.workspace.maybeSave():
            return
        export_supervision_summary(
            self,
            self.vault,
            client_id,
            self.workArea.workspace.currentEpisodeId(),
            self.runner,
            self.settings.paperSize(),
            self.showStatus,
        )

    def openGraduationSummary(self, client_id: str, episode_id: str) -> None:
        from ui.graduation import open_graduation_dialog  # reportlab & co.: not at start-up

        open_graduation_dialog(
            self.vault,
            client_id,
            episode_id or None,
            self,
            runner=self.runner,
            paper=self.settings.paperSize(),
        )

    # -- window life ------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.windowGeometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = self.settings.splitterState()
        if splitter is not None:
            self.workArea.splitter.restoreState(splitter)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.actions_.refreshIcons()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing:
            event.accept()
            return
        if self.handover.isActive():  # never closes into the record: locks instead
            event.ignore()
            self.handover.closeRequested()
            return
        # Unsaved edits: Save / Discard / Cancel, naming them (an auto-lock never asks: it
        # keeps sealed drafts, and a locked vault has no edits on screen).
        if self.vault.is_unlocked and not self.workArea.workspace.maybeClose():
            event.ignore()
            return
        self._closing = True
        self.settings.saveWindow(
            self.saveGeometry(), self.saveState(), self.workArea.splitter.saveState()
        )
        self.hide()
        self.runner.cancelAll()
        self.runner.waitForDone(30_000)
        self.automaticBackups.stop()
        problem = self.automaticBackups.runBeforeClose()
        if problem:
            QMessageBox.warning(None, "Automatic backup not made", problem)
        if self.vault.is_unlocked:
            remember_state(self.vault)
            self.workArea.clearSensitive()
        self.lockController.shutdown()
        event.accept()

    def discard(self) -> None:
        """Close without asking or backing up (the vault was closed for a restore)."""
        self._closing = True
        self.automaticBackups.stop()
        self.lockController.shutdown()
        self.close()

    def isShowingUnlock(self) -> bool:
        return self.stack.currentWidget() is self.unlockScreen
