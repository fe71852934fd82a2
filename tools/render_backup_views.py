"""Render the backup, restore, audit log and unlock-notice views offscreen to PNG.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tools/render_backup_views.py [OUT_DIR] [--dark]

Writes to OUT_DIR (default /work/main/screenshots/backup/). Everything happens in a
throwaway folder (vault, backups, machine state) with the fictional demo practice; vaults
use the minimum key-derivation parameters through the public API.
"""

import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="ipt-render-backup-"))
os.environ["IPT_DESKTOP_DATA_DIR"] = str(WORK / "data")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QLabel,
    QMainWindow,
    QStyleFactory,
    QWidget,
)

from ipt_desktop.crypto.kdf import floor_params  # noqa: E402
from ipt_desktop.demo.practice import fill_demo  # noqa: E402
from ipt_desktop.services import automatic_backups, unlock_session  # noqa: E402
from ipt_desktop.services.restore import restore_backup  # noqa: E402
from ipt_desktop.services.unlock_secret import UnlockSecret  # noqa: E402
from ipt_desktop.vault.audit_log import AuditEvent  # noqa: E402
from ipt_desktop.vault.errors import WrongPassphraseError  # noqa: E402
from ipt_desktop.vault.vault import Vault  # noqa: E402
from tests.helpers import PASSPHRASE  # noqa: E402
from ui.backup.audit_log_view import AuditLogDialog  # noqa: E402
from ui.backup.background import wait_for_backup_work  # noqa: E402
from ui.backup.backup_dialog import BackupDialog  # noqa: E402
from ui.backup.damaged_vault import DamagedVaultDialog  # noqa: E402
from ui.backup.restore_dialog import RestoreDialog  # noqa: E402
from ui.backup.restore_flow import RestoreSource  # noqa: E402
from ui.backup.rollback_notice import UnlockNoticeDialog, show_last_written  # noqa: E402
from ui.common.app_settings import AppSettings, use_throwaway_settings  # noqa: E402
from ui.common.theme import apply_theme, configure_before_app  # noqa: E402

DEFAULT_OUT = ROOT / "screenshots" / "backup"
SECRET = UnlockSecret.passphrase(PASSPHRASE)


def dark_palette() -> QPalette:
    """A stand-in for a dark desktop (the same colours as tools/render_views.py)."""
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


def settle(ms: int = 80) -> None:
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


def save(widget: QWidget, out: Path, name: str) -> None:
    settle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def show(widget: QWidget, out: Path, name: str) -> None:
    widget.show()
    save(widget, out, name)
    widget.hide()
    widget.deleteLater()


def session(root: Path) -> unlock_session.UnlockOutcome:
    vault = Vault.open(root)
    try:
        outcome = unlock_session.unlock(vault, SECRET)
        vault.record_event(AuditEvent.SETTINGS_CHANGED)
    finally:
        vault.close()
    return outcome


def rolled_back_outcome(folder: Path) -> unlock_session.UnlockOutcome:
    root = folder / "rolled-back"
    vault, _recovery = Vault.create(root, PASSPHRASE, kdf=floor_params())
    vault.close()
    session(root)
    old = (root / "vault.sqlite3").read_bytes()
    session(root)
    session(root)
    (root / "vault.sqlite3").write_bytes(old)
    vault = Vault.open(root)
    try:
        for wrong in ("not the passphrase", "still not it"):
            with suppress(WrongPassphraseError):
                unlock_session.unlock(vault, UnlockSecret.passphrase(wrong))
        return unlock_session.unlock(vault, SECRET)
    finally:
        vault.close()


