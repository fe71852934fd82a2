"""The unlock screen: key derivation off the UI thread with a busy indicator; a wrong
passphrase gets a plain message and the field keeps the focus; the recovery key works;
a vault whose header was altered is reported as damaged."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.services.unlock_session import UnlockOutcome
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from ui.app.unlock_screen import WRONG_PASSPHRASE, UnlockScreen
from ui.common.task_runner import TaskRunner

SLOW_MS = 30_000


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[tuple[Vault, str]]:
    created, recovery = Vault.create(tmp_path / "vault", PASSPHRASE, kdf=floor_params())
    created.close()
    vault = Vault.open(tmp_path / "vault")
    try:
        yield vault, recovery
    finally:
        vault.close()


def make_screen(qtbot: QtBot, vault: Vault) -> UnlockScreen:
    screen = UnlockScreen(vault, TaskRunner(), demo_passphrase=None)
    qtbot.addWidget(screen)
    screen.resize(800, 600)
    with qtbot.waitActive(screen):
        screen.show()
        screen.activateWindow()
    screen.passphrase.setFocus()
    return screen


def test_wrong_passphrase_keeps_the_focus_with_a_clear_message(
    qtbot: QtBot, locked: tuple[Vault, str]
) -> None:
    vault, _recovery = locked
    screen = make_screen(qtbot, vault)
    qtbot.keyClicks(screen.passphrase, "candle river orbit maples")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert screen.busy.isVisible()  # Argon2 runs on a pool thread; the window is alive
    assert screen.passphrase.isReadOnly() and screen.passphrase.isEnabled()
    qtbot.waitUntil(lambda: screen.error.text() == WRONG_PASSPHRASE, timeout=SLOW_MS)
    assert not vault.is_unlocked
    assert not screen.busy.isVisible()
    assert screen.passphrase.hasFocus()
    assert screen.passphrase.selectedText() == "candle river orbit maples"
    assert not screen.passphrase.isReadOnly()


def test_right_passphrase_unlocks(qtbot: QtBot, locked: tuple[Vault, str]) -> None:
    vault, _recovery = locked
    screen = make_screen(qtbot, vault)
    screen.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(screen.unlocked, timeout=SLOW_MS) as blocker:
        screen.unlockButton.click()
    with_recovery, outcome = blocker.args
    assert with_recovery is False
    assert isinstance(outcome, UnlockOutcome)
    assert vault.is_unlocked
    assert screen.passphrase.text() == ""  # nothing typed stays in the widget


def test_recovery_key_unlocks_and_asks_for_a_new_passphrase(
    qtbot: QtBot, locked: tuple[Vault, str]
) -> None:
    vault, recovery = locked
    screen = make_screen(qtbot, vault)
    screen.useRecovery.click()
    assert screen.isRecoveryMode()
    assert screen.recoveryKey.hasFocus()
    screen.recoveryKey.setText(recovery.lower().replace("-", " "))  # forgiving typing
    with qtbot.waitSignal(screen.unlocked, timeout=SLOW_MS) as blocker:
        qtbot.keyClick(screen.recoveryKey, Qt.Key.Key_Return)
    assert blocker.args[0] is True
    assert vault.is_unlocked


def test_mistyped_recovery_key_says_what_is_wrong(qtbot: QtBot, locked: tuple[Vault, str]) -> None:
    vault, recovery = locked
    screen = make_screen(qtbot, vault)
    screen.setRecoveryMode(True)
    screen.recoveryKey.setText(recovery[:-1] + ("A" if recovery[-1] != "A" else "B"))
    screen.attemptUnlock()
    qtbot.waitUntil(lambda: "typo" in screen.error.text(), timeout=SLOW_MS)
    assert screen.recoveryKey.hasFocus()
    assert not vault.is_unlocked


def test_altered_header_is_reported_as_damage(qtbot: QtBot, tmp_path: Path) -> None:
    created, _recovery = Vault.create(tmp_path / "vault", PASSPHRASE, kdf=floor_params())
    db = created.files.db
    created.close()
    with sqlite3.connect(db) as conn:
        body = conn.execute("SELECT body FROM vault_header WHERE id = 1").fetchone()[0]
        altered = bytes(body).replace(b'"generation":', b'"generation": ', 1)
        assert altered != bytes(body)
        conn.execute("UPDATE vault_header SET body = ? WHERE id = 1", (altered,))
    vault = Vault.open(tmp_path / "vault")
    try:
        screen = make_screen(qtbot, vault)
        screen.passphrase.setText(PASSPHRASE)
        with qtbot.waitSignal(screen.damaged, timeout=SLOW_MS) as blocker:
            screen.attemptUnlock()
        assert "altered" in blocker.args[0] or "damaged" in blocker.args[0]
        assert not vault.is_unlocked
    finally:
        vault.close()


def test_reset_forgets_what_was_typed(qtbot: QtBot, locked: tuple[Vault, str]) -> None:
    vault, _recovery = locked
    screen = make_screen(qtbot, vault)
    screen.passphrase.setText("half typed")
    screen.setRecoveryMode(True)
    screen.recoveryKey.setText("ABCD")
    screen.reset("Locked after 10 minutes without activity.")
    assert screen.passphrase.text() == "" and screen.recoveryKey.text() == ""
    assert not screen.isRecoveryMode()
    assert screen.status.text() == "Locked after 10 minutes without activity."
