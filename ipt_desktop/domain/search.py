"""Find text in one decrypted client record, in any script.

A search is by words (issue 16): the query and every text are cut into words by
``words``, folded for case, accents and compatibility forms (``fold_words``: NFKD,
casefold, marks dropped, NFKC), so "ELODIE" and "elodie" find "Élodie", "strasse" finds
"Straße" and a decomposed "é" finds a composed one. A text matches when each word of the
query begins a word of the text (prefix matching, for search as you type); one hit per
matching text, with a short snippet of the original text around the first match. Scripts
written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) and emoji count each
character as a word, so a query there finds the texts holding all of its characters.
The in-memory index (services.search_index) uses these same functions, so it finds exactly
what a scan of every record finds. Snippets are for the screen only: never log them.
"""

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from .contract import session_order_key
from .model import INVENTORY_TEXTS, NOTE_FIELDS, ClientRecord

SNIPPET_CHARS = 60
ELLIPSIS = "…"
_ZWJ = "\u200d"

INVENTORY_FIELDS = ("name", "relationship", *INVENTORY_TEXTS)
TERMINATION_LISTS = ("achievements", "relapse_prevention_skills", "warning_signs")


@dataclass(frozen=True)
class SearchHit:
    client_id: str
    session_id: str | None  # set when the text belongs to a session
    field: str  # where the text is, e.g. "note.homework", "inventory.notes", "client.name"
    snippet: str
    #: The episode, amendment, inventory person or life event holding the text, if any.
    item_id: str | None = None


