"""The practice's details (who signs the letters), sealed in the vault's settings."""

from ipt_desktop.domain.model import PracticeDetails
from ipt_desktop.vault import codec as record_codec
from ipt_desktop.vault.rows import decode
from ipt_desktop.vault.settings import read_setting, write_setting
from ipt_desktop.vault.vault import Vault

SETTING_KEY = "practice"


def load_practice(vault: Vault) -> PracticeDetails:
    """The stored details, or empty ones when none were saved yet."""
    data = read_setting(vault, SETTING_KEY)
    if data is None:
        return PracticeDetails()
    return decode("settings", SETTING_KEY, data, record_codec.read_practice)


def save_practice(vault: Vault, details: PracticeDetails) -> None:
    write_setting(vault, SETTING_KEY, record_codec.practice_json(details))
