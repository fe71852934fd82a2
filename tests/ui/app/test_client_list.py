"""The client list: the model and proxy pass qtmodeltester; filters by phase, status and
text (names at once, notes in the background); every row read out in words; RTL names."""

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ipt_desktop.domain.enums import Phase, ProblemArea, Severity
from ipt_desktop.domain.model import new_id
from ipt_desktop.domain.risk_records import RiskLevel
from ipt_desktop.domain.risk_status import RiskStatus
from ipt_desktop.domain.search import SearchHit
from ipt_desktop.domain.summary import ClientSummary
from ipt_desktop.services.client_search import SearchResult
from ui.app.client_filter_proxy import ClientFilterProxy, StatusFilter
from ui.app.client_list_model import ClientListModel, ClientRole, describe
from ui.app.client_list_panel import STILL_INDEXING, ClientListPanel
from ui.common.task_runner import TaskRunner

RTL_NAME = "מרים כהן"  # Hebrew: "Miriam Cohen"


def summary(
    name: str,
    *,
    phase: Phase | None = Phase.MIDDLE,
    active: bool = True,
    phq9: int | None = 12,
    risk: bool = False,
    number: int | None = 5,
) -> ClientSummary:
    severity = {None: None, 3: Severity.MINIMAL, 12: Severity.MODERATE, 21: Severity.SEVERE}
    return ClientSummary(
        client_id=new_id(),
        name=name,
        active=active,
        phase=phase,
        session_number=number,
        planned_sessions=16,
        last_session_date=dt.date(2025, 3, 4),
        latest_phq9=phq9,
        latest_phq9_severity=severity[phq9],
        latest_mood=6,
        risk_flag=risk,
        problem_areas=(ProblemArea.GRIEF,),
    )


ROWS = [
    summary("Beatriz Duarte", phase=Phase.INITIAL, number=1, phq9=21, risk=True),
    summary("Ada Lindqvist", phase=Phase.MIDDLE),
    summary("Élodie Marchand", phase=Phase.TERMINATION, number=15, phq9=3),
    summary("Chen Wei", phase=Phase.MAINTENANCE, active=False),
    summary(RTL_NAME, phase=Phase.MIDDLE),
]


def names(proxy: ClientFilterProxy) -> list[str]:
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


@pytest.fixture
def proxy(qtmodeltester: ModelTester) -> ClientFilterProxy:
    model = ClientListModel()
    qtmodeltester.check(model)
    model.setSummaries(ROWS)
    qtmodeltester.check(model)
    filtered = ClientFilterProxy()
    filtered.setSourceModel(model)
    qtmodeltester.check(filtered)
    return filtered


def test_model_passes_modeltester_through_every_kind_of_change(
    qtmodeltester: ModelTester,
) -> None:
    model = ClientListModel()
    qtmodeltester.check(model)
    model.setSummaries(ROWS[:2])
    model.upsert(ROWS[2])  # insert
    changed = ClientSummary(**{**ROWS[0].__dict__, "latest_phq9": 3})
    model.upsert(changed)  # update in place
    model.remove(ROWS[1].client_id)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.summary(ROWS[0].client_id) == changed
    model.clear()
    assert model.rowCount() == 0
    assert model.data(QModelIndex(), Qt.ItemDataRole.DisplayRole) is None


def test_active_clients_are_shown_by_name_order(proxy: ClientFilterProxy) -> None:
    assert names(proxy) == ["Ada Lindqvist", "Beatriz Duarte", "Élodie Marchand", RTL_NAME]


@pytest.mark.parametrize(
    ("status", "phase", "expected"),
    [
        (StatusFilter.ENDED, None, ["Chen Wei"]),
        (StatusFilter.ALL, Phase.MAINTENANCE, ["Chen Wei"]),
        (StatusFilter.ACTIVE, Phase.MIDDLE, ["Ada Lindqvist", RTL_NAME]),
        (StatusFilter.ACTIVE, Phase.TERMINATION, ["Élodie Marchand"]),
        (StatusFilter.ACTIVE, Phase.MAINTENANCE, []),
    ],
)
def test_filters_by_status_and_phase(
    proxy: ClientFilterProxy, status: StatusFilter, phase: Phase | None, expected: list[str]
) -> None:
    proxy.setStatus(status)
    proxy.setPhase(phase)
    assert names(proxy) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ada", ["Ada Lindqvist"]),
        ("ELODIE", []),  # NFKC + casefold keeps accents: "élodie" is not "elodie"
        ("ÉLODIE", ["Élodie Marchand"]),
        ("מרים", [RTL_NAME]),
        ("  ", ["Ada Lindqvist", "Beatriz Duarte", "Élodie Marchand", RTL_NAME]),
    ],
)
def test_name_search_is_caseless_and_any_script(
    proxy: ClientFilterProxy, query: str, expected: list[str]
) -> None:
    proxy.setQuery(query)
    assert names(proxy) == expected


def test_note_hits_add_clients_and_show_the_snippet(proxy: ClientFilterProxy) -> None:
    proxy.setQuery("choir")
    assert names(proxy) == []
    ada = ROWS[1]
    proxy.setNoteHits("choir", [SearchHit(ada.client_id, None, "note.homework", "…the choir…")])
    assert names(proxy) == ["Ada Lindqvist"]
    assert proxy.index(0, 0).data(ClientRole.SNIPPET) == "…the choir…"
    proxy.setNoteHits("stale query", [SearchHit(ROWS[0].client_id, None, "note.plan", "x")])
    assert names(proxy) == ["Ada Lindqvist"]  # results for an older query are ignored
    proxy.setQuery("choi")
    assert names(proxy) == []  # a new query starts from names again


