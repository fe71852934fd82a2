"""Issue 14: one damaged client is one "damaged record" row; every other client works, and
the auto-lock is running before anything is loaded. The attack: one byte of one client's
sealed summary flipped with sqlite3, then the GUI opened."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.model import Client
from ipt_desktop.services import clients, unlock_session
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.shell import dismissing_modals, when_modal
from ui.app.damaged_records import ROW_TITLE, DamagedRecordDialog
from ui.app.main_window import MainWindow
from ui.common.app_settings import AppSettings
from ui.common.task_runner import TaskRunner


@pytest.fixture
def flipped(vault_dir: Path) -> tuple[str, str]:
    """(damaged id, healthy id) in a closed vault whose first client's summary was flipped."""
    vault, _recovery = Vault.create(vault_dir, PASSPHRASE, kdf=floor_params())
    victim, healthy = Client(name="Demo – Flipped"), Client(name="Demo – Healthy")
    for client in (victim, healthy):
        clients.create_client(vault, client)
    vault.close()
    conn = sqlite3.connect(vault_dir / "vault.sqlite3")
    (summary,) = conn.execute("SELECT summary FROM clients WHERE id = ?", (victim.id,)).fetchone()
    changed = bytearray(summary)
    changed[-5] ^= 0x01
    conn.execute("UPDATE clients SET summary = ? WHERE id = ?", (bytes(changed), victim.id))
    conn.commit()
    conn.close()
    return victim.id, healthy.id


@pytest.fixture
def opened(vault_dir: Path, flipped: tuple[str, str]) -> Iterator[Vault]:
    vault = Vault.open(vault_dir)
    unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE))
    try:
        yield vault
    finally:
        vault.close()


def test_a_flipped_summary_is_one_damaged_row_and_the_others_work(
    qtbot: QtBot, opened: Vault, settings: AppSettings, flipped: tuple[str, str]
) -> None:
    victim, healthy = flipped
    window = MainWindow(opened, TaskRunner(), settings, kdf=floor_params)
    try:
        with qtbot.waitActive(window):
            window.show()
        assert window.lockController.idle.isActive()
        damaged = window.workArea.damaged
        assert damaged.isVisible()
        assert [d.client_id for d in damaged.damaged()] == [victim]
        (row,) = damaged.rows
        assert row.isVisible() and row.title() == ROW_TITLE
        assert row.message() == f"Name unknown · id {victim}"
        model = window.workArea.panel.model
        assert model.rowOf(healthy) is not None and model.rowOf(victim) is None
        assert window.workArea.switchTo(healthy)
        assert window.workArea.currentClientId() == healthy

        seen: list[str] = []

        def read_and_close(dialog: QWidget) -> None:
            assert isinstance(dialog, DamagedRecordDialog)
            seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
            dialog.reject()

        when_modal(read_and_close)
        button = row.actionButton()
        assert button is not None
        button.click()
        # The same words verify prints: the row and the reason, by id, no name.
        assert f"client_summaries {victim} does not match the manifest" in seen[0]
        assert "Flipped" not in seen[0]
    finally:
        with dismissing_modals():
            window.close()
        window.runner.waitForDone(30_000)
        window.deleteLater()


def test_the_auto_lock_starts_before_the_list_loads(
    qtbot: QtBot, opened: Vault, settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(opened, TaskRunner(), settings, kdf=floor_params)
    try:
        window.lockController.idle.stop()

        def broken(*_args: object, **_kwargs: object) -> object:
            raise RuntimeError("loading failed")

        monkeypatch.setattr(clients, "list_chunk", broken)
        with pytest.raises(RuntimeError):
            window.lockController.unlocked()  # what runs after every unlock
        assert window.lockController.idle.isActive()
    finally:
        with dismissing_modals():
            window.close()
        window.runner.waitForDone(30_000)
        window.deleteLater()
