"""Stored payloads are read the lean way (StoredObject) by the same record_codec readers
the import uses with JsonObject: both accept exactly the same payloads, as the same values.
"""

import copy
import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipt_desktop.domain.enums import Phase
from ipt_desktop.domain.model import Amendment
from ipt_desktop.domain.summary import summarize
from ipt_desktop.vault import codec
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.errors import RecordDamagedError
from ipt_desktop.vault.json_fields import JsonObject
from tests.helpers.samples import full_record

RECORD = full_record(name="Demo – Stored Payloads", marker=" Ζήτα 🙂")
SIGNED = RECORD.sessions[0]
AMENDED = dataclasses.replace(
    SIGNED,
    amendments=(
        Amendment(dt.datetime(2026, 1, 6, 9, 0, tzinfo=dt.UTC), "A correction"),
        Amendment(dt.datetime(2026, 1, 7, 9, 0, tzinfo=dt.UTC), "Another one"),
    ),
)
CID = RECORD.client.id
ROW = str(uuid.uuid4())
EPISODE = RECORD.episodes[0].id

Reader = Callable[[JsonObject], Any]

#: (name, payload as stored, reader, the value it must give)
CASES: list[tuple[str, dict[str, Any], Reader, Any]] = [
    (
        "client",
        codec.client_json(RECORD.client),
        lambda o: codec.read_client(o, client_id=CID),
        RECORD.client,
    ),
    (
        "episode",
        codec.episode_json(RECORD.episodes[0]),
        lambda o: codec.read_episode(o, episode_id=EPISODE, client_id=CID),
        RECORD.episodes[0],
    ),
    *[
        (
            f"session {i}",
            client_rows.session_payload(session),
            lambda o, s=session: codec.read_session(
                o,
                session_id=s.id,
                episode_id=EPISODE,
                client_id=CID,
                phase_override=o.optional_choice("phase_override", Phase),
            ),
            session,
        )
        for i, session in enumerate((*RECORD.sessions, AMENDED))
    ],
    (
        "person",
        codec.person_json(RECORD.inventory[0]),
        lambda o: codec.read_person(o, person_id=RECORD.inventory[0].id, client_id=CID),
        RECORD.inventory[0],
    ),
    (
        "life event",
        codec.life_event_json(RECORD.life_events[0]),
        lambda o: codec.read_life_event(o, event_id=RECORD.life_events[0].id, client_id=CID),
        RECORD.life_events[0],
    ),
    (
        "summary",
        codec.summary_json(summarize(RECORD)),
        lambda o: codec.read_summary(o, client_id=CID),
        summarize(RECORD),
    ),
]
IDS = [case[0] for case in CASES]


def _fixed_ids() -> Iterator[str]:
    n = 0
    while True:
        n += 1
        yield str(uuid.UUID(int=n))


def outcome(lean: bool, data: Any, read: Reader) -> tuple[str, Any]:
    """("ok", value) or ("damaged", None); fresh ids are the same sequence every time."""
    decode = client_rows.decode_stored if lean else client_rows.decode
    with mock.patch.object(codec, "new_id", side_effect=_fixed_ids()):
        try:
            return "ok", decode("table", ROW, copy.deepcopy(data), read)
        except RecordDamagedError:
            return "damaged", None


@pytest.mark.parametrize(("name", "payload", "read", "value"), CASES, ids=IDS)
def test_a_stored_payload_reads_back_the_same_both_ways(
    name: str, payload: dict[str, Any], read: Reader, value: Any
) -> None:
    assert outcome(False, payload, read) == ("ok", value)
    assert outcome(True, payload, read) == ("ok", value)


def _paths(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _paths(value, (*path, i))


SPECIAL_TEXTS = [
    "",
    "   ",
    "\x00",
    "a\ud800b",  # a lone surrogate (json.loads makes one from an escape)
    "x" * 201,
    "2026-02-30",
    "2026-01-05",
    "0000-01-01",
    "2026-01-05T10:00:00+00:00",
    "2026-01-05T10:00:00",
    str(uuid.uuid4()),
    "not-an-id",
    "grief",
    "role_dispute",
    "impasse",
    "middle",
    "maintenance",
    "role_play",
    "booster_sessions",
    "moderate",
    "other",
]
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 65)
    | st.sampled_from([2**70, -(2**70)])
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(SPECIAL_TEXTS)
    | st.text(max_size=4),
    lambda inner: (
        st.lists(inner, max_size=10)
        | st.dictionaries(st.sampled_from(["id", "text", "written_at", "x"]), inner, max_size=3)
    ),
    max_leaves=12,
)


