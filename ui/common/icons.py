"""Icons drawn from the SVGs in ``resources/icons``, tinted for the current palette.

Action icons are line drawings in ``currentColor``; they are rendered in the palette's text
colour at several sizes (up to 4x for high-DPI screens), so they stay sharp and readable on
light and dark themes. The application icon keeps its own colours.
"""

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ipt_desktop.resource_files import resource_path

APP_ICON = "ipt-desktop"
ACTION_ICONS = (
    "lock",
    "client-add",
    "session-new",
    "save",
    "sign",
    "settings",
    "search",
    "risk",
    "eye",
    "eye-off",
)
_SIZES = (16, 20, 24, 32, 40, 48, 64, 96)


@cache
def _svg(name: str) -> bytes:
    return resource_path("icons", f"{name}.svg").read_bytes()


def _render(svg: bytes, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg))
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def _icon_from(svg: bytes) -> QIcon:
    icon = QIcon()
    for size in _SIZES:
        icon.addPixmap(_render(svg, size))
    return icon


def app_icon() -> QIcon:
    return _icon_from(_svg(APP_ICON))


def tinted_icon(name: str, colour: QColor | None = None) -> QIcon:
    """``name`` (one of ACTION_ICONS) drawn in ``colour`` (default: the palette's text)."""
    if colour is None:
        colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    return _tinted(name, colour.name())


@cache
def _tinted(name: str, colour_name: str) -> QIcon:
    return _icon_from(_svg(name).replace(b"currentColor", colour_name.encode("ascii")))
