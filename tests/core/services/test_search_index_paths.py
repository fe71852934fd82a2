"""SearchIndex's two ways to a page and to the clients (sorting the hits, or walking the
clients when a common word makes them many) give the same answer, after updates too."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipt_desktop.domain.search import query_terms
from ipt_desktop.services import search_index
from ipt_desktop.services.search_index import SearchIndex

WORDS = ("ash", "ashore", "birch", "bird", "cedar", "élan", "北", "京")
text = st.lists(st.sampled_from(WORDS), max_size=5).map(" ".join)
rows = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 12), st.lists(text, max_size=3)))


def answers(index: SearchIndex, query: str, limit: int) -> tuple[object, object]:
    entries = index.matching(query_terms(query))
    pages = [(c, sorted(r.row_id for r in refs)) for c, refs in index.first_rows(entries, limit)]
    return pages, index.clients_of(entries)


@settings(
    database=None,
    deadline=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # patched in contexts only
)
@given(rows, st.sampled_from(["a", "ash", "bi", "b c", "é", "北"]), st.integers(1, 6))
def test_both_ways_agree(
    monkeypatch: pytest.MonkeyPatch,
    writes: list[tuple[int, int, list[str]]],
    query: str,
    limit: int,
) -> None:
    index = SearchIndex()
    for client, row, texts in writes:  # rows rewritten and moved: entries out of order
        index.put_row(f"c{client}", "sessions", f"r{row}", texts)
    index.remove_row("r3")
    with monkeypatch.context() as patch:
        patch.setattr(search_index, "_SORT_LIMIT", 10**9)
        patch.setattr(search_index, "_CLIENT_SCAN_FACTOR", 10**9)
        sorted_way = answers(index, query, limit)
    with monkeypatch.context() as patch:
        patch.setattr(search_index, "_SORT_LIMIT", -1)
        patch.setattr(search_index, "_CLIENT_SCAN_FACTOR", -1)
        walked_way = answers(index, query, limit)
    assert walked_way == sorted_way
