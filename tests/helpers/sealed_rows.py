"""Write sealed rows straight through the vault layer, for attacks on the files."""

import uuid

from ipt_desktop.store.tables import ClientRow, EpisodeRow, SessionRow
from ipt_desktop.vault.vault import Vault


def add_client_with_session(vault: Vault, name: str, note: str) -> tuple[str, str, str]:
    """(client id, episode id, session id) of a new client holding ``name`` and ``note``."""
    client_id, episode_id, session_id = (str(uuid.uuid4()) for _ in range(3))
    key, wrapped = vault.new_client_key(client_id)
    with vault.transaction(None) as s:
        s.add(
            ClientRow(
                id=client_id,
                order_key=1,
                key_version=1,
                wrapped_key=wrapped,
                version=1,
                payload=vault.seal(key, client_id, "clients", client_id, {"name": name}, 1),
            )
        )
        s.flush()
        s.add(
            EpisodeRow(
                id=episode_id,
                client_id=client_id,
                order_key=1,
                version=1,
                payload=vault.seal(key, client_id, "episodes", episode_id, {"kind": "acute"}, 1),
            )
        )
        s.flush()
        s.add(
            SessionRow(
                id=session_id,
                client_id=client_id,
                episode_id=episode_id,
                order_key=1,
                version=1,
                payload=vault.seal(
                    key, client_id, "sessions", session_id, {"note": note}, 1, episode_id
                ),
            )
        )
    return client_id, episode_id, session_id


def read_session_note(vault: Vault, client_id: str, session_id: str) -> str:
    with vault.reading() as s:
        key = vault.client_key(s, client_id)
        row = s.get(SessionRow, session_id)
        assert row is not None
        data = vault.unseal(
            key, client_id, "sessions", session_id, row.payload, row.version, row.episode_id
        )
    return str(data["note"])
