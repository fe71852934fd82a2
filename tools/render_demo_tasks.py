"""Render each demo client's overview (with its IPT tasks card) offscreen to PNG.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tools/render_demo_tasks.py [OUT_DIR]

The fictional demo practice in a throwaway vault: for every demo client the main window on
the overview at 1024x700 and 1280x800, and the tasks card alone. Default OUT_DIR:
/work/shots/h19b.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from ipt_desktop.services import clients  # noqa: E402
from ui.app.demo_vault import DemoVault  # noqa: E402
from ui.app.main_window import MainWindow  # noqa: E402
from ui.common.app_settings import AppSettings, use_throwaway_settings  # noqa: E402
from ui.common.task_runner import TaskRunner  # noqa: E402
from ui.common.theme import apply_theme, configure_before_app  # noqa: E402

DEFAULT_OUT = Path("/work/shots/h19b")
SIZES = ((1024, 700), (1280, 800))


def settle(ms: int = 80) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def save(widget: QWidget, out: Path, name: str) -> None:
    settle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    use_throwaway_settings()  # before any window: the real settings stay untouched
    configure_before_app()
    app = QApplication(["render_demo_tasks"])
    apply_theme(app)
    folder = Path(tempfile.mkdtemp(prefix="ipt-render-demo-tasks-"))
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    runner = TaskRunner()
    demo = DemoVault.create()
    try:
        window = MainWindow(demo.vault, runner, settings, demo_passphrase=demo.passphrase)
        window.show()
        for n, summary in enumerate(clients.list_summaries(demo.vault), 1):
            for width, height in SIZES:
                window.resize(width, height)
                window.workArea.switchTo(summary.client_id)
                workspace = window.workArea.workspace
                workspace.setCurrentTab("overview")
                save(window, out, f"demo{n}_overview_{width}x{height}")
            save(workspace.overview.task_card, out, f"demo{n}_tasks_card")
        window.close()
        runner.waitForDone(30_000)
    finally:
        demo.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
