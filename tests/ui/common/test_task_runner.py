"""The task runner keeps the window alive: work runs on a pool thread, outcomes come back
on the GUI thread, errors are delivered (not lost), cancelled outcomes never arrive."""

import threading
import time

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ipt_desktop.vault.errors import WrongPassphraseError
from ui.common.busy_indicator import BusyIndicator
from ui.common.task_runner import TaskRunner


def test_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    gui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["on_gui"] = QThread.currentThread() is gui_thread

    with qtbot.waitSignal(runner.busyChanged, check_params_cb=lambda busy: not busy):
        runner.run(work, done, label="Counting…")
    assert seen["value"] == 42
    assert seen["on_gui"] is True
    assert seen["worker"] != threading.get_ident()
    assert not runner.isBusy()


def test_error_is_delivered_to_on_error(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def work() -> None:
        raise WrongPassphraseError("That passphrase is not correct.")

    with qtbot.waitSignal(runner.busyChanged, check_params_cb=lambda busy: not busy):
        runner.run(work, lambda _r: None, errors.append)
    assert len(errors) == 1
    assert isinstance(errors[0], WrongPassphraseError)


def test_cancelled_outcome_never_arrives(qtbot: QtBot) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    results: list[str] = []
    task = runner.run(lambda: gate.wait(5) and "secret", results.append)
    assert runner.isBusy()
    runner.cancelAll()
    assert not runner.isBusy()  # the lock screen shows no spinner for discarded work
    gate.set()
    assert runner.waitForDone(5000)
    qtbot.wait(50)
    assert results == []
    assert not runner.isRunning(task)


def test_gui_thread_stays_responsive_while_work_runs(qtbot: QtBot) -> None:
    runner = TaskRunner()
    results: list[str] = []
    runner.run(lambda: time.sleep(0.4) or "done", results.append)
    started = time.perf_counter()
    ticks = 0
    while not results and time.perf_counter() - started < 5:
        qtbot.wait(20)
        ticks += 1
    assert results == ["done"]
    assert ticks >= 5  # the event loop kept turning


@pytest.mark.parametrize("label", ["Unlocking…", "Searching notes…"])
def test_busy_indicator_follows_the_runner(qtbot: QtBot, label: str) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    runner = TaskRunner(host)
    indicator = BusyIndicator(runner, host)
    host.show()
    assert not indicator.isVisible()
    gate = threading.Event()
    runner.run(lambda: gate.wait(5), label=label)
    assert indicator.isVisible()
    assert indicator.text() == label
    with qtbot.waitSignal(runner.busyChanged):
        gate.set()
    assert not indicator.isVisible()
