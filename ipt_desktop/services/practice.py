"""The practice's details (who signs the letters): the use-case name for what the storage
engine keeps in ``vault.practice_details`` (the demo, below the services, writes them too).
"""

from ipt_desktop.vault.practice_details import load_practice, save_practice

__all__ = ["load_practice", "save_practice"]
