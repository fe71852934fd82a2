"""A fictional client for the hand-over tests: an earlier, signed session with the therapist's
scores (which the client must never see) and today's unsigned session."""

import datetime as dt

from ipt_desktop.domain.model import Client, Episode, Session, SessionNote
from ipt_desktop.services import clients, episodes, sessions
from ipt_desktop.vault.vault import Vault

CLIENT_NAME = "Demo – Hand-over Client"
EARLIER_NOTE = "Fictional earlier note: talked about the move"
#: The earlier session's PHQ-9: item 8 answered 3 ("Nearly every day"), a value to look for.
EARLIER_PHQ9 = (2, 2, 1, 1, 0, 1, 1, 3, 0)
EARLIER_GAD7 = (1, 1, 1, 1, 1, 1, 3)


def stock(vault: Vault) -> tuple[str, str, str]:
    """Returns (client id, earlier session id, today's session id)."""
    client = Client(name=CLIENT_NAME, date_of_birth=dt.date(1990, 4, 1))
    clients.create_client(vault, client)
    episode = Episode(client_id=client.id, start_date=dt.date(2026, 1, 5))
    episodes.save_episode(vault, episode)
    earlier = Session(
        episode_id=episode.id,
        client_id=client.id,
        date=dt.date(2026, 1, 5),
        mood=3,
        phq9=EARLIER_PHQ9,
        gad7=EARLIER_GAD7,
        note=SessionNote(note=EARLIER_NOTE),
    )
    sessions.save_session(vault, earlier)
    sessions.sign_session(vault, client.id, earlier.id)
    today = Session(episode_id=episode.id, client_id=client.id, date=dt.date(2026, 1, 12))
    sessions.save_session(vault, today)
    return client.id, earlier.id, today.id
