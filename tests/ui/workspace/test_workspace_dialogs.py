"""The workspace's real questions: answered, or rejected from outside (as the shell does on
auto-lock), they never block and a rejection always means "no"."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ui.workspace.workspace_dialogs import WorkspaceDialogs


def _answer_later(action: str) -> None:
    def act() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        if action == "reject":
            box.reject()  # what the shell does to every dialog on lock
            return
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
                button.click()

    QTimer.singleShot(0, act)


def test_accepting_says_yes_and_a_rejection_says_no(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs = WorkspaceDialogs(parent)
    _answer_later("accept")
    assert dialogs.confirmSign("Session 3 of 12, 20 Jan 2025") is True
    _answer_later("reject")
    assert dialogs.confirmSign("Session 3 of 12, 20 Jan 2025") is False
    _answer_later("reject")
    assert dialogs.confirmDelete("A fictional note") is False
    _answer_later("reject")
    assert dialogs.leaveWithProblems("Sessions: the date is not real") is False
    _answer_later("accept")
    assert dialogs.leaveWithProblems("Sessions: the date is not real") is True
