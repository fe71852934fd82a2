"""The IPT session editor: scores stay in range, impossible dates are refused, long notes
save, the PHQ-9 item-9 prompt blocks signing, signing locks the note, amendments add."""

import dataclasses
import datetime as dt

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ipt_desktop.domain.enums import Phase
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import Session
from ipt_desktop.services import clients
from ipt_desktop.vault.vault import Vault
from tests.helpers.workspace import FakeDialogs, Fixture
from ui.workspace.client_workspace import ClientWorkspace
from ui.workspace.session_editor import SessionEditor
from ui.workspace.session_prompts import RISK_TITLE


def open_latest(workspace: ClientWorkspace, fern: Fixture) -> SessionEditor:
    workspace.showClient(fern.client_id)
    workspace.openSession(fern.session_ids[-1])
    editor = workspace.sessions.editor
    assert editor.sessionId() == fern.session_ids[-1]
    return editor


def stored(vault: Vault, fern: Fixture, session_id: str) -> Session:
    record = clients.read_record(vault, fern.client_id)
    return next(s for s in record.sessions if s.id == session_id)


# ---- scores cannot leave their range --------------------------------------------------


def test_out_of_range_scores_cannot_be_entered(workspace: ClientWorkspace, fern: Fixture) -> None:
    form = open_latest(workspace, fern).form
    # Mood: the slider's range is the scale's range; code cannot set 11 either.
    assert (form.mood.slider().minimum(), form.mood.slider().maximum()) == (0, 10)
    with pytest.raises(ValidationError):
        form.mood.setValue(11)
    # HAM-D: 60 stays as typed (never silently 6), is named beside the field and refused.
    edit = form.hamd.lineEdit()
    edit.selectAll()
    QTest.keyClicks(edit, "60")
    assert form.hamd.text() == "60"
    assert "60 is not a HAM-D total" in form.hamd.bandText()
    with pytest.raises(ValidationError):
        form.hamd.value()
    QTest.keyClicks(edit, "x-")  # only digits get in
    assert form.hamd.text() == "60"
    with pytest.raises(ValidationError):
        form.hamd.setValue(53)
    # PHQ-9 / GAD-7: each item offers exactly the answers 0-3.
    for item_form in (form.phq9, form.gad7):
        for index in range(item_form.itemCount()):
            group = item_form._groups[index]
            assert sorted(group.id(button) for button in group.buttons()) == [0, 1, 2, 3]
        with pytest.raises(ValidationError):
            item_form.setAnswer(0, 4)
        with pytest.raises(ValidationError):
            item_form.setValue([5] * item_form.itemCount())


def test_phq9_total_and_band_update_live(workspace: ClientWorkspace, fern: Fixture) -> None:
    form = open_latest(workspace, fern).form
    form.phq9.setValue(None)
    for index in range(8):
        form.phq9.setAnswer(index, 2)
    assert form.phq9.total() is None  # item 9 still unanswered
    assert "8 of 9" in form.phq9.totalText()
    form.phq9.setAnswer(8, 0)
    assert form.phq9.total() == 16
    assert form.phq9.totalText().startswith("16 · Moderately severe")


