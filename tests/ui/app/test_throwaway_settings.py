"""Issue 13, item 7: the render tools never write the real user's settings.

A child process with its own HOME / XDG_CONFIG_HOME (standing for the real user's) does
what a render tool does: ``use_throwaway_settings()``, then writes window geometry through
``AppSettings()`` and Qt's own ``QSettings``. The real settings folder stays empty. Every
render tool that uses Qt calls ``use_throwaway_settings()`` before its first window.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
TOOL_LIKE = """
import sys
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QApplication
from ui.common.app_settings import APPLICATION, ORGANIZATION, AppSettings, use_throwaway_settings
if sys.argv[1] == "throwaway":
    folder = use_throwaway_settings()
app = QApplication([])
settings = AppSettings()
settings.saveWindow(QByteArray(b"geometry"), QByteArray(b"state"), QByteArray(b"split"))
settings.store.sync()
plain = QSettings(ORGANIZATION, APPLICATION)
plain.setValue("window/geometry", QByteArray(b"x"))
plain.sync()
print(settings.store.fileName())
"""


def run_tool_like(tmp_path: Path, mode: str) -> tuple[Path, str]:
    real = tmp_path / "real-config"
    real.mkdir()
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(real),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("IPT_DESKTOP_SETTINGS_DIR", None)
    done = subprocess.run(
        [sys.executable, "-c", TOOL_LIKE, mode],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return real, done.stdout.strip().splitlines()[-1]


def test_a_tool_leaves_the_real_settings_untouched(tmp_path: Path) -> None:
    real, used = run_tool_like(tmp_path, "throwaway")
    assert list(real.rglob("*")) == []
    assert not used.startswith(str(real))
    assert Path(used).is_file()  # the throwaway file got the geometry


def test_without_it_the_real_settings_would_be_written(tmp_path: Path) -> None:
    """The control: the same child without the call writes the stand-in real folder."""
    real, used = run_tool_like(tmp_path, "real")
    assert used.startswith(str(real))
    assert any(path.is_file() for path in real.rglob("*"))


@pytest.mark.parametrize("tool", sorted((ROOT / "tools").glob("render_*.py")), ids=lambda p: p.name)
def test_every_render_tool_uses_throwaway_settings(tool: Path) -> None:
    text = tool.read_text(encoding="utf-8")
    if "PySide6" not in text:
        return  # no Qt, no settings
    call = text.find("use_throwaway_settings()")
    assert call != -1, f"{tool.name} does not call use_throwaway_settings()"
    assert call < text.find("QApplication(")
