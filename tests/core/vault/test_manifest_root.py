"""The manifest root kept in memory (issue 16): a save reads no manifest, yet a manifest
or client removed or put back by another connection while the vault is unlocked is
noticed by the next save exactly as when every write read them all.

The attacker is plain ``sqlite3`` on the real file, in this process, while the vault stays
unlocked. The root is recomputed here from the file by our own code (``file_root``), so
these tests also pin the on-disk definition."""

import dataclasses
import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.orm import Session as DbSession

from ipt_desktop.domain.model import Client, Episode, Session, SessionNote
from ipt_desktop.services import clients, episodes, sessions, unlock_session
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.store.tables import ClientRow
from ipt_desktop.vault import manifest_root
from ipt_desktop.vault.manifest_root import RootState
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.attack_vault import raw_sql

DAY = dt.date(2026, 3, 2)


def file_root(root: Path) -> str:
    """SHA-256 over "ipt-desktop manifest root v1" and every (client id, digest) pair in
    id order, each id length-prefixed: read with a connection of its own."""
    conn = sqlite3.connect(root / "vault.sqlite3")
    try:
        rows = conn.execute(
            "SELECT client_id, digest FROM client_manifests ORDER BY client_id"
        ).fetchall()
    finally:
        conn.close()
    data = b"ipt-desktop manifest root v1"
    for client_id, digest in rows:
        raw = client_id.encode("utf-8")
        data += len(raw).to_bytes(2, "big") + raw + bytes(digest)
    return hashlib.sha256(data).hexdigest()


@dataclasses.dataclass
class Practice:
    vault: Vault
    root: Path
    first: str  # a client with an episode and a note
    episode: str
    note: Session
    other: str  # a second client


def note_for(client_id: str, episode_id: str, text: str, day: dt.date = DAY) -> Session:
    return Session(episode_id, client_id, day, mood=5, note=SessionNote(note=text))


