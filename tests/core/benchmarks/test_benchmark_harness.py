"""The benchmark machinery (issue 9) at a tiny size, so it cannot rot between benchmark runs.

Asserts structure and round trips, never timings: the numbers belong to the benchmark
command (``python -m tests.benchmarks``), which the default test run does not start.
"""

import dataclasses
import json
from pathlib import Path

import pytest

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.services import clients
from ipt_desktop.vault.vault import Vault
from tests.benchmarks import (
    child_processes,
    growth_table,
    results_table,
    synthetic_text,
    vault_operations,
)
from tests.benchmarks.baseline_reads import Baseline
from tests.benchmarks.results_table import Budget, Row, Verdict
from tests.benchmarks.synthetic_practice import PracticeShape, generate, session_counts
from tests.benchmarks.synthetic_vault import PASSPHRASE, PracticeFiles, build

TINY = PracticeShape(clients=4, sessions=40, long_client_sessions=20, note_chars=300)


@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory) -> PracticeFiles:
    return build(TINY, tmp_path_factory.mktemp("bench"), kdf=floor_params())


def test_the_same_seed_gives_the_same_practice() -> None:
    assert list(generate(TINY)) == list(generate(TINY))
    other = dataclasses.replace(TINY, seed=TINY.seed + 1)
    assert [r.client.id for r in generate(other)] != [r.client.id for r in generate(TINY)]


@pytest.mark.parametrize(
    "shape",
    [
        TINY,
        PracticeShape(clients=30, sessions=500),
        PracticeShape(clients=7, sessions=7, long_client_sessions=0),
    ],
)
def test_session_counts_add_up_and_the_long_client_comes_first(shape: PracticeShape) -> None:
    counts = session_counts(shape)
    assert len(counts) == shape.clients
    assert sum(counts) == shape.sessions
    assert min(counts) >= 1
    if shape.long_client_sessions:
        assert counts[0] == shape.long_client_sessions


def test_records_are_fictional_and_notes_have_the_asked_size() -> None:
    records = list(generate(TINY))
    for record in records:
        first, last = record.client.name.split(" ")
        assert first in synthetic_text.FIRST_NAMES and last in synthetic_text.LAST_NAMES
        assert record.inventory and record.life_events and record.episodes
        assert all(s.phq9 is not None for s in record.sessions)
    notes = [s.note for r in records for s in r.sessions]
    sizes = [sum(len(getattr(n, f)) for f in ("since_last_met", "recent_events",
             "problem_area_work", "homework", "plan", "note")) for n in notes]  # fmt: skip
    assert TINY.note_chars * 0.8 <= sum(sizes) / len(sizes) <= TINY.note_chars * 1.6


def test_vault_and_baseline_hold_the_generated_records(practice: PracticeFiles) -> None:
    expected = {r.client.id: r for r in generate(TINY)}
    manifest = practice.manifest
    assert manifest.long_client_sessions == 20
    assert manifest.sessions == sum(len(r.sessions) for r in expected.values())
    with Vault.open(practice.vault_dir) as vault:
        vault.unlock(PASSPHRASE)
        assert [s.client_id for s in clients.list_summaries(vault)] == list(expected)
        for client_id, record in expected.items():
            assert clients.read_record(vault, client_id) == record
    baseline = Baseline(practice.baseline)
    try:
        listed = baseline.client_list()
        assert [row["id"] for row in listed] == list(expected)
        opened = baseline.open_client(manifest.long_client_id)
        assert len(opened["sessions"]) == 20
    finally:
        baseline.close()


def test_a_second_build_reuses_the_cache(practice: PracticeFiles) -> None:
    again = build(TINY, practice.root.parent, kdf=floor_params())
    assert again.manifest == practice.manifest


@pytest.mark.parametrize(
    ("budget", "value", "ratio", "verdict"),
    [
        (Budget(300, max_ratio=3), 250.0, 2.5, Verdict.MET),
        (Budget(300, max_ratio=3), 250.0, 3.5, Verdict.MISSED),
        (Budget(300, max_ratio=3), 301.0, 1.0, Verdict.MISSED),
        (Budget(300), 300.0, None, Verdict.MET),
        (Budget(16, strict=True), 16.0, None, Verdict.MISSED),
        (Budget(16, strict=True), 15.9, None, Verdict.MET),
        (Budget(), 1e9, None, Verdict.INFO),
    ],
)
def test_budget_verdicts(
    budget: Budget, value: float, ratio: float | None, verdict: Verdict
) -> None:
    assert budget.verdict(value, ratio) is verdict


