"""``ipt-desktop self-test`` as the application runs it: the headless checks of
``ipt_desktop.services.self_test``, then what only a Qt process can check.

The Qt half proves that the bundle has the Qt modules and plugins the app needs, that every
module of the app imports (so no module excluded from the bundle is used), that the icons
render and that the main window draws. Without a display (Linux over SSH, CI) Qt's
``offscreen`` platform is used; on a desktop the native one, without showing a window.
``ui/__main__.py`` routes the ``self-test`` sub-command here.
"""

import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ipt_desktop.cli import self_test_command
from ipt_desktop.cli.arg_parser import NO_UNLOCK_HELP, ArgumentParser
from ipt_desktop.services.self_test import Check, CheckFailed, Scratch

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QApplication, QWidget

#: The Qt modules the app imports (tests/packaging checks this against the sources and
#: against the bundle's exclusions). QtDBus only matters on freedesktop systems, where the
#: auto-lock listens for sleep and screen lock through it.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport", "QtDBus")
#: Modules never imported by the check: entry points run the app on import; the Alembic
#: migrations are files run by Alembic, not modules.
NOT_IMPORTED = ("__main__", "ipt_desktop.store.migrations")
PLATFORM_PLUGIN = {"win32": "windows", "darwin": "cocoa"}
WINDOW_PICTURE = "self-test-main-window.png"
UNLOCK_PICTURE = "self-test-unlock-window.png"
#: Fewer distinct colours than this on a drawn window means nothing was drawn.
MIN_COLOURS = 8


def app_modules(packages: Sequence[str] = ("ipt_desktop", "ui")) -> list[str]:
    """Every module of the app's packages, as found on the import path (also when frozen)."""
    names = []
    for package_name in packages:
        package = importlib.import_module(package_name)
        names.append(package_name)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{package_name}."):
            names.append(info.name)
    return sorted(n for n in names if not any(part in n for part in NOT_IMPORTED))


def default_platform() -> str:
    """The Qt platform plugin this process will use (QT_QPA_PLATFORM, else the system's)."""
    chosen = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0]
    if chosen:
        return chosen
    if sys.platform in PLATFORM_PLUGIN:
        return PLATFORM_PLUGIN[sys.platform]
    return "wayland" if os.environ.get("WAYLAND_DISPLAY") else "xcb"


def use_offscreen_without_display() -> None:
    """On Linux with no display at all, draw offscreen rather than abort."""
    if sys.platform in PLATFORM_PLUGIN or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


# -- the checks ---------------------------------------------------------------------------
def check_qt_modules(_scratch: Scratch) -> str:
    missing = []
    for name in QT_MODULES:
        if name == "QtDBus" and sys.platform in PLATFORM_PLUGIN:
            continue
        try:
            importlib.import_module(f"PySide6.{name}")
        except ImportError:
            missing.append(name)
    if missing:
        raise CheckFailed(f"Qt modules missing: {', '.join(missing)}")
    from PySide6 import __version__ as pyside_version

    return f"PySide6 {pyside_version}"


def check_qt_plugins(_scratch: Scratch) -> str:
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    platform = default_platform()
    found = sorted(p.name for p in (plugins / "platforms").glob(f"*q{platform}.*"))
    if not found:
        raise CheckFailed(f"the Qt platform plugin '{platform}' is missing from {plugins}")
    if sys.platform.startswith("linux") and not list(
        (plugins / "printsupport").glob("*cupsprintersupport*")
    ):
        raise CheckFailed(f"the Qt print plugin (CUPS) is missing from {plugins}")
    count = sum(1 for p in plugins.rglob("*") if p.is_file())
    return f"platform plugin {found[0]}, {count} plugins"


def check_app_modules(_scratch: Scratch) -> str:
    names = app_modules()
    if "ui.self_test" not in names or "ipt_desktop.cli.main" not in names:
        raise CheckFailed("the app's modules cannot be listed")
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            failed.append(f"{name} ({exc})")
    if failed:
        raise CheckFailed(f"cannot import {'; '.join(failed)}")
    return f"{len(names)} modules imported"


def _application() -> "QApplication":
    from PySide6.QtWidgets import QApplication

    from ui.common.theme import apply_theme, configure_before_app

    app = QApplication.instance()
    if app is None:
        configure_before_app()
        app = QApplication(sys.argv[:1])
        apply_theme(app)  # the style sheet and the icon, from resources/ as the app loads them
    assert isinstance(app, QApplication)
    return app


