"""Run crash_worker.py as a child process and read its lines with a deadline."""

import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from tests.helpers import REPO

WORKER = Path(__file__).resolve().parent / "crash_worker.py"


class WorkerProcess:
    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.live_pids: set[int] = set()  # forked workers not yet known to be dead
        self.pump = threading.Thread(target=self._pump, daemon=True)
        self.pump.start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def next_line(self, timeout: float = 30.0) -> list[str]:
        """The next line split into words; AssertionError when the child went quiet."""
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("the worker process stopped talking") from None
        if line is None:
            stderr = self.proc.stderr.read() if self.proc.stderr else ""
            raise AssertionError(f"the worker process ended early: {stderr[-2000:]}")
        words = line.split()
        if words and words[0] == "WORKER":
            self.live_pids.add(int(words[1]))
        return words

    def kill_worker(self, pid: int) -> None:
        os.kill(pid, signal.SIGKILL)
        self.live_pids.discard(pid)


@contextmanager
def worker_process(*args: str, recovery_key: str, data_dir: Path) -> Iterator[WorkerProcess]:
    env = {
        "PYTHONPATH": str(REPO),
        "PATH": os.environ.get("PATH", ""),
        "CRASH_RECOVERY_KEY": recovery_key,
        "IPT_DESKTOP_DATA_DIR": str(data_dir),
    }
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    worker = WorkerProcess(proc)
    try:
        yield worker
    finally:
        for pid in worker.live_pids:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        worker.pump.join(timeout=30)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
