"""How long the window's event loop stalls while the search index is built (issue 16).

    python -m tests.benchmarks.index_stall_probe PRACTICE_DIR

A fresh process unlocks the practice, starts an offscreen QApplication, and runs
``client_search.build_index`` on the application's own TaskRunner (a pool thread), as the
client list does after an unlock. Meanwhile a 5 ms timer on the GUI thread notes the
longest gap between two of its ticks beyond its interval: the longest time the window
could not have answered. Prints one JSON line: {"max_stall_ms", "build_ms", "ticks"}.
"""

import json
import os
import sys
import time
from pathlib import Path

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
        gaps: list[float] = []
        last = [time.perf_counter()]
        done: list[float] = []

        def tick() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000 - TICK_MS)
            last[0] = now

        def built(_ready: bool) -> None:
            done.append((time.perf_counter() - started) * 1000)
            app.quit()

        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        timer.start()
        started = time.perf_counter()
        last[0] = started
        runner.run(lambda: client_search.build_index(vault), built, lambda exc: app.quit())
        app.exec()
        timer.stop()
        runner.waitForDone()
    finally:
        vault.close()
    if not done:
        raise SystemExit("the index was not built")
    print(json.dumps({"max_stall_ms": round(max(gaps), 1), "build_ms": round(done[0], 1),
                      "ticks": len(gaps)}))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
