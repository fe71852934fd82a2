"""Searching one client record: caseless, normalised, any script, short snippets."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipt_desktop.domain.model import (
    Amendment,
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
from ipt_desktop.domain.search import ELLIPSIS, SNIPPET_CHARS, SearchHit, search_record

CLIENT = Client(name="Fictional Ana Lind")
DAY = dt.date(2026, 3, 2)


def note_record(text: str, field: str = "note") -> tuple[ClientRecord, Session]:
    ep = Episode(client_id=CLIENT.id, start_date=DAY)
    session = Session(
        episode_id=ep.id, client_id=CLIENT.id, date=DAY, note=SessionNote(**{field: text})
    )
    return ClientRecord(client=CLIENT, episodes=(ep,), sessions=(session,)), session


def only_hit(record: ClientRecord, query: str) -> SearchHit:
    hits = search_record(record, query)
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize(
    ("text", "query", "shown"),
    [
        ("She misses her grandmother.", "GRANDMOTHER", "grandmother"),
        ("Talked with Élodie's brother.", "élodie", "Élodie"),
        ("Talked with E\u0301lodie's brother.", "ÉLODIE", "E\u0301lodie"),  # decomposed é
        ("Moved to the Hauptstraße last May.", "hauptstrasse", "Hauptstraße"),
        ("A ﬁne day at the lake.", "fine", "ﬁne"),  # ligature, NFKC
        ("Room ＡＢＣ at the clinic.", "abc", "ＡＢＣ"),  # fullwidth letters
        ("Η Σοφία ήρθε νωρίς.", "ΣΟΦΊΑ", "Σοφία"),  # Greek
        ("Разговор с Ольгой о работе.", "ОЛЬГОЙ", "Ольгой"),  # Cyrillic
        ("تحدثنا عن فاطمة اليوم", "فاطمة", "فاطمة"),  # Arabic
        ("דיברנו על שרה ועל העבודה", "שרה", "שרה"),  # Hebrew
        ("和母亲吵架以后很难过", "母亲", "母亲"),  # Chinese
        ("家族と話した。", "家族", "家族"),  # Japanese
        ("\u1100\u1161\u11a8 시간", "각", "\u1100\u1161\u11a8"),  # Hangul in parts
        ("Felt better 🙂 after the call.", "🙂", "🙂"),
        ("Family 👩‍👩‍👧 dinner went well.", "👩‍👩‍👧", "👩‍👩‍👧"),
        # The query is normalised too.
        ("Élodie called.", "E\u0301LODIE", "Élodie"),
        ("A fine day at the lake.", "ﬁne", "fine"),
        ("Room abc at the clinic.", "ＡＢＣ", "abc"),
        ("Φῶς ᾶϊ", "\u1fb7\u0308", "ᾶϊ"),  # casefolding needs normalising again
    ],
)
def test_matching_is_caseless_and_normalised_in_any_script(
    text: str, query: str, shown: str
) -> None:
    # Padding puts the match far from the start, so the snippet must be found around it.
    record, session = note_record("Fictional padding. " * 8 + text)
    hit = only_hit(record, query)
    assert hit.session_id == session.id
    assert hit.field == "note.note"
    assert hit.client_id == CLIENT.id
    assert shown in hit.snippet  # the original text, not its normalised form
    assert hit.snippet.startswith(ELLIPSIS)


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_an_empty_query_finds_nothing(query: str) -> None:
    record, _ = note_record("anything at all")
    assert search_record(record, query) == []


def test_no_match_finds_nothing() -> None:
    record, _ = note_record("She misses her grandmother.")
    assert search_record(record, "grandfather") == []
    assert search_record(record, "é") == []  # an accent is part of the letter


def test_snippet_is_short_centred_and_marks_the_cuts() -> None:
    text = "Opening. " + "x " * 60 + "The dispute with Manuel flared up. " + "y " * 60
    record, _ = note_record(text)
    snippet = only_hit(record, "manuel").snippet
    assert "Manuel" in snippet
    assert snippet.startswith(ELLIPSIS)
    assert snippet.endswith(ELLIPSIS)
    assert len(snippet) <= SNIPPET_CHARS + 2
    assert len(snippet) >= SNIPPET_CHARS - 10


def test_a_short_text_is_shown_whole_with_whitespace_collapsed() -> None:
    record, _ = note_record("Grief\n\nfor   her father")
    assert only_hit(record, "father").snippet == "Grief for her father"


@pytest.mark.parametrize(
    "unit",
    [
        "e\u0301",  # e + combining acute (composes to é)
        "x\u0301",  # x + combining acute (no precomposed form)
        "\u1100\u1161\u11a8",  # a Hangul syllable written in its three parts
        "👩\u200d👩\u200d👧",  # an emoji ZWJ sequence
        "👍🏽",  # emoji with a skin-tone modifier
        "✌\ufe0f",  # emoji with a variation selector
        "\u0995\u09c7\u09be",  # a Bengali consonant with a two-part vowel sign
        "🇳🇴",  # a flag: two regional indicator letters
        "🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f",  # tag sequence
    ],
)
@pytest.mark.parametrize("shift", range(4))
def test_a_snippet_never_cuts_through_a_character(unit: str, shift: int) -> None:
    # Many units each side; shifting the match moves the window edges to every offset.
    record, _ = note_record(unit * 40 + " " * (shift + 1) + "MATCH " + unit * 40)
    body = only_hit(record, "match").snippet.removeprefix(ELLIPSIS).removesuffix(ELLIPSIS)
    assert body.replace(unit, "").strip() == "MATCH"
    assert len(body) <= SNIPPET_CHARS + 2 * len(unit)  # widened to whole characters only


def test_one_hit_per_field() -> None:
    record, _ = note_record("sister, sister and sister again")
    assert len(search_record(record, "sister")) == 1


def test_every_kind_of_text_is_searched_and_located() -> None:
    client = Client(name="Fictional Ingrid Kestrel")
    ep = Episode(
        client_id=client.id,
        start_date=DAY,
        formulation=Formulation(text="Kestrel formulation text"),
        goals=("a goal about kestrel",),
        termination=Termination(
            achievements=("kestrel achievement",),
            relapse_prevention_skills=("kestrel skill",),
            warning_signs=("kestrel sign",),
            what_to_do="call kestrel",
            plan="kestrel plan",
        ),
    )
    amendment = Amendment(dt.datetime(2026, 3, 3, 9, 0), "kestrel amendment")
    session = Session(
        episode_id=ep.id,
        client_id=client.id,
        date=DAY,
        note=SessionNote(homework="kestrel homework", since_last_met="kestrel week"),
        signed_at=dt.datetime(2026, 3, 2, 18, 0),
        amendments=(amendment,),
    )
    person = InventoryPerson(client_id=client.id, name="Kestrel Aunt", notes="kestrel notes")
    event = LifeEvent(client_id=client.id, date=DAY, description="kestrel moved away")
    record = ClientRecord(
        client=client,
        episodes=(ep,),
        sessions=(session,),
        inventory=(person,),
        life_events=(event,),
    )
    found = {(h.field, h.session_id, h.item_id) for h in search_record(record, "KESTREL")}
    assert found == {
        ("client.name", None, None),
        ("formulation.text", None, ep.id),
        ("episode.goals", None, ep.id),
        ("termination.achievements", None, ep.id),
        ("termination.relapse_prevention_skills", None, ep.id),
        ("termination.warning_signs", None, ep.id),
        ("termination.what_to_do", None, ep.id),
        ("termination.plan", None, ep.id),
        ("note.since_last_met", session.id, None),
        ("note.homework", session.id, None),
        ("amendment", session.id, amendment.id),
        ("inventory.name", None, person.id),
        ("inventory.notes", None, person.id),
        ("life_event.description", None, event.id),
    }


words = st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=12), max_size=40)


@given(words, words)
def test_a_planted_word_is_always_found_in_a_short_snippet(
    before: list[str], after: list[str]
) -> None:
    record, _ = note_record(" ".join([*before, "Needle", *after]))
    snippet = only_hit(record, "needle").snippet
    assert "Needle" in snippet
    assert len(snippet) <= SNIPPET_CHARS + 2
