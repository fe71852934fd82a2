"""The graduation summary preview (issue 6, part 4): choose, edit, look, then save or print.

Left, the choices (``SummaryForm``); right, the PDF's pages as they will be (``PreviewPane``),
rebuilt off the UI thread a moment after the last change. "Save as PDF…" writes through
``services.summary_export.export_summary_pdf`` (atomic, audited) off the UI thread;
"Print…" opens the system print dialog and prints the page images, or, without Poppler,
saves the PDF and opens it in the system viewer to print from there.

The window title never names the client (the OS may keep titles). Nothing is written to
the record (the choices here make one document) except the name in the greeting, which
is kept as the client's preferred name when the letter is saved or printed. The dialog
drops every decrypted value when it closes; the shell rejects it when the app locks.
"""

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.enums import EpisodeKind
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.graduation import DocumentKind, GraduationContent, PaperSize
from ipt_desktop.domain.timeline import Timeline
from ipt_desktop.services import clients, summary_export
from ipt_desktop.vault.errors import VaultError
from ipt_desktop.vault.vault import Vault
from ui.common.clinical_colours import muted_text, risk_colour
from ui.common.task_runner import TaskRunner
from ui.common.ui_text import format_date

from . import page_raster, pdf_pages, risk_gate, summary_printing
from .pdf_destination import ask_pdf_path, failure_text
from .preview_pane import PreviewPane
from .summary_form import SummaryForm

T = TypeVar("T")

NOT_ENCRYPTED = "The PDF is not encrypted by the vault: whoever has the file can read it."
PREVIEW_DELAY_MS = 350
PAPER_INCHES = {PaperSize.A4: 8.27, PaperSize.LETTER: 8.5}
TEXT_PREVIEW = (
    "Showing the text of each page: the pages could not be drawn. The saved PDF has the "
    "full layout."
)


