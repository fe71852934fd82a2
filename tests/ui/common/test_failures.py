"""A failing task whose exception text and locals hold a passphrase: the passphrase never
reaches what the therapist sees, the log or stderr, and no worker frame outlives the failure.
"""

import logging
import sys
import threading

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.helpers import PASSPHRASE
from ui.common import failures
from ui.common.task_runner import TaskRunner, run_task

UNEXPECTED = "Something went wrong; nothing was saved."


def leaky_work() -> None:
    passphrase = PASSPHRASE  # a local of the worker's frame
    try:
        raise ValueError(f"the passphrase {passphrase} did not fit")
    except ValueError:
        # chained: the context holds the secret as well
        raise RuntimeError(f"could not unlock with {passphrase!r}") from None


@pytest.fixture
def runner(qtbot: QtBot) -> TaskRunner:
    made = TaskRunner()
    yield made
    made.waitForDone(10_000)


def test_a_failing_task_shows_and_logs_no_secret(
    qtbot: QtBot, runner: TaskRunner, capfd: pytest.CaptureFixture[str], caplog
):
    caplog.set_level(logging.DEBUG)
    shown = QLabel()
    qtbot.addWidget(shown)
    errors: list[BaseException] = []

    def on_error(exc: BaseException) -> None:
        errors.append(exc)
        shown.setText(failures.failure_text(exc, UNEXPECTED))

    run_task(leaky_work, lambda _r: None, on_error, runner=runner)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    (exc,) = errors
    assert exc.__traceback__ is None  # no frame, so no local, is reachable from it
    assert exc.__context__ is None and exc.__cause__ is None
    assert shown.text() == UNEXPECTED
    out, err = capfd.readouterr()
    assert PASSPHRASE not in out + err
    assert PASSPHRASE not in caplog.text
    # The bug was reported all the same: its type and where it was raised.
    assert "RuntimeError" in caplog.text
    assert "test_failures.py" in caplog.text and "leaky_work" in caplog.text


def test_a_task_without_on_error_is_reported_without_its_text(
    qtbot: QtBot, runner: TaskRunner, capfd: pytest.CaptureFixture[str], caplog
):
    caplog.set_level(logging.DEBUG)
    run_task(leaky_work, lambda _r: None, runner=runner)
    qtbot.waitUntil(lambda: "RuntimeError" in caplog.text, timeout=10_000)
    out, err = capfd.readouterr()
    assert PASSPHRASE not in out + err + caplog.text


def test_the_excepthook_reports_uncaught_errors_without_their_text(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(failures.LOG, "handlers", [])
    failures.install_excepthook()
    try:
        leaky_work()
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    thread = threading.Thread(target=leaky_work)
    thread.start()
    thread.join()
    _out, err = capfd.readouterr()
    assert PASSPHRASE not in err
    assert err.count("ipt-desktop: Unexpected builtins.RuntimeError at ") == 2


def test_the_project_s_own_errors_say_what_they_mean():
    from ipt_desktop.vault.errors import VaultError

    assert failures.failure_text(VaultError("The vault is locked."), UNEXPECTED) == (
        "The vault is locked."
    )
