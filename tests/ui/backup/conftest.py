"""Fixtures for the backup views' tests: no backup job outlives its test or its vault.

No dialog can block: file pickers and questions are monkeypatched per test.
"""

from collections.abc import Iterator

import pytest

from ipt_desktop.vault.vault import Vault
from ui.backup.background import wait_for_backup_work


@pytest.fixture(autouse=True)
def _backup_work_done() -> Iterator[None]:
    yield
    assert wait_for_backup_work(60_000)


@pytest.fixture
def vault(vault: Vault) -> Iterator[Vault]:
    """The shared vault, closed only once its backup work has finished."""
    yield vault
    wait_for_backup_work(60_000)
