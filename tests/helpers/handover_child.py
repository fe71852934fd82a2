"""A child process for the kill -9 test: the real window in hand-over mode, answering.

    handover_child.py VAULT CLIENT_ID SESSION_ID SETTINGS.ini

Unlocks with the passphrase from IPT_DESKTOP_PASSPHRASE, starts hand-over mode on the
session, and answers one item after the other through the real buttons, printing
``ANSWERED <n> <value>`` after each answer's click has returned (by then the answer is
sealed: the view seals on the click, synchronously). It goes on until it is killed.
"""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from ipt_desktop.domain.client_entry import Questionnaire
from ipt_desktop.vault.vault import Vault
from ui.app.main_window import MainWindow
from ui.common.app_settings import AppSettings
from ui.common.task_runner import TaskRunner


def value_for(n: int) -> int:
    """The answer given to the n-th item (0: mood)."""
    return 5 if n == 0 else n % 4


def say(*words: object) -> None:
    os.write(1, (" ".join(str(w) for w in words) + "\n").encode("ascii"))


def main() -> None:
    root, client_id, session_id, settings_path = sys.argv[1:5]
    app = QApplication([])
    vault = Vault.open(root)
    vault.unlock(os.environ["IPT_DESKTOP_PASSPHRASE"])
    settings = AppSettings(QSettings(settings_path, QSettings.Format.IniFormat))
    window = MainWindow(vault, TaskRunner(), settings)
    window.show()
    app.processEvents()
    measures = (Questionnaire.MOOD, Questionnaire.PHQ9, Questionnaire.GAD7)
    problem = window.handover.start(client_id, session_id, measures)
    if problem:
        raise SystemExit(problem)
    view = window.handover.view()
    assert view is not None
    view.welcome.start.click()
    n = 0
    while True:
        if view.currentPage() is view.support:
            view.support.proceed.click()
        if view.currentPage() is not view.item:
            break
        value = value_for(n)
        [button] = [b for b in view.item.choices.buttons() if b.objectName() == f"choice{value}"]
        button.click()
        say("ANSWERED", n + 1, value)
        app.processEvents()
        view.item.next.click()
        app.processEvents()
        n += 1
    say("END", n)
    while True:  # wait to be killed
        app.processEvents()


if __name__ == "__main__":
    main()
