"""Backup jobs run on the ui's one task runner, on a single thread of their own: never two
at once, progress before the outcome, and a failure arrives scrubbed of its frames."""

import threading
import time

from pytestqt.qtbot import QtBot

from ipt_desktop.services.backup_file import BackupProgress, BackupStage
from tests.helpers import PASSPHRASE
from ui.backup.background import start_job, wait_for_backup_work


def test_two_jobs_never_overlap_and_progress_comes_first(qtbot: QtBot):
    running, most = [0], [0]
    lock = threading.Lock()
    seen: list[str] = []

    def work(progress: BackupProgress) -> str:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        progress(BackupStage.WRITE, 1, 2)
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return "done"

    for _ in range(3):
        start_job(
            work,
            lambda result: seen.append(result),
            None,
            lambda stage, done, total: seen.append(f"{stage} {done}/{total}"),
        )
    qtbot.waitUntil(lambda: seen.count("done") == 3, timeout=10_000)
    assert most[0] == 1
    assert seen[:2] == [f"{BackupStage.WRITE.value} 1/2", "done"]


def test_a_failed_job_arrives_without_the_passphrase_s_frames(qtbot: QtBot):
    errors: list[BaseException] = []

    def work(_progress: BackupProgress) -> str:
        secret = PASSPHRASE  # a local of the worker's frame
        raise RuntimeError(f"backup failed for {secret}")

    start_job(work, None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert wait_for_backup_work(10_000)
    (error,) = errors
    assert error.__traceback__ is None
    assert error.__context__ is None
