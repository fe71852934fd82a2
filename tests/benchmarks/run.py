"""The benchmark command (issue 9): build or reuse the synthetic practice, measure every
operation beside its plain-SQLite baseline, print the table, write it as JSON.

    .venv/bin/python -m tests.benchmarks [--clients N [N ...]] [--quick] [--runs N] [--seed S]
                                         [--rebuild] [--no-frozen]

``--clients 200 2000 20000`` measures the three practices (16 sessions per client) one
after the other and prints, after each one's own table, the growth table: one column per
size for the operations issue 16 follows.

Not part of the default test run (pytest ignores tests/benchmarks). The first full run
builds the 2,000-client vault (a few minutes) and caches it under benchmark-results/.
"""

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import child_processes, machine, vault_operations
from .growth_table import growth_json, growth_lines
from .results_table import Budget, Row, table_lines, write_json
from .synthetic_practice import FULL, QUICK, SESSIONS_PER_CLIENT, PracticeShape
from .synthetic_vault import PracticeFiles, build
from .timing import DEFAULT_RUNS

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmark-results"


def _timeline_paint_rows(state: Path) -> list[Row]:
    """The timeline helper's own benchmark (bench_timeline_paint.py), in a child process."""
    name = "paint of a 200-session timeline (1280x800)"
    try:
        _ms, line = child_processes.run_child("tests.benchmarks.paint_probe", [], state)
        result = json.loads(line)
    except (RuntimeError, ValueError) as exc:
        return [Row(name, budget=Budget(16, strict=True), note=f"could not be measured: {exc}")]
    note = f"bench_timeline_paint: median of {result['runs']} paints, layout kept"
    return [
        Row(name, (float(result["median_ms"]),), budget=Budget(16, strict=True), note=note,
            extra={"p90_ms": result["p90_ms"]}),
        Row("layout and paint of the same timeline (after a resize or zoom)",
            (float(result["layout_and_paint_median_ms"]),),
            note="bench_timeline_paint: layout computed again before each paint"),
    ]  # fmt: skip


def _frozen_start_rows(runs: int) -> list[Row]:
    """The packaging helper's benchmark of the PyInstaller bundle (bench_frozen_start.py):
    it builds the bundle (about a minute) unless IPT_DESKTOP_BUNDLE names one."""
    start, size = "cold start of the frozen bundle to the unlock window", "size of the bundle"
    try:
        from .bench_frozen_start import bench_frozen_start

        result = bench_frozen_start(runs=runs)
    except Exception as exc:  # a missing PyInstaller, a failed build: one row says so
        reason = f"could not be measured: {type(exc).__name__}: {exc}"[:300]
        return [Row(start, budget=Budget(1500), note=reason)]
    return [
        Row(start, tuple(float(t) for t in result["runs_ms"]),
            budget=Budget(float(result["budget_ms"])), note=str(result["name"]),
            extra={"cpu_median_ms": result["cpu_median_ms"]}),
        Row(size, (float(result["size_mb"]),), budget=Budget(float(result["size_budget_mb"])),
            unit="MB", note="issue 8's budget; dist/ipt-desktop on this platform"),
    ]  # fmt: skip


def measure_all(files: PracticeFiles, runs: int, work: Path, *, frozen: bool = True) -> list[Row]:
    state = work / "state"
    state.mkdir(parents=True, exist_ok=True)
    os.environ["IPT_DESKTOP_DATA_DIR"] = str(state)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    rows = [child_processes.cold_start_row(files, runs, state)]
    if frozen:
        rows += _frozen_start_rows(runs)
    rows += vault_operations.measure(files, runs)
    rows.append(child_processes.stall_row(files, max(3, runs // 2), state))
    rows += child_processes.list_loading_rows(files, max(3, runs // 2), state)
    rows += _timeline_paint_rows(state)
    rows += child_processes.memory_rows(files, max(3, runs // 2), state)
    return rows


def run(
    shape: PracticeShape,
    runs: int,
    results: Path,
    *,
    rebuild: bool = False,
    frozen: bool = True,
    quiet: bool = False,
) -> tuple[list[Row], dict[str, Any]]:
    """Build (or reuse) the practice, measure it on a working copy, write the JSON."""
    say: Callable[[str], None] = (lambda _text: None) if quiet else print
    began = time.perf_counter()
    say(f"practice {shape.key}: building or reusing under {results} ...")
    cached = build(shape, results, rebuild=rebuild)
    say(f"  ready (built in {cached.manifest.build_seconds} s when first made)")
    work = results / "work"
    files = cached.copy_to(work / "practice")
    try:
        rows = measure_all(files, runs, work, frozen=frozen)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    context = {
        "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine.describe(),
        "practice": {**cached.manifest.__dict__, "recovery_key": "(fictional; in manifest)"},
        "runs": runs,
        "seconds": round(time.perf_counter() - began, 1),
    }
    name = "benchmarks.json" if shape == FULL else f"benchmarks-{shape.key}.json"
    write_json(results / name, rows, context)
    return rows, context


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="200 clients: a smoke run")
    parser.add_argument(
        "--clients",
        type=int,
        nargs="+",
        metavar="N",
        help="practice sizes to measure (16 sessions per client), e.g. 200 2000 20000",
    )
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS, help="runs per operation")
    parser.add_argument("--seed", type=int, default=FULL.seed, help="seed of the practice")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached practice")
    parser.add_argument("--results", type=Path, default=RESULTS, help="output folder")
    parser.add_argument(
        "--no-frozen", action="store_true", help="skip building and timing the frozen bundle"
    )
    args = parser.parse_args(argv)
    base = QUICK if args.quick else FULL
    sizes = args.clients or [base.clients]
    measured: list[tuple[PracticeShape, list[Row]]] = []
    for clients in sizes:
        sessions = base.sessions if clients == base.clients else clients * SESSIONS_PER_CLIENT
        shape = PracticeShape(clients, sessions, seed=args.seed)
        rows, context = run(
            shape, args.runs, args.results, rebuild=args.rebuild, frozen=not args.no_frozen
        )
        measured.append((shape, rows))
        print()
        print(f"Machine: {machine.one_line(context['machine'])}")
        print(f"Practice: {clients:,} clients, {sessions:,} sessions (seed {shape.seed})")
        print()
        print("\n".join(table_lines(rows)))
        missed = [row.operation for row in rows if row.verdict.value == "MISSED"]
        print(f"\n{len(missed)} budget(s) missed." if missed else "\nEvery budget met.")
    if len(measured) > 1:
        print("\nGrowth with the size of the practice (medians; verdicts against each budget):\n")
        print("\n".join(growth_lines(measured)))
        (args.results / "benchmarks-growth.json").write_text(
            json.dumps(growth_json(measured), indent=2) + "\n", "utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
