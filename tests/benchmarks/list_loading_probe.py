"""The client list in the window after an unlock (issue 16): first screen, the whole list,
and how long the event loop stalls while the rest loads.

    python -m tests.benchmarks.list_loading_probe PRACTICE_DIR

A fresh process starts an offscreen QApplication, shows the application's WorkArea at
1280x800, unlocks the practice (the key derivation timed inside the real unlock) and calls
``WorkArea.reload`` as the shell does after an unlock: the first chunk on the GUI thread,
the rest in chunks on the TaskRunner. "first screen" runs from the end of the key
derivation to the list's first rows painted; "complete" to the last chunk inserted. A 5 ms
GUI-thread timer notes the longest gap beyond its interval after the first screen (while
the rest loads). Prints one JSON line:
{"first_screen_ms", "complete_ms", "max_stall_ms", "clients", "clear_ms", "ticks"}
("clear_ms": ``WorkArea.clearSensitive`` afterwards, as at a lock).
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

    from ipt_desktop.crypto.kdf import derive_key
    from ipt_desktop.services import unlock_session
    from ipt_desktop.services.unlock_secret import UnlockSecret
    from ipt_desktop.vault import keys as vault_keys_module
    from ipt_desktop.vault.vault import Vault
    from ui.app.work_area import WorkArea
    from ui.common.task_runner import TaskRunner

    from .synthetic_vault import PASSPHRASE, VAULT_DIR
    from .timing import Stopwatch, unlock_work_ended

    app = QApplication.instance() or QApplication([])
    kdf = Stopwatch()
    setattr(vault_keys_module, "derive_key", kdf.wrap(derive_key))  # noqa: B010
    check = Stopwatch()  # the quick check beside the key derivation
    unlock_session.database_problems = check.wrap(  # type: ignore[assignment]
        unlock_session.database_problems
    )
    vault = Vault.open(Path(argv[0]) / VAULT_DIR)
    runner = TaskRunner()
    area = WorkArea(vault, runner)
    area.resize(1280, 800)
    area.show()
    app.processEvents()
    try:
        unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE))
        waited = unlock_work_ended(kdf, check)
        area.reload()
        area.panel.view.viewport().repaint()  # the first rows painted
        shown = time.perf_counter()
        gaps: list[float] = []
        last = [shown]
        done: list[float] = []

        def tick() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000 - TICK_MS)
            last[0] = now
            if not area.isLoading() and not done:
                done.append(now)
                app.quit()

        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        timer.start()
        if area.isLoading():
            app.exec()
        else:
            done.append(shown)
        timer.stop()
        clients = area.panel.model.rowCount() + len(area.damaged.damaged())
        cleared = time.perf_counter()
        area.clearSensitive()  # as at a lock: the names dropped, a garbage collection
        cleared = time.perf_counter() - cleared
        runner.cancelAll()
        runner.waitForDone()
    finally:
        vault.close()
    print(json.dumps({
        "first_screen_ms": round((shown - waited) * 1000, 1),
        "complete_ms": round((done[0] - waited) * 1000, 1),
        "max_stall_ms": round(max(gaps, default=0.0), 1),
        "clients": clients,
        "clear_ms": round(cleared * 1000, 1),
        "ticks": len(gaps),
    }))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
