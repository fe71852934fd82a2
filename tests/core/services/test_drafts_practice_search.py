"""Drafts (sealed, never audited), practice details (sealed settings), search over all notes."""

import dataclasses
import datetime as dt
import unicodedata

import pytest

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import Client, PracticeDetails
from ipt_desktop.services import clients, drafts, practice, sessions
from ipt_desktop.services.client_search import search_all
from ipt_desktop.store.tables import DraftRow
from ipt_desktop.vault.errors import RecordDamagedError
from tests.helpers.samples import full_record, store


def test_drafts_round_trip_without_audit_entries(shared_vault):
    vault = shared_vault
    client = Client(name="Demo – Draft Client")
    clients.create_client(vault, client)
    count = vault.header.audit_count
    text = {"note": "Half a sentence… Ελληνικά, русский, עברית, 中文, 😀", "homework": ""}
    drafts.save_draft(vault, "session:draft-test", client.id, text)
    drafts.save_draft(vault, "new-client:draft-test", None, {"name": "Demo – Unsaved"})
    loaded = drafts.load_draft(vault, "session:draft-test")
    assert loaded is not None
    assert (loaded.key, loaded.client_id, loaded.fields) == ("session:draft-test", client.id, text)
    assert dt.datetime.fromisoformat(loaded.saved_at).tzinfo is not None
    unbound = drafts.load_draft(vault, "new-client:draft-test")
    assert unbound is not None and unbound.client_id is None
    assert unbound.fields == {"name": "Demo – Unsaved"}
    drafts.save_draft(vault, "session:draft-test", client.id, {"note": "replaced"})
    assert drafts.load_draft(vault, "session:draft-test").fields == {"note": "replaced"}
    keys = {d.key for d in drafts.list_drafts(vault)}
    assert {"session:draft-test", "new-client:draft-test"} <= keys
    drafts.discard_draft(vault, "new-client:draft-test")
    drafts.discard_draft(vault, "never-saved")
    assert drafts.load_draft(vault, "new-client:draft-test") is None
    assert vault.header.audit_count == count


@pytest.mark.parametrize("client_bound", [True, False])
def test_a_draft_payload_moved_to_another_key_does_not_open(shared_vault, client_bound):
    vault = shared_vault
    client = Client(name="Demo – Draft Swap")
    clients.create_client(vault, client)
    owner = client.id if client_bound else None
    drafts.save_draft(vault, f"swap-a-{client_bound}", owner, {"note": "a"})
    drafts.save_draft(vault, f"swap-b-{client_bound}", owner, {"note": "b"})
    with vault.transaction(None) as db:
        a = db.get(DraftRow, f"swap-a-{client_bound}")
        b = db.get(DraftRow, f"swap-b-{client_bound}")
        assert a is not None and b is not None
        a.payload, b.payload = b.payload, a.payload
    with pytest.raises(RecordDamagedError):
        drafts.load_draft(vault, f"swap-a-{client_bound}")
    drafts.discard_draft(vault, f"swap-a-{client_bound}")
    drafts.discard_draft(vault, f"swap-b-{client_bound}")


def test_draft_keys_and_fields_are_checked(shared_vault):
    with pytest.raises(ValidationError):
        drafts.save_draft(shared_vault, "", None, {"note": "x"})
    with pytest.raises(ValidationError):
        drafts.save_draft(shared_vault, "k" * 201, None, {"note": "x"})
    with pytest.raises(ValidationError):
        drafts.save_draft(shared_vault, "bad-field", None, {"note": "\ud800"})
    with pytest.raises(LookupError):
        drafts.save_draft(shared_vault, "orphan", Client(name="Demo – Gone").id, {"note": "x"})


def test_practice_details_are_stored_sealed_and_default_to_empty(tmp_path, make_vault):
    vault, _ = make_vault(tmp_path / "v")
    assert practice.load_practice(vault) == PracticeDetails()
    details = PracticeDetails(
        therapist_name="Dr Demo Ñúñez",
        credentials="IPT therapist",
        practice_name="Demo Practice",
        address="1 Example Street\nSampletown",
        phone="+00 000",
        email="demo@example.invalid",
    )
    practice.save_practice(vault, details)
    assert practice.load_practice(vault) == details
    vault.close()
    data = (tmp_path / "v" / "vault.sqlite3").read_bytes()
    assert "Ñúñez".encode() not in data


def test_search_finds_names_and_every_note_text_in_any_script(shared_vault):
    vault = shared_vault
    record = full_record(name="Demo – Ωμέγα Search ", marker="Ζήτα-Ёж-שלום-検索-🙂")
    store(vault, record)
    sessions.amend_session(vault, record.client.id, record.sessions[0].id, "Amended ÉLODIE text")
    hits = [h for h in search_all(vault, "ζήτα-ёж") if h.client_id == record.client.id]
    fields = {h.field for h in hits}
    expected = {
        "client.name",
        "formulation.text",
        "episode.goals",
        "termination.achievements",
        "termination.what_to_do",
        "termination.plan",
        "inventory.name",
        "inventory.contact",
        "inventory.notes",
        "life_event.description",
    } | {
        f"note.{name}"
        for name in (
            "since_last_met",
            "recent_events",
            "problem_area_work",
            "role_play",
            "homework",
            "risk_assessment",
            "plan",
            "note",
        )
    }
    assert fields == expected
    assert all("Ζήτα-Ёж" in h.snippet for h in hits)
    decomposed = unicodedata.normalize("NFD", "élodie")
    amended = [h for h in search_all(vault, decomposed) if h.client_id == record.client.id]
    assert [(h.field, h.session_id) for h in amended] == [("amendment", record.sessions[0].id)]
    assert search_all(vault, "   ") == []
    assert not [h for h in search_all(vault, "no such words anywhere") if h.client_id]


def test_search_sees_changes_at_once(shared_vault):
    record = full_record(marker="Ünïque-Marker-42")
    store(shared_vault, record)
    assert search_all(shared_vault, "ünïque-marker-42")
    renamed = dataclasses.replace(record.client, name="Demo – Plain")
    clients.update_client(shared_vault, renamed)
    names = [h for h in search_all(shared_vault, "ünïque-marker-42") if h.field == "client.name"]
    assert names == []
