"""search_all's scan (filter on the decrypted JSON text, decode only what can match) gives
exactly the hits of the reference: every record decoded in full, then domain.search_record.
(The index is not built in this module: test_search_index holds the index to the same.)"""

import dataclasses
import datetime as dt
import threading
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

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
from ipt_desktop.domain.search import SearchHit, normalize, query_terms, search_record, text_matches
from ipt_desktop.services import client_search, clients, episodes, people, sessions
from ipt_desktop.services.client_search import search_all
from ipt_desktop.store.tables import ClientRow
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.vault import Vault

DAY = dt.date(2026, 3, 2)

#: Texts that catch a filter on JSON text out: escapes next to accents (``\n`` + U+0301
#: is "ń" once escaped), quotes, backslashes, control characters, and the caseless and
#: compatibility matches (final sigma, ß/SS, ligatures, Kelvin sign, fullwidth forms).
TRICKY = (
    'She said "stop" and then \\"stop\\" again.',
    "Path C:\\Users\\ana\\notes and a trailing backslash \\",
    "Line one\nline two\ttabbed\r\nwindows line",
    "Mark x\n\u0301y and \t\u0308z (escapes before combining accents)",
    "Control \x01 one and \x1f unit separator and \x7f delete",
    "Ο ΟΔΥΣΣΕΥΣ και η Σοφία: τελικό ς και σ",
    "Große Straße, GROSSE STRASSE, ẞ capital",
    "A ﬁne day, an ﬀ ligature, ｆｕｌｌｗｉｄｔｈ ＡＢＣ and ＂quoted＂ ＼",
    "Decomposed E\u0301lodie and composed Élodie, x\u0301 without a precomposed form",
    "تحدثنا عن فاطمة اليوم وعن العمل",
    "Emoji 🙂 and a family 👩\u200d👩\u200d👧 and 👍🏽 and a flag 🇳🇴",
    "Kelvin K and Ångström Å signs; İstanbul and ı dotless",
    "Hangul in parts \u1100\u1161\u11a8 and composed 각",
    "plain ascii prose about a lighthouse by the harbour",
    "ends with a combining mark e\u0301",
)

QUERIES = (
    '"stop"',
    '\\"stop',
    "c:\\users",
    "\\",
    "one\nline",
    "two\ttabbed",
    "\u0301",
    "ń",
    "x\n\u0301",
    "\x01 one",
    "οδυσσευς",
    "ΟΔΥΣΣΕΥΣ",
    "τελικο",
    "strasse",
    "STRASSE",
    "straße",
    "ss",
    "fine",
    "ﬁ",
    "ff",
    "fullwidth",
    '"quoted"',
    "élodie",
    "E\u0301LODIE",
    "فاطمة",
    "🙂",
    "👩\u200d👩",
    "🏽",
    "kelvin k",
    "å",
    "istanbul",
    "i\u0307stanbul",
    "각",
    "LIGHTHOUSE",
    "e\u0301",
    "note_sections",  # a key of the payload, never a text of the record
    "communication_analysis",  # a stored value the search does not look at
    "2026-03",
    "absent words",
    "   ",
)


def reference(vault: Vault, query: str) -> list[SearchHit]:
    """The search as it was: every record decoded in full, clients in list order."""
    if not normalize(query).strip():
        return []
    hits: list[SearchHit] = []
    with vault.reading() as db:
        ids = db.scalars(select(ClientRow.id).order_by(ClientRow.order_key)).all()
        for client_id in ids:
            hits.extend(search_record(client_rows.read_record(vault, db, client_id), query))
    return hits


def tricky_record(name: str, texts: tuple[str, ...], offset: int) -> ClientRecord:
    """A record with ``texts`` spread over every searchable field."""

    def text(i: int) -> str:
        return texts[(i + offset) % len(texts)]

    client = Client(name=f"Demo – {name}")
    episode = Episode(
        client_id=client.id,
        start_date=DAY,
        formulation=Formulation(text=text(0)),
        goals=(text(1), text(2)),
        termination=Termination(achievements=(text(3),), what_to_do=text(4), plan=text(5)),
    )
    notes = [
        SessionNote(
            since_last_met=text(6 + i),
            recent_events=text(7 + i),
            homework=text(8 + i),
            plan=text(9 + i),
            note=text(10 + i),
        )
        for i in range(3)
    ]
    signed = dt.datetime(2026, 3, 2, 18, 0, tzinfo=dt.UTC)
    first = Session(
        episode.id,
        client.id,
        DAY,
        note=notes[0],
        signed_at=signed,
        amendments=(Amendment(signed + dt.timedelta(days=1), text(11)),),
    )
    others = [
        Session(episode.id, client.id, DAY + dt.timedelta(days=7 * (i + 1)), note=notes[i + 1])
        for i in range(2)
    ]
    inventory = [
        InventoryPerson(client_id=client.id, name=f"Person {i}", notes=text(12 + i))
        for i in range(3)
    ]
    events = [
        LifeEvent(client_id=client.id, date=DAY - dt.timedelta(days=i), description=text(14 + i))
        for i in range(2)
    ]
    return ClientRecord(client, (episode,), (first, *others), tuple(inventory), tuple(events))


@pytest.fixture(scope="module")
def tricky_vault(shared_vault: Vault) -> Vault:
    names = ("Zoë Ångström", "Σοφία Ωμέγα", "Ольга Иванова", "فاطمة", "Straße Weiß", "Ada Lind")
    records = [tricky_record(name, TRICKY, 3 * i) for i, name in enumerate(names)]
    client_rows.add_records(shared_vault, records, AuditEvent.IMPORT)
    # A person added later for the first client comes after the others (order of adding).
    first = records[0]
    people.save_person(
        shared_vault,
        InventoryPerson(client_id=first.client.id, name="Person late", notes=TRICKY[0]),
    )
    return shared_vault


