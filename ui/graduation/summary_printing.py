"""Print the graduation summary through the system print dialog (QtPrintSupport).

PySide6-Essentials has QtPrintSupport but no QtPdf, so Qt cannot draw a PDF onto a
printer. The pages are printed as images instead: PDFium (``page_raster``) draws the same
PDF bytes at up to 300 dpi (off the UI thread) and each page image fills one printed page
(the PDF's own margins are in the image).

The print job's name is generic: print queues are visible to other users of the printer.
"""

from collections.abc import Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from ipt_desktop.domain.graduation import PaperSize

PRINT_DPI_MAX = 300
PRINT_DPI_MIN = 150
JOB_NAME = "Graduation summary"

_PAGE_SIZES = {PaperSize.A4: QPageSize.PageSizeId.A4, PaperSize.LETTER: QPageSize.PageSizeId.Letter}


class PrintError(Exception):
    """The printer could not be started (no printer, or it refused the job)."""


def make_printer(paper: PaperSize) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(JOB_NAME)
    printer.setPageSize(QPageSize(_PAGE_SIZES[PaperSize(paper)]))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    return printer


def print_dpi(printer: QPrinter) -> int:
    """The resolution to render at: the printer's, within 150 to 300 dpi."""
    return max(PRINT_DPI_MIN, min(PRINT_DPI_MAX, printer.resolution()))


def _target(image: QImage, page: QRect) -> QRect:
    """``image`` scaled to fit ``page`` (same aspect), centred."""
    size = image.size().scaled(page.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left = page.x() + (page.width() - size.width()) // 2
    top = page.y() + (page.height() - size.height()) // 2
    return QRect(left, top, size.width(), size.height())


def print_images(printer: QPrinter, images: Sequence[QImage]) -> None:
    """One image per printed page. Raises PrintError when the printer will not start."""
    if not images:
        raise PrintError("There are no pages to print.")
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("The printer could not be started.")
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        page = printer.pageLayout().fullRectPixels(printer.resolution())
        for number, image in enumerate(images):
            if number and not printer.newPage():
                raise PrintError("The printer stopped accepting pages.")
            painter.drawImage(_target(image, page), image)
    finally:
        painter.end()
