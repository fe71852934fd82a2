"""What the overview's risk panel does: record a review, edit and print the safety plan.

Dialogs are made by replaceable factories (tests put non-blocking ones in their place).
Saving goes through ``OpenRecord`` (one audited, sealed write each). The safety plan PDF is
built and written off the UI thread (reportlab's first import alone takes a few hundred
ms); it is plaintext, and the save dialog's title says so. ``pdfWritten`` / ``pdfFailed``
report the outcome.
"""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.risk_records import RiskReview, SafetyPlan
from ipt_desktop.services import safety_plan_export
from ipt_desktop.vault.errors import VaultError
from ui.common import failures
from ui.common.task_runner import run_task

from .open_record import OpenRecord
from .risk_review_dialog import RiskReviewDialog
from .safety_plan_dialog import SafetyPlanDialog

PLAN_FILE = "safety-plan.pdf"


def ask_plan_path(parent: QWidget) -> Path | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        "Save the safety plan as PDF (not encrypted)",
        str(Path(folder or Path.home()) / PLAN_FILE),
        "PDF documents (*.pdf)",
    )
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")


class RiskActions(QObject):
    pdfWritten = Signal(str)
    pdfFailed = Signal(str)

    def __init__(self, record: OpenRecord, today: Callable[[], dt.date], parent: QWidget) -> None:
        super().__init__(parent)
        self._record = record
        self._today = today
        self._parent = parent
        self.review_dialog: Callable[[str, dt.date], RiskReviewDialog] = lambda client_id, day: (
            RiskReviewDialog(client_id, day, parent)
        )
        self.plan_path: Callable[[], Path | None] = lambda: ask_plan_path(parent)

    def recordReview(self) -> RiskReview | None:
        client_id = self._record.client_id
        if client_id is None:
            return None
        dialog = self.review_dialog(client_id, self._today())
        review = dialog.review if dialog.exec() == QDialog.DialogCode.Accepted else None
        if review is None:
            return None
        return review if self._saved(lambda: self._record.save_risk_review(review)) else None

    def editSafetyPlan(self) -> SafetyPlan | None:
        record = self._record.record
        if record is None:
            return None
        dialog = SafetyPlanDialog(
            record.client.id, record.safety_plan, self._today(), self._save_pdf, self._parent
        )
        plan = dialog.plan if dialog.exec() == QDialog.DialogCode.Accepted else None
        if plan is None:
            return None
        if plan != self._record_plan() and not self._saved(lambda: self._store(plan)):
            return None
        return plan

    def _record_plan(self) -> SafetyPlan | None:
        record = self._record.record
        return None if record is None else record.safety_plan

    def _store(self, plan: SafetyPlan) -> None:
        self._record.save_safety_plan(plan)

    def _save_pdf(self, plan: SafetyPlan) -> None:
        """Store the plan, then write it as a PDF where the therapist chooses."""
        self._store(plan)
        path = self.plan_path()
        client_id = self._record.client_id
        if path is None or client_id is None:
            return
        vault = self._record.vault
        run_task(
            lambda: safety_plan_export.export_safety_plan_pdf(vault, client_id, path),
            lambda _none: self.pdfWritten.emit(str(path)),
            self._pdf_failed,
            label="Writing the safety plan…",
        )

    def _pdf_failed(self, error: BaseException) -> None:
        message = _failure(error)
        self.pdfFailed.emit(message)
        QMessageBox.warning(self._parent, "The PDF was not written", message)

    def _saved(self, write: Callable[[], None]) -> bool:
        try:
            write()
        except (VaultError, ValidationError) as error:
            QMessageBox.warning(self._parent, "Not saved", _failure(error))
            return False
        return True


def _failure(error: BaseException) -> str:
    return failures.failure_text(error, "The PDF could not be made.")
