"""Render the client list's note search offscreen: while the index is still being built
(the scan answers) and once it answers, with a query that finds more than a page.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tools/render_search.py [OUT_DIR]
"""

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from render_views import ROOT, save, settle, wait_until

from ipt_desktop.services import client_search
from ui.app.demo_vault import DemoVault
from ui.app.main_window import MainWindow
from ui.common.app_settings import AppSettings, use_throwaway_settings
from ui.common.task_runner import TaskRunner
from ui.common.theme import apply_theme, configure_before_app

DEFAULT_OUT = ROOT / "screenshots" / "search"


def main(argv: list[str]) -> int:
    use_throwaway_settings()  # before any window: the real settings stay untouched
    out = Path(argv[0]) if argv else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    configure_before_app()
    app = QApplication(["render_search"])
    apply_theme(app)
    folder = Path(tempfile.mkdtemp(prefix="ipt-render-"))
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    runner = TaskRunner()
    demo = DemoVault.create()
    try:
        window = MainWindow(demo.vault, runner, settings, demo_passphrase=demo.passphrase)
        window.show()
        panel = window.workArea.panel
        wait_until(lambda: client_search.index_is_ready(demo.vault))
        settle(300)
        for width, height in ((1280, 800), (1024, 700)):
            window.resize(width, height)
            # As just after an unlock: no index yet, the scan answers (and no rebuild is
            # asked for, so the moment stays on screen).
            panel.indexMissing.disconnect(window.workArea._build_index)
            client_search.forget_index(demo.vault)
            panel.setIndexReady(False)
            panel.search.setText("sister")
            wait_until(lambda: not panel.searchPending())
            save(window, out, f"search_scan_{width}x{height}")
            panel.search.clear()
            panel.indexMissing.connect(window.workArea._build_index)
            assert client_search.build_index(demo.vault)
            panel.indexBuilt()
            for query in ("sister", "the"):
                panel.search.setText(query)
                wait_until(lambda: not panel.searchPending())
                save(window, out, f"search_index_{query}_{width}x{height}")
                panel.search.clear()
        window.close()
        runner.waitForDone(30_000)
    finally:
        demo.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
