"""PDF pages as images, drawn in-process by PDFium (pypdfium2 ships the library in its wheel).

The preview and the printer get the very bytes that would be saved, rendered without a
helper program or a temporary file. PDFium is not thread-safe: one document is drawn at a
time (``_PDFIUM_LOCK``), from whichever worker thread asks. QImage (unlike QPixmap) may be
made off the GUI thread; each image owns a copy of its pixels.
"""

import threading

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

_PDFIUM_LOCK = threading.Lock()
#: Far beyond any screen or printer, yet it keeps a damaged page size from eating memory.
MAX_PIXELS_PER_PAGE = 120_000_000


class RenderError(Exception):
    """PDFium could not read the PDF or draw one of its pages."""


def render_pages(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page of ``pdf`` at ``dpi``, as RGB images (white paper, no transparency)."""
    if not 10 <= dpi <= 1200:
        raise RenderError(f"a resolution of {dpi:g} dpi is out of range")
    scale = dpi / 72
    images: list[QImage] = []
    with _PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(pdf)
        except pdfium.PdfiumError as exc:
            raise RenderError(f"the PDF could not be read ({exc})") from None
        try:
            for index in range(len(document)):
                page = document[index]
                try:
                    width, height = page.get_size()
                    if width * height * scale * scale > MAX_PIXELS_PER_PAGE:
                        raise RenderError(f"page {index + 1} is too large to draw")
                    bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
                    images.append(_image(bitmap))
                    bitmap.close()
                except pdfium.PdfiumError as exc:
                    raise RenderError(f"page {index + 1} could not be drawn ({exc})") from None
                finally:
                    page.close()
        finally:
            document.close()
    return images


def _image(bitmap: pdfium.PdfBitmap) -> QImage:
    formats = {3: QImage.Format.Format_RGB888, 4: QImage.Format.Format_RGBX8888}
    if bitmap.n_channels not in formats:
        raise RenderError(f"unexpected page image with {bitmap.n_channels} channels")
    view = QImage(
        bytes(bitmap.buffer),
        bitmap.width,
        bitmap.height,
        bitmap.stride,
        formats[bitmap.n_channels],
    )
    return view.convertToFormat(QImage.Format.Format_RGB32)
