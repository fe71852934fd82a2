"""Fixtures for the backup views' tests: offscreen Qt, a data folder per test, small vaults.

Every test here fails on a Qt warning (pytest-qt ``qt_log_level_fail``); the one message
ignored is the offscreen platform saying it cannot size native windows (it has none).
Vaults use the minimum key-derivation parameters through the public API, never weaker.
No dialog can block: file pickers and questions are monkeypatched per test.
"""

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from backup_testing import PASSPHRASE

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.vault.vault import Vault
from ui.backup.background import wait_for_backup_work

_HERE = Path(__file__).resolve().parent
OFFSCREEN_SIZE_HINTS = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS))


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Machine state (rollback memory, failed attempts) lives in this test's own folder;
    no backup job outlives its test."""
    monkeypatch.setenv("IPT_DESKTOP_DATA_DIR", str(tmp_path / "data"))
    yield
    assert wait_for_backup_work(60_000)


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "v"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    created, _recovery = Vault.create(vault_dir, PASSPHRASE, kdf=floor_params())
    try:
        yield created
    finally:
        wait_for_backup_work(60_000)
        created.close()
