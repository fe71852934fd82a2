"""Bad input through the GUI: out-of-range scores cannot be entered, impossible dates are
refused with a message, a 1 MB paste into a note is saved whole, unsaved text survives a
switch of client, and an RTL name reads correctly in the list and the workspace."""

import datetime as dt
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import Client, Episode
from ipt_desktop.services import clients, episodes
from ipt_desktop.vault.vault import Vault
from ui.app.main_window import MainWindow
from ui.common.date_field import DateField

MEGABYTE = 1_000_000


def open_new_session(qtbot: QtBot, window: MainWindow, vault: Vault, name: str) -> object:
    client = Client(name=name)
    clients.create_client(vault, client)
    episodes.save_episode(vault, Episode(client_id=client.id, start_date=dt.date(2025, 1, 6)))
    window.workArea.reload()
    assert window.workArea.switchTo(client.id)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = window.workArea.workspace.sessions.editor  # type: ignore[attr-defined]
    assert editor.sessionId() is not None
    return editor


def test_scores_out_of_range_cannot_be_entered(
    qtbot: QtBot, window: MainWindow, vault: Vault
) -> None:
    editor = open_new_session(qtbot, window, vault, "Ada Lindqvist")
    form = editor.form  # type: ignore[attr-defined]
    form.mood.slider().setValue(11)
    assert form.mood.value() == 10  # the slider stops at 10
    edit = form.hamd.lineEdit()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "99")
    with pytest.raises(ValidationError):
        form.hamd.value()  # HAM-D cannot go past 52: 99 is refused, not turned into 9
    with pytest.raises(AssertionError):
        form.phq9.radio(0, 4)  # there is no answer 4 to click
    with pytest.raises(ValidationError):
        form.phq9.setValue((4, 0, 0, 0, 0, 0, 0, 0, 0))


def test_impossible_session_date_is_refused_with_a_message(
    qtbot: QtBot, window: MainWindow, vault: Vault
) -> None:
    editor = open_new_session(qtbot, window, vault, "Bram Okafor")
    session_id = editor.sessionId()  # type: ignore[attr-defined]
    date = editor.form.date_field.lineEdit()  # type: ignore[attr-defined]
    date.selectAll()
    qtbot.keyClicks(date, "2025-02-30")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = {
        s.id: s
        for s in clients.read_record(vault, window.workArea.currentClientId() or "").sessions
    }
    assert stored[session_id].date != dt.date(2025, 2, 28)  # nothing was guessed or saved
    assert editor.isDirty()  # type: ignore[attr-defined]
    shown = " ".join(label.text() for label in editor.findChildren(QLabel))  # type: ignore[attr-defined]
    assert "2025-02-30" in shown or "real calendar date" in shown


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2025-02-30", "not a real calendar date"),
        ("2025-13-01", "not a real calendar date"),
        ("0000-01-01", "date"),
        ("1899-12-31", "between 1900-01-01"),
        ("25-02-2025", "YYYY-MM-DD"),
        ("", "needed"),
    ],
)
def test_date_field_says_why(qtbot: QtBot, text: str, problem: str) -> None:
    field = DateField("Start date")
    qtbot.addWidget(field)
    field.lineEdit().setText(text)
    assert field.peek() is None
    message = field.problem()
    assert field.errorText() == ""  # asking did not show it
    assert message is not None and problem in message
    assert not field.isValid()  # and now it is shown beside the field
    assert field.errorText() == message


def test_a_megabyte_pasted_into_a_note_is_saved_whole(
    qtbot: QtBot, window: MainWindow, vault: Vault
) -> None:
    editor = open_new_session(qtbot, window, vault, "Chen Wei")
    session_id = editor.sessionId()  # type: ignore[attr-defined]
    field = editor.form.texts["note"]  # type: ignore[attr-defined]
    block = "Lorem ipsum dolor sit amet, ünïcödé ✓ שלום مرحبا 你好.\n"
    big = (block * (MEGABYTE // len(block) + 1))[:MEGABYTE]
    field.setFocus()
    started = time.monotonic()
    field.insertPlainText(big)  # what a paste does
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    elapsed = time.monotonic() - started
    client_id = window.workArea.currentClientId() or ""
    stored = {s.id: s for s in clients.read_record(vault, client_id).sessions}[session_id]
    assert stored.note.note == big
    assert elapsed < 20  # slow machines included; typically well under two seconds


def test_unsaved_note_survives_switching_client(
    qtbot: QtBot, window: MainWindow, vault: Vault
) -> None:
    other = Client(name="Other Client")
    clients.create_client(vault, other)
    editor = open_new_session(qtbot, window, vault, "Eleni Papadopoulou")
    first = window.workArea.currentClientId() or ""
    session_id = editor.sessionId()  # type: ignore[attr-defined]
    field = editor.form.texts["since_last_met"]  # type: ignore[attr-defined]
    field.setFocus()
    qtbot.keyClicks(field, "Typed but not saved")
    proxy = window.workArea.panel.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "Other Client")
    window.workArea.panel.view.setCurrentIndex(proxy.index(row, 0))  # as a click would
    qtbot.waitUntil(lambda: window.workArea.currentClientId() == other.id)
    stored = {s.id: s for s in clients.read_record(vault, first).sessions}[session_id]
    assert stored.note.since_last_met == "Typed but not saved"  # saved on the way out


def test_rtl_name_in_the_workspace_header(qtbot: QtBot, window: MainWindow, vault: Vault) -> None:
    name = "مريم الحداد"
    client = Client(name=name)
    clients.create_client(vault, client)
    window.workArea.reload()
    assert window.workArea.switchTo(client.id)
    labels = [label.text() for label in window.workArea.workspace.findChildren(QLabel)]
    assert name in labels
    assert window.workArea.panel.proxy.index(0, 0).data() == name
    assert window.windowTitle() == "ipt-desktop"  # never a client's name in the title
