"""The practice's details (who signs the letters) and its crisis contacts (printed on every
client letter and safety plan), each sealed in the vault's settings. The details are kept
by the storage engine in ``vault.practice_details`` (the demo, below the services, writes
them too); this is the use-case name for both.
"""

from ipt_desktop.domain.model import PracticeDetails
from ipt_desktop.domain.risk_records import CrisisContacts
from ipt_desktop.vault import practice_details, risk_codec
from ipt_desktop.vault.practice_details import load_practice
from ipt_desktop.vault.rows import decode
from ipt_desktop.vault.settings import read_setting, write_setting
from ipt_desktop.vault.vault import Vault

from . import practice_memory

__all__ = ["load_crisis_contacts", "load_practice", "save_crisis_contacts", "save_practice"]

CRISIS_KEY = "crisis_contacts"


def save_practice(vault: Vault, details: PracticeDetails) -> None:
    """Store the details (no client record changes: the search index stays current)."""
    with practice_memory.tracked(vault):
        practice_details.save_practice(vault, details)


def load_crisis_contacts(vault: Vault) -> CrisisContacts:
    """The stored crisis contacts, or empty ones when none were saved yet."""
    data = read_setting(vault, CRISIS_KEY)
    if data is None:
        return CrisisContacts()
    return decode("settings", CRISIS_KEY, data, risk_codec.read_crisis_contacts)


def save_crisis_contacts(vault: Vault, contacts: CrisisContacts) -> None:
    with practice_memory.tracked(vault):
        write_setting(vault, CRISIS_KEY, risk_codec.crisis_contacts_json(contacts))
