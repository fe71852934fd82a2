"""Clients and their records through the services: sealed rows, summaries, audit entries."""

import dataclasses
import datetime as dt
import unicodedata

import pytest

from ipt_desktop.domain.enums import Phase, ProblemArea
from ipt_desktop.domain.model import Client, Episode, InventoryPerson, LifeEvent, Session
from ipt_desktop.domain.risk_records import RiskLevel, RiskReview
from ipt_desktop.domain.risk_status import RiskStatus
from ipt_desktop.domain.summary import summarize
from ipt_desktop.services import (
    clients,
    episodes,
    life_events,
    people,
    risk,
    sessions,
)
from ipt_desktop.vault.audit_log import AuditEvent, walk
from ipt_desktop.vault.vault import Vault
from tests.helpers.samples import full_record, phq, store


def audit_entries(vault: Vault) -> list[tuple[AuditEvent, tuple[str, ...]]]:
    header = vault.header
    with vault.reading() as db:
        report = walk(
            db, vault.purpose_key("audit"), vault.vault_id, header.audit_head, header.audit_count
        )
    assert report.intact
    return [(e.event, e.object_ids) for e in report.entries]


def summary_of(vault: Vault, client_id: str):
    return next(s for s in clients.list_summaries(vault) if s.client_id == client_id)


def test_a_stored_record_loads_back_equal(shared_vault):
    record = full_record()
    store(shared_vault, record)
    assert clients.load_record(shared_vault, record.client.id) == record


def test_each_write_is_one_transaction_with_its_audit_event(shared_vault):
    vault = shared_vault
    record = full_record()
    client = record.client
    episode = record.episodes[0]
    session = dataclasses.replace(record.sessions[1])
    person = record.inventory[0]
    event = record.life_events[0]
    steps = [
        (lambda: clients.create_client(vault, client), AuditEvent.CREATE, (client.id,)),
        (lambda: clients.update_client(vault, client), AuditEvent.EDIT, (client.id,)),
        (lambda: episodes.save_episode(vault, episode), AuditEvent.CREATE, (client.id, episode.id)),
        (lambda: episodes.save_episode(vault, episode), AuditEvent.EDIT, (client.id, episode.id)),
        (lambda: sessions.save_session(vault, session), AuditEvent.CREATE, (client.id, session.id)),
        (lambda: sessions.save_session(vault, session), AuditEvent.EDIT, (client.id, session.id)),
        (
            lambda: sessions.sign_session(vault, client.id, session.id),
            AuditEvent.SIGN,
            (client.id, session.id),
        ),
        (
            lambda: sessions.amend_session(vault, client.id, session.id, "Correction"),
            AuditEvent.AMEND,
            (client.id, session.id),
        ),
        (lambda: people.save_person(vault, person), AuditEvent.CREATE, (client.id, person.id)),
        (
            lambda: people.delete_person(vault, client.id, person.id),
            AuditEvent.DELETE,
            (client.id, person.id),
        ),
        (
            lambda: life_events.save_life_event(vault, event),
            AuditEvent.CREATE,
            (client.id, event.id),
        ),
        (
            lambda: life_events.delete_life_event(vault, client.id, event.id),
            AuditEvent.DELETE,
            (client.id, event.id),
        ),
        (lambda: clients.load_record(vault, client.id), AuditEvent.CLIENT_OPENED, (client.id,)),
        (lambda: clients.delete_client(vault, client.id), AuditEvent.DELETE, (client.id,)),
    ]
    for action, expected_event, expected_ids in steps:
        generation = vault.header.generation
        before = len(audit_entries(vault))
        action()
        entries = audit_entries(vault)
        assert vault.header.generation == generation + 1
        assert entries[before:] == [(expected_event, expected_ids)]


def test_the_summary_is_current_after_every_kind_of_write(shared_vault):
    vault = shared_vault
    client = Client(name="Demo – Summary Client")
    clients.create_client(vault, client)
    assert summary_of(vault, client.id).phase is None

    def check() -> None:
        assert summary_of(vault, client.id) == summarize(clients.read_record(vault, client.id))

    episode = Episode(client_id=client.id, start_date=dt.date(2026, 1, 5), planned_sessions=12)
    episodes.save_episode(vault, episode)
    check()
    assert summary_of(vault, client.id).phase is Phase.INITIAL
    first = Session(episode.id, client.id, dt.date(2026, 1, 5), mood=2, phq9=phq(20, item9=2))
    sessions.save_session(vault, first)
    check()
    assert summary_of(vault, client.id).risk_flag
    assert summary_of(vault, client.id).latest_phq9 == 20
    second = Session(episode.id, client.id, dt.date(2026, 1, 12), mood=6, phq9=phq(9))
    sessions.save_session(vault, second)
    fixed = dataclasses.replace(
        first, note=dataclasses.replace(first.note, risk_assessment="Assessed; safety plan made")
    )
    sessions.save_session(vault, fixed)
    check()
    assert summary_of(vault, client.id).progress_label == "Session 2 of 12"
    # A note's text and a later 0 do not clear the flag: only a risk review does.
    assert summary_of(vault, client.id).risk_flag
    review = RiskReview(
        client.id,
        dt.date(2026, 1, 12),
        RiskLevel.LOW,
        "Asked about the item 9 answer",
        "Fleeting thoughts, no plan or intent",
        "Safety plan agreed and shared",
    )
    risk.save_risk_review(vault, review)
    check()
    assert not summary_of(vault, client.id).risk_flag
    assert summary_of(vault, client.id).risk is RiskStatus.REVIEWED
    assert summary_of(vault, client.id).risk_level is RiskLevel.LOW
    accepted = dataclasses.replace(
        episode,
        formulation=dataclasses.replace(
            episode.formulation,
            problem_areas=(ProblemArea.GRIEF,),
            accepted_on=dt.date(2026, 1, 10),
        ),
    )
    episodes.save_episode(vault, accepted)
    check()
    assert summary_of(vault, client.id).phase is Phase.MIDDLE
    assert summary_of(vault, client.id).problem_areas == (ProblemArea.GRIEF,)
    sessions.delete_session(vault, client.id, second.id)
    check()
    assert summary_of(vault, client.id).latest_phq9 == 20
    clients.update_client(
        vault, dataclasses.replace(client, name="Demo – Renamed", ended_on=dt.date(2026, 2, 1))
    )
    check()
    assert summary_of(vault, client.id).name == "Demo – Renamed"
    assert not summary_of(vault, client.id).active
    people.save_person(vault, InventoryPerson(client.id, "Demo friend"))
    life_events.save_life_event(vault, LifeEvent(client.id, dt.date(2025, 12, 1)))
    check()
    episodes.delete_episode(vault, client.id, episode.id)
    check()
    assert summary_of(vault, client.id).phase is None


