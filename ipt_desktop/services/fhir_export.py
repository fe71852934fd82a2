"""One client's PHQ-9 and GAD-7 scores as a FHIR R4 Bundle (docs/fhir-export.md).

The bundle (type ``collection``) holds a ``Patient`` (name, birth date), one
``QuestionnaireResponse`` per PHQ-9 and per GAD-7 administration (LOINC panel, item and
answer codes with their ordinal values, and the total as the last item), and one
``Observation`` per total (LOINC total code, the session date, derived from its
response). A score the client entered in hand-over mode names the Patient as ``source``
of the response. Mood and HAM-D are not exported (see the docs). Plain JSON, no
library: the tests validate the output with a FHIR model library.

Like the JSON export, the file is plaintext: the caller warns the user; the export is
written to the audit log.
"""

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from ipt_desktop.domain.client_entry import Questionnaire
from ipt_desktop.domain.model import ClientRecord, Session
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.vault import Vault

from . import clients, practice_memory
from .fhir_codes import (
    FREQUENCY_ANSWERS,
    LOINC,
    OBSERVATION_CATEGORY,
    ORDINAL_VALUE,
    PANELS,
    UCUM,
    PanelCodes,
)
from .plaintext_file import write_plaintext

FHIR_VERSION = "4.0.1"
Json = dict[str, Any]
_IDS = uuid.UUID("6f1f2a52-5c1e-4f7e-9a55-2b8f0f1c4d10")  # namespace of derived ids


def _id(*parts: str) -> str:
    """A stable id per exported resource: the same vault gives the same bundle ids."""
    return str(uuid.uuid5(_IDS, "/".join(parts)))


def _ref(resource_id: str) -> Json:
    return {"reference": f"urn:uuid:{resource_id}"}


def _coding(code: str, display: str) -> Json:
    return {"system": LOINC, "code": code, "display": display}


def patient_resource(record: ClientRecord) -> Json:
    client = record.client
    patient: Json = {"resourceType": "Patient", "id": client.id, "name": [{"text": client.name}]}
    if client.date_of_birth is not None:
        patient["birthDate"] = client.date_of_birth.isoformat()
    return patient


def _answer(value: int) -> Json:
    code, display = FREQUENCY_ANSWERS[value]
    coding = _coding(code, display)
    coding["extension"] = [{"url": ORDINAL_VALUE, "valueDecimal": value}]
    return {"valueCoding": coding}


def _client_entered(session: Session, q: Questionnaire) -> bool:
    return session.client_entry is not None and session.client_entry.includes(q)


def _authored(session: Session, q: Questionnaire) -> str:
    entry = session.client_entry
    if entry is not None and entry.includes(q):
        return entry.completed_at.astimezone(dt.UTC).isoformat()
    return session.date.isoformat()


def response_resource(
    session: Session, codes: PanelCodes, items: tuple[int, ...], patient_id: str
) -> Json:
    q = codes.questionnaire
    response: Json = {
        "resourceType": "QuestionnaireResponse",
        "id": _id(session.id, q.value, "response"),
        "questionnaire": codes.canonical,
        "status": "completed",
        "subject": _ref(patient_id),
        "authored": _authored(session, q),
        "item": [
            {"linkId": code, "answer": [_answer(value)]}
            for code, value in zip(codes.items, items, strict=True)
        ],
    }
    response["item"].append({"linkId": codes.total, "answer": [{"valueInteger": sum(items)}]})
    if _client_entered(session, q):
        response["source"] = _ref(patient_id)
    return response


def total_observation(
    session: Session, codes: PanelCodes, items: tuple[int, ...], patient_id: str, qr_id: str
) -> Json:
    return {
        "resourceType": "Observation",
        "id": _id(session.id, codes.questionnaire.value, "total"),
        "status": "final",
        "category": [
            {"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}
        ],
        "code": {
            "coding": [_coding(codes.total, codes.total_display)],
            "text": codes.total_display,
        },
        "subject": _ref(patient_id),
        "effectiveDateTime": session.date.isoformat(),
        "valueQuantity": {
            "value": sum(items),
            "unit": "{score}",
            "system": UCUM,
            "code": "{score}",
        },
        "derivedFrom": [_ref(qr_id)],
    }


def _entry(resource: Json) -> Json:
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}


def record_bundle(record: ClientRecord, now: dt.datetime | None = None) -> Json:
    """The bundle of one client's record (no vault access: pure data in, JSON out)."""
    patient = patient_resource(record)
    entries = [_entry(patient)]
    for session in sorted(record.sessions, key=lambda s: (s.date, s.id)):
        for codes in PANELS:
            items = getattr(session, codes.questionnaire.value)
            if items is None:
                continue
            response = response_resource(session, codes, items, patient["id"])
            entries.append(_entry(response))
            observation = total_observation(session, codes, items, patient["id"], response["id"])
            entries.append(_entry(observation))
    stamp = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    return {
        "resourceType": "Bundle",
        "id": _id(record.client.id, "bundle", stamp.isoformat()),
        "meta": {"lastUpdated": stamp.isoformat()},
        "type": "collection",
        "timestamp": stamp.isoformat(),
        "entry": entries,
    }


def export_bundle(vault: Vault, client_id: str) -> Json:
    """The client's bundle (the export is written to the audit log)."""
    record = clients.read_record(vault, client_id)
    with practice_memory.tracked(vault):
        vault.record_event(AuditEvent.EXPORT_FHIR, client_id)
    return record_bundle(record)


def write_fhir_export(vault: Vault, client_id: str, path: Path) -> int:
    """Write the bundle as UTF-8 JSON (plaintext!), owner-readable only, atomically.
    Returns how many scores (PHQ-9 and GAD-7 administrations) it holds."""
    bundle = export_bundle(vault, client_id)
    write_plaintext(Path(path), json.dumps(bundle, ensure_ascii=False, indent=2) + "\n")
    return sum(1 for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation")