def test_half_answered_phq9_is_not_saved(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    editor = open_latest(workspace, fern)
    editor.form.phq9.setAnswer(3, None)
    assert editor.saveChanges() is False
    assert "item 4" in editor.problem_banner.message()
    assert stored(vault, fern, fern.session_ids[-1]).phq9 is not None


# ---- dates --------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["2025-02-30", "2025-13-01", "0000-01-01", "31/01/2025"])
def test_impossible_dates_are_refused_with_a_message(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault, typed: str
) -> None:
    editor = open_latest(workspace, fern)
    before = stored(vault, fern, fern.session_ids[-1]).date
    field = editor.form.date_field
    field.lineEdit().clear()
    QTest.keyClicks(field.lineEdit(), typed)
    assert editor.saveChanges() is False
    assert "Session date" in field.errorText() or "Session date" in editor.problem_banner.message()
    assert editor.problem_banner.isVisibleTo(editor)
    assert "YYYY-MM-DD" in field.validate()  # type: ignore[operator]
    assert stored(vault, fern, fern.session_ids[-1]).date == before


def test_a_real_date_is_saved_and_confirmed_in_words(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    editor = open_latest(workspace, fern)
    field = editor.form.date_field
    field.lineEdit().clear()
    QTest.keyClicks(field.lineEdit(), "2025-01-21")
    assert field.validate() is None
    assert editor.saveChanges() is True
    assert stored(vault, fern, fern.session_ids[-1]).date == dt.date(2025, 1, 21)
    assert field._hint.text() == "Tuesday 21 January 2025"


# ---- long text ----------------------------------------------------------------------


def test_a_one_megabyte_paste_into_a_note_works_and_saves(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    editor = open_latest(workspace, fern)
    text = ("Fictional long note line with some words. " * 24 + "\n") * 1000
    assert len(text) > 1_000_000
    field = editor.form.texts["note"]
    QApplication.clipboard().setText(text)
    field.setFocus()
    field.paste()
    assert field.text() == text
    assert editor.isDirty()
    assert editor.saveChanges() is True
    assert stored(vault, fern, fern.session_ids[-1]).note.note == text
    workspace.showClient(fern.client_id)
    workspace.openSession(fern.session_ids[-1])
    assert workspace.sessions.editor.form.texts["note"].text() == text


# ---- the item-9 prompt ----------------------------------------------------------------


def test_item9_positive_shows_the_banner_moves_focus_and_blocks_signing(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture, vault: Vault, dialogs: FakeDialogs
) -> None:
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.activateWindow()
    editor = open_latest(workspace, fern)
    assert not editor.risk_banner.isVisibleTo(editor)
    editor.form.phq9.setAnswer(8, 1)
    assert editor.risk_banner.isVisibleTo(editor)
    assert editor.risk_banner.title() == RISK_TITLE
    qtbot.waitUntil(lambda: editor.form.risk_field.hasFocus())
    assert not editor.header.sign_button.isEnabled()
    editor.signCurrent()
    assert "sign" not in dialogs.asked
    assert stored(vault, fern, fern.session_ids[-1]).signed_at is None
    # Once a risk assessment is written the note can be signed.
    QTest.keyClicks(
        editor.form.risk_field, "Fictional: passive thoughts, no plan; safety plan agreed."
    )
    assert editor.header.sign_button.isEnabled()
    editor.signCurrent()
    saved = stored(vault, fern, fern.session_ids[-1])
    assert saved.signed_at is not None
    assert saved.note.risk_assessment.startswith("Fictional: passive")
    assert saved.phq9 is not None and saved.phq9[8] == 1


def test_item9_back_to_zero_removes_the_demand(workspace: ClientWorkspace, fern: Fixture) -> None:
    editor = open_latest(workspace, fern)
    editor.form.phq9.setAnswer(8, 2)
    assert editor.risk_banner.isVisibleTo(editor)
    editor.form.phq9.setAnswer(8, 0)
    assert not editor.risk_banner.isVisibleTo(editor)
    assert editor.header.sign_button.isEnabled()


# ---- signing and amending --------------------------------------------------------------


def test_signing_makes_the_note_read_only_and_amending_adds_beneath(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault, dialogs: FakeDialogs
) -> None:
    editor = open_latest(workspace, fern)
    QTest.keyClicks(editor.form.texts["plan"], "Fictional plan for next week.")
    dialogs.sign = False
    editor.signCurrent()  # the user cancels the confirmation
    assert stored(vault, fern, fern.session_ids[-1]).signed_at is None
    assert stored(vault, fern, fern.session_ids[-1]).note.plan == "Fictional plan for next week."
    dialogs.sign = True
    editor.signCurrent()
    assert dialogs.asked == ["sign", "sign"]
    signed = stored(vault, fern, fern.session_ids[-1])
    assert signed.signed_at is not None
    assert editor.form.texts["plan"].isReadOnly()
    assert editor.form.risk_field.isReadOnly()
    assert editor.form.date_field.lineEdit().isReadOnly()
    assert not editor.form.phq9.radio(0, 1).isEnabled()
    assert not editor.header.save_button.isVisibleTo(
        editor
    ) and not editor.header.sign_button.isVisibleTo(editor)
    assert editor.form.signature.statusText().startswith("Signed on ")
    assert editor.signed_banner.title().startswith("Signed on ")
    # Amend: the text goes under the note with its own date and time.
    panel = editor.form.signature
    QTest.keyClicks(panel.amendmentField(), "Fictional correction: homework was two walks.")
    panel.amendButton().click()
    amended = stored(vault, fern, fern.session_ids[-1])
    assert [a.text for a in amended.amendments] == ["Fictional correction: homework was two walks."]
    assert signed.signed_at is not None
    assert amended.amendments[0].written_at >= signed.signed_at
    assert amended.note == signed.note  # the original is untouched
    assert editor.form.signature.amendmentTexts() == [
        "Fictional correction: homework was two walks."
    ]
    assert panel.amendmentField().text() == ""


def test_a_signed_session_cannot_be_deleted_and_an_unsigned_one_asks(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault, dialogs: FakeDialogs
) -> None:
    editor = open_latest(workspace, fern)
    dialogs.delete = False
    editor.deleteCurrent()
    assert len(clients.read_record(vault, fern.client_id).sessions) == 3
    dialogs.delete = True
    editor.deleteCurrent()
    assert len(clients.read_record(vault, fern.client_id).sessions) == 2
    assert workspace.sessions.model.rowCount() == 2


# ---- phases and the contract -----------------------------------------------------------


def test_accepting_the_formulation_moves_later_sessions_to_middle(
    workspace: ClientWorkspace, fern: Fixture
) -> None:
    workspace.showClient(fern.client_id)
    workspace.openSession(fern.session_ids[2])  # 20 Jan, session 3 of 12
    editor = workspace.sessions.editor
    assert editor.header.badge.phase() is Phase.INITIAL
    assert editor.form.phase_combo.itemText(0) == "Initial (suggested)"
    tab = workspace.formulation
    tab.accepted.setText("2025-01-13")  # accepted at session 2
    tab._changed()
    assert tab.saveChanges() is True
    assert editor.header.badge.phase() is Phase.MIDDLE
    assert editor.form.phase_combo.itemText(0) == "Middle (suggested)"
    phases = [workspace.sessions.model.index(r, 2).data() for r in range(3)]
    assert phases == ["Middle", "Middle", "Initial"]  # newest first; session 1 stays initial


def test_the_phase_can_be_overridden(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    editor = open_latest(workspace, fern)
    combo = editor.form.phase_combo
    combo.setCurrentIndex(combo.findData(Phase.TERMINATION.value))
    combo.activated.emit(combo.currentIndex())
    assert editor.header.badge.phase() is Phase.TERMINATION
    assert editor.saveChanges()
    assert stored(vault, fern, fern.session_ids[-1]).phase_override is Phase.TERMINATION


def test_the_ending_prompt_appears_when_three_sessions_remain(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    from ipt_desktop.services import episodes

    record = clients.read_record(vault, fern.client_id)
    episodes.save_episode(vault, dataclasses.replace(record.episodes[0], planned_sessions=6))
    editor = open_latest(workspace, fern)  # session 3 of 6: 3 remain
    assert editor.header.title() == "Session 3 of 6"
    assert editor.ending_banner.isVisibleTo(editor)
    assert editor.ending_banner.title() == "3 sessions remain after this one"
    workspace.openSession(fern.session_ids[1])  # session 2 of 6: 4 remain
    assert not workspace.sessions.editor.ending_banner.isVisibleTo(editor)


def test_new_session_is_numbered_and_dated_today(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    workspace.showClient(fern.client_id)
    workspace.newSession()
    editor = workspace.sessions.editor
    assert editor.header.title() == "Session 4 of 12"
    assert editor.form.date_field.text() == "2025-03-31"
    assert workspace.currentTab() == "sessions"
    assert len(clients.read_record(vault, fern.client_id).sessions) == 4


def test_a_half_typed_date_is_not_scolded_and_renumbers_once_complete(
    workspace: ClientWorkspace, fern: Fixture
) -> None:
    editor = open_latest(workspace, fern)  # 20 Jan, session 3 of 12
    field = editor.form.date_field
    field.lineEdit().clear()
    QTest.keyClicks(field.lineEdit(), "2025-01")
    assert field.errorText() == ""
    QTest.keyClicks(field.lineEdit(), "-10")  # now between sessions 1 and 2
    assert editor.header.title() == "Session 2 of 12"
    assert field.errorText() == ""