def test_the_list_opens_no_note(shared_vault, monkeypatch):
    record = full_record()
    store(shared_vault, record)

    # Whatever path the list takes, every decryption goes through Vault.unseal_text.
    real_unseal_text = type(shared_vault).unseal_text

    def only_clients(self, key, client_id, table, row_id, blob, *binding):  # type: ignore[no-untyped-def]
        if table in ("episodes", "sessions", "inventory", "life_events", "drafts"):
            raise AssertionError(f"a {table} row was decrypted for the list")
        return real_unseal_text(self, key, client_id, table, row_id, blob, *binding)

    monkeypatch.setattr(type(shared_vault), "unseal_text", only_clients)
    summary = summary_of(shared_vault, record.client.id)
    assert summary.name == record.client.name
    assert summary.latest_phq9 == 6


def test_find_client_by_id_or_exact_full_name(shared_vault):
    composed = unicodedata.normalize("NFC", "Demo – Zoë Ångström")
    client = Client(name=composed)
    twins = [Client(name="Demo – Same Name"), Client(name="Demo – Same Name")]
    for c in (client, *twins):
        clients.create_client(shared_vault, c)
    assert clients.find_client(shared_vault, client.id) == client
    assert clients.find_client(shared_vault, composed) == client
    assert clients.find_client(shared_vault, unicodedata.normalize("NFD", composed)) == client
    with pytest.raises(LookupError) as missing:
        clients.find_client(shared_vault, "Demo – Zoë")
    assert "Zoë" not in str(missing.value)
    with pytest.raises(LookupError, match="2 clients have that name"):
        clients.find_client(shared_vault, "Demo – Same Name")


def test_writes_for_unknown_clients_or_foreign_rows_are_refused(shared_vault):
    vault = shared_vault
    stranger = Client(name="Demo – Not Stored")
    with pytest.raises(LookupError):
        clients.update_client(vault, stranger)
    with pytest.raises(LookupError):
        episodes.save_episode(vault, Episode(stranger.id, dt.date(2026, 1, 5)))
    with pytest.raises(LookupError):
        clients.load_record(vault, stranger.id)
    with pytest.raises(LookupError):
        clients.delete_client(vault, stranger.id)
    owner, other = full_record(), full_record()
    store(vault, owner)
    store(vault, other)
    # A session pointing at another client's episode, or another client's row ids.
    foreign = Session(other.episodes[0].id, owner.client.id, dt.date(2026, 3, 1))
    with pytest.raises(ValueError, match="episode_id"):
        sessions.save_session(vault, foreign)
    with pytest.raises(LookupError):
        people.delete_person(vault, owner.client.id, other.inventory[0].id)
    moved = dataclasses.replace(other.inventory[0], client_id=owner.client.id)
    with pytest.raises(LookupError):
        people.save_person(vault, moved)
    assert clients.read_record(vault, other.client.id) == other


def test_writes_for_a_client_the_app_deleted_say_there_is_no_client(shared_vault):
    """Not "damaged, restore from a backup": the app removed the client and its manifest."""
    vault = shared_vault
    record = full_record()
    store(vault, record)
    session = record.sessions[0]
    clients.delete_client(vault, record.client.id)
    with pytest.raises(LookupError):
        sessions.save_session(vault, dataclasses.replace(session, note=session.note))
    with pytest.raises(LookupError):
        sessions.delete_session(vault, record.client.id, session.id)
    with pytest.raises(LookupError):
        clients.read_record(vault, record.client.id)


def test_creating_a_client_twice_is_refused_and_changes_nothing(shared_vault):
    client = Client(name="Demo – Once")
    clients.create_client(shared_vault, client)
    generation = shared_vault.header.generation
    with pytest.raises(ValueError, match="already exists"):
        clients.create_client(shared_vault, dataclasses.replace(client, name="Demo – Twice"))
    assert shared_vault.header.generation == generation
    assert clients.read_record(shared_vault, client.id).client.name == "Demo – Once"
