"""Fixtures every test package shares, registered once by ``tests/conftest.py``.

Vaults in tests use RFC 9106's second recommendation (the production floor) through the
public API, never a weaker setting; each key derivation costs about 0.2 s here, so tests
that only read share a module-scoped vault.
"""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE

VaultFactory = Callable[..., tuple[Vault, str]]


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test touches the real user data folder (vault default, machine state)."""
    monkeypatch.setenv("IPT_DESKTOP_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("IPT_DESKTOP_PASSPHRASE", raising=False)


@pytest.fixture
def make_vault() -> Iterator[VaultFactory]:
    """Create vaults at the KDF floor; every one still open is closed after the test."""
    made: list[Vault] = []

    def factory(root: Path, passphrase: str = PASSPHRASE) -> tuple[Vault, str]:
        created, recovery = Vault.create(root, passphrase, kdf=floor_params())
        made.append(created)
        return created, recovery

    yield factory
    for created in made:
        created.close()


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path, make_vault: VaultFactory) -> Vault:
    created, _recovery = make_vault(vault_dir)
    return created


@pytest.fixture(scope="module")
def shared_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    """One vault for a whole test module: its tests must only add their own clients and
    look only at those."""
    created, _recovery = Vault.create(
        tmp_path_factory.mktemp("shared") / "v", PASSPHRASE, kdf=floor_params()
    )
    yield created
    created.close()
