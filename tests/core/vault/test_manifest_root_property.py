"""After any sequence of the app's own writes (saves, deletes, imports, drafts, a failed
write, a rekey, lock and unlock, a checkpoint by another connection) the manifest root kept
in memory is the root of the file, the header holds it, and no alert was raised."""

import dataclasses
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    rule,
)

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.model import Client, ClientRecord, Episode, Session, SessionNote
from ipt_desktop.services import clients, drafts, episodes, interchange, sessions, unlock_session
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.vault.key_rotation import rekey
from ipt_desktop.vault.vault import Vault
from tests.core.vault.test_manifest_root import failing_write, file_root
from tests.helpers import PASSPHRASE
from tests.helpers.attack_vault import raw_sql

DAY = dt.date(2026, 3, 2)
words = st.sampled_from(["Fictional", "allotment", "kestrel", "Σπίτι", "家族"])
Owner = tuple[str, str]  # (client id, episode id)


def a_record(word: str) -> ClientRecord:
    client = Client(name=f"Demo – {word}")
    episode = Episode(client_id=client.id, start_date=DAY)
    session = Session(episode.id, client.id, DAY, note=SessionNote(note=word))
    return ClientRecord(client, (episode,), (session,))


class KeptRootAgainstFile(RuleBasedStateMachine):
    vault: Vault
    root: Path
    owners = Bundle("owners")
    notes = Bundle("notes")

    def __init__(self) -> None:
        super().__init__()
        self.deleted: set[str] = set()
        self.rekeys = 0

    @rule(target=owners, word=words)
    def create_client(self, word: str) -> Owner:
        client = Client(name=f"Demo – {word}")
        clients.create_client(self.vault, client)
        episode = Episode(client.id, DAY, planned_sessions=12)
        episodes.save_episode(self.vault, episode)
        return client.id, episode.id

    @rule(target=owners, count=st.integers(1, 3), word=words)
    def import_records(self, count: int, word: str) -> Owner:
        records = [a_record(word) for _ in range(count)]
        interchange.import_records(self.vault, records)
        return records[0].client.id, records[0].episodes[0].id

    @rule(target=notes, owner=owners, word=words)
    def save_new_note(self, owner: Owner, word: str) -> Session:
        note = Session(owner[1], owner[0], DAY, mood=4, note=SessionNote(note=word))
        sessions.save_session(self.vault, note)
        return note

    @rule(target=notes, note=consumes(notes), word=words)
    def edit_note(self, note: Session, word: str) -> Session:
        edited = dataclasses.replace(note, note=SessionNote(note=word + " edited"))
        if note.client_id in self.deleted:
            with pytest.raises(LookupError):
                sessions.save_session(self.vault, edited)
        else:
            sessions.save_session(self.vault, edited)
        return edited

    @rule(note=consumes(notes))
    def delete_note(self, note: Session) -> None:
        if note.client_id in self.deleted:
            with pytest.raises(LookupError):
                sessions.delete_session(self.vault, note.client_id, note.id)
        else:
            sessions.delete_session(self.vault, note.client_id, note.id)

    @rule(owner=consumes(owners))
    def delete_client(self, owner: Owner) -> None:
        clients.delete_client(self.vault, owner[0])
        self.deleted.add(owner[0])

    @rule(owner=owners, word=words)
    def save_draft(self, owner: Owner, word: str) -> None:
        drafts.save_draft(self.vault, f"session:{owner[0]}", owner[0], {"note": word})

    @rule(owner=owners)
    def a_failed_write(self, owner: Owner) -> None:
        with pytest.raises(LookupError, match="fictional failure"):
            failing_write(self.vault, owner[0])

    @rule()
    def lock_and_unlock(self) -> None:
        self.vault.lock()
        assert self.vault.kept_manifest_root() is None
        unlock_session.unlock(self.vault, UnlockSecret.passphrase(PASSPHRASE))

    @rule()
    def checkpoint_by_another_connection(self) -> None:
        with raw_sql(self.root) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @rule()
    def rotate_the_keys(self) -> None:
        if self.rekeys < 1:  # each costs two key derivations
            rekey(self.vault, PASSPHRASE, kdf=floor_params())
            self.rekeys += 1

    @invariant()
    def the_kept_root_is_the_file_root(self) -> None:
        on_file = file_root(self.root)
        kept = self.vault.kept_manifest_root()
        assert kept is None or kept == on_file
        assert self.vault.header.manifest_root == on_file
        assert self.vault.header.manifest_alert == ""


@pytest.fixture(scope="module")
def machine_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Vault, Path]]:
    root = tmp_path_factory.mktemp("kept-root") / "v"
    created, _recovery = Vault.create(root, PASSPHRASE, kdf=floor_params())
    yield created, root
    created.close()


def test_the_kept_root_is_always_the_root_of_the_file(
    machine_vault: tuple[Vault, Path],
) -> None:
    KeptRootAgainstFile.vault, KeptRootAgainstFile.root = machine_vault
    run = settings(
        max_examples=int(os.environ.get("KEPT_ROOT_EXAMPLES", "15")),
        stateful_step_count=12,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )(KeptRootAgainstFile)
    run.TestCase().runTest()
