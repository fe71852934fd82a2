"""Life events for the IPT timeline: one sealed row per event."""

from ipt_desktop.domain.model import LifeEvent
from ipt_desktop.store.tables import LifeEventRow
from ipt_desktop.vault import codec as record_codec
from ipt_desktop.vault.vault import Vault

from . import practice_memory


def save_life_event(vault: Vault, event: LifeEvent) -> None:
    """Create or update one life event."""
    practice_memory.save_child(
        vault, LifeEventRow, event.client_id, event.id, record_codec.life_event_json(event)
    )


def delete_life_event(vault: Vault, client_id: str, event_id: str) -> None:
    practice_memory.delete_child(vault, LifeEventRow, client_id, event_id)