class GraduationDialog(QDialog):
    previewUpdated = Signal()
    exported = Signal(str)  # the path written
    exportFailed = Signal(str)  # the message shown
    printed = Signal()

    def __init__(
        self,
        vault: Vault,
        client_id: str,
        content: GraduationContent,
        timeline: Timeline,
        runner: TaskRunner,
        *,
        paper: PaperSize = PaperSize.A4,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Graduation summary")
        self.setObjectName("graduationDialog")
        self.setMinimumSize(960, 640)
        self._vault = vault
        self._client_id = client_id
        self._timeline: Timeline | None = timeline
        self._runner = runner
        self._tasks: set[int] = set()
        #: The bytes the preview shows; saving and printing reuse them while nothing changed.
        self._built: summary_export.SummaryPdf | None = None
        self._preview_running = False
        self._preview_stale = False
        self._busy = False
        self._print_reason: str | None = None
        self._dpi_shown = 0

        self.form = SummaryForm(self)
        self.form.setPaperSize(paper)
        self.choices = left = QScrollArea(self)
        left.setWidgetResizable(True)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.setWidget(self.form)
        left.setMinimumWidth(420)
        left.setAccessibleName("Choices for the summary")

        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.previewStatus = QLabel(self)
        self.previewStatus.setWordWrap(True)
        self.previewStatus.setAccessibleName("Preview status")
        self.preview = PreviewPane(self)
        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(8, 0, 0, 0)
        right_column.addWidget(self.previewStatus)
        right_column.addWidget(self.preview, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([480, 760])

        self.notice = QLabel(NOT_ENCRYPTED, self)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("Notice")
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName("Last outcome")
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saveButton = QPushButton("&Save as PDF…", self)
        self.saveButton.setAccessibleName("Save as PDF")
        self.printButton = QPushButton("&Print…", self)
        self.printButton.setAccessibleName("Print")
        self.closeButton = QPushButton("Close", self)
        self.closeButton.setAccessibleName("Close")
        notes = QVBoxLayout()
        notes.setSpacing(2)
        notes.addWidget(self.notice)
        notes.addWidget(self.outcome)
        buttons = QHBoxLayout()
        buttons.addLayout(notes, 1)
        buttons.addSpacing(12)
        buttons.addWidget(self.saveButton, 0, Qt.AlignmentFlag.AlignVCenter)
        buttons.addWidget(self.printButton, 0, Qt.AlignmentFlag.AlignVCenter)
        buttons.addWidget(self.closeButton, 0, Qt.AlignmentFlag.AlignVCenter)
        page = QVBoxLayout(self)
        page.setContentsMargins(14, 12, 14, 12)
        page.setSpacing(8)
        page.addWidget(self.about)
        page.addWidget(self.splitter, 1)
        page.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refreshPreview)
        self.form.changed.connect(self._schedule_preview)
        self.form.passwordChanged.connect(self._update_buttons)
        self.saveButton.clicked.connect(lambda: self.saveAsPdf())
        self.printButton.clicked.connect(self.printSummary)
        self.closeButton.clicked.connect(self.reject)
        self._style_notes()
        self._describe(content)
        self.form.setContent(content)
        self.closeButton.setDefault(False)
        self.saveButton.setDefault(True)
        self.resize(1280, 800)
        self._set_status("Preparing the preview…")
        QTimer.singleShot(0, self.refreshPreview)  # once the pane has its real width

    # -- the content ----------------------------------------------------------------------
    def _describe(self, content: GraduationContent) -> None:
        maintenance = content.episode_kind is EpisodeKind.MAINTENANCE
        contract = "Maintenance contract" if maintenance else "Acute contract"
        self.about.setText(
            f"{content.client_name} · {contract}, {content.sessions_attended} of "
            f"{content.planned_sessions} sessions · {format_date(content.episode_start)} to "
            f"{format_date(content.episode_end)}"
        )
        font = self.about.font()
        font.setBold(True)
        self.about.setFont(font)

    def _content(self) -> GraduationContent | None:
        """The content with the therapist's choices, or None (and a message) if invalid."""
        try:
            return self.form.content()
        except (ValidationError, LookupError) as exc:
            self._set_status(f"The document cannot be made: {exc}", error=True)
            return None

    # -- preview --------------------------------------------------------------------------
    def _schedule_preview(self) -> None:
        self._set_status("Updating the preview…")
        self._timer.start()

    def _preview_dpi(self) -> int:
        """Enough pixels for the pane's width on this screen, within 96 to 200 dpi."""
        inches = PAPER_INCHES[self.form.paperSize()]
        pixels = self.preview.viewport().width() * self.preview.devicePixelRatioF()
        return max(96, min(200, round(pixels / inches)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._dpi_shown and self._preview_dpi() > self._dpi_shown * 1.2:
            self._schedule_preview()  # wider than the pages were rendered for: sharpen

    def refreshPreview(self) -> None:
        """Build the PDF and render its pages off the UI thread (one job at a time)."""
        if self._preview_running:
            self._preview_stale = True
            return
        content = self._content()
        if content is None:
            return
        kind, paper, timeline = self.form.kind(), self.form.paperSize(), self._timeline
        dpi = self._dpi_shown = self._preview_dpi()
        self._preview_running, self._preview_stale = True, False

        def work() -> tuple[summary_export.SummaryPdf, pdf_pages.PdfPages]:
            built = summary_export.build_summary_pdf(content, kind, paper, timeline)
            return built, pdf_pages.pages_of(built.data, dpi)

        self._start(
            work,
            self._preview_ready,
            self._preview_failed,
            "Updating the preview…",
        )

    def previewPending(self) -> bool:
        """Whether a change is still waiting to show in the preview."""
        return self._timer.isActive() or self._preview_running or self._preview_stale

    def _preview_ready(self, ready: tuple[summary_export.SummaryPdf, pdf_pages.PdfPages]) -> None:
        self._preview_running = False
        self._built, pages = ready
        if self._preview_stale:
            self.refreshPreview()
            return
        noun = "page" if pages.count == 1 else "pages"
        if pages.images:
            self.preview.showImages(list(pages.images))
            status = f"Preview: {pages.count} {noun}, as the PDF will print."
            note = summary_export.unprintable_note(self._built.content)
            self._set_status(f"{status} {note}" if note else status)
        else:
            self.preview.showTexts(pages.texts)
            self._set_status(f"{pages.count} {noun}. {TEXT_PREVIEW}")
        self.previewUpdated.emit()

    def _preview_failed(self, error: BaseException) -> None:
        self._preview_running = False
        if self._preview_stale:
            self.refreshPreview()
            return
        self.preview.showMessage("No preview.")
        self._set_status(f"The preview could not be made: {failure_text(error)}", error=True)
        self.previewUpdated.emit()

    # -- save -----------------------------------------------------------------------------
    def saveAsPdf(self, *, open_after: bool = False) -> None:
        """Ask where, then write the PDF off the UI thread (audited by the service)."""
        problem = self.form.passwordProblem()
        if problem:
            QMessageBox.warning(self, "Password", problem)
            return
        content = self._content()
        if content is None or self._busy:
            return
        go, reason = risk_gate.letter_reason(self, self._vault, self._client_id, self.form.kind())
        if not go:
            return
        out = ask_pdf_path(self, self.form.kind())
        if out is None:
            return
        kind, paper, password = self.form.kind(), self.form.paperSize(), self.form.pdfPassword()
        vault, client_id, timeline = self._vault, self._client_id, self._timeline
        greeting = self.form.greetingNameText() if kind is not DocumentKind.CLINICAL else ""

        shown = self._built

        def work() -> Path:
            if greeting:  # kept first: the export's audit entry stays the last one
                clients.set_preferred_name(vault, client_id, greeting)
            pdf = _same_or_new(shown, content, kind, paper, timeline)
            summary_export.save_summary_pdf(vault, client_id, pdf, out, password, reason)
            return out

        self._busy = True
        self._update_buttons()
        self.outcome.setText("Saving the PDF…")
        self._start(
            work, lambda path: self._saved(path, open_after), self._save_failed, "Saving the PDF…"
        )

    def _saved(self, path: Path, open_after: bool) -> None:
        self._busy = False
        self._update_buttons()
        protected = " It has a PDF password (weak protection)." if self.form.pdfPassword() else ""
        self.outcome.setText(f"Saved to {path}.{protected}")
        self.exported.emit(str(path))
        if open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _save_failed(self, error: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        message = failure_text(error)
        self.outcome.setText("Nothing was saved.")
        self.exportFailed.emit(message)
        QMessageBox.warning(self, "The PDF was not saved", f"Nothing was saved. {message}")

    # -- print ----------------------------------------------------------------------------
    def printSummary(self) -> None:
        content = self._content()
        if content is None or self._busy:
            return
        paper, kind, timeline = self.form.paperSize(), self.form.kind(), self._timeline
        go, self._print_reason = risk_gate.letter_reason(self, self._vault, self._client_id, kind)
        if not go:
            return
        printer = summary_printing.make_printer(paper)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print the graduation summary")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        dpi = summary_printing.print_dpi(printer)

        shown = self._built

        def work() -> pdf_pages.PdfPages:
            pdf = _same_or_new(shown, content, kind, paper, timeline).data
            return pdf_pages.PdfPages(pdf, tuple(page_raster.render_pages(pdf, dpi)), ())

        self._busy = True
        self._update_buttons()
        self.outcome.setText("Preparing the pages for the printer…")
        self._start(
            work,
            lambda pages: self._print_pages(printer, kind, pages),
            self._print_failed,
            "Preparing to print…",
        )

    def _print_pages(
        self, printer: QPrinter, kind: DocumentKind, pages: pdf_pages.PdfPages
    ) -> None:
        self._busy = False
        self._update_buttons()
        try:
            risk_gate.record_print_decision(self._vault, self._client_id, self._print_reason)
            summary_printing.print_images(printer, list(pages.images))
            greeting = self.form.greetingNameText()
            if greeting and kind is not DocumentKind.CLINICAL:
                clients.set_preferred_name(self._vault, self._client_id, greeting)
            summary_export.record_summary_printed(self._vault, self._client_id, kind)
        except (summary_printing.PrintError, VaultError, ValidationError) as exc:
            self._print_failed(exc)
            return
        self.outcome.setText("Sent to the printer.")
        self.printed.emit()

    def _print_failed(self, error: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        self.outcome.setText("Nothing was printed.")
        QMessageBox.warning(self, "Not printed", f"Nothing was printed. {failure_text(error)}")

    # -- plumbing -------------------------------------------------------------------------
    def _start(
        self,
        work: Callable[[], T],
        on_result: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        label: str,
    ) -> None:
        """Run ``work`` on the runner; the outcome is dropped if the dialog closes first."""
        task: list[int] = []

        def result(value: T) -> None:
            self._tasks.discard(task[0])
            on_result(value)

        def error(exc: BaseException) -> None:
            self._tasks.discard(task[0])
            on_error(exc)

        task.append(self._runner.run(work, result, error, label=label))
        self._tasks.add(task[0])

    def _update_buttons(self) -> None:
        idle = not self._busy
        self.saveButton.setEnabled(idle)
        self.printButton.setEnabled(idle)

    def _set_status(self, text: str, *, error: bool = False) -> None:
        palette = self.previewStatus.palette()
        colour = risk_colour(palette) if error else muted_text(palette)
        palette.setColor(self.previewStatus.foregroundRole(), colour)
        self.previewStatus.setPalette(palette)
        self.previewStatus.setText(text)

    def _style_notes(self) -> None:
        font = self.notice.font()
        font.setBold(True)
        self.notice.setFont(font)
        palette = self.outcome.palette()
        palette.setColor(self.outcome.foregroundRole(), muted_text(palette))
        self.outcome.setPalette(palette)

    def done(self, result: int) -> None:
        """Closing (or the app locking): drop pending outcomes and every decrypted value."""
        for task in self._tasks:
            self._runner.cancel(task)
        self._tasks.clear()
        self._timer.stop()
        self.form.clearSensitive()
        self.preview.clear()
        self.about.clear()
        self._timeline = None
        super().done(result)


def _same_or_new(
    shown: summary_export.SummaryPdf | None,
    content: GraduationContent,
    kind: DocumentKind,
    paper: PaperSize,
    timeline: Timeline | None,
) -> summary_export.SummaryPdf:
    """The previewed PDF when it says exactly this; otherwise a new one (never a stale one)."""
    if shown is not None and shown.made_from(content, kind, paper, timeline):
        return shown
    return summary_export.build_summary_pdf(content, kind, paper, timeline)
