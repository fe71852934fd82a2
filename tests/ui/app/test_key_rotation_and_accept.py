"""Issue 14 in the GUI: new recovery and master keys from the window (a wrong passphrase
changes nothing; the new key is shown once and the dialog closes only when it was written
down), and "Accept this vault as it is" after an unlock that found the vault flagged."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from ipt_desktop.domain.graduation import PaperSize
from ipt_desktop.services import unlock_session
from ipt_desktop.vault import audit_log
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.shell import when_modal
from ui.app.main_window import MainWindow
from ui.app.rekey_dialog import RekeyDialog
from ui.backup.rollback_notice import UnlockNoticeChoice, UnlockNoticeDialog


def _events(vault: Vault) -> list[AuditEvent]:
    with vault.reading() as db:
        chain = audit_log.walk(
            db,
            vault.purpose_key("audit"),
            vault.vault_id,
            vault.header.audit_head,
            vault.header.audit_count,
        )
    return [entry.event for entry in chain.entries]


def test_a_wrong_passphrase_changes_no_key(qtbot: QtBot, window: MainWindow) -> None:
    before = window.vault.header.wrapped_by_recovery
    dialog = RekeyDialog(window.vault, window.runner, PaperSize.A4, window)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("not the passphrase at all")
    dialog.startRekey()
    qtbot.waitUntil(lambda: dialog.askButtons.isEnabled(), timeout=30_000)
    assert "not correct" in dialog.error.text() and "not changed" in dialog.error.text()
    assert dialog.pages.currentIndex() == 0
    assert window.vault.header.wrapped_by_recovery == before


def test_new_keys_are_shown_once_and_the_old_recovery_key_stops(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, vault_dir: Path
) -> None:
    dialog = RekeyDialog(window.vault, window.runner, PaperSize.A4, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.startRekey()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=30_000)
    shown = dialog.keyPanel.keyLabel.text().split()
    assert len(shown) == 14
    close = dialog.closeButtons.button(QDialogButtonBox.StandardButton.Close)
    assert not close.isEnabled()
    dialog.reject()  # Escape: the key is shown once, so it stays
    assert dialog.isVisible()
    dialog.keyPanel.saveSheetTo(tmp_path / "sheet")
    qtbot.waitUntil(lambda: (tmp_path / "sheet.pdf").is_file(), timeout=30_000)
    dialog.keyPanel.written.setChecked(True)
    close.click()
    assert not dialog.isVisible() and dialog.keyPanel.keyLabel.text() == ""
    assert _events(window.vault)[-1] is AuditEvent.REKEYED
    new_key = "-".join(shown)
    window.vault.close()
    reopened = Vault.open(vault_dir)
    try:
        reopened.unlock_with_recovery_key(new_key)
    finally:
        reopened.close()


def test_accepting_a_flagged_vault_is_recorded(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    outcome = unlock_session.UnlockOutcome(
        last_written_at=window.vault.header.written_at,
        generation=window.vault.header.generation,
        failed_attempts=0,
        rollback=None,
        manifest_alert="The list of clients in this vault does not match (test).",
    )

    def accept(dialog: object) -> None:
        assert isinstance(dialog, UnlockNoticeDialog)
        assert dialog.acceptButton is not None and dialog.restoreButton is not None
        dialog.acceptButton.click()

    when_modal(accept)
    window._report_unlock(outcome, 0)
    assert _events(window.vault)[-1] is AuditEvent.ROLLBACK_ACCEPTED
    assert "accepted" in window.statusBar().currentMessage()


def test_an_unflagged_unlock_offers_no_accept_button(qtbot: QtBot, window: MainWindow) -> None:
    outcome = unlock_session.UnlockOutcome(window.vault.header.written_at, 3, 2, None)
    dialog = UnlockNoticeDialog(outcome)
    qtbot.addWidget(dialog)
    assert dialog.acceptButton is None and dialog.choice() is UnlockNoticeChoice.CONTINUE