def tampered_copy(backup: Path, folder: Path) -> Vault:
    """A vault restored from ``backup`` whose audit entry in the middle was edited."""
    root = folder / "tampered"
    restore_backup(backup, root, SECRET)
    db = sqlite3.connect(root / "vault.sqlite3")
    (count,) = db.execute("SELECT count(*) FROM audit_log").fetchone()
    seq = count // 2
    (payload,) = db.execute("SELECT payload FROM audit_log WHERE seq = ?", (seq,)).fetchone()
    changed = bytearray(payload)
    changed[len(changed) // 2] ^= 0x01
    db.execute("UPDATE audit_log SET payload = ? WHERE seq = ?", (bytes(changed), seq))
    db.commit()
    db.close()
    copy = Vault.open(root)
    copy.unlock(PASSPHRASE)
    return copy


def render(out: Path, vault: Vault, suffix: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="views-", dir=WORK))
    # Back up now: under way, done, failed.
    dialog = BackupDialog(vault, folder / "ipt-desktop-backup-2025-06-02.iptbackup")
    dialog.progress.setStage("write", 0.45)
    dialog.closeButton.setEnabled(False)
    show(dialog, out, f"backup_progress{suffix}")
    dialog = BackupDialog(vault, folder / "ipt-desktop-backup-2025-06-02.iptbackup")
    dialog.show()
    dialog.start()
    wait_until(lambda: dialog.backupResult() is not None)
    save(dialog, out, f"backup_done{suffix}")
    dialog.hide()
    dialog = BackupDialog(vault, folder / "no-such-folder" / "backup.iptbackup")
    dialog.show()
    dialog.start()
    wait_until(lambda: bool(dialog.errorText()))
    save(dialog, out, f"backup_failed{suffix}")
    dialog.hide()

    # Restore: from the main window (newest), a chosen file, a wrong passphrase, success.
    noop: Callable[[], None] = lambda: None  # noqa: E731
    restore = RestoreDialog(vault.files.root, close_current_vault=noop)
    show(restore, out, f"restore_newest{suffix}")
    restore = RestoreDialog(vault.files.root, source=RestoreSource.FILE)
    restore.setBackupFile(folder / "ipt-desktop-backup-2025-06-02.iptbackup")
    show(restore, out, f"restore_file{suffix}")
    restore = RestoreDialog(folder / "restored", source=RestoreSource.FILE)
    restore.setBackupFile(folder / "ipt-desktop-backup-2025-06-02.iptbackup")
    restore.form.secret.setText("not the passphrase")
    restore.show()
    restore.startRestore()
    wait_until(lambda: restore.error.isVisibleTo(restore))
    save(restore, out, f"restore_wrong_passphrase{suffix}")
    restore.form.secret.setText(PASSPHRASE)
    restore.startRestore()
    wait_until(lambda: restore.restoreResult() is not None)
    save(restore, out, f"restore_done{suffix}")
    restore.hide()
    restore = RestoreDialog(
        vault.files.root, problem="The vault file is damaged (database disk image is malformed)."
    )
    show(restore, out, f"restore_damaged{suffix}")

    # Damaged vault message, with and without backups.
    error = "The vault file is damaged (database disk image is malformed). It was not changed."
    show(DamagedVaultDialog(vault.files.root, error), out, f"damaged_with_backups{suffix}")
    show(DamagedVaultDialog(folder / "empty", error), out, f"damaged_no_backups{suffix}")

    # Audit log: intact, filtered, broken.
    audit = AuditLogDialog(vault)
    show(audit, out, f"audit_intact{suffix}")
    copy = tampered_copy(folder / "ipt-desktop-backup-2025-06-02.iptbackup", folder)
    try:
        audit = AuditLogDialog(copy)
        show(audit, out, f"audit_broken{suffix}")
    finally:
        copy.close()

    # After unlock: the notice and the status bar line.
    outcome = rolled_back_outcome(folder)
    show(UnlockNoticeDialog(outcome), out, f"unlock_notice{suffix}")
    window = QMainWindow()
    window.setCentralWidget(QLabel("…"))
    window.resize(900, 120)
    show_last_written(window.statusBar(), outcome)
    show(window, out, f"status_last_written{suffix}")


def main(argv: list[str]) -> int:
    use_throwaway_settings()  # before any window: the real settings stay untouched
    out = Path(argv[0]) if argv and not argv[0].startswith("-") else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    configure_before_app()
    app = QApplication(["render_backup_views"])
    apply_theme(app)
    AppSettings(QSettings(str(WORK / "settings.ini"), QSettings.Format.IniFormat))
    vault, _recovery = Vault.create(WORK / "vault", PASSPHRASE, kdf=floor_params())
    try:
        fill_demo(vault)
        for _ in range(3):
            automatic_backups.run_automatic_backup(vault, force=True)
        render(out, vault, "")
        if "--dark" in argv:
            app.setStyle(QStyleFactory.create("Fusion"))
            app.setPalette(dark_palette())
            apply_theme(app)
            render(out, vault, "_dark")
        wait_for_backup_work()
    finally:
        vault.close()
        shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
