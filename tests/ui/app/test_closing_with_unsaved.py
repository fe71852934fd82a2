"""Closing the app with unsaved edits (issue 13: nothing changes unless meant): the real
window asks Save / Discard / Cancel and names what is unsaved; each answer does what it
says, read back from the vault; the idle auto-lock never asks and keeps a sealed draft."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ipt_desktop.domain.model import Client, Episode, Session, SessionNote
from ipt_desktop.services import clients, drafts, episodes, sessions
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.shell import answer_modals
from ui.app.main_window import MainWindow

DAY = dt.date(2025, 1, 6)
TYPED = "Fictional words typed and not saved yet"
SAVED_BEFORE = "Fictional note as it was stored"


def write_client(vault: Vault) -> tuple[str, str]:
    client = Client(name="Fictional Closing Client")
    clients.create_client(vault, client)
    episode = Episode(client_id=client.id, start_date=DAY)
    episodes.save_episode(vault, episode)
    session = Session(
        episode_id=episode.id,
        client_id=client.id,
        date=DAY,
        note=SessionNote(since_last_met=SAVED_BEFORE),
    )
    sessions.save_session(vault, session)
    return client.id, session.id


def type_unsaved(qtbot: QtBot, window: MainWindow, vault: Vault) -> tuple[str, str]:
    client_id, session_id = write_client(vault)
    window.workArea.reload()
    assert window.workArea.switchTo(client_id)
    workspace = window.workArea.workspace
    workspace.openSession(session_id)
    field = workspace.sessions.editor.form.texts["since_last_met"]
    field.setFocus()
    field.setText("")
    qtbot.keyClicks(field, TYPED)
    assert workspace.sessions.editor.isDirty()
    return client_id, session_id


def stored_note(vault: Vault, client_id: str, session_id: str) -> str:
    record = clients.read_record(vault, client_id)
    return next(s for s in record.sessions if s.id == session_id).note.since_last_met


def press(text: str, seen: list[str]) -> object:
    def answer(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        seen.append(f"{widget.text()}\n{widget.informativeText()}")
        button = next(b for b in widget.buttons() if b.text() == text)
        button.click()

    return answer


def test_save_stores_the_edits_and_closes(qtbot: QtBot, window: MainWindow, vault: Vault) -> None:
    client_id, session_id = type_unsaved(qtbot, window, vault)
    seen: list[str] = []
    answered = answer_modals(press("Save", seen))  # type: ignore[arg-type]
    window.close()
    assert answered == ["QMessageBox"]
    assert not window.isVisible()
    assert stored_note(vault, client_id, session_id) == TYPED
    assert drafts.load_draft(vault, f"session:{session_id}") is None
    question = seen[0]
    assert question.startswith("Save your changes before closing?")
    assert "Sessions: Session 1 of 16, 6 Jan 2025" in question
    assert TYPED not in question  # it names the record, not the clinical text


def test_discard_drops_the_edits_and_their_draft(
    qtbot: QtBot, window: MainWindow, vault: Vault
) -> None:
    client_id, session_id = type_unsaved(qtbot, window, vault)
    window.workArea.workspace.saveDrafts()  # a draft was kept while typing
    assert drafts.load_draft(vault, f"session:{session_id}") is not None
    answer_modals(press("Discard changes", []))  # type: ignore[arg-type]
    window.close()
    assert not window.isVisible()
    assert stored_note(vault, client_id, session_id) == SAVED_BEFORE
    assert drafts.load_draft(vault, f"session:{session_id}") is None  # will not come back


def test_cancel_keeps_the_app_open_with_the_text_on_screen(
    qtbot: QtBot, window: MainWindow, vault: Vault
) -> None:
    client_id, session_id = type_unsaved(qtbot, window, vault)
    answer_modals(press("Cancel", []))  # type: ignore[arg-type]
    window.close()
    assert window.isVisible() and vault.is_unlocked
    editor = window.workArea.workspace.sessions.editor
    assert editor.form.texts["since_last_met"].text() == TYPED and editor.isDirty()
    assert stored_note(vault, client_id, session_id) == SAVED_BEFORE
    answer_modals(press("Discard changes", []))  # type: ignore[arg-type]
    window.close()
    assert not window.isVisible()


def test_an_edit_that_cannot_be_saved_is_named_and_kept_as_a_draft(
    qtbot: QtBot, window: MainWindow, vault: Vault
) -> None:
    client_id, session_id = type_unsaved(qtbot, window, vault)
    editor = window.workArea.workspace.sessions.editor
    editor.form.date_field.lineEdit().setText("2025-02-30")  # no such day
    editor.form.date_field.edited.emit()
    assert editor.problems() is not None
    seen: list[str] = []
    answered = answer_modals(
        press("Save", seen),  # type: ignore[arg-type]
        press("Leave and keep draft", seen),  # type: ignore[arg-type]
    )
    window.close()
    assert answered == ["QMessageBox", "QMessageBox"]
    assert "cannot be saved yet" in seen[0]
    assert not window.isVisible()
    assert stored_note(vault, client_id, session_id) == SAVED_BEFORE
    draft = drafts.load_draft(vault, f"session:{session_id}")
    assert draft is not None and TYPED in draft.fields.values()


def test_nothing_unsaved_closes_without_a_question(window: MainWindow, vault: Vault) -> None:
    write_client(vault)
    window.close()
    assert not window.isVisible()
    assert QApplication.activeModalWidget() is None


@pytest.mark.timeout(60)
def test_idle_auto_lock_never_asks_and_keeps_a_sealed_draft(
    qtbot: QtBot, window: MainWindow, vault: Vault
) -> None:
    _client_id, session_id = type_unsaved(qtbot, window, vault)
    asked: list[str] = []
    answered = answer_modals(lambda widget: asked.append(type(widget).__name__), timeout_ms=1500)
    window.lockController.setIdleTimeoutMs(300)
    window.lockController.idle.start()
    qtbot.waitUntil(lambda: not vault.is_unlocked, timeout=5000)
    qtbot.wait(300)
    assert answered == [] and asked == []  # no question, on lock or after
    assert window.workArea.workspace.sessions.editor.form.texts["since_last_met"].text() == ""
    window.close()  # locked: nothing on screen to ask about
    assert not window.isVisible()
    assert QApplication.activeModalWidget() is None
    vault.unlock(PASSPHRASE)
    draft = drafts.load_draft(vault, f"session:{session_id}")
    assert draft is not None and TYPED in draft.fields.values()  # sealed, not lost


def start_new_session(qtbot: QtBot, window: MainWindow, vault: Vault) -> tuple[str, str]:
    """A client with one stored session; "New session" started and typed into."""
    client_id, _session_id = write_client(vault)
    window.workArea.reload()
    assert window.workArea.switchTo(client_id)
    workspace = window.workArea.workspace
    workspace.newSession()
    editor = workspace.sessions.editor
    new_id = editor.sessionId()
    assert new_id is not None
    assert len(clients.read_record(vault, client_id).sessions) == 2  # stored blank at once
    field = editor.form.texts["since_last_met"]
    qtbot.keyClicks(field, TYPED)
    assert editor.isDirty()
    return client_id, new_id


def test_discard_removes_a_session_started_and_never_saved(
    qtbot: QtBot, window: MainWindow, vault: Vault
) -> None:
    """An empty session left behind would count as a session held (the contract's
    numbering, the letter's attended sessions) without the therapist seeing it."""
    client_id, new_id = start_new_session(qtbot, window, vault)
    answer_modals(press("Discard changes", []))  # type: ignore[arg-type]
    window.close()
    assert not window.isVisible()
    stored = clients.read_record(vault, client_id).sessions
    assert [s.note.since_last_met for s in stored] == [SAVED_BEFORE]
    assert new_id not in {s.id for s in stored}
    assert drafts.load_draft(vault, f"session:{new_id}") is None


def test_discard_keeps_a_new_session_once_its_note_was_saved(
    qtbot: QtBot, window: MainWindow, vault: Vault
) -> None:
    client_id, new_id = start_new_session(qtbot, window, vault)
    editor = window.workArea.workspace.sessions.editor
    assert editor.saveChanges()
    qtbot.keyClicks(editor.form.texts["since_last_met"], " and more, not saved")
    answer_modals(press("Discard changes", []))  # type: ignore[arg-type]
    window.close()
    stored = {s.id: s.note.since_last_met for s in clients.read_record(vault, client_id).sessions}
    assert stored[new_id] == TYPED  # what was saved stays; only the later typing is dropped
    assert len(stored) == 2
