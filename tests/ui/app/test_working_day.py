"""A therapist's day, through the real widgets: create the vault with the first-run wizard,
add a client, hold three sessions with measures, accept the formulation (the phase moves to
Middle), sign a note, start typing the next one, walk away (the idle timer locks the app),
come back, unlock, find the unsaved text in place, save it."""

import datetime as dt
import random
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget, QWizard
from pytestqt.qtbot import QtBot

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.enums import Phase, ProblemArea
from ipt_desktop.services import clients, drafts, practice
from tests.helpers import PASSPHRASE
from tests.helpers.shell import when_modal
from ui.app.client_dialogs import ClientFormDialog
from ui.app.first_run_wizard import FirstRunWizard
from ui.app.main_window import MainWindow
from ui.app.recovery_key_panel import key_groups
from ui.common.app_settings import AppSettings
from ui.common.task_runner import TaskRunner
from ui.workspace.close_guard import CloseChoice

SLOW_MS = 30_000
TODAY = dt.date.today()
SESSION_DAYS = (TODAY - dt.timedelta(days=14), TODAY - dt.timedelta(days=7), TODAY)
PHQ9 = ((2, 2, 2, 2, 1, 2, 1, 1, 0), (2, 1, 2, 1, 1, 1, 1, 1, 0), (1, 1, 1, 1, 1, 1, 0, 1, 0))
MOODS = (3, 4, 6)
UNSAVED = "She called her sister first, for the first time since the funeral"


class AgreeingDialogs:
    """The workspace's questions, answered yes (the real ones are message boxes)."""

    def confirmSign(self, _what: str) -> bool:
        return True

    def confirmDelete(self, _what: str) -> bool:
        return True

    def confirmDate(self, _questions: str) -> bool:
        return True

    def leaveWithProblems(self, _problems: str) -> bool:
        return True

    def askBeforeClosing(self, _unsaved: str) -> CloseChoice:
        return CloseChoice.SAVE


def run_wizard(qtbot: QtBot, root: Path, settings: AppSettings) -> FirstRunWizard:
    wizard = FirstRunWizard(root, TaskRunner(), settings, kdf=floor_params, rng=random.Random(1))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.passphrasePage.passphrase.setText(PASSPHRASE)
    wizard.passphrasePage.confirm.setText(PASSPHRASE)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == FirstRunWizard.RECOVERY, timeout=SLOW_MS)
    wizard.recoveryPage.keyPanel.written.setChecked(True)
    wizard.next()
    groups = key_groups(wizard.recoveryKey())
    first, second = wizard.confirmPage.expectedGroups()
    wizard.confirmPage.first.setText(groups[first - 1])
    wizard.confirmPage.second.setText(groups[second - 1])
    wizard.next()
    wizard.practicePage.form.therapist.setText("Dr Jordan Reyes")
    wizard.practicePage.form.credentials.setText("Clinical psychologist")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    return wizard


