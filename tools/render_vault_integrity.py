"""Render the views of issue 14 offscreen to PNG: a damaged record row in the client list
(one client's summary flipped with sqlite3), its dialog, the flagged unlock notice with
"Accept this vault as it is", the key rotation dialog (both pages), Settings > Security.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tools/render_vault_integrity.py [OUT_DIR]

Everything happens in a throwaway folder with the fictional demo practice; vaults use the
minimum key-derivation parameters through the public API.
"""

import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="ipt-render-integrity-"))
os.environ["IPT_DESKTOP_DATA_DIR"] = str(WORK / "data")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from ipt_desktop.crypto.kdf import floor_params  # noqa: E402
from ipt_desktop.demo.practice import fill_demo  # noqa: E402
from ipt_desktop.services import clients, unlock_session  # noqa: E402
from ipt_desktop.services.unlock_secret import UnlockSecret  # noqa: E402
from ipt_desktop.vault.rollback_guard import RollbackWarning  # noqa: E402
from ipt_desktop.vault.vault import Vault  # noqa: E402
from ui.app.damaged_records import DamagedRecordDialog  # noqa: E402
from ui.app.main_window import MainWindow  # noqa: E402
from ui.app.rekey_dialog import RekeyDialog  # noqa: E402
from ui.app.settings_dialog import SettingsDialog  # noqa: E402
from ui.backup.rollback_notice import UnlockNoticeDialog  # noqa: E402
from ui.common.app_settings import AppSettings, use_throwaway_settings  # noqa: E402
from ui.common.task_runner import TaskRunner  # noqa: E402
from ui.common.theme import apply_theme, configure_before_app  # noqa: E402

PASSPHRASE = "candle river orbit maple"  # noqa: S105 (fictional, for a throwaway vault)
SIZES = ((1280, 800), (1024, 700))


def settle(ms: int = 150) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, out: Path, name: str) -> None:
    settle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def flipped_vault(root: Path) -> Vault:
    vault, _recovery = Vault.create(root, PASSPHRASE, kdf=floor_params())
    ids = fill_demo(vault)
    vault.close()
    conn = sqlite3.connect(root / "vault.sqlite3")
    (summary,) = conn.execute("SELECT summary FROM clients WHERE id = ?", (ids[1],)).fetchone()
    changed = bytearray(summary)
    changed[-5] ^= 0x01
    conn.execute("UPDATE clients SET summary = ? WHERE id = ?", (bytes(changed), ids[1]))
    # And one session of the first client deleted: its record is refused when opened.
    conn.execute(
        "DELETE FROM sessions WHERE id = (SELECT id FROM sessions WHERE client_id = ? LIMIT 1)",
        (ids[0],),
    )
    conn.commit()
    conn.close()
    opened = Vault.open(root)
    unlock_session.unlock(opened, UnlockSecret.passphrase(PASSPHRASE))
    return opened


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("/work/shots/h14")
    out.mkdir(parents=True, exist_ok=True)
    use_throwaway_settings()  # never the real user's settings
    configure_before_app()
    app = QApplication(["render_vault_integrity"])
    apply_theme(app)
    settings = AppSettings(QSettings(str(WORK / "settings.ini"), QSettings.Format.IniFormat))
    runner = TaskRunner()
    vault = flipped_vault(WORK / "vault")
    window = MainWindow(vault, runner, settings, kdf=floor_params)
    window.show()
    for width, height in SIZES:
        window.resize(width, height)
        save(window, out, f"main_damaged_row_{width}x{height}")
    listing = clients.list_clients(vault)
    window.workArea.switchTo(listing.summaries[0].client_id)
    for width, height in SIZES:
        window.resize(width, height)
        save(window, out, f"main_record_refused_{width}x{height}")
    damaged = listing.damaged[0]
    dialog: QWidget = DamagedRecordDialog(damaged, window)
    dialog.show()
    save(dialog, out, "dialog_damaged_record")
    dialog.hide()
    outcome = unlock_session.UnlockOutcome(
        last_written_at=vault.header.written_at,
        generation=vault.header.generation,
        failed_attempts=0,
        rollback=RollbackWarning(vault.header.written_at, 41, 57, vault.header.written_at),
        manifest_alert=unlock_session.MANIFEST_ALERT.format(when="missing: client 1b2c…"),
    )
    notice = UnlockNoticeDialog(outcome, 0, window)
    notice.show()
    save(notice, out, "dialog_unlock_flagged")
    notice.hide()
    rekey = RekeyDialog(vault, runner, settings.paperSize(), window)
    rekey.show()
    save(rekey, out, "dialog_rekey_1_ask")
    rekey.passphrase.setText(PASSPHRASE)
    rekey.startRekey()
    end = time.monotonic() + 30
    while rekey.pages.currentIndex() != 1 and time.monotonic() < end:
        settle(50)
    save(rekey, out, "dialog_rekey_2_key")
    rekey.keyPanel.written.setChecked(True)
    rekey.hide()
    settings_dialog = SettingsDialog(vault, settings, window)
    settings_dialog.tabs.setCurrentIndex(2)
    settings_dialog.show()
    save(settings_dialog, out, "dialog_settings_security")
    settings_dialog.hide()
    window.close()
    runner.waitForDone(30_000)
    vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
