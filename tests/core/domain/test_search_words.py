"""The quick ways ``words`` cuts and folds text give exactly the words of its definition.

The definition, kept here as written before the quick paths: lower ASCII text and take its
runs of ``[a-z0-9]``; fold any other text (NFKD, casefold, NFKD, every combining mark
dropped, NFKC) and take ``_WORDS`` from it. The scan and the index share ``words``, so a
difference here would not show in their property tests: it is tested on its own.
"""

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipt_desktop.domain import search
from ipt_desktop.domain.search import fold_words, word_set, words

_ASCII_RUNS = re.compile(r"[a-z0-9]+")


def _marks() -> "re.Pattern[str]":
    found = "".join(
        chr(code)
        for code in (*range(0x300, 0x30000), *range(0xE0000, 0xE1000))
        if unicodedata.category(chr(code)).startswith("M")
    )
    return re.compile("[" + re.escape(found) + "]")


MARKS = _marks()


def defined_fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return unicodedata.normalize("NFKC", MARKS.sub("", decomposed))


def defined_words(text: str) -> list[str]:
    if text.isascii():
        return _ASCII_RUNS.findall(text.lower())
    return search._WORDS.findall(defined_fold(text))


HARD = [
    "",
    'Plain ASCII: it\'s a_b, x-y 42nd\tTAB\x1cFS\x0bVT\x00NUL, "quoted" \\ end',
    "Élodie E\u0301lodie ÉLODIE élodie",
    "Straße STRASSE ẞ ﬁnal ﬀ Σοφίας ΣΟΦΊΑΣ ς K Å ｆｕｌｌ",
    "İstanbul ı ǰ ΐ ẖ ᾷ",
    "北京的家族 ありがとう ไทยคน 🙂👍🏽 e\u0301\u0308x",
    "Zoë, naïve café; mañana — «quoted» 1½ x²",
    "mixed ascii with one é in the middle of a long sentence about the allotment",
    "\u0301 a mark at the start, \u20dd enclosing, \U0001d165 musical",
]


@pytest.mark.parametrize("text", HARD)
def test_the_words_of_hard_texts_are_the_defined_ones(text: str) -> None:
    assert words(text) == defined_words(text)
    assert word_set(text) == set(defined_words(text))
    assert fold_words(text) == defined_fold(text)


@settings(deadline=None)
@given(st.text(max_size=120))
def test_the_words_of_any_text_are_the_defined_ones(text: str) -> None:
    assert words(text) == defined_words(text)
    assert word_set(text) == set(words(text))
    assert fold_words(text) == defined_fold(text)


@settings(deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_the_words_of_ascii_text_are_its_lowered_runs_of_letters_and_digits(text: str) -> None:
    assert words(text) == _ASCII_RUNS.findall(text.lower())
    assert word_set(text) == set(words(text))


@settings(deadline=None)
@given(st.text(alphabet="aeiouAEIOU _-.,\u0301\u0308\u0327éÉçÇñ北🙂", max_size=80))
def test_the_words_of_latin_text_with_marks_are_the_defined_ones(text: str) -> None:
    assert words(text) == defined_words(text)
    assert fold_words(text) == defined_fold(text)
