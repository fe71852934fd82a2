"""What the client menu does: each command opens its dialog and makes one service call.

Every function returns what changed (a client id, or None when cancelled or refused); a
failure the person can act on (disk full, a record gone) is shown in a message box with the
service's own sentence, which never holds clinical content.
"""

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import Client
from ipt_desktop.domain.risk_records import DecisionAction
from ipt_desktop.services import clients, episodes, risk
from ipt_desktop.vault.errors import VaultError
from ipt_desktop.vault.vault import Vault
from ui.common import risk_decision_dialog

from .client_dialogs import ClientFormDialog, DeleteClientDialog, EndTreatmentDialog


def _failed(parent: QWidget, what: str, exc: Exception) -> None:
    detail = f"{exc.field}: {exc.message}" if isinstance(exc, ValidationError) else str(exc)
    QMessageBox.warning(parent, "Not saved", f"{what} did not work. {detail}")


def _load(parent: QWidget, vault: Vault, client_id: str) -> Client | None:
    try:
        return clients.find_client(vault, client_id)
    except (LookupError, VaultError) as exc:
        _failed(parent, "Opening the client", exc)
        return None


def add_client(parent: QWidget, vault: Vault) -> str | None:
    dialog = ClientFormDialog(parent=parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not vault.is_unlocked:
            return None
        client = dialog.client()
        episode = dialog.firstEpisode(client.id)
    finally:
        dialog.deleteLater()
    try:
        clients.create_client(vault, client)
        episodes.save_episode(vault, episode)
    except (ValidationError, VaultError, LookupError) as exc:
        _failed(parent, "Adding the client", exc)
        return None
    return client.id


def edit_client(parent: QWidget, vault: Vault, client_id: str) -> str | None:
    client = _load(parent, vault, client_id)
    if client is None:
        return None
    dialog = ClientFormDialog(client, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not vault.is_unlocked:
            return None
        edited = dialog.client()
    finally:
        dialog.deleteLater()
    return _update(parent, vault, edited, "Saving the client")


def end_treatment(parent: QWidget, vault: Vault, client_id: str) -> str | None:
    client = _load(parent, vault, client_id)
    if client is None:
        return None
    if client.ended_on is not None:
        return _update(parent, vault, replace(client, ended_on=None), "Resuming treatment")
    dialog = EndTreatmentDialog(client, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not vault.is_unlocked:
            return None
        ended = dialog.client()
    finally:
        dialog.deleteLater()
    return _end(parent, vault, client, ended)


def _end(parent: QWidget, vault: Vault, client: Client, ended: Client) -> str | None:
    """End treatment; with open risk only after the therapist's recorded decision."""
    assert ended.ended_on is not None
    try:
        status = risk.client_risk_status(vault, client.id)
        reason = None
        if status.is_open:
            reason = risk_decision_dialog.ask_reason(parent, DecisionAction.END_CLIENT, status)
            if reason is None or not vault.is_unlocked:
                return None
        risk.end_client(vault, client, ended.ended_on, open_risk_reason=reason)
    except (ValidationError, VaultError, LookupError, risk.OpenRiskError) as exc:
        _failed(parent, "Ending treatment", exc)
        return None
    return client.id


def delete_client(parent: QWidget, vault: Vault, client_id: str) -> str | None:
    client = _load(parent, vault, client_id)
    if client is None:
        return None
    dialog = DeleteClientDialog(client, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not vault.is_unlocked:
            return None
    finally:
        dialog.deleteLater()
    try:
        clients.delete_client(vault, client_id)
    except (VaultError, LookupError) as exc:
        _failed(parent, "Deleting the client", exc)
        return None
    return client_id


def _update(parent: QWidget, vault: Vault, client: Client, what: str) -> str | None:
    try:
        clients.update_client(vault, client)
    except (ValidationError, VaultError, LookupError) as exc:
        _failed(parent, what, exc)
        return None
    return client.id