def normalize(text: str) -> str:
    """The form both the query and the searched text take before comparing."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def fold(text: str) -> str:
    """``normalize(text)``, quickly for ASCII text (NFKC leaves ASCII as it is, and
    casefolding ASCII is lowering it: one character for one, at the same index)."""
    return text.lower() if text.isascii() else normalize(text)


#: Characters that are a word each: scripts written without spaces, and emoji.
_SINGLE = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f"
    "\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
    "\u2600-\u27bf\U0001f000-\U0001faff"
)
_WORDS = re.compile(f"[{_SINGLE}]|(?:(?![{_SINGLE}])[^\\W_])+")
#: For ASCII text's bytes: letters lowered, digits kept, every other byte a space. The
#: words of ASCII text are then what ``str.split`` cuts from it (the runs of ``[a-z0-9]`` of
#: the lowered text); ``bytes.translate`` makes it quicker than ``str.translate``.
_ASCII_FOLD = bytes(c if c < 128 and chr(c).isalnum() else 32 for c in range(256)).lower()
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_CHUNKS = re.compile(r"\S+")
_marks: "re.Pattern[str] | None" = None


def _mark_pattern() -> "re.Pattern[str]":
    """Every combining mark (categories Mn, Mc, Me), built once on first use."""
    global _marks
    if _marks is None:
        ranges: list[list[int]] = []
        for code in (*range(0x300, 0x30000), *range(0xE0000, 0xE1000)):
            if unicodedata.category(chr(code)).startswith("M"):
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1][1] = code
                else:
                    ranges.append([code, code])
        body = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)
        _marks = re.compile(f"[{body}]+")
    return _marks


def _strip_marks(run: "re.Match[str]") -> str:
    return _mark_pattern().sub("", run.group())


def fold_words(text: str) -> str:
    """``text`` folded for word search: caseless, accents and other marks dropped,
    compatibility forms unified (ASCII text is only lowered)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    # Marks are never ASCII: only the runs without ASCII are searched for them (the long
    # class of mark ranges costs far more per character than this one test).
    return unicodedata.normalize("NFKC", _NON_ASCII.sub(_strip_marks, decomposed))


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order (repeats kept)."""
    if text.isascii():  # one pass in C: lowered, anything but a letter or digit a space
        return text.encode().translate(_ASCII_FOLD).decode().split()
    return _WORDS.findall(fold_words(text))


def word_set(text: str) -> set[str]:
    """``set(words(text))``: the distinct words of a text, as the index keeps them."""
    if text.isascii():
        return set(text.encode().translate(_ASCII_FOLD).decode().split())
    return set(_WORDS.findall(fold_words(text)))


def query_terms(query: str) -> tuple[str, ...]:
    """The distinct folded words of a query, in order (empty: the query finds nothing)."""
    return tuple(dict.fromkeys(words(query)))


@functools.lru_cache(maxsize=64)
def _word_start(term: str) -> "re.Pattern[str]":
    """Where ``term`` begins a word of lowered ASCII text."""
    return re.compile("(?<![a-z0-9])" + re.escape(term))


def text_matches(text: str, terms: tuple[str, ...]) -> bool:
    """True if each term begins a word of ``text`` (``terms`` from ``query_terms``)."""
    if not terms:
        return False
    if text.isascii():  # a term begins a word where no letter or digit comes before it
        lowered = text.lower()  # ``in`` first: it rules out most texts far quicker
        return all(t in lowered and _word_start(t).search(lowered) is not None for t in terms)
    found = set(words(text))
    return all(any(word.startswith(term) for word in found) for term in terms)


def _is_regional_indicator(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def _continues_cluster(previous: str, ch: str) -> bool:
    """True if ``ch`` belongs with the character before it (never cut between them).

    A simplified grapheme rule: marks (accents, vowel signs, variation selectors), the
    vowel and final parts of a Hangul syllable, emoji modifiers and tags, and both sides
    of a zero-width joiner stay with what precedes them.
    """
    if ch < "\u0300":  # nothing below the combining marks joins what comes before it
        return previous == _ZWJ
    code = ord(ch)
    return (
        unicodedata.category(ch).startswith("M")
        or 0x1160 <= code <= 0x11FF  # Hangul vowel and final jamo (a syllable in parts)
        or 0x1F3FB <= code <= 0x1F3FF  # skin-tone modifiers
        or 0xE0020 <= code <= 0xE007F  # emoji tag characters
        or ch == _ZWJ
        or previous == _ZWJ
    )


def _clusters(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run a match or a snippet must not split."""
    bounds: list[tuple[int, int]] = []
    start = 0
    flag_letters = 0  # regional indicators seen in a row: a flag is a pair of them
    for i in range(1, len(text)):
        previous, ch = text[i - 1], text[i]
        flag_letters = flag_letters + 1 if _is_regional_indicator(previous) else 0
        second_of_flag = _is_regional_indicator(ch) and flag_letters % 2 == 1
        if not (second_of_flag or _continues_cluster(previous, ch)):
            bounds.append((start, i))
            start = i
    if text:
        bounds.append((start, len(text)))
    return bounds


def _match_span(text: str, needle: str) -> tuple[int, int] | None:
    """Span in ``text`` (original indices) of the first match of normalised ``needle``."""
    if text.isascii():  # every character is its own cluster and folds to one character
        position = text.lower().find(needle)
        return None if position < 0 else (position, position + len(needle))
    return _match_span_in_clusters(text, needle)


def _match_span_in_clusters(text: str, needle: str) -> tuple[int, int] | None:
    clusters = _clusters(text)
    owner: list[int] = []  # normalised character index -> cluster index
    parts: list[str] = []
    for index, (start, end) in enumerate(clusters):
        part = normalize(text[start:end])
        parts.append(part)
        owner.extend([index] * len(part))
    position = "".join(parts).find(needle)
    if position < 0:
        return None
    first = clusters[owner[position]]
    last = clusters[owner[position + len(needle) - 1]]
    return first[0], last[1]


