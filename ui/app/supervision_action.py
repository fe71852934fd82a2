"""Client > Supervision summary: the de-identified PDF of the open contract for IPT
supervision or certification (no name, no dates, no notes; see domain ``supervision``).

The record is read on the UI thread (the vault stays there), the PDF is built off it, and
the file is written and audited back on it. The suggested file name holds no client name.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ipt_desktop.domain.graduation import PaperSize
from ipt_desktop.services import supervision_export
from ipt_desktop.vault.errors import VaultError
from ipt_desktop.vault.vault import Vault
from ui.common.task_runner import TaskRunner

SUGGESTED_NAME = "ipt-supervision-summary.pdf"
TITLE = "Supervision summary (de-identified)"


def export_supervision_summary(
    parent: QWidget,
    vault: Vault,
    client_id: str,
    episode_id: str | None,
    runner: TaskRunner,
    paper: PaperSize,
    done: Callable[[str], None],
) -> None:
    """Ask where, build off the UI thread, write; ``done`` gets a status line."""
    try:
        report = supervision_export.prepare_report(vault, client_id, episode_id)
    except LookupError as error:
        QMessageBox.information(parent, TITLE, str(error))
        return
    name, _filter = QFileDialog.getSaveFileName(
        parent, TITLE, SUGGESTED_NAME, "PDF documents (*.pdf)"
    )
    if not name:
        return
    out = Path(name)

    def written(data: bytes) -> None:
        try:
            supervision_export.save_supervision_pdf(vault, client_id, data, out)
        except (VaultError, OSError) as error:
            QMessageBox.warning(parent, "Summary not written", str(error))
            return
        done(f"Saved the de-identified supervision summary to {out.name}.")

    def failed(error: BaseException) -> None:
        QMessageBox.warning(parent, "Summary not written", str(error))

    runner.run(
        lambda: supervision_export.supervision_pdf_bytes(report, paper),
        written,
        failed,
        label="Building the supervision summary…",
    )
