"""The interchange format: lossless round trip, whole-file validation, nothing half-written."""

import copy
import dataclasses
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipt_desktop.demo.practice import build_demo_records
from ipt_desktop.domain.enums import Phase
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.goals import GoalReview, GoalStatus
from ipt_desktop.domain.model import Client, ClientRecord, Episode, Session, SessionNote
from ipt_desktop.domain.phase_tasks import SessionTasks
from ipt_desktop.services import clients, interchange
from ipt_desktop.vault.vault import Vault
from tests.helpers.samples import full_record, store, without_ids

START_PLUS = dt.date(2026, 3, 2)
SCRIPTS = "Zoë Ελένη Тимофей سلمى נועה 山田太郎 김민지 😀👩🏽‍⚕️ e\u0301"


def stored_records(vault: Vault, records: list[ClientRecord]) -> list[str]:
    for record in records:
        store(vault, record)
    return [r.client.id for r in records]


@pytest.fixture(scope="module")
def exported(shared_vault: Vault) -> dict[str, Any]:
    """One export holding a record with every field and every demo client."""
    records = [full_record(marker=SCRIPTS), *build_demo_records(dt.date(2026, 3, 2))]
    ids = stored_records(shared_vault, records)
    data = interchange.export_client(shared_vault, ids[0])
    for client_id in ids[1:]:
        data["clients"] += interchange.export_client(shared_vault, client_id)["clients"]
    return data


def test_export_import_export_loses_nothing(exported, tmp_path, make_vault):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    fresh, _ = make_vault(tmp_path / "fresh")
    new_ids = interchange.import_file(fresh, source)
    assert len(new_ids) == len(exported["clients"])
    again = {"format": interchange.FORMAT, "clients": []}
    for client_id in new_ids:
        again["clients"] += interchange.export_client(fresh, client_id)["clients"]
    assert without_ids(again) == without_ids(exported)
    assert not {c["id"] for c in again["clients"]} & {c["id"] for c in exported["clients"]}


def test_imported_records_equal_the_originals_apart_from_ids(shared_vault, exported):
    originals = [clients.read_record(shared_vault, c["id"]) for c in exported["clients"]]
    imported = interchange.validate_import(exported)
    assert [without_ids(r) for r in imported] == [without_ids(r) for r in originals]
    override = [s.phase_override for s in imported[0].sessions]
    assert override == [None, None, Phase.TERMINATION]


def test_the_export_carries_the_documented_fields(exported):
    client = exported["clients"][0]
    assert exported["format"] == "ipt-desktop/1"
    assert {"name", "date_of_birth", "episodes", "inventory", "life_events"} <= set(client)
    episode = client["episodes"][0]
    assert {
        "kind",
        "start_date",
        "planned_sessions",
        "problem_areas",
        "dispute_stage",
        "formulation",
        "formulation_accepted_on",
        "goals",
        "sessions",
        "termination",
    } <= set(episode)
    assert {"achievements", "relapse_prevention_skills", "warning_signs", "plan"} <= set(
        episode["termination"]
    )
    session = episode["sessions"][0]
    assert {"date", "phase", "mood", "phq9", "hamd", "gad7", "note"} <= set(session)
    assert session["tasks"] == {
        "done": ["inventory", "sick_role"],
        "focal_areas": [],
        "strategies": [],
    }
    assert episode["sessions"][1]["tasks"]["strategies"] == ["grief_reconstruct", "dispute_stage"]
    assert [s["phase"] for s in episode["sessions"]] == ["initial", "initial", "termination"]
    assert set(client["inventory"][0]) >= {
        "name",
        "relationship",
        "closeness",
        "support",
        "conflict",
        "notes",
    }


def test_write_export_is_utf8_and_private(shared_vault, exported, tmp_path):
    out = tmp_path / "client.json"
    interchange.write_export(shared_vault, exported["clients"][0]["id"], out)
    text = out.read_text(encoding="utf-8")
    assert SCRIPTS in text
    assert json.loads(text)["clients"][0]["name"] == exported["clients"][0]["name"]
    if os.name == "posix":
        assert out.stat().st_mode & 0o077 == 0
    assert [p.name for p in tmp_path.iterdir()] == ["client.json"]


