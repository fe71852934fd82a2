"""The searchable texts of a stored payload, read straight from its JSON (no decoding).

The same texts, in any order, that ``domain.search`` searches in the decoded record; the
property tests hold the index to the scan, so a field added to one must be added here.
"""

from collections.abc import Iterator
from typing import Any

from ipt_desktop.domain.search import INVENTORY_FIELDS, NOTE_FIELDS, TERMINATION_LISTS

_SECTIONS = tuple(name for name in NOTE_FIELDS if name != "note")


def _strings(values: Any) -> Iterator[str]:
    if type(values) is list:
        yield from (v for v in values if type(v) is str)


def payload_texts(table: str, data: Any) -> list[str]:
    """The texts of one row's unsealed payload (``table``: its table; ``clients`` for the
    client's own row). Anything not shaped as this program writes it gives no text."""
    if type(data) is not dict:
        return []
    found: list[Any]
    if table == "sessions":
        sections = data.get("note_sections")
        found = [data.get("note")]
        if type(sections) is dict:
            found += [sections.get(name) for name in _SECTIONS]
        amendments = data.get("amendments")
        if type(amendments) is list:
            found += [a.get("text") for a in amendments if type(a) is dict]
    elif table == "episodes":
        found = [data.get("formulation"), *_strings(data.get("goals"))]
        termination = data.get("termination")
        if type(termination) is dict:
            for name in TERMINATION_LISTS:
                found += _strings(termination.get(name))
            found += [termination.get("what_to_do"), termination.get("plan")]
    elif table == "inventory":
        found = [data.get(name) for name in INVENTORY_FIELDS]
    elif table == "life_events":
        found = [data.get("description")]
    else:
        found = [data.get("name")]
    return [text for text in found if type(text) is str and text]
