"""Hand-over mode: the client answers on the therapist's laptop and reaches nothing else.

Every way out (Escape, closing the window, the idle timer, another window taking the
focus, the client's "Hand back") ends in the lock screen; the answers are in the session
after the therapist unlocks, marked as the client's, and a positive item 9 is the first
thing the therapist sees.
"""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from ipt_desktop.domain.client_entry import Questionnaire
from ipt_desktop.services import clients, handover
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.handover import CLIENT_NAME, EARLIER_NOTE, stock
from tests.helpers.shell import when_modal
from ui.app.main_window import MainWindow
from ui.handover import HandoverView

ALL = [q.value for q in (Questionnaire.MOOD, Questionnaire.PHQ9, Questionnaire.GAD7)]
SLOW_MS = 30_000


@pytest.fixture
def ids(vault: Vault) -> tuple[str, str, str]:
    return stock(vault)


@pytest.fixture
def handed(window: MainWindow, ids, qtbot: QtBot) -> Iterator[HandoverView]:
    """The therapist opens today's session and hands the laptop over (all questionnaires)."""
    client_id, _earlier, today = ids
    window.workArea.reload()
    assert window.workArea.switchTo(client_id)
    workspace = window.workArea.workspace
    workspace.openSession(today)
    editor = workspace.sessions.editor
    assert editor.sessionId() == today
    workspace.dialogs.chooseHandoverMeasures = lambda: list(ALL)  # the therapist's choice
    qtbot.keyClick(
        editor,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(window.handover.isActive, timeout=5000)
    view = window.handover.view()
    assert view is not None
    return view


def visible_texts(root: QWidget) -> list[str]:
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        texts.append(widget.accessibleName())
        texts.append(widget.accessibleDescription())
    return texts


def walk_focus(view: HandoverView, window: MainWindow) -> list[QWidget]:
    """Tab through everything that takes the focus; each must belong to the hand-over view."""
    seen: list[QWidget] = []
    for _ in range(60):
        widget = QApplication.focusWidget()
        assert widget is not None
        assert view.isAncestorOf(widget), f"focus reached {type(widget).__name__} outside"
        if widget in seen:
            break
        seen.append(widget)
        window.focusNextChild()
    return seen


def answer_current(qtbot: QtBot, view: HandoverView, value: int) -> None:
    [button] = [b for b in view.item.choices.buttons() if b.objectName() == f"choice{value}"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.item.next, Qt.MouseButton.LeftButton)


def unlock(qtbot: QtBot, window: MainWindow) -> None:
    window.unlockScreen.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(window.unlockScreen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.isShowingUnlock(), timeout=SLOW_MS)


def assert_locked(window: MainWindow, vault: Vault) -> None:
    assert not vault.is_unlocked
    assert window.isShowingUnlock()
    assert not window.handover.isActive()
    assert not window.isFullScreen()
    assert window.findChild(HandoverView) is None or not window.findChild(HandoverView).isVisible()


def test_nothing_of_the_record_is_reachable(handed: HandoverView, window: MainWindow, qtbot):
    view = handed
    assert window.isFullScreen()
    assert not window.menuBar().isVisible() and not window.toolBar.isVisible()
    assert not window.statusBar().isVisible()
    assert not window.workArea.isVisible()
    assert all(not a.isEnabled() for a in window.actions_.findChildren(type(window.actions_.lock)))
    pages = {}
    pages["welcome"] = walk_focus(view, window)
    qtbot.mouseClick(view.welcome.start, Qt.MouseButton.LeftButton)
    pages["mood"] = walk_focus(view, window)
    assert len(view.item.choices.buttons()) == 11
    answer_current(qtbot, view, 6)
    pages["phq9"] = walk_focus(view, window)
    # The answers are one group, as radio buttons are: Tab enters it, arrow keys move in it;
    # Next is off until an answer is chosen.
    first = view.item.choices.buttons()[0]
    assert first in pages["phq9"] and view.item.back in pages["phq9"]
    assert view.item.next not in pages["phq9"] and not view.item.next.isEnabled()
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is view.item.choices.buttons()[1]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert view.item.choices.value() == 1
    pages["phq9 answered"] = walk_focus(view, window)
    assert view.item.next in pages["phq9 answered"]
    for page, widgets in pages.items():
        assert widgets, page
        for widget in widgets:
            assert widget.accessibleName(), f"{type(widget).__name__} on {page} has no name"
    # The client never sees the record: no name, no note, no earlier answers.
    shown = " ".join(visible_texts(window))
    assert CLIENT_NAME not in shown and EARLIER_NOTE not in shown
    assert "Nearly every day" in shown  # a choice, offered to answer
    view.showSummary()
    summary = " ".join(visible_texts(view.summary))
    assert "Nearly every day" not in summary  # nothing answered "3": the earlier item 8 was
    assert "→ 6" in summary and "→ Several days" in summary
    assert summary.count("Not answered yet") == 2 * 15  # shown, and said by the screen reader
    walk_focus(view, window)
    # Ctrl+N (new client) and Ctrl+S do nothing: every window action is off.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.activeModalWidget() is None and window.handover.isActive()


def test_escape_locks(handed, window, vault, qtbot):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert_locked(window, vault)
    assert "Escape" in window.unlockScreen.status.text()


def test_closing_the_window_locks_instead(handed, window, vault, qtbot):
    assert not window.close()
    assert window.isVisible()
    assert_locked(window, vault)


def test_the_idle_timer_locks(handed, window, vault, qtbot):
    window.lockController.setIdleTimeoutMs(300)
    qtbot.waitUntil(lambda: not vault.is_unlocked, timeout=5000)
    assert_locked(window, vault)
    window.lockController.setIdleTimeoutMs(10 * 60_000)


def test_a_second_window_locks(handed, window, vault, qtbot):
    other = QWidget()
    other.setWindowTitle("another program")
    other.show()
    other.activateWindow()
    other.windowHandle().requestActivate()
    try:
        qtbot.waitUntil(lambda: not vault.is_unlocked, timeout=5000)
        assert_locked(window, vault)
    finally:
        other.close()
        other.deleteLater()


def test_answers_land_in_the_session_and_item9_prompts_first(
    handed: HandoverView, window: MainWindow, vault: Vault, ids, qtbot
):
    client_id, _earlier, today = ids
    view = handed
    qtbot.mouseClick(view.welcome.start, Qt.MouseButton.LeftButton)
    answer_current(qtbot, view, 7)  # mood
    phq9 = [1, 1, 0, 2, 0, 1, 0, 0, 1]  # item 9 answered "Several days"
    for n, value in enumerate(phq9):
        if n == 8:  # item 9 by keyboard: the digit chooses, Return goes on
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
            assert view.item.choices.value() == 1
            qtbot.keyClick(view.item.next, Qt.Key.Key_Space)
        else:
            answer_current(qtbot, view, value)
        # Sealed after every item: the draft has every answer so far.
        kept = handover.load_progress(vault, today)
        assert kept is not None and kept.answered_count() == 2 + n
    assert view.currentPage() is view.support
    contacts = view.support.contacts.text()
    assert contacts  # the practice's details (or the fallback line)
    qtbot.mouseClick(view.support.proceed, Qt.MouseButton.LeftButton)
    gad7 = [0, 1, 0, 0, 1, 0, 0]
    for value in gad7:
        answer_current(qtbot, view, value)
    assert view.currentPage() is view.summary
    assert view.summary.done.isEnabled()
    qtbot.mouseClick(view.summary.done, Qt.MouseButton.LeftButton)
    assert view.currentPage() is view.thanks
    qtbot.mouseClick(view.thanks.hand_back, Qt.MouseButton.LeftButton)
    assert_locked(window, vault)
    seen: dict[str, object] = {}

    def risk_prompt(box: QWidget) -> None:
        seen["dialog"] = box.objectName()
        seen["work_area_shown"] = window.workArea.isVisible()
        seen["text"] = " ".join(visible_texts(box))
        box.accept() if hasattr(box, "accept") else box.close()

    when_modal(risk_prompt)
    unlock(qtbot, window)
    assert seen["dialog"] == "handoverRiskPrompt"
    assert seen["work_area_shown"] is False  # before anything of the record
    assert "Several days" in str(seen["text"])
    stored = {s.id: s for s in clients.read_record(vault, client_id).sessions}[today]
    assert stored.mood == 7 and stored.phq9 == tuple(phq9) and stored.gad7 == tuple(gad7)
    assert stored.client_entry is not None
    assert stored.client_entry.measures == (
        Questionnaire.MOOD,
        Questionnaire.PHQ9,
        Questionnaire.GAD7,
    )
    assert stored.client_entry.started_at <= stored.client_entry.completed_at
    assert handover.load_progress(vault, today) is None
    editor = window.workArea.workspace.sessions.editor
    assert editor.sessionId() == today
    risk = editor.form.risk_field
    focused = window.focusWidget()  # the window's focus (the prompt may have left it inactive)
    assert focused is risk or risk.isAncestorOf(focused), type(focused).__name__
    assert editor.risk_banner.isVisible() and editor.client_banner.isVisible()
    assert "Client-rated: Mood, PHQ-9, GAD-7" in " ".join(visible_texts(editor.client_banner))
    assert "client-rated" in window.statusBar().currentMessage()


def test_switching_to_another_application_locks(handed, window, vault, qtbot):
    """Alt+Tab: the platform reports the application inactive (as the offscreen plugin
    cannot switch applications, the signal the platform sends is sent here)."""
    app = QApplication.instance()
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert_locked(window, vault)


def test_resuming_shows_only_this_sessions_unfinished_answers(window, vault, ids, qtbot):
    client_id, earlier, today = ids
    window.workArea.reload()
    assert window.handover.start(client_id, today, (Questionnaire.PHQ9,)) == ""
    view = window.handover.view()
    qtbot.mouseClick(view.welcome.start, Qt.MouseButton.LeftButton)
    answer_current(qtbot, view, 2)
    answer_current(qtbot, view, 3)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert_locked(window, vault)
    unlock(qtbot, window)
    assert "Unfinished PHQ-9 kept" in window.statusBar().currentMessage()
    # A hand-over of the signed earlier session is refused; today's resumes at item 3.
    assert "signed" in window.handover.start(client_id, earlier, (Questionnaire.PHQ9,))
    assert window.handover.start(client_id, today, (Questionnaire.PHQ9,)) == ""
    view = window.handover.view()
    qtbot.mouseClick(view.welcome.start, Qt.MouseButton.LeftButton)
    assert view.item.position.text() == "PHQ-9, question 3 of 9"
    view.showSummary()
    summary = " ".join(visible_texts(view.summary))
    assert "→ More than half the days" in summary and "→ Nearly every day" in summary
    assert summary.count("Not answered yet") == 2 * 7
    qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Escape)
    assert_locked(window, vault)
