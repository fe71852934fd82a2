"""Where the vault lives, decided once for the GUI and the CLI alike."""

import os
from pathlib import Path

import platformdirs

APP_NAME = "ipt-desktop"
ENV_DATA_DIR = "IPT_DESKTOP_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_vault_dir() -> Path:
    return data_dir() / "vault"


def state_dir() -> Path:
    """Machine-local state that is not clinical (e.g. the last vault generation seen)."""
    return data_dir() / "state"
