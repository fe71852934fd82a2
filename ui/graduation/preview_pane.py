"""The right side of the graduation preview: the PDF's pages, one under the other.

Pages arrive as images (drawn by PDFium off the UI thread, ``page_raster``) and are scaled
to the pane's width, or, should drawing fail, as the text of each page in a plain
page-shaped frame. The surround uses palette roles only; the pages themselves
are white because paper is.
"""

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

MARGIN = 18
MAX_PAGE_WIDTH = 900


class PreviewPane(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Preview of the PDF pages")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundRole(QPalette.ColorRole.Mid)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._images: list[QImage] = []
        self._texts: list[str] = []
        self._sheet = QWidget()
        self._sheet.setBackgroundRole(QPalette.ColorRole.Mid)
        self._column = QVBoxLayout(self._sheet)
        self._column.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self._column.setSpacing(MARGIN)
        self._column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._sheet)
        self._pages: list[QLabel] = []
        self._page_images: list[QImage | None] = []
        self.message = QLabel(self._sheet)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setForegroundRole(QPalette.ColorRole.Text)
        self._column.addWidget(self.message)

    # -- what to show ---------------------------------------------------------------------
    def showImages(self, images: Sequence[QImage]) -> None:
        self._images, self._texts = list(images), []
        self.message.hide()
        self._rebuild()

    def showTexts(self, texts: Sequence[str]) -> None:
        self._images, self._texts = [], list(texts)
        self.message.hide()
        self._rebuild()

    def showMessage(self, text: str) -> None:
        """A message instead of pages (nothing to show yet, or the text cannot be made)."""
        self._images, self._texts = [], []
        self._rebuild()
        self.message.setText(text)
        self.message.show()

    def pageCount(self) -> int:
        return len(self._pages)

    def pageLabels(self) -> list[QLabel]:
        return list(self._pages)

    def clear(self) -> None:
        self.showMessage("")

    # -- layout -------------------------------------------------------------------------
    def _page_width(self) -> int:
        return max(120, min(MAX_PAGE_WIDTH, self.viewport().width() - 2 * MARGIN))

    def _rebuild(self) -> None:
        for label in self._pages:
            self._column.removeWidget(label)
            label.deleteLater()
        self._pages, self._page_images = [], []
        for number, image in enumerate(self._images, start=1):
            label = QLabel(self._sheet)
            label.setAccessibleName(f"Page {number} of {len(self._images)}")
            label.setFrameShape(QFrame.Shape.Box)
            label.setLineWidth(1)
            label.setForegroundRole(QPalette.ColorRole.Dark)
            self._pages.append(label)
            self._page_images.append(image)
            self._column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        for number, text in enumerate(self._texts, start=1):
            label = QLabel(self._sheet)
            label.setAccessibleName(f"Text of page {number} of {len(self._texts)}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setText(f"Page {number}\n\n{text.strip()}")
            label.setAutoFillBackground(True)
            label.setBackgroundRole(QPalette.ColorRole.Base)
            label.setForegroundRole(QPalette.ColorRole.Text)
            label.setFrameShape(QFrame.Shape.Box)
            label.setMargin(24)
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
            self._pages.append(label)
            self._page_images.append(None)
            self._column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        self._fit()

    def _fit(self) -> None:
        width = self._page_width()
        ratio = self.devicePixelRatioF()
        for label, image in zip(self._pages, self._page_images, strict=True):
            if image is not None and not image.isNull():
                inner = width - 2 * label.frameWidth()
                scaled = image.scaledToWidth(
                    max(1, round(inner * ratio)), Qt.TransformationMode.SmoothTransformation
                )
                pixmap = QPixmap.fromImage(scaled)
                pixmap.setDevicePixelRatio(ratio)
                label.setPixmap(pixmap)
                size = QSize(
                    round(scaled.width() / ratio) + 2 * label.frameWidth(),
                    round(scaled.height() / ratio) + 2 * label.frameWidth(),
                )
                label.setFixedSize(size)
            else:
                label.setFixedWidth(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()
