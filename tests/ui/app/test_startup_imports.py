"""Start-up stays light: what the unlock screen does not need is not imported before it shows.

Most of the start to the unlock window is spent importing; reportlab, pypdf, Pillow, Alembic
(when the schema is current), the graduation dialog and the first-run wizard are loaded only
when they are used. (Issue 8's start budget: 1.5 s frozen.)"""

import os
import subprocess
import sys

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.vault.vault import Vault
from tests.helpers import REPO

HEAVY = ("reportlab", "pypdf", "PIL", "alembic", "ui.graduation", "ui.app.first_run_wizard")

PROBE = """
import atexit, runpy, sys
heavy = sys.argv[2:]
atexit.register(lambda: print("LOADED", [m for m in heavy if m in sys.modules], flush=True))
sys.argv = ["ipt-desktop", "--vault", sys.argv[1]]
runpy.run_module("ui", run_name="__main__")
"""


def test_unlock_window_shows_without_the_heavy_modules(tmp_path):
    Vault.create(tmp_path / "v", "candle river orbit maple", kdf=floor_params())[0].close()
    env = dict(
        os.environ,
        PYTHONPATH=str(REPO),
        QT_QPA_PLATFORM="offscreen",
        IPT_DESKTOP_EXIT_WHEN_SHOWN="1",
        IPT_DESKTOP_DATA_DIR=str(tmp_path / "data"),
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "v"), *HEAVY],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert "first window shown" in result.stdout, result.stdout + result.stderr
    assert "LOADED []" in result.stdout, result.stdout