def check_qt_platform(_scratch: Scratch) -> str:
    from PySide6.QtGui import QFontDatabase

    app = _application()
    if not app.screens():
        raise CheckFailed(f"Qt platform '{app.platformName()}' has no screen")
    families = QFontDatabase.families()
    if not families:
        raise CheckFailed("Qt finds no font to draw text with (fontconfig)")
    return f"platform {app.platformName()}, {len(families)} font families"


def _opaque_pixels(pixmap: "QPixmap") -> int:
    image = pixmap.toImage()
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 0
    )


def _colours(pixmap: "QPixmap", step: int = 4) -> int:
    """Distinct colours on a grid of every ``step``-th pixel: a blank picture has one."""
    image = pixmap.toImage()
    return len(
        {
            image.pixel(x, y)
            for y in range(0, image.height(), step)
            for x in range(0, image.width(), step)
        }
    )


def check_icons(_scratch: Scratch) -> str:
    from ui.common.icons import ACTION_ICONS, app_icon, tinted_icon

    _application()
    icons = {"ipt-desktop": app_icon(), **{name: tinted_icon(name) for name in ACTION_ICONS}}
    blank = [name for name, icon in icons.items() if _opaque_pixels(icon.pixmap(32, 32)) == 0]
    if blank:
        raise CheckFailed(f"icons drawn blank: {', '.join(blank)}")
    return f"{len(icons)} icons drawn from SVG"


def _draw(window: "QWidget", path: Path) -> int:
    """Lay out ``window`` without putting it on screen, draw it to ``path``; its colours."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    picture = window.grab()
    if picture.isNull() or not picture.save(str(path), "PNG"):
        raise CheckFailed(f"the window could not be drawn to {path.name}")
    return _colours(picture)


def check_main_window(scratch: Scratch) -> str:
    from PySide6.QtCore import QSettings

    from ipt_desktop.vault.vault import Vault
    from ui.app.main_window import MainWindow
    from ui.common.app_settings import AppSettings
    from ui.common.task_runner import TaskRunner

    _application()
    record = scratch.written_record()
    # Window geometry goes to a scratch file, never to the user's settings.
    store = QSettings(str(scratch.folder / "qt-settings.ini"), QSettings.Format.IniFormat)
    runner = TaskRunner()
    windows: list[MainWindow] = []
    vault = Vault.open(scratch.vault_dir)
    try:
        windows.append(MainWindow(vault, runner, AppSettings(store)))
        if not windows[-1].isShowingUnlock():
            raise CheckFailed("a locked vault did not open on the unlock screen")
        unlock_colours = _draw(windows[-1], scratch.folder / UNLOCK_PICTURE)
        windows[-1].hide()
        vault.unlock(scratch.passphrase)
        windows.append(MainWindow(vault, runner, AppSettings(store)))
        if windows[-1].isShowingUnlock() or not windows[-1].workArea.switchTo(record.client.id):
            raise CheckFailed("the unlocked window did not open the client")
        colours = _draw(windows[-1], scratch.folder / WINDOW_PICTURE)
    finally:
        for window in windows:
            window.lockController.shutdown()
            window.hide()
            window.deleteLater()
        runner.cancelAll()
        runner.waitForDone(30_000)
        vault.close()
    if min(unlock_colours, colours) < MIN_COLOURS:
        raise CheckFailed("the window was drawn blank")
    return f"unlock screen and client record drawn ({colours} colours), {WINDOW_PICTURE}"


UI_CHECKS = (
    Check("qt modules", check_qt_modules),
    Check("qt plugins", check_qt_plugins),
    Check("app modules", check_app_modules),
    Check("qt platform", check_qt_platform),
    Check("icons", check_icons),
    Check("main window", check_main_window),
)


def main(argv: Sequence[str]) -> int:
    """``self-test [--keep DIR]``: every check, one line each; exit 0 only if all pass."""
    parser = ArgumentParser(
        prog="ipt-desktop self-test", description=__doc__, epilog=NO_UNLOCK_HELP
    )
    self_test_command.add_arguments(parser)
    args = parser.parse_args(list(argv))
    use_offscreen_without_display()
    return self_test_command.run(args, extra_checks=UI_CHECKS)