def _snippet(text: str, start: int, end: int) -> str:
    context = max(0, (SNIPPET_CHARS - (end - start)) // 2)
    low = max(0, start - context)
    high = min(len(text), end + context, start + SNIPPET_CHARS)
    # Never cut a character from its accents or an emoji sequence (ASCII text has none).
    if not text.isascii():
        low, high = _widened_to_clusters(text, low, high)
    body = " ".join(text[low:high].split())
    return (ELLIPSIS if low > 0 else "") + body + (ELLIPSIS if high < len(text) else "")


def _widened_to_clusters(text: str, low: int, high: int) -> tuple[int, int]:
    for cluster_start, cluster_end in _clusters(text):
        if cluster_start <= low < cluster_end:
            low = cluster_start
        if cluster_start < high < cluster_end:
            high = cluster_end
    return low, high


def _texts(record: ClientRecord) -> Iterator[tuple[str | None, str | None, str, str]]:
    """(session id, item id, field, text) for every searchable text of the record."""
    yield None, None, "client.name", record.client.name
    for episode in sorted(record.episodes, key=lambda e: (e.start_date, e.id)):
        yield None, episode.id, "formulation.text", episode.formulation.text
        for goal in episode.goals:
            yield None, episode.id, "episode.goals", goal
        termination = episode.termination
        for name in TERMINATION_LISTS:
            for entry in getattr(termination, name):
                yield None, episode.id, f"termination.{name}", entry
        yield None, episode.id, "termination.what_to_do", termination.what_to_do
        yield None, episode.id, "termination.plan", termination.plan
    for session in sorted(record.sessions, key=session_order_key):
        for name in NOTE_FIELDS:
            yield session.id, None, f"note.{name}", getattr(session.note, name)
        for amendment in session.amendments:
            yield session.id, amendment.id, "amendment", amendment.text
    for person in record.inventory:
        for name in INVENTORY_FIELDS:
            yield None, person.id, f"inventory.{name}", getattr(person, name)
    for event in sorted(record.life_events, key=lambda e: (e.date, e.id)):
        yield None, event.id, "life_event.description", event.description


def _word_span(text: str, terms: tuple[str, ...]) -> tuple[int, int] | None:
    """Span in ``text`` of the first word a term begins (ASCII), else of the first run
    without spaces holding one."""
    if text.isascii():
        lowered = text.lower()
        found = [m.span() for t in terms if (m := _word_start(t).search(lowered)) is not None]
        return min(found) if found else None
    for chunk in _CHUNKS.finditer(text):
        if any(w.startswith(t) for w in words(chunk.group()) for t in terms):
            start, end = chunk.span()
            if end - start > SNIPPET_CHARS // 2:  # a long run (no spaces): find the term
                for term in terms:
                    inner = _match_span(chunk.group(), normalize(term))
                    if inner is not None:
                        return start + inner[0], start + inner[1]
            return start, end
    return None


def search_record(record: ClientRecord, query: str) -> list[SearchHit]:
    """Every text of ``record`` matching ``query`` (see ``text_matches``), one hit per
    text, in the record's order: name, episodes, sessions, inventory, life events."""
    return list(iter_hits(record, query_terms(query)))


def iter_hits(record: ClientRecord, terms: tuple[str, ...]) -> Iterator[SearchHit]:
    """``search_record``'s hits one by one (``terms`` from ``query_terms``)."""
    if not terms:
        return
    for session_id, item_id, field, text in _texts(record):
        hit = make_hit(record.client.id, session_id, item_id, field, text, terms)
        if hit is not None:
            yield hit


def make_hit(
    client_id: str,
    session_id: str | None,
    item_id: str | None,
    field: str,
    text: str,
    terms: tuple[str, ...],
) -> SearchHit | None:
    """The hit ``text`` makes for ``terms`` (None if it does not match)."""
    if not text_matches(text, terms):
        return None
    span = _word_span(text, terms)
    start, end = span if span is not None else (0, min(len(text), SNIPPET_CHARS))
    return SearchHit(
        client_id=client_id,
        session_id=session_id,
        field=field,
        snippet=_snippet(text, start, end),
        item_id=item_id,
    )