@pytest.mark.parametrize("query", QUERIES)
def test_the_tricky_set_gives_the_hits_of_a_full_decode(tricky_vault: Vault, query: str) -> None:
    expected = reference(tricky_vault, query)
    assert search_all(tricky_vault, query) == expected


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ('"stop"', True),
        ("c:\\users", True),
        ("\u0301", False),  # a lone accent folds away: no word to look for
        ("ń", True),  # accents fold: "n" begins "notes"
        ("x\n\u0301", True),  # "x" (the accent folds away), a word of its own in a note
        ("οδυσσευς", True),
        ("straße", True),
        ("fine", True),
        ('"quoted"', True),
        ("élodie", True),
        ("فاطمة", True),
        ("🙂", True),
        ("kelvin k", True),
        ("istanbul", True),  # İ folds to i (its combining dot is dropped with the accents)
        ("stanbul", False),  # words are found by their beginning only
        ("note_sections", False),
        ("communication_analysis", False),
        ("absent words", False),
    ],
)
def test_the_tricky_set_finds_what_a_person_expects(
    tricky_vault: Vault, query: str, found: bool
) -> None:
    assert bool(search_all(tricky_vault, query)) is found


def _query_from(texts: tuple[str, ...]) -> st.SearchStrategy[str]:
    """Slices of stored texts, changed the ways a person might type them."""
    changes: list[Callable[[str], str]] = [
        str.upper,
        str.lower,
        str.casefold,
        str.swapcase,
        lambda t: unicodedata.normalize("NFD", t),
        lambda t: unicodedata.normalize("NFKD", t),
        lambda t: unicodedata.normalize("NFC", t),
    ]

    @st.composite
    def sliced(draw: st.DrawFn) -> str:
        text = draw(st.sampled_from(texts))
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 12)))
        change = draw(st.sampled_from(changes))
        return change(text[start:end])

    return sliced()


ALPHABET = "".join(sorted(set("".join(TRICKY)) | set("aeknsz")))
random_query = st.text(alphabet=ALPHABET, min_size=1, max_size=6)


@settings(max_examples=150)
@given(st.one_of(_query_from(TRICKY), random_query))
def test_any_query_gives_the_hits_of_a_full_decode(tricky_vault: Vault, query: str) -> None:
    assert search_all(tricky_vault, query) == reference(tricky_vault, query)


note_text = st.text(alphabet=ALPHABET, min_size=1, max_size=40)


@pytest.fixture(scope="module")
def scratch_session(shared_vault: Vault) -> Session:
    client = Client(name="Demo – Scratch")
    clients.create_client(shared_vault, client)
    episode = Episode(client_id=client.id, start_date=DAY)
    episodes.save_episode(shared_vault, episode)
    return Session(episode.id, client.id, DAY)


@settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(note_text, note_text, st.data())
def test_any_stored_text_and_query_give_the_hits_of_a_full_decode(
    tricky_vault: Vault, scratch_session: Session, note: str, homework: str, data: st.DataObject
) -> None:
    session = dataclasses.replace(scratch_session, note=SessionNote(note=note, homework=homework))
    sessions.save_session(tricky_vault, session)
    query = data.draw(st.one_of(_query_from((note, homework)), random_query))
    expected = reference(tricky_vault, query)
    assert search_all(tricky_vault, query) == expected
    if text_matches(note, query_terms(query)):
        assert any(h.session_id == session.id for h in expected)  # the reference finds it


@pytest.mark.parametrize("query", ["e", "stop", "Σ", "line", "🙂"])
def test_a_limit_gives_the_first_hits_of_the_full_list(tricky_vault: Vault, query: str) -> None:
    everything = search_all(tricky_vault, query)
    assert len(everything) > 5
    for limit in (0, 1, 2, 5, len(everything), len(everything) + 10):
        assert search_all(tricky_vault, query, limit=limit) == everything[:limit]
    with pytest.raises(ValueError, match="limit must not be negative"):
        search_all(tricky_vault, query, limit=-1)


def test_a_worker_thread_searches_while_the_ui_thread_saves(tricky_vault: Vault) -> None:
    expected = search_all(tricky_vault, "élodie")
    assert expected
    results: list[list[SearchHit]] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for _ in range(5):
                results.append(search_all(tricky_vault, "élodie"))
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    client = Client(name="Demo – Busy Saver")
    clients.create_client(tricky_vault, client)
    thread = threading.Thread(target=worker)
    thread.start()
    for i in range(5):
        person = InventoryPerson(client_id=client.id, name=f"Person {i}", notes="busy")
        people.save_person(tricky_vault, person)
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert errors == []
    assert results == [expected] * 5


def test_the_index_gives_the_same_hits_on_the_tricky_set(tricky_vault: Vault) -> None:
    """Every kind of text (goals, termination lists, amendments, people, life events), in
    the record's order, with the same snippets, from the index's page of rows."""
    assert client_search.build_index(tricky_vault)
    try:
        for query in QUERIES:
            expected = reference(tricky_vault, query)
            result = client_search.search(tricky_vault, query, limit=10_000)
            assert result.from_index
            assert result.hits == expected, query
            assert result.total == len(expected)
            for limit in (1, 7, 30):
                assert client_search.search(tricky_vault, query, limit).hits == expected[:limit]
    finally:
        client_search.forget_index(tricky_vault)
