"""Render the graduation summary preview to PNG (offscreen) with the fictional demo practice.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tools/render_graduation_dialog.py [OUT_DIR]

Writes, at 1280x800, the dialog for the demo client whose contract has the most recorded
achievements (the letter, the clinical summary, both, a few items unticked with the
password section open), a contract with nothing recorded at termination, and the letter
in a dark palette, into /work/main/screenshots/graduation/ by default. The vault is a
throwaway one in a temporary folder (minimum KDF parameters through the API).
"""

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleFactory

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.demo.practice import fill_demo
from ipt_desktop.domain.graduation import DocumentKind, PaperSize
from ipt_desktop.domain.model import ClientRecord
from ipt_desktop.services import clients
from ipt_desktop.services.summary_export import has_termination_record
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from ui.common.app_settings import use_throwaway_settings
from ui.common.task_runner import TaskRunner
from ui.graduation import GraduationDialog, open_graduation_dialog

TODAY = dt.date(2026, 12, 1)
SIZE = (1280, 800)
DEFAULT_OUT = Path("/work/main/screenshots/graduation")


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#18191b",
        QPalette.ColorRole.AlternateBase: "#232427",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2b2c30",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#3d6fa8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#8a8d93",
        QPalette.ColorRole.Mid: "#3a3b3f",
        QPalette.ColorRole.Dark: "#111214",
        QPalette.ColorRole.Light: "#4a4b50",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d8086"))
    return palette


def settle(dialog: GraduationDialog, runner: TaskRunner) -> None:
    """Let the debounced preview run to its end and the layout settle."""
    for _ in range(600):
        QTest.qWait(25)
        runner.waitForDone(50)
        QApplication.processEvents()
        if not dialog.previewPending() and not runner.isBusy():
            break
    for _ in range(4):
        QApplication.processEvents()


def grab(dialog: GraduationDialog, runner: TaskRunner, path: Path) -> None:
    settle(dialog, runner)
    dialog.grab().save(str(path))
    print(path)


def open_for(
    vault: Vault, runner: TaskRunner, record: ClientRecord, episode_id: str | None
) -> GraduationDialog:
    dialog = open_graduation_dialog(
        vault, record.client.id, episode_id, None, runner=runner, paper=PaperSize.A4, today=TODAY
    )
    assert dialog is not None
    dialog.resize(*SIZE)
    return dialog


def main() -> int:
    use_throwaway_settings()  # before any window: the real settings stay untouched
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyle(QStyleFactory.create("Fusion"))
    runner = TaskRunner()
    with tempfile.TemporaryDirectory() as folder:
        vault, _recovery = Vault.create(Path(folder) / "v", PASSPHRASE, kdf=floor_params())
        with vault:
            ids = fill_demo(vault, TODAY)
            records = [clients.read_record(vault, i) for i in ids]
            ended = [(r, e) for r in records for e in r.episodes if has_termination_record(e)]
            record, episode = max(ended, key=lambda pair: len(pair[1].termination.achievements))

            dialog = open_for(vault, runner, record, episode.id)
            grab(dialog, runner, out / "letter_1280x800.png")
            dialog.form.setKind(DocumentKind.CLINICAL)
            grab(dialog, runner, out / "clinical_1280x800.png")
            dialog.form.setKind(DocumentKind.BOTH)
            dialog.form.achievements.setChecked(0, False)
            dialog.form.skills.moveItem(0, 1)
            dialog.form.usePassword.setChecked(True)
            dialog.form.password.setText("correct horse battery staple")
            settle(dialog, runner)
            dialog.choices.ensureWidgetVisible(dialog.form.passwordNote)
            grab(dialog, runner, out / "both_choices_1280x800.png")
            dialog.reject()

            bare = next(
                (r, e) for r in records for e in r.episodes if not has_termination_record(e)
            )
            dialog = open_for(vault, runner, bare[0], bare[1].id)
            grab(dialog, runner, out / "nothing_recorded_1280x800.png")
            dialog.reject()

            app.setPalette(dark_palette())
            dialog = open_for(vault, runner, record, episode.id)
            grab(dialog, runner, out / "letter_dark_1280x800.png")
            dialog.reject()
            runner.waitForDone(10_000)
            QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