def test_every_operation_is_measured_and_tabled(practice: PracticeFiles, tmp_path: Path) -> None:
    rows = vault_operations.measure(practice.copy_to(tmp_path / "work"), runs=1)
    names = [row.operation for row in rows]
    for expected in ("unlock, with the key derivation", "client list: first screen",
                     "client list ready", "open a client",
                     "save a new session", "save an edited session", "search by scan",
                     "index ready", "search with the index", "index update on save",
                     "graduation PDF", "full backup", "verify the whole vault"):  # fmt: skip
        assert any(name.startswith(expected) for name in names), expected
    # Every line of the growth table finds its row (the child processes' two are added).
    extra = [Row("longest event-loop stall while the index builds", (1.0,)),
             Row("peak memory with the practice open", (1.0,), unit="MB"),
             Row("peak memory during the key derivation", (1.0,), unit="MB"),
             *(Row(name, (1.0,)) for name in (
                 "client list in the window: first screen after the key derivation",
                 "client list in the window: every client listed, after the key derivation",
                 "longest event-loop stall while the client list loads"))]  # fmt: skip
    for _label, start in growth_table.GROWTH_ROWS:
        assert any(r.operation.startswith(start) for r in [*rows, *extra]), start
    small, large = PracticeShape(200, 3200), PracticeShape(2000, 32000)
    doubled = [dataclasses.replace(r, runs=tuple(v * 20 for v in r.runs)) for r in rows]
    growth = growth_table.growth_lines([(small, rows), (large, doubled)])
    assert len(growth) == len(growth_table.GROWTH_ROWS) + 2
    assert (
        growth[4].split("|")[-2].strip() == "2.00"
    )  # twenty times the time for ten times the practice
    for row in rows:
        assert row.measured and row.median is not None and row.median > 0, row.operation
    with_baseline = [r for r in rows if r.baseline is not None]
    assert all(r.ratio is not None and r.ratio > 0 for r in with_baseline)
    unmeasured = Row("an operation that does not exist yet", note="not written yet")
    lines = results_table.table_lines([*rows, unmeasured])
    assert lines[0].startswith("| operation") and len(lines) == len(rows) + 3
    assert "not measured" in lines[-1]
    out = tmp_path / "benchmarks.json"
    results_table.write_json(out, [*rows, unmeasured], {"machine": {"cpu": "test"}})
    document = json.loads(out.read_text("utf-8"))
    assert document["machine"] == {"cpu": "test"}
    assert [r["operation"] for r in document["rows"]] == [*names, unmeasured.operation]
    assert document["rows"][-1]["verdict"] == "not measured"


def test_the_list_loading_probe_runs(practice: PracticeFiles, tmp_path: Path) -> None:
    """The probe behind the list rows runs (a fresh process, offscreen) and lists them all."""
    state = tmp_path / "state"
    state.mkdir()
    rows = child_processes.list_loading_rows(practice.copy_to(tmp_path / "work"), 1, state)
    assert [r.operation.split(":")[0] for r in rows] == [
        "client list in the window",
        "client list in the window",
        "longest event-loop stall while the client list loads",
    ]
    assert all(r.measured and r.median is not None for r in rows), [r.note for r in rows]
    first, complete, _stall = (r.median for r in rows)
    assert first is not None and complete is not None and 0 < first <= complete


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="Linux only")
def test_memory_probe_keeps_the_key_derivation_apart(
    practice: PracticeFiles, tmp_path: Path
) -> None:
    """The budgeted peak starts after the unlock; the Argon2id peak is its own row, and it
    holds at least the whole memory cost (so the reset happened after the derivation)."""
    files = practice.copy_to(tmp_path / "work")
    state = tmp_path / "state"
    state.mkdir()
    rows = child_processes.memory_rows(files, 1, state)
    practice_row, kdf_row = rows
    assert practice_row.operation == "peak memory with the practice open"
    assert "after the key derivation" in practice_row.note
    assert kdf_row.operation == "peak memory during the key derivation"
    assert kdf_row.median is not None and practice_row.median is not None
    assert kdf_row.median >= files.manifest.kdf_memory_kib * 1024 / 1e6
    assert kdf_row.verdict.value == "info"
