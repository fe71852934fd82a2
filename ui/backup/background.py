"""Backup work off the UI thread, with progress: one worker thread for every backup job.

``start_job(work, on_result, on_error, on_progress)`` runs ``work(progress)`` on this
module's own ``TaskRunner`` (``ui.common.task_runner``, the one way the ui runs background
work) with a single thread, so two backups (a manual one and the daily automatic one) or a
backup and a restore never run at the same time. ``progress(stage, done, total)`` is the
services' ``BackupProgress``: called on the worker thread, it emits a signal that Qt queues
to the GUI thread. Results and errors arrive on the GUI thread the same way; failures come
scrubbed, like every task's (``ui.common.failures``).

Why a runner of its own: the window's runner drops outcomes when the app locks (right for
anything decrypted), but a restore must always finish its job (reopen the vault) even if the
dialog that started it was closed by a lock; nothing cancels this one. A job belongs to a
long-lived object, not to a dialog; connect the callbacks to a dialog's bound methods and Qt
drops them if the dialog is deleted first. ``wait_for_backup_work`` is for the end of the
process.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ipt_desktop.services.backup_file import BackupProgress, BackupStage
from ui.common.task_runner import TaskRunner, app_runner, existing_app_runner

ProgressSlot = Callable[[str, int, int], None]
Work = Callable[[BackupProgress], Any]


class BackgroundJob(QObject):
    """One running job. Lives on the GUI thread; deleted once its outcome is delivered."""

    progressed = Signal(str, int, int)  # BackupStage value, done, total
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def report(self, stage: BackupStage, done: int, total: int) -> None:
        """The ``BackupProgress`` callback handed to the services (worker thread)."""
        self.progressed.emit(str(stage.value), int(done), int(total))


_RUNNER = "backup"


def _runner() -> TaskRunner:
    return app_runner(_RUNNER, max_threads=1)


def start_job(
    work: Work,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: ProgressSlot | None = None,
) -> BackgroundJob:
    """Queue ``work(progress)`` on the backup worker; callbacks run on the GUI thread.

    The callbacks are connected before the work starts, so none of its signals is lost."""
    runner = _runner()
    job = BackgroundJob(runner)
    if on_progress is not None:
        job.progressed.connect(on_progress)
    if on_result is not None:
        job.succeeded.connect(on_result)
    if on_error is not None:
        job.failed.connect(on_error)
    # Connected last: the job goes only after every callback has had its outcome.
    job.succeeded.connect(job.deleteLater)
    job.failed.connect(job.deleteLater)
    runner.run(lambda: work(job.report), job.succeeded.emit, job.failed.emit)
    return job


def job_owner() -> QObject:
    """The long-lived object (a child of the application) that owns running jobs: a flow
    that must finish its work even if its dialog goes away re-parents itself here."""
    return _runner()


def backup_work_running() -> bool:
    runner = existing_app_runner(_RUNNER)
    return runner is not None and runner.isWorking()


def wait_for_backup_work(msecs: int = -1) -> bool:
    """Block until no backup job runs (at quit, before the vault closes; in tests)."""
    runner = existing_app_runner(_RUNNER)
    return True if runner is None else runner.waitForDone(msecs)
