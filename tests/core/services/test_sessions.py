"""Session notes: signed notes are read-only, amendments sit beside them, risk before signing."""

import dataclasses
import datetime as dt

import pytest

from ipt_desktop.domain.enums import EpisodeKind
from ipt_desktop.domain.errors import SignedNoteError, ValidationError
from ipt_desktop.domain.model import Client, ClientRecord, Episode, Session, SessionNote
from ipt_desktop.services import clients, drafts, episodes, sessions
from tests.helpers.samples import phq

AT = dt.datetime(2026, 1, 12, 18, 0, tzinfo=dt.UTC)


@pytest.fixture
def setup(shared_vault):
    client = Client(name="Demo – Session Client")
    clients.create_client(shared_vault, client)
    episode = Episode(client.id, dt.date(2026, 1, 5), planned_sessions=12)
    episodes.save_episode(shared_vault, episode)
    session = Session(
        episode.id,
        client.id,
        dt.date(2026, 1, 12),
        mood=4,
        phq9=phq(14),
        note=SessionNote(note="n"),
    )
    sessions.save_session(shared_vault, session)
    return shared_vault, client, episode, session


def stored(vault, client_id, session_id):
    record = clients.read_record(vault, client_id)
    return next(s for s in record.sessions if s.id == session_id)


CHANGES = [
    ("note", lambda s: dataclasses.replace(s, note=SessionNote(note="rewritten"))),
    ("mood", lambda s: dataclasses.replace(s, mood=9)),
    ("date", lambda s: dataclasses.replace(s, date=dt.date(2026, 1, 13))),
    ("unsign", lambda s: dataclasses.replace(s, signed_at=None)),
    ("resign", lambda s: dataclasses.replace(s, signed_at=AT + dt.timedelta(hours=1))),
]


@pytest.mark.parametrize(("what", "change"), CHANGES, ids=[c[0] for c in CHANGES])
def test_a_signed_note_refuses_every_change(setup, what, change):
    vault, client, _episode, session = setup
    signed = sessions.sign_session(vault, client.id, session.id, AT)
    generation = vault.header.generation
    with pytest.raises(SignedNoteError):
        sessions.save_session(vault, change(signed))
    assert vault.header.generation == generation
    assert stored(vault, client.id, session.id) == signed


def test_amendments_are_kept_beside_the_original(setup):
    vault, client, _episode, session = setup
    signed = sessions.sign_session(vault, client.id, session.id, AT)
    later = AT + dt.timedelta(days=1)
    amended = sessions.amend_session(vault, client.id, session.id, "Mood was 5, not 4", later)
    assert amended.note == signed.note and amended.mood == signed.mood
    assert [a.text for a in amended.amendments] == ["Mood was 5, not 4"]
    twice = sessions.amend_session(vault, client.id, session.id, "Second correction")
    assert [a.text for a in twice.amendments] == ["Mood was 5, not 4", "Second correction"]
    assert stored(vault, client.id, session.id) == twice
    # Appending an amendment through save_session is allowed; rewriting one is not.
    rewritten = dataclasses.replace(
        twice, amendments=(dataclasses.replace(twice.amendments[0], text="Changed"),)
    )
    with pytest.raises(SignedNoteError):
        sessions.save_session(vault, rewritten)
    with pytest.raises(ValidationError):
        sessions.amend_session(vault, client.id, session.id, "Too early", AT - dt.timedelta(1))


def test_an_unsigned_note_takes_no_amendment_and_can_be_edited(setup):
    vault, client, _episode, session = setup
    with pytest.raises(ValidationError):
        sessions.amend_session(vault, client.id, session.id, "text")
    edited = dataclasses.replace(session, mood=7)
    assert sessions.save_session(vault, edited) == edited
    assert stored(vault, client.id, session.id) == edited


def test_signing_needs_the_risk_assessment_when_item_9_is_positive(setup):
    vault, client, episode, _session = setup
    risky = Session(episode.id, client.id, dt.date(2026, 1, 19), phq9=phq(18, item9=1))
    sessions.save_session(vault, risky)
    with pytest.raises(ValidationError) as refused:
        sessions.sign_session(vault, client.id, risky.id, AT)
    assert refused.value.field == "risk_assessment"
    assert not stored(vault, client.id, risky.id).is_signed
    # Signing through save_session is held to the same rule, for new and stored notes.
    with pytest.raises(ValidationError):
        sessions.save_session(vault, dataclasses.replace(risky, signed_at=AT))
    fresh = Session(
        episode.id, client.id, dt.date(2026, 1, 26), phq9=phq(18, item9=2), signed_at=AT
    )
    with pytest.raises(ValidationError):
        sessions.save_session(vault, fresh)
    assessed = dataclasses.replace(
        risky, note=SessionNote(risk_assessment="Passive thoughts, no plan; safety plan agreed")
    )
    sessions.save_session(vault, assessed)
    assert sessions.sign_session(vault, client.id, risky.id, AT).signed_at == AT
    with pytest.raises(SignedNoteError):
        sessions.sign_session(vault, client.id, risky.id, AT)


def test_delete_refuses_signed_notes_and_takes_the_draft_with_an_unsigned_one(setup):
    vault, client, episode, session = setup
    other = Session(episode.id, client.id, dt.date(2026, 1, 19))
    sessions.save_session(vault, other)
    drafts.save_draft(vault, drafts.session_draft_key(other.id), client.id, {"note": "half"})
    sessions.delete_session(vault, client.id, other.id)
    assert drafts.load_draft(vault, drafts.session_draft_key(other.id)) is None
    sessions.sign_session(vault, client.id, session.id, AT)
    with pytest.raises(SignedNoteError):
        sessions.delete_session(vault, client.id, session.id)
    with pytest.raises(SignedNoteError):
        episodes.delete_episode(vault, client.id, episode.id)
    record = clients.read_record(vault, client.id)
    assert [s.id for s in record.sessions] == [session.id]
    assert record.episodes == (episode,)
    with pytest.raises(LookupError):
        sessions.delete_session(vault, client.id, other.id)


def test_deleting_an_episode_takes_its_unsigned_sessions(setup):
    vault, client, episode, _session = setup
    episodes.delete_episode(vault, client.id, episode.id)
    record = clients.read_record(vault, client.id)
    assert record.episodes == () and record.sessions == ()


def test_new_session_for_picks_the_contract_running_on_that_day():
    client = Client(name="Demo – Pure")
    acute = Episode(client.id, dt.date(2026, 1, 5))
    upkeep = Episode(client.id, dt.date(2026, 6, 1), kind=EpisodeKind.MAINTENANCE)
    record = ClientRecord(client, (acute, upkeep))
    assert sessions.new_session_for(record, dt.date(2026, 3, 2)).episode_id == acute.id
    made = sessions.new_session_for(record, dt.date(2026, 6, 29))
    assert (made.episode_id, made.client_id, made.date) == (
        upkeep.id,
        client.id,
        dt.date(2026, 6, 29),
    )
    assert made.phase_override is None and not made.is_signed
    assert sessions.new_session_for(record, dt.date(2025, 12, 1)).episode_id == upkeep.id
    with pytest.raises(ValidationError):
        sessions.new_session_for(ClientRecord(client), dt.date(2026, 1, 5))