def _set(path: str, value: Any) -> Any:
    """A change to one place of the export, given as a path like "episodes.0.mood"."""

    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is _DELETE:
            del target[last]
        elif isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return change


_DELETE = object()
S0 = "clients.0.episodes.0.sessions.0"
S2 = "clients.0.episodes.0.sessions.2"
P0 = "clients.0.episodes.0.sessions.2.phq9"
BAD = [
    (_set("format", "ipt-desktop/2"), "format", "must be"),
    (
        _set(f"{P0}.4", 4),
        "clients[0].episodes[0].sessions[2].phq9[4]",
        "must be from 0 to 3, not 4",
    ),
    (_set(f"{S0}.mood", True), "clients[0].episodes[0].sessions[0].mood", "whole number"),
    (_set(f"{P0}.0", False), "clients[0].episodes[0].sessions[2].phq9[0]", "whole number"),
    (_set(P0, [0] * 8), "clients[0].episodes[0].sessions[2].phq9", "exactly 9 answers, not 8"),
    (_set(f"{S0}.mood", 11), "clients[0].episodes[0].sessions[0].mood", "from 0 to 10, not 11"),
    (_set(f"{S0}.mood", 2.5), "clients[0].episodes[0].sessions[0].mood", "whole number"),
    (_set(f"{S0}.hamd", "12"), "clients[0].episodes[0].sessions[0].hamd", "whole number"),
    (_set(f"{S0}.gad7", [0] * 9), "clients[0].episodes[0].sessions[0].gad7", "exactly 7"),
    (_set(f"{S2}.date", "2026-02-30"), "clients[0].episodes[0].sessions[2].date", "real calendar"),
    (_set(f"{S2}.date", "0000-01-01"), "clients[0].episodes[0].sessions[2].date", "calendar date"),
    (_set(f"{S2}.date", "5 March 2026"), "clients[0].episodes[0].sessions[2].date", "YYYY-MM-DD"),
    (_set(f"{S2}.date", 20260305), "clients[0].episodes[0].sessions[2].date", "YYYY-MM-DD"),
    (_set("clients.0.name", "  "), "clients[0].name", "must not be empty"),
    (_set("clients.0.name", _DELETE), "clients[0].name", "is missing"),
    (_set("clients.0.name", None), "clients[0].name", "must be text"),
    (
        _set("clients.0.episodes.0.problem_areas", ["grief", "role_dispute", "role_transition"]),
        "clients[0].episodes[0].problem_areas",
        "one or two",
    ),
    (
        _set("clients.0.episodes.0.problem_areas", ["grief"]),
        "clients[0].episodes[0].dispute_stage",
        "role dispute",
    ),
    (
        _set("clients.0.episodes.0.problem_areas", ["sadness"]),
        "clients[0].episodes[0].problem_areas[0]",
        "must be one of",
    ),
    (_set("clients.0.episodes.0.kind", "weekly"), "clients[0].episodes[0].kind", "acute"),
    (
        _set("clients.0.episodes.0.planned_sessions", "16"),
        "clients[0].episodes[0].planned_sessions",
        "whole",
    ),
    (
        _set("clients.0.episodes.0.start_date", _DELETE),
        "clients[0].episodes[0].start_date",
        "missing",
    ),
    (
        _set(f"{S0}.note_sections.homework", "lone \ud800 surrogate"),
        "clients[0].episodes[0].sessions[0].note_sections.homework",
        "lone surrogate",
    ),
    (_set("clients.0.name", "Demo \udfff"), "clients[0].name", "lone surrogate"),
    (_set(f"{S0}.note", "nul \x00 inside"), "clients[0].episodes[0].sessions[0].note", "NUL"),
    (_set(f"{S0}.phq_9", [0] * 9), "clients[0].episodes[0].sessions[0]", 'unknown field "phq_9"'),
    (_set(f"{S0}.\ud800", 1), "clients[0].episodes[0].sessions[0]", "unknown field"),
    (
        _set(f"{S0}.techniques", ["hypnosis"]),
        "clients[0].episodes[0].sessions[0].techniques[0]",
        "one of",
    ),
    (
        _set(f"{S0}.signed_at", "2026-01-05T18:00:00"),
        "clients[0].episodes[0].sessions[0].signed_at",
        "offset",
    ),
    (
        _set(f"{S0}.note_sections.risk_assessment", ""),
        "clients[0].episodes[0].sessions[0].signed_at",
        "risk",
    ),
    (
        _set(f"{S2}.amendments", [{"written_at": "2026-02-01T10:00:00+00:00", "text": "x"}]),
        "clients[0].episodes[0].sessions[2].amendments",
        "only a signed note",
    ),
    (
        _set("clients.0.episodes.0.goals_met", []),
        "clients[0].episodes[0].goals_met",
        "disagrees",
    ),
    (
        _set("clients.0.episodes.0.goal_reviews.0.status", "done"),
        "clients[0].episodes[0].goal_reviews[0].status",
        "one of",
    ),
    (
        _set("clients.0.episodes.0.goal_reviews.0.evidence", "two\nlines"),
        "clients[0].episodes[0].goal_reviews[0].evidence",
        "one line",
    ),
    (
        _set("clients.0.episodes.0.worksheets.0.answers.favourite_song", "x"),
        "clients[0].episodes[0].worksheets[0].answers",
        "unknown field",
    ),
    (
        _set("clients.0.episodes.0.worksheets.1", {"area": "grief", "answers": {"plan": "x"}}),
        "clients[0].episodes[0].worksheets[1].answers",
        'unknown field "plan"',
    ),
    (
        _set("clients.0.episodes.0.worksheets.1", {"area": "grief"}),
        "clients[0].episodes[0].worksheets",
        "two worksheets",
    ),
    (
        _set("clients.0.episodes.0.earlier_episodes", 101),
        "clients[0].episodes[0].earlier_episodes",
        "from 0 to 100",
    ),
    (
        _set(f"{S0}.tasks.done", ["sick_role", "hypnosis"]),
        "clients[0].episodes[0].sessions[0].tasks.done[1]",
        "one of",
    ),
    (
        _set(f"{S0}.tasks.done", ["formulation_accepted"]),
        "clients[0].episodes[0].sessions[0].tasks.done",
        "date the client accepted",
    ),
    (
        _set(f"{S0}.tasks.strategies", ["dispute_plan"]),
        "clients[0].episodes[0].sessions[0].tasks.strategies",
        "focal area",
    ),
    (_set(f"{S0}.tasks.ticks", []), "clients[0].episodes[0].sessions[0].tasks", "unknown field"),
    (_set(f"{S2}.phase", "graduation"), "clients[0].episodes[0].sessions[2].phase", "one of"),
    (
        _set("clients.0.inventory.0.closeness", 4),
        "clients[0].inventory[0].closeness",
        "from 1 to 3",
    ),
    (
        _set("clients.0.inventory.0.support", "yes"),
        "clients[0].inventory[0].support",
        "true or false",
    ),
    (_set("clients.0.life_events.0.kind", "wedding"), "clients[0].life_events[0].kind", "one of"),
    (_set("clients.0.episodes", {}), "clients[0].episodes", "must be a list"),
    (_set("clients.0.episodes.0.termination", []), "clients[0].episodes[0].termination", "object"),
    (
        _set("clients.0.episodes.0.goals", "be happy"),
        "clients[0].episodes[0].goals",
        "list of texts",
    ),
    (_set("clients", []), "clients", "holds no client"),
    (_set("clients", _DELETE), "clients", "is missing"),
]


