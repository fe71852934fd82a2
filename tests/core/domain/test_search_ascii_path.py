"""The quick paths of domain.search give exactly what the general ones give.

ASCII text skips the grapheme clusters (every character is its own cluster and folds to
one character); ``fold`` is ``normalize`` with a shortcut for ASCII.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipt_desktop.domain import search
from ipt_desktop.domain.search import fold, normalize

ascii_text = st.text(alphabet=st.characters(max_codepoint=127), max_size=200)


@given(st.text(max_size=80))
def test_fold_is_normalize_for_any_text(text: str) -> None:
    assert fold(text) == normalize(text)


@pytest.mark.parametrize(
    "text",
    [
        "ǰ ΐ ΰ ẖ ẗ ẘ ẙ ὐ ᾶ ᾷ ῆ ῇ ῒ ΐ ῖ ῗ",  # casefolding needs normalising again
        "Straße ẞ ﬁ ﬀ Σοφίας ς K Å ｆ",  # ß/SS, ligatures, final sigma, compatibility
        "E\u0301lodie İstanbul ı",  # decomposed accent, Turkish dotted and dotless i
        'Plain ASCII, with "quotes" and \\ backslashes.',
    ],
)
def test_fold_is_normalize_on_the_hard_cases(text: str) -> None:
    assert fold(text) == normalize(text)
    assert fold(text.upper()) == normalize(text.upper())


@given(ascii_text, st.data())
def test_the_ascii_match_span_is_the_cluster_one(text: str, data: st.DataObject) -> None:
    if text and data.draw(st.booleans()):  # a needle taken from the text, so it matches
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        needle = normalize(text[start:end]).strip()
    else:
        needle = normalize(data.draw(ascii_text)).strip()
    if not needle:
        return
    assert search._match_span(text, needle) == search._match_span_in_clusters(text, needle)


@given(ascii_text, st.data())
def test_ascii_text_never_widens_a_snippet(text: str, data: st.DataObject) -> None:
    low = data.draw(st.integers(0, len(text)))
    high = data.draw(st.integers(low, len(text)))
    assert search._widened_to_clusters(text, low, high) == (low, high)


@pytest.mark.parametrize(
    ("text", "needle", "span"),
    [
        ("Talked with her Sister.", "sister", (16, 22)),
        ("ABC abc", "abc", (0, 3)),
        ("no match here", "absent", None),
        ('said "no" twice', '"no"', (5, 9)),
        ("a\\b and a\nb", "a\nb", (8, 11)),
    ],
)
def test_ascii_match_spans(text: str, needle: str, span: tuple[int, int] | None) -> None:
    assert search._match_span(text, needle) == span
    assert search._match_span_in_clusters(text, needle) == span


@settings(database=None, deadline=None)
@given(ascii_text, st.lists(st.text(alphabet="abcdeé0 ", min_size=1, max_size=4), max_size=3))
def test_the_ascii_word_match_is_the_general_one(text: str, queries: list[str]) -> None:
    """ASCII text is matched with a regular expression; the general path cuts it into
    words: both decide alike, and the span starts where a term begins a word."""
    terms = search.query_terms(" ".join(queries))
    found = set(search.words(text))
    general = bool(terms) and all(any(w.startswith(t) for w in found) for t in terms)
    assert search.text_matches(text, terms) is general
    span = search._word_span(text, terms) if general else None
    if span is not None:
        start, end = span
        assert any(text[start:end].lower() == t for t in terms)
        assert start == 0 or not text[start - 1].isalnum()