def reactivate(qtbot: QtBot, window: QWidget) -> None:
    """After a dialog closed: what the window manager does (offscreen Qt does not)."""
    qtbot.wait(10)  # the closed dialog's deleteLater
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_a_working_day(qtbot: QtBot, tmp_path: Path, settings: AppSettings) -> None:
    wizard = run_wizard(qtbot, tmp_path / "vault", settings)
    vault = wizard.takeVault()
    assert vault is not None
    try:
        window = MainWindow(vault, TaskRunner(), settings, kdf=floor_params)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        workspace = window.workArea.workspace
        workspace.dialogs = AgreeingDialogs()  # type: ignore[attr-defined]
        assert practice.load_practice(vault).therapist_name == "Dr Jordan Reyes"

        # -- a new client, with an acute episode that started two weeks ago.
        def new_client(dialog: QWidget) -> None:
            assert isinstance(dialog, ClientFormDialog) and dialog.start is not None
            type_into(qtbot, dialog.name, "Lena Hoffmann")
            dialog.start.lineEdit().setText(SESSION_DAYS[0].isoformat())
            dialog.accept()

        when_modal(new_client)
        qtbot.keyClick(
            window,
            Qt.Key.Key_N,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        client_id = window.workArea.currentClientId()
        assert client_id is not None
        reactivate(qtbot, window)

        # -- three sessions with measures, each saved with Ctrl+S.
        editor = workspace.sessions.editor  # type: ignore[attr-defined]
        for day, phq9, mood in zip(SESSION_DAYS, PHQ9, MOODS, strict=True):
            qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
            assert workspace.currentTab() == "sessions"
            date = editor.form.date_field.lineEdit()
            date.selectAll()
            qtbot.keyClicks(date, day.isoformat())
            editor.form.mood.slider().setValue(mood)
            for item, answer in enumerate(phq9):
                editor.form.phq9.radio(item, answer).click()
            type_into(qtbot, editor.form.texts["since_last_met"], f"Session on {day}.")
            qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
            assert not editor.isDirty()
        record = clients.read_record(vault, client_id)
        assert [s.date for s in record.sessions] == list(SESSION_DAYS)
        assert [s.phq9 for s in record.sessions] == list(PHQ9)
        summary = window.workArea.panel.model.summary(client_id)
        assert summary is not None
        assert (summary.phase, summary.progress_label) == (Phase.INITIAL, "Session 3 of 16")

        # -- the client accepts the formulation today: the latest session is now Middle.
        workspace.setCurrentTab("formulation")
        formulation = workspace.formulation  # type: ignore[attr-defined]
        formulation.areas[ProblemArea.GRIEF].click()
        type_into(qtbot, formulation.text, "Depression began after her father's death.")
        formulation.accepted.lineEdit().setText(TODAY.isoformat())
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        record = clients.read_record(vault, client_id)
        assert record.episodes[0].formulation.accepted_on == TODAY
        summary = window.workArea.panel.model.summary(client_id)
        assert summary is not None and summary.phase is Phase.MIDDLE

        # -- sign today's note (Ctrl+Shift+S).
        workspace.openSession(record.sessions[-1].id)
        qtbot.keyClick(
            window,
            Qt.Key.Key_S,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert clients.read_record(vault, client_id).sessions[-1].is_signed

        # -- start the next note, then walk away: the idle timer locks the app.
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        new_id = editor.sessionId()
        assert new_id is not None
        type_into(qtbot, editor.form.texts["since_last_met"], UNSAVED)
        assert editor.isDirty()
        window.lockController.setIdleTimeoutMs(400)
        qtbot.waitUntil(lambda: window.isShowingUnlock(), timeout=5000)
        assert not vault.is_unlocked
        assert "without activity" in window.unlockScreen.status.text()
        assert editor.form.texts["since_last_met"].text() == ""  # nothing clinical on screen
        assert window.workArea.panel.model.rowCount() == 0

        # -- back at the desk: unlock, and the text is where it was.
        reactivate(qtbot, window)
        type_into(qtbot, window.unlockScreen.passphrase, PASSPHRASE)
        qtbot.keyClick(window.unlockScreen.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not window.isShowingUnlock(), timeout=SLOW_MS)
        window.lockController.setIdleTimeoutMs(10 * 60_000)
        assert window.workArea.currentClientId() == client_id
        assert workspace.currentTab() == "sessions"
        assert editor.sessionId() == new_id
        assert editor.form.texts["since_last_met"].text() == UNSAVED
        assert drafts.load_draft(vault, f"session:{new_id}") is not None

        # -- save it: the note is stored and its draft is gone.
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        saved = {s.id: s for s in clients.read_record(vault, client_id).sessions}[new_id]
        assert saved.note.since_last_met == UNSAVED
        assert drafts.load_draft(vault, f"session:{new_id}") is None
        window.close()
        window.runner.waitForDone(SLOW_MS)
    finally:
        vault.close()