@pytest.mark.parametrize(("change", "where", "what"), BAD)
def test_an_invalid_file_is_refused_by_json_path(exported, change, where, what):
    data = copy.deepcopy(exported)
    change(data)
    with pytest.raises(ValidationError) as refused:
        interchange.validate_import(data)
    assert refused.value.field == where
    assert what in refused.value.message
    str(refused.value).encode("utf-8")  # printable: no lone surrogate in the message


def test_the_example_message_of_the_design(exported):
    data = copy.deepcopy(exported)
    data["clients"][0]["episodes"][0]["sessions"][2]["phq9"][4] = 4
    with pytest.raises(ValidationError) as refused:
        interchange.validate_import(data)
    assert str(refused.value) == (
        "clients[0].episodes[0].sessions[2].phq9[4]: must be from 0 to 3, not 4"
    )


@pytest.mark.parametrize("top", [[], "text", None, 3])
def test_a_file_that_is_not_an_object_is_refused(top):
    with pytest.raises(ValidationError) as refused:
        interchange.validate_import(top)
    assert refused.value.field == "file"


def _vault_state(vault: Vault) -> tuple[int, bytes, bytes]:
    files = vault.files
    wal = files.wal.read_bytes() if files.wal.exists() else b""
    return vault.header.generation, files.db.read_bytes(), wal


