"""The graduation summary preview: letter and clinical summary, edited, saved or printed.

The shell (or the workspace) connects ``ClientWorkspace.graduationRequested`` to
``open_graduation_dialog``::

    workspace.graduationRequested.connect(
        lambda client_id, episode_id: open_graduation_dialog(vault, client_id, episode_id, window)
    )
"""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ipt_desktop.domain.graduation import PaperSize
from ipt_desktop.services import summary_export
from ipt_desktop.vault.errors import VaultError
from ipt_desktop.vault.vault import Vault
from ui.common.app_settings import AppSettings
from ui.common.task_runner import TaskRunner, shared_runner

from .graduation_dialog import GraduationDialog

__all__ = ["GraduationDialog", "open_graduation_dialog"]


def _runner_for(parent: QWidget | None) -> TaskRunner:
    """The main window's runner (its busy indicator shows the work), else the shared one."""
    window = parent.window() if parent is not None else None
    found = getattr(window, "runner", None)
    return found if isinstance(found, TaskRunner) else shared_runner()


def open_graduation_dialog(
    vault: Vault,
    client_id: str,
    episode_id: str | None,
    parent: QWidget | None = None,
    *,
    runner: TaskRunner | None = None,
    paper: PaperSize | None = None,
    today: dt.date | None = None,
) -> GraduationDialog | None:
    """Open the preview for ``episode_id`` (None: the latest contract with a termination
    record) window-modally, without blocking; returns the dialog, or None after telling
    the user why it cannot open. ``paper`` defaults to the machine's paper preference."""
    try:
        content, timeline = summary_export.prepare_content(vault, client_id, episode_id, today)
    except (LookupError, VaultError) as exc:
        QMessageBox.warning(parent, "Graduation summary", f"The summary cannot be made: {exc}")
        return None
    dialog = GraduationDialog(
        vault,
        client_id,
        content,
        timeline,
        runner or _runner_for(parent),
        paper=paper or AppSettings().paperSize(),
        parent=parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
