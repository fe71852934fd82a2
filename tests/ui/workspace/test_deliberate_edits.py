"""Issue 13, items 2-4: saving is visible, dates get a second look, entry is fast and exact.

- the header shows unsaved changes and "saved at HH:MM"; switching client says it saved;
  Ctrl+Z puts back the last value changed;
- a date far ahead, before the contract, or renumbering a signed note is asked about; a
  signed note's date cannot be edited;
- PHQ-9 / GAD-7 from the keyboard; HAM-D 0-52 or cleared; mood starts unrated; a new
  session opens at its top with the cursor in the first note field; a refused signature
  says why and offers to go to the missing part.
"""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ipt_desktop.domain.measures import PHQ9_ITEM9_INDEX
from ipt_desktop.domain.model import Session
from ipt_desktop.services import clients, sessions
from ipt_desktop.vault.vault import Vault
from tests.helpers.workspace import TODAY, FakeDialogs, Fixture, write_client
from ui.workspace.client_workspace import ClientWorkspace
from ui.workspace.session_editor import SessionEditor
from ui.workspace.session_header import UNSAVED


def stored(vault: Vault, fern: Fixture, session_id: str) -> Session:
    record = clients.read_record(vault, fern.client_id)
    return next(s for s in record.sessions if s.id == session_id)


def shown(qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture) -> ClientWorkspace:
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.showClient(fern.client_id)
    return workspace


def open_session(workspace: ClientWorkspace, session_id: str) -> SessionEditor:
    workspace.openSession(session_id)
    editor = workspace.sessions.editor
    assert editor.sessionId() == session_id
    return editor


def type_date(editor: SessionEditor, text: str) -> None:
    edit = editor.form.date_field.lineEdit()
    edit.selectAll()
    QTest.keyClicks(edit, text)


# ---- 2. visible saving and undo ---------------------------------------------------------


def test_the_header_shows_unsaved_then_saved_at(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture
) -> None:
    editor = open_session(shown(qtbot, workspace, fern), fern.session_ids[-1])
    assert editor.header.statusText() == "Not signed"
    editor.form.mood.slider().setValue(9)
    assert editor.header.statusText() == UNSAVED
    before = dt.datetime.now().strftime("%H:%M")
    assert editor.saveChanges()
    after = dt.datetime.now().strftime("%H:%M")
    status = editor.header.statusText()
    assert status in (f"Not signed · saved at {before}", f"Not signed · saved at {after}")


def test_switching_client_saves_and_says_so(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    other = write_client(vault, "Fictional Other Client")
    editor = open_session(shown(qtbot, workspace, fern), fern.session_ids[-1])
    editor.form.mood.slider().setValue(2)
    assert workspace.maybeSave()
    workspace.showClient(other.client_id)
    assert stored(vault, fern, fern.session_ids[-1]).mood == 2
    assert workspace.notice.isVisible()
    assert "saved at" in workspace.notice.message()
    assert "Sessions" in workspace.notice.message()
    assert "Fern" not in workspace.notice.message()  # no client name in the notice


def test_ctrl_z_puts_back_the_last_value(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    editor = open_session(shown(qtbot, workspace, fern), fern.session_ids[-1])
    form = editor.form
    original_mood = form.mood.value()
    original_phq9 = form.phq9.answers()
    form.mood.slider().setValue(1)
    form.phq9.setAnswer(0, 0 if original_phq9[0] else 3)
    assert form.phq9.answers() != original_phq9
    form.phq9.radio(0, 0).setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.phq9.radio(0, 0))
    QTest.keySequence(QApplication.focusWidget(), QKeySequence.StandardKey.Undo)
    assert form.phq9.answers() == original_phq9
    assert form.mood.value() == 1
    assert editor.undo.undo()  # the mood next
    assert form.mood.value() == original_mood
    assert not editor.undo.undo()  # nothing more
    # text fields keep their own undo
    note = form.texts["plan"]
    note.setFocus()
    QTest.keyClicks(note, "abc")
    QTest.keySequence(note, QKeySequence.StandardKey.Undo)
    assert "abc" not in form.texts["plan"].text()


# ---- 3. dates ---------------------------------------------------------------------------


def test_a_date_far_ahead_is_asked_about_and_refusal_keeps_the_old_date(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture, vault: Vault, dialogs: FakeDialogs
) -> None:
    editor = open_session(shown(qtbot, workspace, fern), fern.session_ids[-1])
    old = stored(vault, fern, fern.session_ids[-1]).date
    dialogs.date = False
    type_date(editor, "2031-01-01")
    assert not editor.saveChanges()
    assert dialogs.asked == ["date"]
    assert "days from today" in dialogs.date_questions[0]
    assert stored(vault, fern, fern.session_ids[-1]).date == old
    assert "check the session date" in editor.problem_banner.title()
    assert not editor.saveChanges()  # refused once: not asked again for the same date
    assert dialogs.asked == ["date"]
    # within 14 days of today: no question
    type_date(editor, (TODAY + dt.timedelta(days=14)).isoformat())
    assert editor.saveChanges()
    assert dialogs.asked == ["date"]
    assert stored(vault, fern, fern.session_ids[-1]).date == TODAY + dt.timedelta(days=14)


def test_a_date_before_the_contract_is_asked_about(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture, vault: Vault, dialogs: FakeDialogs
) -> None:
    editor = open_session(shown(qtbot, workspace, fern), fern.session_ids[-1])
    type_date(editor, "2024-12-30")
    assert editor.saveChanges()  # FakeDialogs answers "keep this date"
    assert dialogs.asked == ["date"]
    assert "before this contract began (2025-01-06)" in dialogs.date_questions[0]
    assert stored(vault, fern, fern.session_ids[-1]).date == dt.date(2024, 12, 30)


def test_renumbering_a_signed_note_is_asked_about_and_signed_dates_are_read_only(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture, vault: Vault, dialogs: FakeDialogs
) -> None:
    _first, second, last = fern.session_ids
    sessions.sign_session(vault, fern.client_id, second)
    shown(qtbot, workspace, fern)
    editor = open_session(workspace, second)
    assert editor.form.date_field.lineEdit().isReadOnly()
    editor = open_session(workspace, last)
    type_date(editor, "2025-01-10")  # between the first and the signed second
    dialogs.date = False
    assert not editor.saveChanges()
    assert dialogs.date_questions == [
        "The signed note of 2025-01-13 would become session 3 instead of 2."
    ]
    assert stored(vault, fern, last).date == dt.date(2025, 1, 20)
    assert stored(vault, fern, second).is_signed


def test_deleting_a_note_before_a_signed_one_names_the_renumbering(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture, vault: Vault, dialogs: FakeDialogs
) -> None:
    _first, second, last = fern.session_ids
    sessions.sign_session(vault, fern.client_id, last)
    editor = open_session(shown(qtbot, workspace, fern), second)
    dialogs.delete = False
    editor.deleteCurrent()
    assert dialogs.deletions[-1].endswith(
        "The signed note of 2025-01-20 would become session 2 instead of 3."
    )
    assert stored(vault, fern, second) is not None


# ---- 4. fast, exact entry ---------------------------------------------------------------


def test_phq9_by_keyboard(qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture) -> None:
    editor = open_session(shown(qtbot, workspace, fern), fern.session_ids[-1])
    form = editor.form
    form.phq9.setValue(None)
    form.phq9.focusItem(0)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.phq9.radio(0, 0))
    typed = (3, 2, 1, 0, 3, 2, 1, 0)
    for position, digit in enumerate(typed):
        focused = QApplication.focusWidget()
        assert focused is not None and focused.property("item_index") == position
        QTest.keyClick(focused, Qt.Key(Qt.Key.Key_0 + digit))
        assert form.phq9.answers()[position] == digit
    assert "8 of 9 items answered" in form.phq9.totalText()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_0)  # item 9
    assert form.phq9.answers() == (*typed, 0)
    assert form.phq9.total() == 12
    assert "12 · Moderate" in form.phq9.totalText()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_7)  # not an answer: nothing
    assert form.phq9.answers()[PHQ9_ITEM9_INDEX] == 0
    assert editor.isDirty()