def test_a_bad_file_writes_nothing_at_all(exported, tmp_path, make_vault):
    vault, _ = make_vault(tmp_path / "v")
    data = copy.deepcopy(exported)
    data["clients"][-1]["episodes"][0]["sessions"][-1]["mood"] = 11  # the very last session
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    before = _vault_state(vault)
    with pytest.raises(ValidationError) as refused:
        interchange.import_file(vault, bad)
    assert refused.value.field.startswith(f"clients[{len(data['clients']) - 1}]")
    assert _vault_state(vault) == before
    assert clients.list_summaries(vault) == []


def test_a_failing_write_leaves_nothing_behind(exported, tmp_path, make_vault, monkeypatch):
    vault, _ = make_vault(tmp_path / "v")
    records = interchange.validate_import(exported)
    from ipt_desktop.vault import rows as client_rows

    calls = {"n": 0}
    original = client_rows.add_record

    def fail_on_third(*args: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("simulated failure")
        original(*args)

    monkeypatch.setattr(client_rows, "add_record", fail_on_third)
    generation = vault.header.generation
    with pytest.raises(OSError):  # noqa: PT011 - which OSError depends on the platform
        interchange.import_records(vault, records)
    assert vault.header.generation == generation
    assert clients.list_summaries(vault) == []


def test_importing_twice_gives_new_clients(exported):
    first = interchange.validate_import(exported)
    second = interchange.validate_import(exported)
    assert {r.client.id for r in first}.isdisjoint(r.client.id for r in second)
    assert [without_ids(r) for r in first] == [without_ids(r) for r in second]


def _phases_file(phases: list[dict[str, Any]]) -> dict[str, Any]:
    sessions = [
        {"date": (dt.date(2026, 1, 5) + dt.timedelta(weeks=i)).isoformat(), **phase}
        for i, phase in enumerate(phases)
    ]
    episode = {
        "start_date": "2026-01-05",
        "planned_sessions": 12,
        "formulation_accepted_on": "2026-01-19",
        "sessions": sessions,
    }
    return {"format": "ipt-desktop/1", "clients": [{"name": "Demo – P", "episodes": [episode]}]}


def test_a_phase_is_kept_as_a_choice_only_where_it_differs_or_the_file_says_so():
    data = _phases_file(
        [
            {"phase": "initial"},  # the suggestion: stays a suggestion
            {"phase": "middle"},  # not the suggestion (initial): the therapist's choice
            {"phase": "middle"},  # the suggestion (accepted that day)
            {},  # no phase at all
            {"phase": "middle", "phase_set_by_therapist": True},
            {"phase": "termination", "phase_set_by_therapist": False},
        ]
    )
    (record,) = interchange.validate_import(data)
    overrides = [s.phase_override for s in record.sessions]
    assert overrides == [None, Phase.MIDDLE, None, None, Phase.MIDDLE, None]
    bad = _phases_file([{"phase_set_by_therapist": True}])
    with pytest.raises(ValidationError, match=r"sessions\[0\]\.phase"):
        interchange.validate_import(bad)


FILES = [
    (b"\xff\xfe{\x00}\x00", "UTF-16"),
    (b'{"format": "ipt-desktop/1", "clients": [{"name": "Caf\xe9"}]}', "not UTF-8"),
    (b'{"format": "ipt-desktop/1", "clients": [', "not valid JSON"),
    (b"", "not valid JSON"),
    (b'{"format": "ipt-desktop/1", "format": "ipt-desktop/1"}', "twice"),
    (b'{"format": "ipt-desktop/1", "clients": [{"name": "x", "episodes": NaN}]}', "NaN"),
    (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
    (b'{"n": ' + b"9" * 5000 + b"}", "number too long"),
]


@pytest.mark.parametrize(("raw", "message"), FILES)
def test_unreadable_files_get_one_clear_message(tmp_path, raw, message):
    path = tmp_path / "in.json"
    path.write_bytes(raw)
    with pytest.raises(ValidationError) as refused:
        interchange.validate_import(interchange.read_json_file(path))
    assert refused.value.field == "file"
    assert message in refused.value.message


def test_a_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_phases_file([{}])).encode())
    assert len(interchange.validate_import(interchange.read_json_file(path))) == 1


