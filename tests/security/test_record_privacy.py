"""Client records on disk: all sealed, bound to their place, and gone for good when deleted."""

import dataclasses
import datetime as dt
import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ipt_desktop.domain.enums import ProblemArea
from ipt_desktop.domain.model import (
    Client,
    ClientRecord,
    Episode,
    Formulation,
    InventoryPerson,
    LifeEvent,
    Session,
    SessionNote,
    Termination,
)
from ipt_desktop.domain.risk_records import DecisionAction, RiskLevel, RiskReview, SafetyPlan
from ipt_desktop.services import (
    clients,
    drafts,
    episodes,
    interchange,
    life_events,
    people,
    risk,
)
from ipt_desktop.services import sessions as session_notes
from ipt_desktop.services.vault_verify import verify_vault
from ipt_desktop.store.tables import (
    CLIENT_CHILD_TABLES,
    ClientRow,
    DraftRow,
    EpisodeRow,
    RiskRecordRow,
    SessionRow,
)
from ipt_desktop.vault.errors import RecordDamagedError
from ipt_desktop.vault.vault import Vault

PAGE_FILLER = 3000  # repeats of the marker, so some payloads spill onto overflow pages


def marked_record(marker: str) -> ClientRecord:
    """A fictional record with ``marker`` in every text it has (some texts are long)."""
    client = Client(name=f"Demo {marker}")
    episode = Episode(
        client.id,
        dt.date(2026, 1, 5),
        formulation=Formulation((ProblemArea.GRIEF,), text=f"Formulation {marker}"),
        goals=(f"Goal {marker}",),
        termination=Termination(achievements=(f"Achieved {marker}",), plan=marker),
    )
    session = Session(
        episode.id,
        client.id,
        dt.date(2026, 1, 5),
        mood=4,
        phq9=(1, 1, 1, 1, 1, 1, 1, 1, 1),
        hamd_item3=2,
        risk_noted=True,
        note=SessionNote(since_last_met=f"Answer {marker}", note=f"{marker} " * PAGE_FILLER),
    )
    person = InventoryPerson(client.id, f"Person {marker}", notes=marker)
    event = LifeEvent(client.id, dt.date(2025, 12, 1), description=f"Event {marker}")
    review = RiskReview(
        client.id,
        dt.date(2026, 1, 5),
        RiskLevel.HIGH,
        f"Asked about plans {marker}",
        f"Found thoughts daily {marker}",
        f"Crisis team called {marker}",
    )
    plan = SafetyPlan(client.id, dt.date(2026, 1, 5), help_contacts=(f"Call {marker}",))
    return ClientRecord(
        client,
        (episode,),
        (session,),
        (person,),
        (event,),
        risk_reviews=(review,),
        safety_plan=plan,
    )


def store(vault: Vault, record: ClientRecord) -> None:
    clients.create_client(vault, record.client)
    for episode in record.episodes:
        episodes.save_episode(vault, episode)
    for session in record.sessions:
        session_notes.save_session(vault, session)
    for person in record.inventory:
        people.save_person(vault, person)
    for event in record.life_events:
        life_events.save_life_event(vault, event)
    if record.risk_reviews:  # risk is open now: the decision's reason is sealed too
        marker = record.risk_reviews[0].asked.split()[-1]
        risk.require_decision(
            vault, record.client.id, DecisionAction.GRADUATION_LETTER, f"Reason given {marker}"
        )
    for review in record.risk_reviews:
        risk.save_risk_review(vault, review)
    if record.safety_plan is not None:
        risk.save_safety_plan(vault, record.safety_plan)


def sealed_blobs(vault: Vault, client_id: str) -> list[bytes]:
    """Every sealed blob and wrapped key of one client as the vault holds them now."""
    with vault.reading() as db:
        row = db.get(ClientRow, client_id)
        assert row is not None and row.summary is not None
        blobs = [row.payload, row.summary, row.wrapped_key]
        for table in CLIENT_CHILD_TABLES:
            blobs += [
                r.payload for r in db.scalars(select(table).where(table.client_id == client_id))
            ]
        blobs += [
            d.payload for d in db.scalars(select(DraftRow).where(DraftRow.client_id == client_id))
        ]
    return blobs


