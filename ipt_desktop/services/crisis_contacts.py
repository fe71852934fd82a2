"""The practice's crisis contacts, as shown to a client in hand-over mode.

The practice settings do not hold crisis contacts of their own yet (another change adds
them); until then this falls back to the practice details: the practice's name and
phone, and the therapist's name. Hand-over mode reads the contacts only through
``handover_crisis_contacts``, so switching it to the new settings is a change here alone.
"""

from ipt_desktop.domain.model import PracticeDetails
from ipt_desktop.vault.vault import Vault

from .practice import load_practice

#: Shown when the practice has entered nothing at all: never an empty list.
NO_CONTACTS_SAVED = "Your therapist will give you the numbers to call."


def contacts_from_practice(details: PracticeDetails) -> tuple[str, ...]:
    lines: list[str] = []
    who = details.practice_name.strip() or details.therapist_name.strip()
    phone = details.phone.strip()
    if who and phone:
        lines.append(f"{who}: {phone}")
    elif phone:
        lines.append(f"The practice: {phone}")
    elif who:
        lines.append(who)
    return tuple(lines) or (NO_CONTACTS_SAVED,)


def handover_crisis_contacts(vault: Vault) -> tuple[str, ...]:
    """Lines to show the client (no clinical content; the practice's own details)."""
    return contacts_from_practice(load_practice(vault))