def test_files_over_the_limit_are_refused_before_reading(tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as sparse:
        sparse.truncate(interchange.MAX_IMPORT_BYTES + 1)
    with pytest.raises(ValidationError, match="up to 200 MB"):
        interchange.read_json_file(path)
    with pytest.raises(ValidationError, match="does not exist"):
        interchange.read_json_file(tmp_path / "missing.json")
    with pytest.raises(ValidationError, match="cannot be read"):
        interchange.read_json_file(tmp_path)


TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))
NAMES = TEXT.filter(lambda t: t.strip() != "" and len(t) <= 200)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAMES, note=TEXT, extra=st.sampled_from(SCRIPTS.split()))
def test_any_text_round_trips_unchanged(name, note, extra):
    client = Client(name=name)
    episode = Episode(client.id, dt.date(2026, 1, 5))
    session = Session(
        episode.id, client.id, dt.date(2026, 1, 5), note=SessionNote(note=note + extra)
    )
    record = ClientRecord(client, (episode,), (session,))
    text = json.dumps(
        {"format": interchange.FORMAT, "clients": [interchange.record_json(record)]},
        ensure_ascii=False,
    )
    (back,) = interchange.validate_import(json.loads(text))
    assert back.client.name == name
    assert back.sessions[0].note.note == note + extra


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAMES, note=TEXT)
def test_any_text_round_trips_through_the_vault(shared_vault, name, note):
    record = full_record()
    record = dataclasses.replace(
        record,
        client=dataclasses.replace(record.client, name=name),
        life_events=(dataclasses.replace(record.life_events[0], description=note),),
    )
    store(shared_vault, record)
    (back,) = interchange.validate_import(interchange.export_client(shared_vault, record.client.id))
    assert back.client.name == name
    assert back.life_events[0].description == note


def test_import_file_accepts_a_path_like(tmp_path, make_vault):
    vault, _ = make_vault(tmp_path / "v")
    path = tmp_path / "one.json"
    path.write_text(json.dumps(_phases_file([{}, {}])), encoding="utf-8")
    (client_id,) = interchange.import_file(vault, Path(str(path)))
    assert len(clients.read_record(vault, client_id).sessions) == 2


# -- the risk layer ----------------------------------------------------------------------------


def test_risk_records_round_trip_with_decisions(tmp_path, make_vault):
    from ipt_desktop.domain.risk_records import DecisionAction, RiskDecision

    record = full_record(name="Demo – Risk Round Trip", marker=SCRIPTS)
    decision = RiskDecision(
        record.client.id, START_PLUS, DecisionAction.GRADUATION_LETTER, f"Reason given {SCRIPTS}"
    )
    record = dataclasses.replace(record, risk_decisions=(decision,))
    data = {"format": interchange.FORMAT, "clients": [interchange.record_json(record)]}
    client = data["clients"][0]
    assert client["risk_reviews"][0]["level"] == "low"
    assert client["safety_plan"]["help_contacts"] == ["My sister"]
    assert client["risk_decisions"][0]["action"] == "graduation_letter"
    session = client["episodes"][0]["sessions"][0]
    assert (session["hamd_item3"], session["risk_noted"]) == (1, True)
    vault, _ = make_vault(tmp_path / "v")
    (new_id,) = interchange.import_records(vault, interchange.validate_import(data))
    again = interchange.export_client(vault, new_id)
    assert without_ids(again) == without_ids(data)
    assert clients.read_record(vault, new_id).risk_decisions[0].reason.endswith(SCRIPTS)


