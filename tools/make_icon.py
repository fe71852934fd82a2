"""Render the application icon (resources/icons/ipt-desktop.svg) for the installers.

    PYTHONPATH=. QT_QPA_PLATFORM=offscreen python tools/make_icon.py

Writes, next to the SVG:
- ``ipt-desktop-<size>.png`` for the Linux desktop entry (hicolor theme sizes),
- ``ipt-desktop.png`` (256 px, the default picture),
- ``ipt-desktop.ico`` (Windows executable; PNG-compressed entries, 16 to 256 px),
- ``ipt-desktop.icns`` (macOS app bundle; PNG entries, 16 to 1024 px).
The app itself draws its window icon from the SVG at run time (``ui.common.icons``); these
files are for the operating system, which never reads an SVG from inside a bundle. Run it
again after changing the SVG and commit what it writes.
"""

import struct
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "ipt-desktop.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: icns element type -> pixel size (the @2x types hold the doubled size).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn at ``size`` x ``size`` pixels, antialiased, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "icon.png"  # the format follows the suffix
        if not image.save(str(path)):
            raise RuntimeError(f"could not encode the {size} px icon as PNG")
        return path.read_bytes()


def ico_file(pngs: dict[int, bytes]) -> bytes:
    """An .ico with one PNG-compressed image per size (Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def icns_file(pngs: dict[int, bytes]) -> bytes:
    """An .icns with PNG elements (macOS 10.7 and later)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _kind, size in ICNS_TYPES)})
    pngs = {size: render_png(renderer, size) for size in sizes}
    written = []
    for size in PNG_SIZES:
        written.append(ICONS / f"ipt-desktop-{size}.png")
        written[-1].write_bytes(pngs[size])
    written.append(ICONS / "ipt-desktop.png")
    written[-1].write_bytes(pngs[256])
    written.append(ICONS / "ipt-desktop.ico")
    written[-1].write_bytes(ico_file({size: pngs[size] for size in ICO_SIZES}))
    written.append(ICONS / "ipt-desktop.icns")
    written[-1].write_bytes(icns_file(pngs))
    for path in written:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
