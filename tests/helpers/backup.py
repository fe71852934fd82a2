"""Helpers for the backup views' tests (imported by name: this folder is on sys.path)."""

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ipt_desktop.domain.model import Client
from ipt_desktop.services import clients
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE


def add_clients(vault: Vault, *names: str) -> None:
    for name in names:
        clients.create_client(vault, Client(name=name))


def client_names(vault_dir: Path) -> set[str]:
    """The client names in the vault at ``vault_dir`` (opened, unlocked, closed again)."""
    vault = Vault.open(vault_dir)
    try:
        vault.unlock(PASSPHRASE)
        return {summary.name for summary in clients.list_summaries(vault)}
    finally:
        vault.close()


def flip_audit_entry(db_path: Path, seq: int) -> None:
    """Change one byte of the sealed audit entry ``seq`` straight in the file."""
    db = sqlite3.connect(db_path)
    try:
        (payload,) = db.execute("SELECT payload FROM audit_log WHERE seq = ?", (seq,)).fetchone()
        changed = bytearray(payload)
        changed[len(changed) // 2] ^= 0x01
        db.execute("UPDATE audit_log SET payload = ? WHERE seq = ?", (bytes(changed), seq))
        db.commit()
    finally:
        db.close()


def on_each_modal(
    action: Callable[[QWidget], bool], timeout_ms: int = 60_000
) -> Callable[[], None]:
    """Call ``action`` with the active modal dialog whenever one is up (from the event loop),
    until it returns True. Returns a function that stops the polling."""
    deadline = time.monotonic() + timeout_ms / 1000
    stopped = [False]

    def poll() -> None:
        if stopped[0]:
            return
        widget = QApplication.activeModalWidget()
        if widget is not None and widget.isVisible() and action(widget):
            return
        if time.monotonic() < deadline:
            QTimer.singleShot(20, poll)
        elif widget is not None:
            widget.hide()  # the test has failed; never leave a modal loop running

    QTimer.singleShot(0, poll)

    def stop() -> None:
        stopped[0] = True

    return stop
