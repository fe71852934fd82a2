"""Hand-over answers are sealed after every item, placed after unlock, and kept when unfinished."""

import dataclasses
import datetime as dt
import json

import pytest

from ipt_desktop.domain.client_entry import ClientEntry, Questionnaire
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.handover import HandoverAnswers, handover_items
from ipt_desktop.domain.model import PracticeDetails
from ipt_desktop.services import clients, handover, interchange, practice
from ipt_desktop.services.crisis_contacts import NO_CONTACTS_SAVED, handover_crisis_contacts
from ipt_desktop.services.sessions import save_session
from ipt_desktop.store.tables import DraftRow
from ipt_desktop.vault import codec
from ipt_desktop.vault.json_fields import JsonObject
from tests.helpers.samples import full_record, store

ALL = (Questionnaire.MOOD, Questionnaire.PHQ9, Questionnaire.GAD7)


def unsigned_session(vault):
    record = full_record(name="Demo – Hand-over")
    store(vault, record)
    stored = clients.read_record(vault, record.client.id)
    return next(s for s in stored.sessions if not s.is_signed)


def answer(vault, session, answers: HandoverAnswers, count: int, value: int = 1) -> HandoverAnswers:
    items = handover_items(answers.measures)
    start = answers.first_unanswered(items)
    for item in items[start : start + count]:
        answers = answers.with_answer(item, value, dt.datetime.now(dt.UTC))
        handover.save_progress(vault, session.client_id, answers)
    return answers


def test_every_answer_is_sealed_and_survives_a_lock(vault, tmp_path):
    session = unsigned_session(vault)
    answers = handover.begin_handover(vault, session, ALL)
    answers = answer(vault, session, answers, 4, value=2)
    vault.lock()
    vault.unlock("candle river orbit maple")
    kept = handover.load_progress(vault, session.id)
    assert kept is not None and kept.answered_count() == 4
    assert kept.values[Questionnaire.MOOD] == (2,)
    assert kept.values[Questionnaire.PHQ9][:3] == (2, 2, 2)
    # Sealed under the client's key: the answers are not readable in the file.
    with vault.reading() as db:
        blob = bytes(db.get(DraftRow, handover.handover_draft_key(session.id)).payload)
    assert b"phq9" not in blob and b"started_at" not in blob


def test_placing_complete_questionnaires_and_keeping_the_rest(vault):
    session = unsigned_session(vault)
    answers = handover.begin_handover(vault, session, ALL)
    answers = answer(vault, session, answers, 1 + 9 + 3, value=1)  # GAD-7 half done
    [pending] = [p for p in handover.pending_handovers(vault) if p.answers.session_id == session.id]
    result = handover.place_pending(vault, pending)
    assert result.placed == (Questionnaire.MOOD, Questionnaire.PHQ9)
    assert result.unfinished == (Questionnaire.GAD7,)
    assert result.item9_positive  # item 9 answered 1
    stored = next(
        s for s in clients.read_record(vault, session.client_id).sessions if s.id == session.id
    )
    assert stored.mood == 1 and stored.phq9 == (1,) * 9 and stored.gad7 == session.gad7
    assert stored.client_entry is not None
    assert stored.client_entry.measures == (Questionnaire.MOOD, Questionnaire.PHQ9)
    # The unfinished GAD-7 resumes at its 4th item, with the 3 answers kept.
    resumed = handover.begin_handover(vault, stored, (Questionnaire.GAD7,))
    assert resumed.measures == (Questionnaire.GAD7,)
    assert resumed.first_unanswered(handover_items(resumed.measures)) == 3
    resumed = answer(vault, stored, resumed, 4, value=0)
    [pending] = [p for p in handover.pending_handovers(vault) if p.answers.session_id == session.id]
    second = handover.place_pending(vault, pending)
    assert second.placed == (Questionnaire.GAD7,) and second.unfinished == ()
    assert handover.load_progress(vault, session.id) is None
    final = second.session
    assert final is not None and final.gad7 == (1, 1, 1, 0, 0, 0, 0)
    assert final.client_entry is not None and set(final.client_entry.measures) == set(ALL)


def test_a_signed_note_takes_no_hand_over(vault):
    record = full_record(name="Demo – Signed")
    store(vault, record)
    signed = next(s for s in clients.read_record(vault, record.client.id).sessions if s.is_signed)
    with pytest.raises(ValidationError, match="signed"):
        handover.begin_handover(vault, signed, ALL)


def test_the_client_mark_survives_the_vault_and_the_interchange_file(vault):
    session = unsigned_session(vault)
    at = dt.datetime(2026, 2, 2, 9, 30, tzinfo=dt.UTC)
    entry = ClientEntry((Questionnaire.PHQ9,), at, at + dt.timedelta(minutes=2))
    saved = dataclasses.replace(session, phq9=(1,) * 9, client_entry=entry)
    save_session(vault, saved)
    again = next(
        s for s in clients.read_record(vault, session.client_id).sessions if s.id == session.id
    )
    assert again.client_entry == entry
    exported = interchange.export_client(vault, session.client_id)
    text = json.dumps(exported)
    [record] = interchange.validate_import(json.loads(text))
    [imported] = [s for s in record.sessions if s.date == session.date]
    assert imported.client_entry == entry


def test_a_session_payload_from_before_hand_over_mode_still_reads(vault):
    session = unsigned_session(vault)
    data = codec.session_json(session)
    del data["client_entry"]
    read = codec.read_session(
        JsonObject(data, ""),
        session_id=session.id,
        episode_id=session.episode_id,
        client_id=session.client_id,
        phase_override=None,
    )
    assert read.client_entry is None and read.phq9 == session.phq9


def test_crisis_contacts_fall_back_to_the_practice_details(vault):
    assert handover_crisis_contacts(vault) == (NO_CONTACTS_SAVED,)
    practice.save_practice(
        vault, PracticeDetails(practice_name="Fictional Practice", phone="555 0100")
    )
    assert handover_crisis_contacts(vault) == ("Fictional Practice: 555 0100",)