@st.composite
def mutated(draw: st.DrawFn, payload: dict[str, Any]) -> Any:
    """The payload with one place replaced, removed, or given an extra field."""
    data = copy.deepcopy(payload)
    path = draw(st.sampled_from(list(_paths(data))))
    if not path:
        return draw(json_values)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    action = draw(st.sampled_from(["replace", "remove", "extra"]))
    if action == "remove":
        del parent[path[-1]]
    elif action == "extra" and isinstance(parent, dict):
        parent[draw(st.sampled_from(["phq_9", "x", "id", "note"]))] = draw(json_values)
    else:
        parent[path[-1]] = draw(json_values)
    return data


@settings(max_examples=400)
@given(st.data())
def test_a_changed_payload_is_refused_or_accepted_the_same_both_ways(
    data: st.DataObject,
) -> None:
    _name, payload, read, _value = data.draw(st.sampled_from(CASES))
    changed = data.draw(mutated(payload))
    assert outcome(True, changed, read) == outcome(False, changed, read)


def _session_payload(**changes: Any) -> dict[str, Any]:
    payload = client_rows.session_payload(AMENDED)
    for key, value in changes.items():
        if key in codec.NOTE_SECTIONS:
            payload["note_sections"][key] = value
        else:
            payload[key] = value
    return payload


SESSION_READ = CASES[IDS.index("session 3")][2]


@pytest.mark.parametrize(
    "changes",
    [
        {"note": "x" * 2_000_001},  # longer than any text may be
        {"homework": "half\x00way"},
        {"plan": "a\udc00b"},
        {"mood": 11},
        {"mood": True},
        {"mood": "5"},
        {"phq9": [1] * 8},
        {"phq9": [1] * 8 + [4]},
        {"phq9": "111111111"},
        {"gad7": {"a": 1}},
        {"hamd": 53},
        {"techniques": "role_play"},
        {"techniques": {"role_play": 1}},
        {"techniques": ["no_such_technique"]},
        {"note_sections": "text"},
        {"note_sections": {"homework": "x", "typo": "y"}},
        {"amendments": [{"written_at": "2026-01-06T09:00:00+00:00", "text": "t", "id": None}]},
        {"amendments": [{"written_at": "2026-01-06T09:00:00+00:00", "text": "t", "id": 5}]},
        {"amendments": [{"written_at": "2026-01-06T09:00:00", "text": "t"}]},
        {"amendments": [{"written_at": "2026-01-06T09:00:00+00:00", "text": " "}]},
        {"signed_at": "2026-01-05"},
        {"phase_override": "later"},
        {"date": "2026-02-30"},
        {"phq_9": [0] * 9},
    ],
    ids=repr,
)
def test_a_damaged_session_payload_is_refused_both_ways(changes: dict[str, Any]) -> None:
    payload = _session_payload(**changes)
    assert outcome(False, payload, SESSION_READ) == ("damaged", None)
    assert outcome(True, payload, SESSION_READ) == ("damaged", None)


def test_an_amendment_without_an_id_gets_a_fresh_one_both_ways() -> None:
    payload = _session_payload()
    del payload["amendments"][0]["id"]
    strict, lean = outcome(False, payload, SESSION_READ), outcome(True, payload, SESSION_READ)
    assert strict == lean
    assert strict[0] == "ok" and strict[1].amendments[0].id == str(uuid.UUID(int=1))


@pytest.mark.parametrize("goals_met", [[{}], [["a"]], [{"goal": "x"}]], ids=repr)
def test_an_episode_whose_met_goals_are_not_texts_is_refused_both_ways(goals_met: Any) -> None:
    """Found by the changed-payload property: the lean reader raised TypeError instead."""
    _name, payload, read, _value = CASES[IDS.index("episode")]
    changed = {**copy.deepcopy(payload), "goals_met": goals_met}
    assert outcome(True, changed, read) == outcome(False, changed, read) == ("damaged", None)
