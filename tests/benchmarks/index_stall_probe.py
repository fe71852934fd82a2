"""How long the window's event loop stalls while the search index is built (issue 16).

    python -m tests.benchmarks.index_stall_probe PRACTICE_DIR

A fresh process unlocks the practice, starts an offscreen QApplication, and runs
``client_search.build_index`` on the application's own TaskRunner (a pool thread), as the
client list does after an unlock. Meanwhile a 5 ms timer on the GUI thread notes the
longest gap between two of its ticks beyond its interval: the longest time the window
could not have answered. Prints one JSON line: {"max_stall_ms", "build_ms", "ticks",
"worker_cpu_ms", "longest_full_gc_ms"}.

What the gap was made of, for a busy machine: "worker_cpu_ms" is the CPU time the build's
thread had during the longest gap (near the gap: the build held the interpreter; far
below it: the operating system ran neither thread, other programs had the cores), and
"longest_full_gc_ms" the longest full garbage collection during the build (it holds the
interpreter for its whole walk).
"""

import gc
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TICK_MS = 5


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ipt_desktop.services import client_search, unlock_session
    from ipt_desktop.services.unlock_secret import UnlockSecret
    from ipt_desktop.vault.vault import Vault
    from ui.common.task_runner import TaskRunner

    from .synthetic_vault import PASSPHRASE, VAULT_DIR

    app = QApplication.instance() or QApplication([])
    vault = Vault.open(Path(argv[0]) / VAULT_DIR)
    try:
        unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE))
        runner = TaskRunner()
        gaps: list[tuple[float, float]] = []  # (gap beyond the interval, build's CPU in it)
        last = [time.perf_counter(), 0.0]
        done: list[float] = []
        worker_clock: list[int] = []
        full_gc = _FullCollections()

        def worker_cpu() -> float:
            return time.clock_gettime(worker_clock[0]) if worker_clock else 0.0

        def build() -> bool:
            if hasattr(time, "pthread_getcpuclockid"):  # not on Windows
                worker_clock.append(time.pthread_getcpuclockid(threading.get_ident()))
            return client_search.build_index(vault)

        def tick() -> None:
            now, cpu = time.perf_counter(), worker_cpu()
            gaps.append(((now - last[0]) * 1000 - TICK_MS, (cpu - last[1]) * 1000))
            last[0], last[1] = now, cpu

        def built(_ready: bool) -> None:
            done.append((time.perf_counter() - started) * 1000)
            app.quit()

        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        timer.start()
        started = time.perf_counter()
        last[0] = started
        gc.callbacks.append(full_gc)
        runner.run(build, built, lambda exc: app.quit())
        app.exec()
        gc.callbacks.remove(full_gc)
        timer.stop()
        runner.waitForDone()
    finally:
        vault.close()
    if not done:
        raise SystemExit("the index was not built")
    stall, cpu = max(gaps)
    print(json.dumps({"max_stall_ms": round(stall, 1), "build_ms": round(done[0], 1),
                      "ticks": len(gaps), "worker_cpu_ms": round(cpu, 1),
                      "longest_full_gc_ms": round(full_gc.longest, 1)}))  # fmt: skip
    return 0


class _FullCollections:
    """A ``gc.callbacks`` entry noting the longest full (generation 2) collection."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._started: float | None = None

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        elif self._started is not None:
            self.longest = max(self.longest, (time.perf_counter() - self._started) * 1000)
            self._started = None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
