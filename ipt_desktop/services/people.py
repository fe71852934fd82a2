"""The interpersonal inventory: one sealed row per person."""

from ipt_desktop.domain.model import InventoryPerson
from ipt_desktop.store.tables import InventoryRow
from ipt_desktop.vault import codec as record_codec
from ipt_desktop.vault.vault import Vault

from . import practice_memory


def save_person(vault: Vault, person: InventoryPerson) -> None:
    """Create or update one person of a client's inventory."""
    practice_memory.save_child(
        vault, InventoryRow, person.client_id, person.id, record_codec.person_json(person)
    )


def delete_person(vault: Vault, client_id: str, person_id: str) -> None:
    practice_memory.delete_child(vault, InventoryRow, client_id, person_id)
