"""The application's look: platform style, system palette, a small style sheet, the icon.

Nothing overrides the palette: Qt follows the system's light or dark scheme (Windows 10/11,
macOS, GNOME and KDE report it), and the style sheet only refers to palette roles. When the
scheme changes while the app runs, the sheet is applied again so those roles are re-read.
High DPI: Qt 6 scales by the screen's factor without rounding (PassThrough), icons are
rendered from SVG at several sizes, and every size in the code is in device-independent
pixels. The application-wide wheel guard (``wheel_guard``) is installed here too, so the
app, the self-test and the render tools all behave the same.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ipt_desktop.resource_files import resource_path

from .app_settings import APPLICATION, ORGANIZATION
from .icons import app_icon
from .wheel_guard import install_wheel_guard


def configure_before_app() -> None:
    """Settings Qt reads before the QApplication exists."""
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )


def style_sheet() -> str:
    return resource_path("style", "app.qss").read_text(encoding="utf-8")


def apply_theme(app: QApplication) -> None:
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName("ipt-desktop")
    app.setWindowIcon(app_icon())
    sheet = style_sheet()
    app.setStyleSheet(sheet)
    hints = app.styleHints()
    hints.colorSchemeChanged.connect(lambda _scheme: _reapply(app, sheet))
    install_wheel_guard(app)  # no value widget turns under a passing mouse wheel


def _reapply(app: QApplication, sheet: str) -> None:
    app.setStyleSheet("")  # Qt skips an unchanged sheet; palette() must be re-read
    app.setStyleSheet(sheet)
