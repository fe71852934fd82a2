"""For every ui test: a Qt warning fails it (pytest-qt ``qt_log_level_fail``), except what
the offscreen platform plugin itself says (it has no window manager), which is not our code.
"""

from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))
