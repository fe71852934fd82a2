"""The inventory's free texts are listed once: every text field of a person is checked as
text and found by search, so a new question cannot be left out of either."""

import dataclasses

import pytest

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import (
    INVENTORY_QUESTIONS,
    INVENTORY_TEXTS,
    Client,
    ClientRecord,
    InventoryPerson,
)
from ipt_desktop.domain.search import INVENTORY_FIELDS, search_record

CLIENT_ID = "0d6e2f0c-3f3c-4c53-9d6b-6b0f2f6c1a11"


def text_fields() -> set[str]:
    return {f.name for f in dataclasses.fields(InventoryPerson) if f.type in (str, "str")}


def test_every_text_of_a_person_is_listed_once() -> None:
    assert set(INVENTORY_FIELDS) == text_fields() - {"id", "client_id"}
    assert len(INVENTORY_FIELDS) == len(set(INVENTORY_FIELDS))
    assert set(INVENTORY_QUESTIONS) < set(INVENTORY_TEXTS)


@pytest.mark.parametrize("name", INVENTORY_TEXTS)
def test_each_text_is_checked_as_text(name: str) -> None:
    with pytest.raises(ValidationError) as raised:
        InventoryPerson(CLIENT_ID, "Test Person", **{name: 42})  # type: ignore[arg-type]
    assert raised.value.field == name


@pytest.mark.parametrize("name", INVENTORY_FIELDS)
def test_search_finds_a_word_in_each_text(name: str) -> None:
    client = Client("Test Client", id=CLIENT_ID)
    texts = {"name": "Test Person", name: "Zanzibarish remark"}
    person = InventoryPerson(CLIENT_ID, **texts)
    hits = search_record(ClientRecord(client, inventory=(person,)), "zanzibar")
    assert [hit.field for hit in hits] == [f"inventory.{name}"]