def count_full_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one each time the manifest pairs are read in full."""
    reads: list[int] = []
    real_read = manifest_root.read_state

    def counted(db: DbSession) -> RootState:
        reads.append(1)
        return real_read(db)

    monkeypatch.setattr(manifest_root, "read_state", counted)
    return reads


@pytest.fixture
def practice(vault: Vault, vault_dir: Path) -> Practice:
    first, other = Client(name="Demo – Root One"), Client(name="Demo – Root Two")
    for client in (first, other):
        clients.create_client(vault, client)
    episode = Episode(first.id, DAY, planned_sessions=12)
    episodes.save_episode(vault, episode)
    note = note_for(first.id, episode.id, "Fictional note")
    sessions.save_session(vault, note)
    return Practice(vault, vault_dir, first.id, episode.id, note, other.id)


def save_again(p: Practice, text: str) -> None:
    p.note = dataclasses.replace(p.note, note=SessionNote(note=text))
    sessions.save_session(p.vault, p.note)


def assert_kept_is_the_file(p: Practice) -> None:
    on_file = file_root(p.root)
    assert p.vault.kept_manifest_root() == on_file
    assert p.vault.header.manifest_root == on_file


def test_saves_keep_the_root_of_the_file_without_reading_the_manifests(
    practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_kept_is_the_file(practice)
    reads = count_full_reads(monkeypatch)
    for n in range(3):
        save_again(practice, f"Fictional edit {n}")
        assert_kept_is_the_file(practice)
    sessions.save_session(practice.vault, note_for(practice.first, practice.episode, "New", DAY))
    clients.create_client(practice.vault, Client(name="Demo – Root Three"))
    clients.delete_client(practice.vault, practice.other)  # then a checkpoint
    assert_kept_is_the_file(practice)
    save_again(practice, "After the checkpoint")
    # The delete's checkpoint ran on the writer connection: still nothing read again.
    assert reads == []
    assert_kept_is_the_file(practice)
    assert practice.vault.header.manifest_alert == ""


def test_a_manifest_deleted_by_another_connection_is_noticed_at_the_next_save(
    practice: Practice,
) -> None:
    with raw_sql(practice.root) as conn:
        conn.execute("DELETE FROM client_manifests WHERE client_id = ?", (practice.other,))
    save_again(practice, "Fictional edit")
    assert practice.vault.header.manifest_alert.startswith("noticed at write")
    # The alert stays through later saves, and the kept root follows the file.
    save_again(practice, "Fictional edit again")
    assert practice.vault.header.manifest_alert.startswith("noticed at write")
    assert practice.vault.kept_manifest_root() == file_root(practice.root)


def test_an_older_manifest_put_back_by_another_connection_is_noticed(
    practice: Practice,
) -> None:
    with raw_sql(practice.root) as conn:
        older = conn.execute(
            "SELECT version, digest, payload FROM client_manifests WHERE client_id = ?",
            (practice.first,),
        ).fetchone()
    save_again(practice, "Fictional newer note")
    assert practice.vault.header.manifest_alert == ""
    with raw_sql(practice.root) as conn:
        conn.execute(
            "UPDATE client_manifests SET version = ?, digest = ?, payload = ? WHERE client_id = ?",
            (*older, practice.first),
        )
    clients.create_client(practice.vault, Client(name="Demo – Root Later"))  # another client
    assert practice.vault.header.manifest_alert.startswith("noticed at write")


def test_a_client_and_its_manifest_deleted_by_another_connection_are_noticed(
    practice: Practice,
) -> None:
    with raw_sql(practice.root) as conn:
        conn.execute("DELETE FROM clients WHERE id = ?", (practice.other,))
        conn.execute("DELETE FROM client_manifests WHERE client_id = ?", (practice.other,))
    save_again(practice, "Fictional edit")
    assert practice.vault.header.manifest_alert.startswith("noticed at write")


@pytest.mark.parametrize("digest", ["'not a blob'", "12345"])
def test_a_digest_of_another_type_put_in_by_hand_is_noticed_not_a_crash(
    practice: Practice, digest: str
) -> None:
    with raw_sql(practice.root) as conn:
        conn.execute(
            f"UPDATE client_manifests SET digest = {digest} WHERE client_id = ?",
            (practice.other,),
        )
    save_again(practice, "Fictional edit")
    assert practice.vault.header.manifest_alert.startswith("noticed at write")


def test_a_client_row_deleted_alone_is_left_to_the_unlock_check_as_before(
    practice: Practice,
) -> None:
    # Its manifest stays, so the root does not change and a save sets no alert (as when
    # every write read the manifests); the unlock names the orphan manifest.
    with raw_sql(practice.root) as conn:
        conn.execute("DELETE FROM clients WHERE id = ?", (practice.other,))
    save_again(practice, "Fictional edit")
    assert practice.vault.header.manifest_alert == ""
    assert_kept_is_the_file(practice)
    practice.vault.lock()
    outcome = unlock_session.unlock(practice.vault, UnlockSecret.passphrase(PASSPHRASE))
    assert f"missing: client {practice.other}" in outcome.manifest_alert


def test_a_manifest_rewritten_as_it_was_raises_no_alert(practice: Practice) -> None:
    with raw_sql(practice.root) as conn:
        conn.execute("UPDATE client_manifests SET version = version WHERE client_id = ?", (
            practice.other,
        ))  # fmt: skip
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    save_again(practice, "Fictional edit")
    assert practice.vault.header.manifest_alert == ""
    assert_kept_is_the_file(practice)


def test_lock_drops_the_kept_root_and_the_unlock_keeps_it_again(practice: Practice) -> None:
    assert practice.vault.kept_manifest_root() is not None
    practice.vault.lock()
    assert practice.vault.kept_manifest_root() is None
    # Changed while locked, by another connection: the first write after unlock reads it.
    with raw_sql(practice.root) as conn:
        conn.execute("DELETE FROM client_manifests WHERE client_id = ?", (practice.other,))
    unlock_session.unlock(practice.vault, UnlockSecret.passphrase(PASSPHRASE))
    assert practice.vault.kept_manifest_root() == file_root(practice.root)
    assert practice.vault.header.manifest_alert.startswith("noticed at write")


def failing_write(vault: Vault, client_id: str) -> None:
    """A change flushed (so its manifest is noted), then the caller fails: rolled back."""
    with vault.transaction(None) as db:
        row = db.get(ClientRow, client_id)
        assert row is not None
        row.summary_version = (row.summary_version or 0) + 1
        db.flush()
        raise LookupError("fictional failure")


def test_a_write_that_fails_keeps_what_the_file_still_holds(practice: Practice) -> None:
    before = practice.vault.kept_manifest_root()
    with pytest.raises(LookupError, match="fictional failure"):
        failing_write(practice.vault, practice.first)
    assert practice.vault.kept_manifest_root() == before == file_root(practice.root)
    save_again(practice, "Fictional edit")
    assert_kept_is_the_file(practice)
    assert practice.vault.header.manifest_alert == ""


def write_inside_a_write(vault: Vault) -> None:
    with vault.transaction(None), vault.transaction(None):
        pass


def test_a_write_inside_a_write_is_refused_at_once(practice: Practice) -> None:
    with pytest.raises(RuntimeError, match="inside another write"):
        write_inside_a_write(practice.vault)
    save_again(practice, "Fictional edit")
    assert_kept_is_the_file(practice)


def test_a_checkpoint_by_another_connection_still_makes_the_next_save_read_again(
    practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Vault.checkpoint keeps what is kept only because it runs on the writer connection;
    any other connection's checkpoint is still taken for a change from outside."""
    reads = count_full_reads(monkeypatch)
    save_again(practice, "Fictional edit")
    assert practice.vault.checkpoint()
    save_again(practice, "After our checkpoint")
    assert reads == []
    with raw_sql(practice.root) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    save_again(practice, "After theirs")
    assert reads == [1]
    assert_kept_is_the_file(practice)


