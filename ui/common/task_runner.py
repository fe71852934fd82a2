"""Run work off the UI thread; the result or the error comes back on the main thread.

A long call (Argon2 at unlock, KDF calibration at vault creation, a search over every note,
a backup, a PDF) must never freeze the window. ``TaskRunner.run`` hands a plain callable to
its own ``QThreadPool`` and calls ``on_result`` or ``on_error`` later, on the thread the
runner lives on (the GUI thread), through a queued signal. While any task is pending the
runner reports itself busy, with the label of the newest task, for a ``BusyIndicator``.

Work cannot be interrupted half-way (a key derivation has no cancel point), but its outcome
can be dropped: ``cancelAll()`` (used when the app locks) makes sure nothing decrypted
arrives in a widget after the keys were dropped.

A failure reaches ``on_error`` scrubbed (``failures.scrub``): no traceback, no context, so
no worker frame, and none of the passphrase it held, outlives it. Without ``on_error`` it
goes to ``failures.report_unexpected`` (type and places only).

Usage::

    runner.run(lambda: vault.unlock(text), on_result=self._unlocked,
               on_error=self._failed, label="Unlocking…")

or, Picard-style, on the application's shared runner::

    run_task(work, on_done, on_error, label="Saving…")
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from .failures import report_unexpected, scrub

T = TypeVar("T")

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


@dataclass
class _Pending:
    label: str
    on_result: ResultCallback | None
    on_error: ErrorCallback | None
    runnable: "_Job"
    cancelled: bool = False


class _Job(QRunnable):
    """Calls ``work`` on a pool thread and reports through the runner's private signals."""

    def __init__(self, runner: "TaskRunner", task_id: int, work: Callable[[], Any]) -> None:
        super().__init__()
        # The runner keeps this object alive until its outcome is delivered; the pool
        # must not delete it behind Python's back.
        self.setAutoDelete(False)
        self._runner = runner
        self._task_id = task_id
        self._work: Callable[[], Any] | None = work

    def run(self) -> None:
        work, self._work = self._work, None
        assert work is not None
        try:
            result = work()
        except BaseException as exc:  # delivered to on_error on the GUI thread
            self._runner._failed.emit(self._task_id, scrub(exc))
        else:
            self._runner._finished.emit(self._task_id, result)


class TaskRunner(QObject):
    """Runs callables on a private thread pool; outcomes are delivered on the GUI thread."""

    busyChanged = Signal(bool)
    busyLabelChanged = Signal(str)
    # Emitted from pool threads; the runner lives on the GUI thread, so delivery is queued.
    _finished = Signal(int, object)
    _failed = Signal(int, object)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._pending: dict[int, _Pending] = {}
        self._next_id = 1
        self._busy = False
        self._finished.connect(self._deliver_result)
        self._failed.connect(self._deliver_error)

    # -- public API -------------------------------------------------------------------
    def run(
        self,
        work: Callable[[], T],
        on_result: Callable[[T], None] | None = None,
        on_error: ErrorCallback | None = None,
        *,
        label: str = "Working…",
    ) -> int:
        """Start ``work`` on a pool thread; returns a task id for ``cancel``.

        ``on_error`` receives the exception (scrubbed); without one it is reported as a bug
        (``failures.report_unexpected``: a programming error must not vanish silently).
        """
        task_id = self._next_id
        self._next_id += 1
        job = _Job(self, task_id, work)
        self._pending[task_id] = _Pending(label, on_result, on_error, job)
        self._update_busy()
        self._pool.start(job)
        return task_id

    def cancel(self, task_id: int) -> None:
        """Drop the outcome of one task (the work itself still runs to its end)."""
        pending = self._pending.get(task_id)
        if pending is not None:
            pending.cancelled = True
            self._update_busy()

    def cancelAll(self) -> None:
        for pending in self._pending.values():
            pending.cancelled = True
        self._update_busy()

    def isBusy(self) -> bool:
        return self._busy

    def busyLabel(self) -> str:
        live = [p.label for p in self._pending.values() if not p.cancelled]
        return live[-1] if live else ""

    def isRunning(self, task_id: int) -> bool:
        pending = self._pending.get(task_id)
        return pending is not None and not pending.cancelled

    def isWorking(self) -> bool:
        """Whether work is running on a pool thread now (outcomes may still be on the way)."""
        return self._pool.activeThreadCount() > 0

    def waitForDone(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (tests, shutdown). Outcomes still arrive by event."""
        return self._pool.waitForDone(msecs)

    # -- delivery (GUI thread) ----------------------------------------------------------
    def _take(self, task_id: int) -> _Pending | None:
        pending = self._pending.pop(task_id, None)
        self._update_busy()
        if pending is None or pending.cancelled:
            return None
        return pending

    def _deliver_result(self, task_id: int, result: object) -> None:
        pending = self._take(task_id)
        if pending is not None and pending.on_result is not None:
            pending.on_result(result)

    def _deliver_error(self, task_id: int, error: object) -> None:
        pending = self._take(task_id)
        if pending is None:
            return
        assert isinstance(error, BaseException)
        if pending.on_error is not None:
            pending.on_error(error)
        else:
            report_unexpected(error)

    def _update_busy(self) -> None:
        busy = any(not p.cancelled for p in self._pending.values())
        if busy:
            self.busyLabelChanged.emit(self.busyLabel())
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)


#: Runners that live as long as the application, by name ("shared", "backup"...).
_app_runners: dict[str, TaskRunner] = {}


def app_runner(name: str = "shared", *, max_threads: int = 2) -> TaskRunner:
    """The application's runner called ``name`` (made on first use, a child of the
    application), for work that has no window's runner at hand or must outlive windows."""
    runner = _app_runners.get(name)
    if runner is None:
        runner = TaskRunner(QCoreApplication.instance(), max_threads=max_threads)
        runner.setObjectName(f"{name}TaskRunner")
        runner.destroyed.connect(lambda: _app_runners.pop(name, None))
        _app_runners[name] = runner
    return runner


def existing_app_runner(name: str) -> TaskRunner | None:
    """``app_runner(name)`` if it was made already (never makes one)."""
    return _app_runners.get(name)


def shared_runner() -> TaskRunner:
    """The application's shared runner (``app_runner()``)."""
    return app_runner()


def run_task(
    work: Callable[[], T],
    on_done: Callable[[T], None] | None = None,
    on_error: ErrorCallback | None = None,
    *,
    label: str = "Working…",
    runner: TaskRunner | None = None,
) -> int:
    """Run ``work`` off the UI thread; ``on_done(result)`` or ``on_error(exc)`` follow on the
    GUI thread (``runner``, or the application's shared one). Returns the task id."""
    return (runner or shared_runner()).run(work, on_done, on_error, label=label)
