"""Render every view of the app offscreen to PNG, to look at them.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tools/render_views.py [OUT_DIR] [--dark]

Writes to OUT_DIR (default /work/main/screenshots/app): the first-run wizard's pages, the
unlock screen, the main window with the demo practice, each workspace tab, the closeness
circle, the session editor with an item-9 positive PHQ-9, and the shell's dialogs; the
window views at 1280x800 and 1024x700. ``--dark`` renders with a dark palette as well
(the app follows the system's palette; this stands in for a dark desktop).
"""

import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QStyleFactory, QWidget, QWizard  # noqa: E402

from ipt_desktop.crypto.kdf import floor_params  # noqa: E402
from ipt_desktop.domain.measures import item9_positive  # noqa: E402
from ipt_desktop.services import clients  # noqa: E402
from ui.app.client_dialogs import (  # noqa: E402
    ClientFormDialog,
    DeleteClientDialog,
    EndTreatmentDialog,
)
from ui.app.demo_vault import DEMO_PASSPHRASE, DemoVault  # noqa: E402
from ui.app.first_run_wizard import FirstRunWizard  # noqa: E402
from ui.app.main_window import MainWindow  # noqa: E402
from ui.app.new_passphrase_dialog import NewPassphraseDialog  # noqa: E402
from ui.app.settings_dialog import SettingsDialog  # noqa: E402
from ui.backup import RestoreDialog  # noqa: E402
from ui.common.app_settings import AppSettings, use_throwaway_settings  # noqa: E402
from ui.common.task_runner import TaskRunner  # noqa: E402
from ui.common.theme import apply_theme, configure_before_app  # noqa: E402

DEFAULT_OUT = ROOT / "screenshots" / "app"
SIZES = ((1280, 800), (1024, 700))
TABS = ("overview", "sessions", "inventory", "formulation", "life_events", "termination")


def settle(ms: int = 60) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def wait_until(condition: Callable[[], bool], timeout_s: float = 60) -> None:
    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the view did not get ready")
        QApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, out: Path, name: str) -> Path:
    settle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)
    return path


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2d30",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1f22",
        QPalette.ColorRole.AlternateBase: "#26282b",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#35373b",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#35373b",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8c8f94",
        QPalette.ColorRole.Link: "#6ea8fe",
        QPalette.ColorRole.Mid: "#4a4c50",
        QPalette.ColorRole.Midlight: "#3c3e42",
        QPalette.ColorRole.Dark: "#18191b",
        QPalette.ColorRole.Light: "#505357",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7d82"))
    return palette


def render_wizard(out: Path, settings: AppSettings, runner: TaskRunner, folder: Path) -> None:
    wizard = FirstRunWizard(
        folder / "wizard-vault",
        runner,
        settings,
        kdf=floor_params,
        rng=random.Random(4),  # noqa: S311 - a fixed quiz
    )
    wizard.resize(wizard.sizeHint())
    wizard.show()
    save(wizard, out, "first_run_1_welcome")
    wizard.next()
    page = wizard.passphrasePage
    page.passphrase.setText("password1234")
    page.confirm.setText("pass")
    page.meter.verdict()
    save(wizard, out, "first_run_2_passphrase_weak")
    page.passphrase.setText("candle river orbit maple")
    page.confirm.setText("candle river orbit maple")
    page.meter.verdict()
    save(wizard, out, "first_run_3_passphrase_strong")
    wizard.button(QWizard.WizardButton.CommitButton).click()
    wait_until(lambda: wizard.currentId() == FirstRunWizard.RECOVERY)
    save(wizard, out, "first_run_4_recovery_key")
    wizard.recoveryPage.keyPanel.written.setChecked(True)
    wizard.next()
    first, second = wizard.confirmPage.expectedGroups()
    wizard.confirmPage.first.setText(wizard.recoveryKey().split("-")[first - 1])
    wizard.confirmPage.second.setText("WXYZ")
    save(wizard, out, "first_run_5_confirm")
    wizard.confirmPage.second.setText(wizard.recoveryKey().split("-")[second - 1])
    wizard.next()
    wizard.practicePage.form.therapist.setText("Dr Jordan Reyes")
    save(wizard, out, "first_run_6_practice")
    wizard.discardNewVault()
    wizard.hide()
    wizard.deleteLater()


