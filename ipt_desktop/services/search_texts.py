"""The searchable texts of a stored payload, read straight from its JSON (no decoding).

The same texts, with the same fields, item ids and order, as ``domain.search`` finds in
the decoded record (``_texts``), so the index and the page of hits need no decoding; the
property tests hold both to a full decode, so a field added there must be added here.
"""

from collections.abc import Iterator
from typing import Any

from ipt_desktop.domain.model import NOTE_FIELDS
from ipt_desktop.domain.search import INVENTORY_FIELDS, TERMINATION_LISTS

#: The child tables whose rows hold searched texts (risk records are not searched).
SEARCHED_TABLES = frozenset({"episodes", "sessions", "inventory", "life_events"})
#: (session id, item id, field, text), as ``domain.search._texts`` yields them.
Text = tuple[str | None, str | None, str, str]
#: The same before the text is known to be one.
_Raw = tuple[str | None, Any, str, Any]


def _strings(values: Any) -> Iterator[str]:
    if type(values) is list:
        yield from (v for v in values if type(v) is str)


def _episode(row_id: str, data: dict[str, Any]) -> Iterator[_Raw]:
    yield None, row_id, "formulation.text", data.get("formulation")
    for goal in _strings(data.get("goals")):
        yield None, row_id, "episode.goals", goal
    termination = data.get("termination")
    if type(termination) is dict:
        for name in TERMINATION_LISTS:
            for entry in _strings(termination.get(name)):
                yield None, row_id, f"termination.{name}", entry
        yield None, row_id, "termination.what_to_do", termination.get("what_to_do")
        yield None, row_id, "termination.plan", termination.get("plan")


def _session(row_id: str, data: dict[str, Any]) -> Iterator[_Raw]:
    sections = data.get("note_sections")
    sections = sections if type(sections) is dict else {}
    for name in NOTE_FIELDS:
        text = data.get("note") if name == "note" else sections.get(name)
        yield row_id, None, f"note.{name}", text
    amendments = data.get("amendments")
    for amendment in amendments if type(amendments) is list else ():
        if type(amendment) is dict:
            yield row_id, amendment.get("id"), "amendment", amendment.get("text")


def payload_fields(table: str, row_id: str, data: Any) -> list[Text]:
    """The texts of one row's unsealed payload (``table``: its table; "clients" for the
    client's own row), empty ones left out. A shape this program never writes gives none."""
    if type(data) is not dict:
        return []
    found: Iterator[_Raw]
    if table == "sessions":
        found = _session(row_id, data)
    elif table == "episodes":
        found = _episode(row_id, data)
    elif table == "inventory":
        found = ((None, row_id, f"inventory.{n}", data.get(n)) for n in INVENTORY_FIELDS)
    elif table == "life_events":
        found = iter([(None, row_id, "life_event.description", data.get("description"))])
    elif table == "clients":
        found = iter([(None, None, "client.name", data.get("name"))])
    else:
        return []  # risk records: not searched (domain.search does not look at them)
    return [
        (session_id, item_id if type(item_id) is str else None, field, text)
        for session_id, item_id, field, text in found
        if type(text) is str and text
    ]


_SECTIONS = tuple(name for name in NOTE_FIELDS if name != "note")


def payload_texts(table: str, data: Any) -> list[str]:
    """Only the texts of ``payload_fields`` (what the index needs; a session's directly,
    the index's build reads some 30,000 of them per 2,000 clients)."""
    if table != "sessions" or type(data) is not dict:
        return [text for *_where, text in payload_fields(table, "", data)]
    sections = data.get("note_sections")
    found = [sections.get(name) for name in _SECTIONS] if type(sections) is dict else []
    found.append(data.get("note"))
    amendments = data.get("amendments")
    if type(amendments) is list:
        found += [a.get("text") for a in amendments if type(a) is dict]
    return [text for text in found if type(text) is str and text]
