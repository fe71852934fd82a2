"""The risk layer through the services: ending and the letter need a recorded decision while
risk is open; the decision's reason is sealed and only the event is audited; reviews and the
safety plan are sealed; the crisis contacts reach the letter and the safety plan."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.graduation import DocumentKind, PaperSize
from ipt_desktop.domain.model import ClientRecord, Session
from ipt_desktop.domain.risk_records import (
    CrisisContacts,
    DecisionAction,
    RiskLevel,
    RiskReview,
    SafetyPlan,
)
from ipt_desktop.services import (
    clients,
    practice,
    risk,
    safety_plan_export,
    sessions,
    summary_export,
)
from ipt_desktop.vault.audit_log import AuditEntry, AuditEvent, walk
from ipt_desktop.vault.vault import Vault
from tests.helpers.samples import full_record, phq, store

REASON = "Client moved abroad; GP and new team informed by phone"
LATER = dt.date(2026, 2, 2)
CONTACTS = CrisisContacts(
    out_of_hours="Practice out-of-hours line 0800 555 0199",
    emergency="112",
    other="Samaritans 116 123, free, day and night",
)


def audit_entries(vault: Vault) -> list[AuditEntry]:
    header = vault.header
    with vault.reading() as db:
        report = walk(
            db, vault.purpose_key("audit"), vault.vault_id, header.audit_head, header.audit_count
        )
    assert report.intact
    return list(report.entries)


def raw_bytes(vault: Vault) -> bytes:
    """Everything on disk: the database and its write-ahead log."""
    root = Path(vault.engine.url.database or "").parent
    return b"".join(p.read_bytes() for p in root.glob("vault.sqlite3*"))


def with_open_risk(vault: Vault) -> ClientRecord:
    """The sample record (reviewed at session 1), then a positive item 9 at a later session."""
    record = full_record(name="Demo – Open Risk")
    store(vault, record)
    later = Session(record.episodes[0].id, record.client.id, LATER, phq9=phq(8, item9=1), mood=5)
    sessions.save_session(vault, later)
    return clients.read_record(vault, record.client.id)


def test_the_sample_is_reviewed_and_a_later_positive_opens_it(vault):
    record = full_record(name="Demo – Reviewed")
    store(vault, record)
    assert risk.risk_status_key(clients.read_record(vault, record.client.id)) == "reviewed"
    opened = with_open_risk(vault)
    assert risk.risk_status_key(opened) == "open"
    # and a later 0 does not close it
    zero = Session(
        opened.episodes[0].id, opened.client.id, LATER + dt.timedelta(days=7), phq9=phq(4)
    )
    sessions.save_session(vault, zero)
    assert risk.client_risk_status(vault, opened.client.id).is_open
    (summary,) = [s for s in clients.list_summaries(vault) if s.client_id == opened.client.id]
    assert summary.risk_flag


def test_ending_with_open_risk_needs_a_recorded_decision(vault):
    record = with_open_risk(vault)
    before = len(audit_entries(vault))
    with pytest.raises(risk.OpenRiskError) as caught:
        risk.end_client(vault, record.client, LATER)
    assert "session 4 (2026-02-02)" in str(caught.value)
    assert record.client.name not in str(caught.value)
    after = clients.read_record(vault, record.client.id)
    assert after.client.ended_on is None
    assert after.risk_decisions == ()
    assert len(audit_entries(vault)) == before


def test_a_one_character_reason_is_refused_and_nothing_changes(vault):
    record = with_open_risk(vault)
    with pytest.raises(ValidationError) as caught:
        risk.end_client(vault, record.client, LATER, open_risk_reason="x")
    assert caught.value.field == "reason"
    assert clients.read_record(vault, record.client.id).client.ended_on is None


def test_ending_with_a_reason_records_the_decision_sealed_and_audits_the_event(vault):
    record = with_open_risk(vault)
    risk.end_client(vault, record.client, LATER, open_risk_reason=REASON, today=LATER)
    after = clients.read_record(vault, record.client.id)
    assert after.client.ended_on == LATER
    (decision,) = after.risk_decisions
    assert decision.reason == REASON
    assert decision.action is DecisionAction.END_CLIENT
    last = audit_entries(vault)[-1]
    assert last.event is AuditEvent.RISK_DECISION
    assert last.detail == "end_client"
    assert record.client.id in last.object_ids and decision.id in last.object_ids
    # The reason is nowhere in clear: not in the audit entries, not in the files.
    assert all(REASON not in repr(entry) for entry in audit_entries(vault))
    vault.engine.dispose()
    assert REASON.encode() not in raw_bytes(vault)
    assert b"moved abroad" not in raw_bytes(vault)


def test_ending_without_open_risk_records_no_decision(vault):
    record = full_record(name="Demo – Calm")
    store(vault, record)
    risk.end_client(vault, record.client, LATER)
    after = clients.read_record(vault, record.client.id)
    assert after.client.ended_on == LATER
    assert after.risk_decisions == ()
    assert audit_entries(vault)[-1].event is AuditEvent.EDIT


def _export(vault: Vault, client_id: str, out: Path, kind: DocumentKind, **kw: str) -> None:
    content, timeline = summary_export.prepare_content(vault, client_id, None, LATER)
    summary_export.export_summary_pdf(
        vault, client_id, content, kind, PaperSize.A4, out, timeline, **kw
    )


def test_the_letter_with_open_risk_needs_a_recorded_decision(vault, tmp_path):
    record = with_open_risk(vault)
    out = tmp_path / "letter.pdf"
    for kind in (DocumentKind.LETTER, DocumentKind.BOTH):
        with pytest.raises(risk.OpenRiskError):
            _export(vault, record.client.id, out, kind)
        assert not out.exists()
    # The clinical summary alone is for a clinician and documents the risk: no guard.
    _export(vault, record.client.id, tmp_path / "clinical.pdf", DocumentKind.CLINICAL)
    _export(vault, record.client.id, out, DocumentKind.LETTER, open_risk_reason=REASON)
    assert out.exists()
    entries = audit_entries(vault)
    assert [e.event for e in entries[-2:]] == [AuditEvent.RISK_DECISION, AuditEvent.EXPORT_PDF]
    assert entries[-2].detail == "graduation_letter"
    (decision,) = clients.read_record(vault, record.client.id).risk_decisions
    assert decision.action is DecisionAction.GRADUATION_LETTER


def test_a_review_closes_the_guard(vault, tmp_path):
    record = with_open_risk(vault)
    with pytest.raises(ValidationError) as caught:
        risk.save_risk_review(
            vault,
            dataclasses.replace(record.risk_reviews[0], id=record.client.id, asked="ok"),
        )
    assert caught.value.field == "asked"
    review = RiskReview(
        record.client.id,
        LATER,
        RiskLevel.LOW,
        "Asked about the new item 9 answer",
        "Fleeting thoughts after a bad week, no plan",
        "Reviewed the safety plan; next review in a week",
    )
    risk.save_risk_review(vault, review)
    assert risk.client_risk_status(vault, record.client.id).state.value == "reviewed"
    _export(vault, record.client.id, tmp_path / "letter.pdf", DocumentKind.LETTER)
    assert clients.read_record(vault, record.client.id).risk_decisions == ()


def pdf_text(data: bytes | Path) -> str:
    import io

    reader = PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data)
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def test_crisis_contacts_are_sealed_and_printed_on_the_letter(vault, tmp_path):
    record = full_record(name="Demo – Letter Contacts")
    store(vault, record)
    assert practice.load_crisis_contacts(vault) == CrisisContacts()
    practice.save_crisis_contacts(vault, CONTACTS)
    assert practice.load_crisis_contacts(vault) == CONTACTS
    out = tmp_path / "letter.pdf"
    _export(vault, record.client.id, out, DocumentKind.LETTER)
    text = pdf_text(out)
    assert "If you are in crisis" in text
    assert "0800 555 0199" in text and "112" in text and "116 123" in text
    vault.engine.dispose()
    assert b"0800 555 0199" not in raw_bytes(vault)


def test_a_letter_without_contacts_still_says_what_to_do(vault, tmp_path):
    record = full_record(name="Demo – No Contacts")
    store(vault, record)
    out = tmp_path / "letter.pdf"
    _export(vault, record.client.id, out, DocumentKind.LETTER)
    assert "local emergency number" in pdf_text(out)


def test_the_safety_plan_is_sealed_one_per_client_and_prints_with_the_contacts(vault, tmp_path):
    record = full_record(name="Demo – Safety Plan")
    store(vault, record)
    practice.save_crisis_contacts(vault, CONTACTS)
    replacement = SafetyPlan(
        record.client.id,
        LATER,
        warning_signs=("Not answering the phone for days",),
        coping_steps=("Put music on and walk to the park",),
        help_contacts=("My sister Ines",),
    )
    stored = risk.save_safety_plan(vault, replacement)
    assert stored.id == record.safety_plan.id  # replaced, not a second plan
    assert clients.read_record(vault, record.client.id).safety_plan == stored
    out = tmp_path / "plan.pdf"
    safety_plan_export.export_safety_plan_pdf(vault, record.client.id, out)
    text = pdf_text(out)
    for words in (
        "My safety plan",
        "Not answering the phone for days",
        "Put music on and walk to the park",
        "1. Warning signs",
        "6. Making my surroundings safe",
        "(to fill in together)",
        "0800 555 0199",
    ):
        assert words in text
    assert audit_entries(vault)[-1].detail == "safety_plan pdf"
    assert record.client.name not in (PdfReader(out).metadata.title or "")
    vault.engine.dispose()
    assert b"Put music on" not in raw_bytes(vault)


def test_a_client_without_a_plan_has_no_plan_pdf(vault):
    record = dataclasses.replace(full_record(name="Demo – No Plan"), safety_plan=None)
    store(vault, record)
    with pytest.raises(LookupError):
        safety_plan_export.safety_plan_pdf(vault, record.client.id)


def test_the_file_attack_reads_the_real_files(vault):
    """The clear-text checks above would pass on an empty read: make sure they do not."""
    record = full_record(name="Demo – Probe")
    store(vault, record)
    vault.engine.dispose()
    data = raw_bytes(vault)
    assert len(data) > 10_000
    assert b"risk_records" in data  # the table's name is structure, in clear
