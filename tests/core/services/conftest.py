"""A vault shared by the tests of one module (each Argon2 derivation costs ~0.2 s)."""

from collections.abc import Iterator

import pytest

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.vault.vault import Vault

PASSPHRASE = "candle river orbit maple"


@pytest.fixture(scope="module")
def shared_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    """Tests using it must only add their own clients and look only at those."""
    vault, _recovery = Vault.create(
        tmp_path_factory.mktemp("shared") / "v", PASSPHRASE, kdf=floor_params()
    )
    yield vault
    vault.close()
