"""The FHIR export: a demo client's bundle validates as FHIR and gives back the vault's scores.

The bundle is parsed with ``fhir.resources`` (R4B models: FHIR 4.3, which keeps R4's
Bundle, Patient, QuestionnaireResponse and Observation; the library has no 4.0.1 package
of its own), so a field FHIR does not know, a wrong type or a missing required element
fails here. The scores are then read back through the parsed models, never from our own
JSON, and compared with what the vault holds.
"""

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.demo.practice import fill_demo
from ipt_desktop.domain.client_entry import ClientEntry, Questionnaire
from ipt_desktop.domain.model import ClientRecord
from ipt_desktop.services import clients
from ipt_desktop.services.audit_view import audit_entries
from ipt_desktop.services.fhir_codes import FREQUENCY_ANSWERS, GAD7_CODES, PHQ9_CODES
from ipt_desktop.services.fhir_export import record_bundle
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.cli_process import run_cli

TODAY = dt.date(2026, 3, 2)
PANEL_OF = {PHQ9_CODES.canonical: PHQ9_CODES, GAD7_CODES.canonical: GAD7_CODES}


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ClientRecord]:
    """A closed demo vault, and the demo client with the most PHQ-9 and GAD-7 scores."""
    root = tmp_path_factory.mktemp("fhir") / "v"
    vault, _ = Vault.create(root, PASSPHRASE, kdf=floor_params())
    with vault:
        ids = fill_demo(vault, TODAY)
        records = [clients.read_record(vault, i) for i in ids]
    best = max(
        records,
        key=lambda r: (
            sum(s.gad7 is not None for s in r.sessions),
            sum(s.phq9 is not None for s in r.sessions),
        ),
    )
    return root, best


def scores_of(record: ClientRecord) -> list[tuple[dt.date, str, tuple[int, ...]]]:
    found = []
    for s in record.sessions:
        for q, items in (("phq9", s.phq9), ("gad7", s.gad7)):
            if items is not None:
                found.append((s.date, q, tuple(items)))
    return sorted(found)


def read_back(bundle: Bundle) -> tuple[Patient, list, dict[str, Observation]]:
    patients = [e.resource for e in bundle.entry if isinstance(e.resource, Patient)]
    responses = [e.resource for e in bundle.entry if isinstance(e.resource, QuestionnaireResponse)]
    observations = {
        f"urn:uuid:{e.resource.id}": e.resource
        for e in bundle.entry
        if isinstance(e.resource, Observation)
    }
    assert len(patients) == 1
    return patients[0], responses, observations


def test_demo_client_bundle_validates_and_round_trips(demo_vault, tmp_path):
    root, record = demo_vault
    out = tmp_path / "measures.fhir.json"
    done = run_cli(
        "export", "--format", "fhir", "--vault", root, "--client", record.client.id, "--out", out
    )
    assert done.returncode == 0, done.stderr
    assert "NOT encrypted" in done.stdout
    raw = json.loads(out.read_text(encoding="utf-8"))
    bundle = Bundle.model_validate(raw)  # raises on anything FHIR does not allow
    assert bundle.type == "collection"
    patient, responses, observations = read_back(bundle)
    assert patient.name[0].text == record.client.name
    assert patient.birthDate == record.client.date_of_birth

    expected = scores_of(record)
    assert len(expected) >= 4, "the demo client should have several scores"
    assert any(q == "gad7" for _d, q, _i in expected), "the demo client should have a GAD-7"
    got = []
    for response in responses:
        codes = PANEL_OF[response.questionnaire]
        assert response.status == "completed"
        assert response.subject.reference == f"urn:uuid:{patient.id}"
        by_link = {item.linkId: item.answer[0] for item in response.item}
        assert list(by_link) == [*codes.items, codes.total]
        items = []
        for code in codes.items:
            coding = by_link[code].valueCoding
            ordinal = int(coding.extension[0].valueDecimal)
            assert (coding.code, coding.display) == FREQUENCY_ANSWERS[ordinal]
            items.append(ordinal)
        total = by_link[codes.total].valueInteger
        assert total == sum(items)
        # The Observation derived from this response carries the same total and the date.
        linked = [
            o
            for o in observations.values()
            if o.derivedFrom[0].reference == f"urn:uuid:{response.id}"
        ]
        assert len(linked) == 1
        observation = linked[0]
        # fhir.resources checks structure and types, not value sets: check the codes here.
        assert observation.status == "final"
        assert observation.category[0].coding[0].code == "survey"
        assert observation.code.coding[0].code == codes.total
        assert observation.code.coding[0].system == "http://loinc.org"
        assert observation.valueQuantity.value == total
        day = observation.effectiveDateTime
        day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
        got.append((day, codes.questionnaire.value, tuple(items)))
    assert sorted(got) == expected
    assert len(observations) == len(expected)


def test_the_export_is_audited_and_a_missing_client_fails_cleanly(demo_vault, tmp_path):
    root, record = demo_vault
    out = tmp_path / "again.json"
    assert (
        run_cli(
            "export",
            "--format",
            "fhir",
            "--vault",
            root,
            "--client",
            record.client.id,
            "--out",
            out,
        ).returncode
        == 0
    )
    unknown = run_cli(
        "export",
        "--format",
        "fhir",
        "--vault",
        root,
        "--client",
        "Nobody",
        "--out",
        tmp_path / "x.json",
    )
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr
    assert not (tmp_path / "x.json").exists()
    with Vault.open(root) as vault:
        vault.unlock(PASSPHRASE)
        events = [e for e in audit_entries(vault).entries if e.event is AuditEvent.EXPORT_FHIR]
    assert events and events[-1].object_ids == (record.client.id,)


def test_loinc_codes_are_distinct_and_complete():
    assert len(PHQ9_CODES.items) == 9 and len(GAD7_CODES.items) == 7
    every = [*PHQ9_CODES.items, *GAD7_CODES.items, PHQ9_CODES.total, GAD7_CODES.total]
    every += [PHQ9_CODES.panel, GAD7_CODES.panel]
    assert len(set(every)) == len(every)
    assert PHQ9_CODES.items[8] == "44260-8"  # item 9: thoughts of death or self-harm


def test_client_rated_scores_name_the_patient_as_source(demo_vault):
    _root, record = demo_vault
    rated = next(s for s in record.sessions if s.phq9 is not None)
    at = dt.datetime(2026, 2, 2, 10, 5, tzinfo=dt.UTC)
    entry = ClientEntry((Questionnaire.PHQ9,), at - dt.timedelta(minutes=3), at)
    sessions = tuple(
        dataclasses.replace(s, client_entry=entry) if s.id == rated.id else s
        for s in record.sessions
    )
    changed = dataclasses.replace(record, sessions=sessions)
    bundle = Bundle.model_validate(record_bundle(changed))
    _patient, responses, _obs = read_back(bundle)
    sources = [r for r in responses if r.source is not None]
    assert len(sources) == 1
    assert sources[0].questionnaire == PHQ9_CODES.canonical
    assert sources[0].authored == at
    assert sources[0].source.reference == f"urn:uuid:{record.client.id}"