def test_an_export_from_before_the_risk_layer_still_imports(exported):
    old = copy.deepcopy(exported)
    for client in old["clients"]:
        for key in ("risk_reviews", "safety_plan", "risk_decisions"):
            del client[key]
        for episode in client["episodes"]:
            for session in episode["sessions"]:
                del session["hamd_item3"], session["risk_noted"]
    records = interchange.validate_import(old)
    first = records[0]
    assert first.risk_reviews == () and first.safety_plan is None
    assert first.sessions[0].hamd_item3 is None and not first.sessions[0].risk_noted
    # The item 9 of the first session now shows as open risk: nothing reviewed it.
    from ipt_desktop.services.risk import risk_status_key

    assert risk_status_key(first) == "open"


@pytest.mark.parametrize(
    ("change", "where", "what"),
    [
        (lambda c: c["risk_reviews"][0].update(asked="x"), "risk_reviews[0].asked", "sentence"),
        (lambda c: c["risk_reviews"][0].update(level="medium"), "risk_reviews[0].level", "low"),
        (lambda c: c["risk_reviews"][0].pop("level"), "risk_reviews[0].level", "missing"),
        (lambda c: c["safety_plan"].update(extra=1), "safety_plan", "unknown field"),
        (
            lambda c: c["episodes"][0]["sessions"][0].update(hamd_item3=5),
            "sessions[0].hamd_item3",
            "0 to 4",
        ),
    ],
)
def test_bad_risk_records_are_refused_by_json_path(exported, change, where, what):
    bad = copy.deepcopy(exported)
    change(bad["clients"][0])
    with pytest.raises(ValidationError) as caught:
        interchange.validate_import(bad)
    assert where in caught.value.field
    assert what in caught.value.message


def test_an_export_from_before_the_clinical_fields_still_imports() -> None:
    """Files written before preferred_name, client_next_step and the episode history fields
    existed import with the defaults; the letter never falls back on the clinician's plan."""
    old = {
        "format": "ipt-desktop/1",
        "clients": [
            {
                "name": "Demo – Old Export",
                "date_of_birth": None,
                "episodes": [
                    {
                        "kind": "acute",
                        "start_date": "2025-01-06",
                        "planned_sessions": 12,
                        "goals": ["Sleep better"],
                        "sessions": [{"date": "2025-01-06", "phase": "initial", "note": ""}],
                        "termination": {
                            "achievements": [],
                            "relapse_prevention_skills": [],
                            "warning_signs": [],
                            "plan": "Referred to GP.",
                        },
                    }
                ],
            }
        ],
    }
    (record,) = interchange.validate_import(old)
    episode = record.episodes[0]
    assert record.client.preferred_name == ""
    assert episode.termination.client_next_step == ""
    assert episode.termination.plan == "Referred to GP."
    assert (episode.onset, episode.recurrent, episode.recurrence_on) == (None, None, None)
    assert (episode.medication, episode.referrer, episode.sessions_missed) == ("", "", 0)
    assert episode.goals_met == ()
    assert record.sessions[0].tasks == SessionTasks()  # written before the task checklists
    assert episode.earlier_episodes is None


def test_goals_met_of_an_older_export_become_goals_reviewed_as_met() -> None:
    old = {
        "format": "ipt-desktop/1",
        "clients": [
            {
                "name": "Demo – Older Goals",
                "episodes": [
                    {
                        "start_date": "2025-01-06",
                        "goals": ["Sleep better", "Call my brother"],
                        "goals_met": ["Call my brother"],
                    }
                ],
            }
        ],
    }
    (record,) = interchange.validate_import(old)
    episode = record.episodes[0]
    assert episode.goals_met == ("Call my brother",)
    assert episode.goal_reviews == (GoalReview("Call my brother", status=GoalStatus.MET),)


def test_the_export_carries_goal_reviews_and_goals_met_for_older_readers(exported):
    episode = exported["clients"][0]["episodes"][0]
    assert episode["goal_reviews"][0]["status"] == "met"
    assert episode["goal_reviews"][1] == {
        "goal": "Goal two",
        "area": "grief",
        "status": "partly_met",
        "evidence": "",
    }
    assert episode["goals_met"] == [episode["goal_reviews"][0]["goal"]]
    assert episode["earlier_episodes"] == 2
    assert episode["worksheets"][1] == {
        "area": "role_dispute",
        "answers": {
            "other_person": episode["worksheets"][1]["answers"]["other_person"],
            "plan": "Talk on Sundays",
        },
    }