def test_gad7_by_keyboard(qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture) -> None:
    form = open_session(shown(qtbot, workspace, fern), fern.session_ids[-1]).form
    form.gad7.focusItem(0)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.gad7.radio(0, 0))
    for _ in range(7):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    assert form.gad7.total() == 14


def test_hamd_can_be_cleared_and_refuses_99(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    editor = open_session(shown(qtbot, workspace, fern), fern.session_ids[-1])
    hamd = editor.form.hamd
    edit = hamd.lineEdit()
    QTest.keyClicks(edit, "99")
    assert hamd.text() == "99"  # never silently 9
    assert not editor.saveChanges()
    assert "99 is not a HAM-D total" in editor.problem_banner.message()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Backspace)  # deleting the text clears it
    assert hamd.value() is None
    QTest.keyClicks(edit, "21")
    assert hamd.value() == 21 and "21 · " in hamd.bandText()
    assert editor.saveChanges()
    assert stored(vault, fern, fern.session_ids[-1]).hamd == 21
    hamd.clearButton().click()
    assert hamd.value() is None and hamd.text() == ""
    assert editor.saveChanges()
    assert stored(vault, fern, fern.session_ids[-1]).hamd is None


def test_a_new_session_starts_unrated_at_the_top_in_the_first_note(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture
) -> None:
    editor = open_session(shown(qtbot, workspace, fern), fern.session_ids[-1])
    editor._scroll.verticalScrollBar().setValue(editor._scroll.verticalScrollBar().maximum())
    workspace.newSession()
    assert editor.sessionId() not in fern.session_ids
    assert editor.form.mood.value() is None
    assert editor.form.mood.valueText() == "Not rated"
    assert not editor.form.mood.slider().handleShown()
    assert editor._scroll.verticalScrollBar().value() == 0
    first_note = editor.form.texts["since_last_met"]
    qtbot.waitUntil(lambda: first_note.isAncestorOf(QApplication.focusWidget()))
    editor.form.mood.slider().setValue(4)
    assert editor.form.mood.slider().handleShown()


def test_a_refused_signature_says_why_and_goes_to_the_missing_part(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture, dialogs: FakeDialogs
) -> None:
    editor = open_session(shown(qtbot, workspace, fern), fern.session_ids[-1])
    editor.form.phq9.setAnswer(PHQ9_ITEM9_INDEX, 2)
    editor.form.texts["plan"].setFocus()
    workspace.signCurrent()  # the toolbar's way
    assert "sign" not in dialogs.asked
    assert editor.problem_banner.isVisible()
    assert editor.problem_banner.title() == "The note was not signed"
    assert "risk assessment" in editor.problem_banner.message()
    button = editor.problem_banner.actionButton()
    assert button is not None and button.isVisible()
    editor.form.texts["plan"].setFocus()
    button.click()
    risk = editor.form.risk_field
    qtbot.waitUntil(lambda: risk.isAncestorOf(QApplication.focusWidget()))


def test_signing_with_nothing_open_says_so(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture
) -> None:
    shown(qtbot, workspace, fern)
    workspace.signCurrent()
    assert workspace.notice.title() == "Nothing to sign"