def files_of(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def needles(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le")]


def test_deleting_a_client_shreds_every_trace(tmp_path, make_vault):
    root = tmp_path / "v"
    vault, _ = make_vault(root)
    victim_marker = f"VICTIM-{uuid.uuid4().hex}-Ωμέγα-Жж-שלום"
    keep_marker = f"KEEP-{uuid.uuid4().hex}"
    victim, survivor = marked_record(victim_marker), marked_record(keep_marker)
    store(vault, survivor)
    store(vault, victim)
    seen = sealed_blobs(vault, victim.client.id)
    # Rewrite the note a few times: every older version must go too.
    note = victim.sessions[0]
    for i in range(3):
        note = dataclasses.replace(
            note, mood=i, note=dataclasses.replace(note.note, plan=f"{i} {victim_marker}")
        )
        session_notes.save_session(vault, note)
        seen += sealed_blobs(vault, victim.client.id)
    drafts.save_draft(
        vault, drafts.session_draft_key(note.id), victim.client.id, {"note": victim_marker}
    )
    seen += sealed_blobs(vault, victim.client.id)
    survivor_before = clients.read_record(vault, survivor.client.id)

    clients.delete_client(vault, victim.client.id)

    with vault.reading() as db:
        assert db.get(ClientRow, victim.client.id) is None
        for table in (*CLIENT_CHILD_TABLES, DraftRow):
            count = db.scalar(
                select(func.count()).select_from(table).where(table.client_id == victim.client.id)
            )
            assert count == 0, table.__tablename__
    wal = root / "vault.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    for checked in (files_of(root), None):
        if checked is None:
            vault.close()
            checked = files_of(root)
        for name, data in checked.items():
            for needle in needles(victim_marker):
                assert needle not in data, f"marker in clear in {name}"
            for blob in seen:
                assert blob[1:33] not in data, (
                    f"a sealed blob of the deleted client is still in {name}"
                )
    reopened = Vault.open(root)
    try:
        reopened.unlock("candle river orbit maple")
        report = verify_vault(reopened)
        assert report.ok and report.records_checked >= 6
        assert clients.read_record(reopened, survivor.client.id) == survivor_before
        assert [s.client_id for s in clients.list_summaries(reopened)] == [survivor.client.id]
    finally:
        reopened.close()


def test_every_clinical_text_is_sealed_and_clear_columns_are_structure(tmp_path, make_vault):
    root = tmp_path / "v"
    vault, _ = make_vault(root)
    marker = f"SEALED-{uuid.uuid4().hex}"
    record = marked_record(marker)
    store(vault, record)
    drafts.save_draft(vault, "new-client", None, {"name": marker})
    path = tmp_path / "export.json"
    interchange.write_export(vault, record.client.id, path)
    assert marker in path.read_text(encoding="utf-8")  # an export is plaintext by nature
    vault.close()
    for name, data in files_of(root).items():
        for needle in needles(marker):
            assert needle not in data, name
    conn = sqlite3.connect(root / "vault.sqlite3")
    try:
        tables = ("clients", "episodes", "sessions", "inventory", "life_events", "risk_records")
        for table in (*tables, "drafts"):
            columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
            for row in conn.execute(f"SELECT * FROM {table}"):
                for column, value in zip(columns, row, strict=True):
                    if column in ("payload", "summary", "wrapped_key"):
                        assert isinstance(value, bytes) and marker.encode() not in value
                    elif column in ("order_key", "key_version", "version", "summary_version"):
                        assert isinstance(value, int) and 1 <= value <= 10
                    elif column == "id" and table == "drafts":
                        assert value in ("new-client",)
                    else:
                        assert value is None or uuid.UUID(value), (table, column)
    finally:
        conn.close()


def test_a_payload_moved_to_another_row_or_client_does_not_open(tmp_path, make_vault):
    vault, _ = make_vault(tmp_path / "v")
    first, second = marked_record("first"), marked_record("second")
    store(vault, first)
    store(vault, second)
    extra = Session(first.episodes[0].id, first.client.id, dt.date(2026, 1, 12))
    session_notes.save_session(vault, extra)
    with vault.transaction(None) as db:
        a = db.get(SessionRow, first.sessions[0].id)
        b = db.get(SessionRow, extra.id)
        assert a is not None and b is not None
        a.payload, b.payload = b.payload, a.payload
    with pytest.raises(RecordDamagedError) as damaged:
        clients.read_record(vault, first.client.id)
    assert "first" not in str(damaged.value)
    with vault.transaction(None) as db:
        mine = db.get(EpisodeRow, first.episodes[0].id)
        theirs = db.get(EpisodeRow, second.episodes[0].id)
        assert mine is not None and theirs is not None
        theirs.payload = mine.payload
    with pytest.raises(RecordDamagedError):
        clients.read_record(vault, second.client.id)


def test_a_risk_review_moved_to_another_client_does_not_open(tmp_path, make_vault):
    vault, _ = make_vault(tmp_path / "v")
    first, second = marked_record("first"), marked_record("second")
    store(vault, first)
    store(vault, second)
    with vault.transaction(None) as db:
        mine = db.get(RiskRecordRow, first.risk_reviews[0].id)
        theirs = db.get(RiskRecordRow, second.risk_reviews[0].id)
        assert mine is not None and theirs is not None
        # A "reviewed" record pasted over another client's: it must not count for them.
        theirs.payload = mine.payload
    with pytest.raises(RecordDamagedError) as damaged:
        clients.read_record(vault, second.client.id)
    assert "second" not in str(damaged.value) and "first" not in str(damaged.value)
    report = verify_vault(vault)
    assert [d.table for d in report.damaged] == ["risk_records"]


def test_import_messages_never_repeat_the_file_content():
    marker = f"SECRET-{uuid.uuid4().hex}"
    bad_values = [
        ("kind", marker),
        ("start_date", marker),
        ("planned_sessions", marker),
        ("problem_areas", [marker]),
        ("goals", marker),
    ]
    for field, value in bad_values:
        episode = {"start_date": "2026-01-05", field: value}
        data = {"format": "ipt-desktop/1", "clients": [{"name": "Demo", "episodes": [episode]}]}
        with pytest.raises(ValueError) as refused:  # noqa: PT011 - its text is checked below
            interchange.validate_import(data)
        assert marker not in str(refused.value), field