def test_each_row_reads_out_in_words() -> None:
    text = describe(ROWS[0])
    assert "Beatriz Duarte" in text
    assert "Initial phase" in text
    assert "Session 1 of 16" in text
    assert "PHQ-9 21 · Severe" in text
    assert "risk open" in text
    assert "treatment ended" in describe(ROWS[3])
    reviewed = dataclasses.replace(
        ROWS[1], risk_flag=False, risk=RiskStatus.REVIEWED, risk_level=RiskLevel.HIGH
    )
    assert "risk reviewed, level high" in describe(reviewed)
    assert "risk" not in describe(dataclasses.replace(ROWS[1], risk_flag=False))
    model = ClientListModel()
    model.setSummaries([ROWS[0]])
    index = model.index(0, 0)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == text
    assert index.data(Qt.ItemDataRole.ToolTipRole) == text


def test_rtl_name_is_displayed_unchanged(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    panel = ClientListPanel(TaskRunner(host), lambda _q: SearchResult([], 0, True), host)
    panel.setSummaries([ROWS[4], ROWS[1]])
    panel.resize(320, 400)
    host.show()
    index = panel.proxy.index(1, 0)
    assert index.data() == RTL_NAME
    assert index.data().startswith("מ")  # logical order kept; Qt's bidi draws it right to left
    panel.view.setCurrentIndex(index)
    assert panel.currentClientId() == ROWS[4].client_id
    # The row paints without error and is tall enough for its three lines.
    rect = panel.view.visualRect(index)
    assert rect.height() >= 3 * panel.view.fontMetrics().height()
    assert not panel.view.viewport().grab(rect).isNull()


def test_clients_past_the_first_hits_are_listed_without_a_snippet(
    proxy: ClientFilterProxy,
) -> None:
    ada, elodie = ROWS[1], ROWS[2]
    hits = [SearchHit(ada.client_id, None, "note.homework", "…the choir…")]
    proxy.setQuery("choir")
    proxy.setNoteHits("choir", hits, frozenset({ada.client_id, elodie.client_id}))
    assert names(proxy) == ["Ada Lindqvist", "Élodie Marchand"]
    assert proxy.index(1, 0).data(ClientRole.SNIPPET) is None
    assert proxy.noteMatchCount() == 2 and proxy.noteHitCount() == 1


def test_the_count_says_while_the_index_is_still_being_built(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    ada = ROWS[1]
    hit = SearchHit(ada.client_id, None, "note.plan", "…choir…")
    ready = {"now": False}

    def note_search(_query: str) -> SearchResult:
        return SearchResult([hit], 450, ready["now"], frozenset({ada.client_id}))

    runner = TaskRunner(host)
    panel = ClientListPanel(runner, note_search, host)
    panel.setSummaries(ROWS)
    panel.search.setText("choir")
    qtbot.waitUntil(lambda: not panel.searchPending())
    assert panel.count.text() == (f"1 match, 1 in notes (first 1 of 450 found) · {STILL_INDEXING}")
    ready["now"] = True
    panel.indexBuilt()  # searches again; the index answers
    qtbot.waitUntil(lambda: not panel.searchPending())
    assert panel.count.text() == "1 match, 1 in notes (first 1 of 450 found)"
    panel.clear()  # at lock: the next unlock starts without an index
    panel.search.setText("choir")
    qtbot.waitUntil(lambda: not panel.searchPending())
    assert STILL_INDEXING not in panel.count.text()  # this search's own answer says so


def test_batches_keep_the_model_sorted_with_one_row_per_client(
    qtmodeltester: ModelTester,
) -> None:
    """The list loads in batches (issue 16): each batch lands in name order among the rows
    there, a client already listed is updated rather than doubled, and a new name moves
    its row; the proxy above shows the same order without sorting."""
    model = ClientListModel()
    qtmodeltester.check(model)
    model.setSummaries([ROWS[1], ROWS[3]])  # Ada, Chen
    proxy = ClientFilterProxy()
    proxy.setSourceModel(model)
    proxy.setStatus(StatusFilter.ALL)
    qtmodeltester.check(proxy)
    newer_ada = dataclasses.replace(ROWS[1], latest_phq9=3)
    batch = [ROWS[4], ROWS[0], newer_ada, ROWS[2], summary("Aaron Zed"), summary("Zoë Ng")]
    model.addSummaries(batch)
    # "Élodie" among the E's, not after "Z" (accents and case set aside to sort).
    expected = ["Aaron Zed", "Ada Lindqvist", "Beatriz Duarte", "Chen Wei", "Élodie Marchand"]
    expected += ["Zoë Ng", RTL_NAME]
    assert [s.name for s in model.summaries()] == expected
    assert names(proxy) == expected
    assert model.summary(ROWS[1].client_id) == newer_ada
    assert all(model.rowOf(s.client_id) == row for row, s in enumerate(model.summaries()))
    renamed = dataclasses.replace(ROWS[3], name="Xiao Chen")
    model.upsert(renamed)
    assert [s.name for s in model.summaries()][-3:] == ["Xiao Chen", "Zoë Ng", RTL_NAME]
    assert model.rowCount() == len(expected) and names(proxy)[-3] == "Xiao Chen"
    model.addSummaries([])
    assert model.rowCount() == len(expected)
