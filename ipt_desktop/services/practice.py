"""The practice's details (who signs the letters): the use-case name for what the storage
engine keeps in ``vault.practice_details`` (the demo, below the services, writes them too).
"""

from ipt_desktop.domain.model import PracticeDetails
from ipt_desktop.vault import practice_details
from ipt_desktop.vault.practice_details import load_practice
from ipt_desktop.vault.vault import Vault

from . import practice_memory

__all__ = ["load_practice", "save_practice"]


def save_practice(vault: Vault, details: PracticeDetails) -> None:
    """Store the details (no client record changes: the search index stays current)."""
    with practice_memory.tracked(vault):
        practice_details.save_practice(vault, details)