def checkpoint_inside_a_write(vault: Vault) -> None:
    with vault.transaction(None):
        vault.checkpoint()


def test_a_checkpoint_inside_a_write_is_refused(practice: Practice) -> None:
    with pytest.raises(RuntimeError, match="inside a vault write"):
        checkpoint_inside_a_write(practice.vault)
    save_again(practice, "Fictional edit")
    assert_kept_is_the_file(practice)


# -- the in-memory state against a fresh one ------------------------------------------------
client_ids = st.text(alphabet="0123456789abcdef-éΣ北", min_size=1, max_size=6)
digests = st.binary(min_size=32, max_size=32)


def same_state(one: RootState, other: RootState) -> bool:
    return (one.root, one.ids, one.parts) == (other.root, other.ids, other.parts)


@given(
    start=st.dictionaries(client_ids, digests, max_size=40),
    changes=st.dictionaries(client_ids, st.none() | digests, max_size=80),
    block_size=st.sampled_from([1, 2, 3, 64]),
)
def test_changes_applied_in_memory_give_the_state_built_afresh(
    start: dict[str, bytes], changes: dict[str, bytes | None], block_size: int
) -> None:
    applied = {k: v for k, v in {**start, **changes}.items() if v is not None}
    expected = RootState.of(applied.items(), block_size)
    assert expected.ids == tuple(sorted(applied))
    assert same_state(RootState.of(start.items(), block_size).changed(changes), expected)
    # And the root is the one the file definition gives (file_root's formula).
    data = b"ipt-desktop manifest root v1" + b"".join(
        len(k.encode()).to_bytes(2, "big") + k.encode() + applied[k] for k in sorted(applied)
    )
    assert expected.root == hashlib.sha256(data).hexdigest()


@given(
    start=st.dictionaries(client_ids, digests, min_size=1, max_size=40),
    steps=st.lists(st.tuples(client_ids, st.none() | digests), max_size=30),
    block_size=st.sampled_from([1, 2, 3]),
)
def test_one_change_at_a_time_keeps_the_blocks_right(
    start: dict[str, bytes], steps: list[tuple[str, bytes | None]], block_size: int
) -> None:
    state, now = RootState.of(start.items(), block_size), dict(start)
    for client_id, digest in steps:
        state = state.changed({client_id: digest})
        if digest is None:
            now.pop(client_id, None)
        else:
            now[client_id] = digest
        assert same_state(state, RootState.of(now.items(), block_size))
        assert all(0 < len(b.ids) <= 2 * block_size for b in state.blocks)


def test_the_empty_root_is_the_root_of_no_manifest() -> None:
    assert RootState.of([]).root == manifest_root.EMPTY_ROOT
    assert RootState.of([("a", b"1" * 32)]).changed({"a": None}).root == manifest_root.EMPTY_ROOT
