"""The main window with the real client workspace: add, edit, end and delete clients; find
them by name and in notes; the daily shortcuts; lock on demand and by the idle timer (open
dialogs are closed, nothing decrypted stays on screen); unlock back to the same place."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.enums import EpisodeKind
from ipt_desktop.domain.model import Client, Episode, Session, SessionNote
from ipt_desktop.services import clients, episodes, practice, sessions
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.shell import when_modal
from ui.app.client_dialogs import ClientFormDialog, DeleteClientDialog, EndTreatmentDialog
from ui.app.client_filter_proxy import StatusFilter
from ui.app.client_list_model import ClientRole
from ui.app.main_window import MainWindow
from ui.app.settings_dialog import SettingsDialog
from ui.common.app_settings import AppSettings
from ui.common.task_runner import TaskRunner

SLOW_MS = 30_000
RTL_NAME = "نور حداد"  # Arabic: "Noor Haddad"


def add_client(vault: Vault, name: str, note: str = "") -> str:
    client = Client(name=name)
    clients.create_client(vault, client)
    episode = Episode(client_id=client.id, start_date=dt.date(2025, 1, 6))
    episodes.save_episode(vault, episode)
    if note:
        sessions.save_session(
            vault,
            Session(
                episode_id=episode.id,
                client_id=client.id,
                date=dt.date(2025, 1, 6),
                mood=4,
                phq9=(1, 2, 1, 2, 1, 1, 1, 0, 0),
                note=SessionNote(since_last_met=note),
            ),
        )
    return client.id


def listed(window: MainWindow) -> list[str]:
    proxy = window.workArea.panel.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_add_client_refuses_an_impossible_date_and_accepts_an_rtl_name(
    qtbot: QtBot, window: MainWindow, vault: Vault
) -> None:
    seen: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ClientFormDialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # no name yet
        dialog.name.insert(RTL_NAME)  # QTest cannot type non-ASCII keys; this is a paste
        dialog.birth.lineEdit().setText("1981-02-29")
        seen["problem"] = dialog.birth.hintText()
        seen["ok_with_bad_date"] = ok.isEnabled()
        dialog.birth.lineEdit().setText("1981-02-28")
        seen["echo"] = dialog.birth.hintText()
        assert dialog.sessions is not None
        seen["default_sessions"] = dialog.sessions.value()
        dialog.sessions.setValue(12)
        assert ok.isEnabled()
        ok.click()

    when_modal(fill)
    window.actions_.newClient.trigger()
    assert "not a real calendar date" in str(seen["problem"])
    assert seen["ok_with_bad_date"] is False
    assert seen["echo"] == "Saturday 28 February 1981"  # a valid date is read back in words
    assert seen["default_sessions"] == 16
    assert listed(window) == [RTL_NAME]
    client_id = window.workArea.currentClientId()
    assert client_id is not None
    record = clients.read_record(vault, client_id)
    assert record.client.name == RTL_NAME
    assert record.client.date_of_birth == dt.date(1981, 2, 28)
    (episode,) = record.episodes
    assert (episode.kind, episode.planned_sessions) == (EpisodeKind.ACUTE, 12)
    assert episode.start_date == dt.date.today()
    assert window.actions_.newSession.isEnabled()


def test_edit_end_and_delete_a_client(qtbot: QtBot, window: MainWindow, vault: Vault) -> None:
    client_id = add_client(vault, "Ada Lindqvist")
    window.workArea.reload()
    assert window.workArea.switchTo(client_id)

    def rename(dialog: QWidget) -> None:
        assert isinstance(dialog, ClientFormDialog)
        dialog.name.setText("Ada Lindqvist-Berg")
        dialog.preferred.setText("Addie")
        dialog.accept()

    when_modal(rename)
    window.actions_.editClient.trigger()
    assert listed(window) == ["Ada Lindqvist-Berg"]
    assert clients.read_record(vault, client_id).client.preferred_name == "Addie"

    def end(dialog: QWidget) -> None:
        assert isinstance(dialog, EndTreatmentDialog)
        dialog.accept()

    when_modal(end)
    window.actions_.endTreatment.trigger()
    assert listed(window) == []  # the list shows active clients by default
    panel = window.workArea.panel
    panel.statusFilter.setCurrentIndex(panel.statusFilter.findData(StatusFilter.ENDED))
    assert listed(window) == ["Ada Lindqvist-Berg"]
    assert clients.find_client(vault, client_id).ended_on == dt.date.today()

    checks: dict[str, bool] = {}

    def delete(dialog: QWidget) -> None:
        assert isinstance(dialog, DeleteClientDialog)
        dialog.confirm.setText("Ada Lindqvist")  # not the full name
        checks["partial"] = dialog.deleteButton.isEnabled()
        dialog.confirm.setText("Ada Lindqvist-Berg ")
        checks["full"] = dialog.deleteButton.isEnabled()
        dialog.deleteButton.click()

    when_modal(delete)
    window.actions_.deleteClient.trigger()
    assert checks == {"partial": False, "full": True}
    assert listed(window) == []
    assert window.workArea.currentClientId() is None
    with pytest.raises(LookupError):
        clients.find_client(vault, client_id)


def test_find_client_by_name_and_in_notes(qtbot: QtBot, window: MainWindow, vault: Vault) -> None:
    add_client(vault, "Bram Okafor", note="We talked about the choir rehearsal.")
    add_client(vault, "Chen Wei")
    window.workArea.reload()
    window.actions_.findClient.trigger()
    panel = window.workArea.panel
    assert panel.search.hasFocus()
    qtbot.keyClicks(panel.search, "chen")
    assert listed(window) == ["Chen Wei"]  # names filter at once
    panel.search.clear()
    qtbot.keyClicks(panel.search, "choir")
    qtbot.waitUntil(lambda: listed(window) == ["Bram Okafor"], timeout=SLOW_MS)
    snippet = panel.proxy.index(0, 0).data(ClientRole.SNIPPET)
    assert "choir" in snippet
    assert "in notes" in panel.count.text()


def test_ctrl_l_locks_closes_dialogs_and_unlock_returns_to_the_same_place(
    qtbot: QtBot, window: MainWindow, vault: Vault
) -> None:
    client_id = add_client(vault, "Eleni Papadopoulou", note="Anniversary of her father's death.")
    window.workArea.reload()
    assert window.workArea.switchTo(client_id)
    window.workArea.workspace.setCurrentTab("inventory")
    qtbot.keyClicks(window.workArea.panel.search, "Ele")

    def lock_while_open(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog)
        qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        if vault.is_unlocked:  # the shortcut belongs to the main window: lock from there
            window.lockController.lockNow()

    when_modal(lock_while_open)
    window.actions_.settings.trigger()  # returns once the lock rejected the dialog
    assert not vault.is_unlocked
    assert window.isShowingUnlock()
    assert QApplication.activeModalWidget() is None
    assert not window.toolBar.isVisible()
    assert not window.menuBar().isVisible()  # only the unlock screen
    assert window.workArea.panel.model.rowCount() == 0  # no name left in memory
    assert window.workArea.panel.search.text() == ""
    assert window.workArea.currentClientId() is None
    assert not window.actions_.newClient.isEnabled()

    screen = window.unlockScreen
    # Activating the main window again is the window manager's job once a dialog closed.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert screen.passphrase.hasFocus()
    qtbot.keyClicks(screen.passphrase, "wrong passphrase entirely")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(screen.error.text()), timeout=SLOW_MS)
    assert screen.passphrase.hasFocus()
    screen.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.isShowingUnlock(), timeout=SLOW_MS)
    assert window.workArea.currentClientId() == client_id
    assert window.workArea.workspace.currentTab() == "inventory"
    assert window.workArea.panel.currentClientId() == client_id
    assert window.toolBar.isVisible()


def test_lock_shortcut(qtbot: QtBot, window: MainWindow, vault: Vault) -> None:
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not vault.is_unlocked
    assert window.unlockScreen.status.text() == "Locked."


def test_idle_timer_locks(qtbot: QtBot, window: MainWindow, vault: Vault) -> None:
    window.lockController.setIdleTimeoutMs(300)
    window.lockController.idle.start()
    qtbot.waitUntil(lambda: not vault.is_unlocked, timeout=5000)
    assert "without activity" in window.unlockScreen.status.text()


def test_settings_are_saved_where_they_belong(
    qtbot: QtBot, window: MainWindow, vault: Vault, settings: AppSettings
) -> None:
    def change(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog.practiceForm.therapist.setText("Dr Jordan Reyes")
        dialog.practiceForm.phone.setText("+44 20 7946 0000")
        dialog.idleMinutes.setValue(25)
        dialog.paper.setCurrentIndex(dialog.paper.findText("US Letter"))
        dialog.accept()

    when_modal(change)
    window.actions_.settings.trigger()
    details = practice.load_practice(vault)
    assert (details.therapist_name, details.phone) == ("Dr Jordan Reyes", "+44 20 7946 0000")
    assert settings.idleMinutes() == 25
    assert settings.paperSize().value == "letter"
    assert window.lockController.idle.timeoutMs() == 25 * 60_000
    stored = "\n".join(str(settings.store.value(k)) for k in settings.store.allKeys())
    assert "Reyes" not in stored  # nothing personal in QSettings


def test_recovery_unlock_asks_for_a_new_passphrase(
    qtbot: QtBot, tmp_path: object, settings: AppSettings
) -> None:
    from pathlib import Path

    root = Path(str(tmp_path)) / "recovery-vault"
    created, recovery = Vault.create(root, PASSPHRASE, kdf=floor_params())
    created.close()
    vault = Vault.open(root)
    main = MainWindow(vault, TaskRunner(), settings, kdf=floor_params)
    qtbot.addWidget(main)
    try:
        main.show()
        assert main.isShowingUnlock()
        screen = main.unlockScreen
        screen.setRecoveryMode(True)
        screen.recoveryKey.setText(recovery)

        def choose(dialog: QWidget) -> None:
            assert isinstance(dialog, QDialog)
            dialog.passphrase.setText("lantern meadow copper violin")  # type: ignore[attr-defined]
            dialog.confirm.setText("lantern meadow copper violin")  # type: ignore[attr-defined]
            dialog.accept()

        when_modal(choose)
        screen.attemptUnlock()
        qtbot.waitUntil(lambda: not main.isShowingUnlock(), timeout=SLOW_MS)
        assert vault.is_unlocked
        main.lockController.lockNow()
        vault.unlock("lantern meadow copper violin")  # the new passphrase opens it
        assert vault.is_unlocked
    finally:
        main.close()
        main.runner.waitForDone(SLOW_MS)
        vault.close()


def test_lock_closes_window_modal_dialogs_too(
    qtbot: QtBot, window: MainWindow, vault: Vault
) -> None:
    preview = QDialog(window)  # like the graduation preview: open(), not exec()
    preview.open()
    assert preview.isVisible()
    window.lockController.lockNow()
    assert not preview.isVisible()
    assert not vault.is_unlocked


def test_audit_log_opens_from_the_file_menu(qtbot: QtBot, window: MainWindow) -> None:
    seen: list[str] = []

    def look(dialog: QWidget) -> None:
        seen.append(type(dialog).__name__)
        assert isinstance(dialog, QDialog)
        dialog.reject()

    when_modal(look)
    window.actions_.auditLog.trigger()
    assert seen == ["AuditLogDialog"]
