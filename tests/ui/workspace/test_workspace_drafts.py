"""Unsaved text survives: drafts while typing, drafts on auto-lock, restored after unlock;
maybeSave saves valid edits and never drops text it cannot save."""

from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ipt_desktop.services import clients, drafts
from ipt_desktop.vault.vault import Vault
from tests.helpers.workspace import FakeDialogs, Fixture
from ui.workspace.client_workspace import ClientWorkspace


def lock_and_unlock(workspace: ClientWorkspace, fern: Fixture, session_id: str | None) -> None:
    """What the shell does around an auto-lock (the vault itself stays unlocked here)."""
    tab = workspace.currentTab()
    workspace.saveDrafts()
    workspace.clearSensitive()
    assert workspace.currentClientId() is None
    workspace.showClient(fern.client_id)
    workspace.setCurrentTab(tab)
    if session_id is not None:
        workspace.openSession(session_id)


def test_session_text_written_before_a_lock_comes_back(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    workspace.showClient(fern.client_id)
    session_id = fern.session_ids[-1]
    workspace.openSession(session_id)
    form = workspace.sessions.editor.form
    QTest.keyClicks(form.texts["homework"], "Fictional: call an old friend")
    form.phq9.setAnswer(8, 1)
    workspace.saveDrafts()
    kept = drafts.load_draft(vault, f"session:{session_id}")
    assert kept is not None and kept.fields["homework"] == "Fictional: call an old friend"
    assert workspace.currentSessionId() == session_id
    lock_and_unlock(workspace, fern, session_id)
    editor = workspace.sessions.editor
    assert workspace.currentSessionId() == session_id
    assert editor.form.texts["homework"].text() == "Fictional: call an old friend"
    assert editor.form.phq9.item9Positive()
    assert editor.risk_banner.isVisibleTo(editor)
    assert editor.isDirty()
    assert "restored" in workspace.notice.message()
    # Nothing was saved behind the user's back; saving now keeps it and drops the draft.
    record = clients.read_record(vault, fern.client_id)
    assert next(s for s in record.sessions if s.id == session_id).note.homework == ""
    assert editor.saveChanges() is True  # item 9 positive blocks signing, not saving
    assert drafts.load_draft(vault, f"session:{session_id}") is None
    record = clients.read_record(vault, fern.client_id)
    saved = next(s for s in record.sessions if s.id == session_id)
    assert saved.note.homework == "Fictional: call an old friend"


def test_drafts_come_back_even_without_openSession(
    workspace: ClientWorkspace, fern: Fixture
) -> None:
    workspace.showClient(fern.client_id)
    workspace.openSession(fern.session_ids[0])
    QTest.keyClicks(workspace.sessions.editor.form.texts["plan"], "Fictional plan")
    lock_and_unlock(workspace, fern, None)
    assert workspace.sessions.editor.sessionId() == fern.session_ids[0]
    assert workspace.sessions.editor.form.texts["plan"].text() == "Fictional plan"


def test_inventory_formulation_and_new_items_come_back(
    workspace: ClientWorkspace, fern: Fixture
) -> None:
    workspace.showClient(fern.client_id)
    workspace.inventory.selectPerson(fern.person_ids[1])
    QTest.keyClicks(workspace.inventory.editor.texts["arguments"], "Fictional: never resolved")
    workspace.formulation.text.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(workspace.formulation.text, " Fictional addition.")
    workspace.life_events.addEvent()
    QTest.keyClicks(workspace.life_events.editor.description, "Fictional new event, no date yet")
    lock_and_unlock(workspace, fern, None)
    assert workspace.inventory.editor.personId() == fern.person_ids[1]
    assert workspace.inventory.editor.texts["arguments"].text() == "Fictional: never resolved"
    assert workspace.formulation.text.text() == "A move and a new job. Fictional addition."
    assert workspace.life_events.editor.isNew()
    assert workspace.life_events.editor.description.text() == "Fictional new event, no date yet"


def test_a_pause_in_typing_writes_a_draft(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    workspace.keeper.setPause(60)
    workspace.showClient(fern.client_id)
    session_id = fern.session_ids[1]
    workspace.openSession(session_id)
    QTest.keyClicks(workspace.sessions.editor.form.texts["role_play"], "Fictional role play")
    assert workspace.keeper.isPending()
    qtbot.waitUntil(lambda: drafts.load_draft(vault, f"session:{session_id}") is not None)
    kept = drafts.load_draft(vault, f"session:{session_id}")
    assert kept is not None and kept.fields["role_play"] == "Fictional role play"
    assert kept.client_id == fern.client_id


def test_the_default_pause_is_five_seconds(workspace: ClientWorkspace) -> None:
    assert workspace.keeper._timer.interval() == 5_000


def test_maybe_save_saves_valid_edits_without_asking(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault, dialogs: FakeDialogs
) -> None:
    workspace.showClient(fern.client_id)
    workspace.openSession(fern.session_ids[-1])
    QTest.keyClicks(workspace.sessions.editor.form.texts["plan"], "Fictional plan")
    workspace.inventory.selectPerson(fern.person_ids[0])
    QTest.keyClicks(workspace.inventory.editor.texts["likes"], "Fictional: kind")
    assert workspace.maybeSave() is True
    assert dialogs.asked == []
    record = clients.read_record(vault, fern.client_id)
    assert next(s for s in record.sessions if s.id == fern.session_ids[-1]).note.plan == (
        "Fictional plan"
    )
    assert next(p for p in record.inventory if p.id == fern.person_ids[0]).likes == (
        "Fictional: kind"
    )


def test_maybe_save_keeps_invalid_edits_as_drafts_and_asks(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault, dialogs: FakeDialogs
) -> None:
    workspace.showClient(fern.client_id)
    session_id = fern.session_ids[-1]
    workspace.openSession(session_id)
    form = workspace.sessions.editor.form
    QTest.keyClicks(form.texts["note"], "Fictional text that must not be lost")
    form.date_field.lineEdit().clear()
    QTest.keyClicks(form.date_field.lineEdit(), "2025-02-30")
    dialogs.leave = False
    assert workspace.maybeSave() is False
    assert dialogs.asked == ["leave"]
    kept = drafts.load_draft(vault, f"session:{session_id}")
    assert kept is not None
    assert kept.fields["note"] == "Fictional text that must not be lost"
    assert kept.fields["date"] == "2025-02-30"
    dialogs.leave = True
    assert workspace.maybeSave() is True
