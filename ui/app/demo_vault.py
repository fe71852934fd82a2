"""The demo practice: a throwaway vault of fictional clients in a temporary folder.

Its passphrase is fixed and shown on the unlock screen (the data are fictional; the point is
to look around). It uses the minimum key-derivation parameters the program accepts, so it
starts at once, and the folder is deleted when the app quits (also at interpreter exit, as
a fallback).
"""

import atexit
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ipt_desktop.demo.practice import fill_demo
from ipt_desktop.services.passphrases import floor_params
from ipt_desktop.vault.vault import Vault

DEMO_PASSPHRASE = "demo practice orbit maple"  # noqa: S105 - guards fictional data only
_PREFIX = "ipt-desktop-demo-"


@dataclass
class DemoVault:
    vault: Vault
    folder: Path
    client_ids: list[str] = field(default_factory=list)
    passphrase: str = DEMO_PASSPHRASE
    disposed: bool = False

    @classmethod
    def create(cls) -> "DemoVault":
        """Make the folder, the vault and its fictional clients (slow: run off the UI thread)."""
        folder = Path(tempfile.mkdtemp(prefix=_PREFIX))
        try:
            vault, _recovery = Vault.create(folder / "vault", DEMO_PASSPHRASE, kdf=floor_params())
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        demo = cls(vault, folder)
        atexit.register(demo.dispose)
        try:
            demo.client_ids = fill_demo(vault)
        except BaseException:
            demo.dispose()
            raise
        return demo

    def dispose(self) -> None:
        """Close the vault (releasing its lock) and delete the folder. Safe to call twice."""
        if self.disposed:
            return
        self.disposed = True
        self.vault.close()
        shutil.rmtree(self.folder, ignore_errors=True)
        atexit.unregister(self.dispose)
