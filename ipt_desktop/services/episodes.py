"""Treatment contracts (episodes): save, delete (never one holding a signed note)."""

from sqlalchemy import select

from ipt_desktop.domain.errors import SignedNoteError
from ipt_desktop.domain.model import Episode, Session
from ipt_desktop.store.tables import DraftRow, EpisodeRow, SessionRow
from ipt_desktop.vault import codec as record_codec
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.vault import Vault

from . import practice_memory
from .drafts import session_draft_key

HAS_SIGNED_NOTES = "this treatment contract has signed notes; they cannot be deleted"


def save_episode(vault: Vault, episode: Episode) -> None:
    """Create or update one episode (one transaction, with the client's summary)."""
    practice_memory.save_child(
        vault, EpisodeRow, episode.client_id, episode.id, record_codec.episode_json(episode)
    )


def delete_episode(vault: Vault, client_id: str, episode_id: str) -> None:
    """Delete an episode with its (unsigned) sessions and their drafts.

    Raises SignedNoteError, changing nothing, if any of its sessions is signed.
    """
    with (
        practice_memory.tracked(vault) as changes,
        vault.transaction(AuditEvent.DELETE, client_id, episode_id) as db,
    ):
        changes.removed_row(episode_id)
        changes.dropped_record(client_id)
        episode = db.get(EpisodeRow, episode_id)
        if episode is None or episode.client_id != client_id:
            raise LookupError(client_rows.NO_RECORD)
        key = client_rows.client_key(vault, db, client_id)
        for row in db.scalars(select(SessionRow).where(SessionRow.episode_id == episode_id)):
            session: Session = client_rows.open_child(vault, key, row)
            if session.is_signed:
                raise SignedNoteError(HAS_SIGNED_NOTES)
            draft = db.get(DraftRow, session_draft_key(session.id))
            if draft is not None:
                db.delete(draft)
            db.delete(row)
            changes.removed_row(session.id)
        db.flush()
        db.delete(episode)
        client_rows.refresh_summary(vault, db, client_id)