def render_window(out: Path, window: MainWindow, suffix: str) -> None:
    vault = window.vault
    summaries = clients.list_summaries(vault)
    risky = next((s for s in summaries if s.risk_flag), summaries[0])
    calm = next(s for s in summaries if s.active and not s.risk_flag)
    for width, height in SIZES:
        size = f"{width}x{height}{suffix}"
        window.resize(width, height)
        window.workArea.switchTo(None)
        save(window, out, f"main_empty_{size}")
        window.workArea.switchTo(calm.client_id)
        for tab in TABS:
            window.workArea.workspace.setCurrentTab(tab)
            save(window, out, f"tab_{tab}_{size}")
        window.workArea.switchTo(risky.client_id)
        record = clients.read_record(vault, risky.client_id)
        flagged = [s for s in record.sessions if item9_positive(s.phq9)]
        if flagged:
            window.workArea.workspace.openSession(flagged[-1].id)
        save(window, out, f"session_item9_{size}")
        window.workArea.panel.search.setText("sister")
        wait_until(lambda: not window.workArea.panel.searchPending())
        save(window, out, f"main_search_notes_{size}")
        window.workArea.panel.search.clear()
        window.lockController.lockNow()
        save(window, out, f"unlock_{size}")
        window.unlockScreen.passphrase.setText("not the passphrase")
        window.unlockScreen.attemptUnlock()
        wait_until(lambda: bool(window.unlockScreen.error.text()))
        save(window, out, f"unlock_wrong_{size}")
        window.unlockScreen.passphrase.setText(DEMO_PASSPHRASE)
        window.unlockScreen.attemptUnlock()
        wait_until(lambda: not window.isShowingUnlock())
        settle(200)


def render_dialogs(out: Path, window: MainWindow, runner: TaskRunner, suffix: str) -> None:
    vault = window.vault
    client = clients.find_client(vault, clients.list_summaries(vault)[0].client_id)
    add = ClientFormDialog(parent=window)
    add.name.setText("Noor Haddad")
    add.birth.lineEdit().setText("1981-02-30")
    dialogs: list[tuple[str, QDialog]] = [
        ("dialog_add_client", add),
        ("dialog_edit_client", ClientFormDialog(client, window)),
        ("dialog_end_treatment", EndTreatmentDialog(client, window)),
        ("dialog_delete_client", DeleteClientDialog(client, window)),
        ("dialog_new_passphrase", NewPassphraseDialog(vault, runner, after_recovery=True)),
        (
            "dialog_restore",
            RestoreDialog(vault.files.root, problem="The vault file is damaged (example)."),
        ),
    ]
    settings_dialog = SettingsDialog(vault, window.settings, window)
    dialogs.append(("dialog_settings_practice", settings_dialog))
    for name, dialog in dialogs:
        dialog.show()
        dialog.adjustSize()
        save(dialog, out, name + suffix)
        if dialog is settings_dialog:
            settings_dialog.tabs.setCurrentIndex(1)
            save(dialog, out, "dialog_settings_crisis" + suffix)
            settings_dialog.tabs.setCurrentIndex(2)
            save(dialog, out, "dialog_settings_general" + suffix)
        dialog.hide()
        dialog.deleteLater()


def main(argv: list[str]) -> int:
    use_throwaway_settings()  # before any window: the real settings stay untouched
    out = Path(argv[0]) if argv and not argv[0].startswith("-") else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    configure_before_app()
    app = QApplication(["render_views"])
    apply_theme(app)
    folder = Path(tempfile.mkdtemp(prefix="ipt-render-"))
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    runner = TaskRunner()
    render_wizard(out, settings, runner, folder)
    demo = DemoVault.create()
    try:
        window = MainWindow(demo.vault, runner, settings, demo_passphrase=demo.passphrase)
        window.show()
        render_window(out, window, "")
        render_dialogs(out, window, runner, "")
        window.close()
        if "--dark" in argv:
            # As on a dark desktop: the palette is dark before any widget is made.
            app.setStyle(QStyleFactory.create("Fusion"))
            app.setPalette(dark_palette())
            apply_theme(app)
            window = MainWindow(demo.vault, runner, settings, demo_passphrase=demo.passphrase)
            window.show()
            render_window(out, window, "_dark")
            window.close()
        runner.waitForDone(30_000)
    finally:
        demo.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
