"""Everything a vault holds about its clients, as interchange data, for before/after checks."""

from typing import Any

from ipt_desktop.services import clients, interchange
from ipt_desktop.vault.vault import Vault


def exported_clients(vault: Vault) -> dict[str, Any]:
    """Every client's export (format "ipt-desktop/1"), by client id."""
    return {
        summary.client_id: interchange.export_client(vault, summary.client_id)
        for summary in clients.list_summaries(vault)
    }
