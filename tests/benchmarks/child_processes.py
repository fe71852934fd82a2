"""The measurements that need a fresh process: cold start and peak memory."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from ui.startup_probe import SHOWN_MARKER

from .results_table import Budget, Row
from .synthetic_text import RARE_WORD
from .synthetic_vault import PracticeFiles

ROOT = Path(__file__).resolve().parents[2]


START_TIMEOUT_S = 120


def _env(state_dir: Path, **extra: str) -> dict[str, str]:
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        IPT_DESKTOP_DATA_DIR=str(state_dir),
        XDG_CONFIG_HOME=str(state_dir / "config"),  # the app's QSettings stay in the scratch
        **extra,
    )


def run_child(module: str, args: list[str], state_dir: Path) -> tuple[float, str]:
    """Milliseconds from spawning the interpreter to the child's first line, and that line."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=_env(state_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = (time.perf_counter() - started) * 1000
    _out, err = child.communicate(timeout=600)
    if child.returncode != 0 or not line:
        last = err.strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"{module} exited with {child.returncode}: {last[0][:300]}")
    return elapsed, line.strip()


def _start_once(vault_dir: Path, state_dir: Path) -> float:
    """Milliseconds from spawning ``python -m ui --vault DIR`` to its first window painted."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "ui", "--vault", str(vault_dir)],
        cwd=ROOT,
        env=_env(state_dir, IPT_DESKTOP_EXIT_WHEN_SHOWN="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    elapsed = None
    for line in child.stdout:
        if line.startswith(SHOWN_MARKER):
            elapsed = (time.perf_counter() - started) * 1000
            break
    try:
        _out, err = child.communicate(timeout=START_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        child.kill()
        _out, err = child.communicate()
    if elapsed is None:
        last = err.strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"no window was shown (exit {child.returncode}): {last[0][:300]}")
    return elapsed


def cold_start_row(files: PracticeFiles, runs: int, state_dir: Path) -> Row:
    name = "cold start to the unlock window"
    try:
        timings = [_start_once(files.vault_dir, state_dir) for _ in range(runs + 1)]
    except RuntimeError as exc:
        return Row(name, note=f"could not be measured: {exc}")
    return Row(
        name,
        tuple(timings[1:]),
        note="python -m ui --vault DIR from the source tree, timed from spawning the "
        "interpreter to the unlock screen's first paint (IPT_DESKTOP_EXIT_WHEN_SHOWN, "
        "offscreen, warm OS file cache: one discarded start)",
    )


def stall_row(files: PracticeFiles, runs: int, state_dir: Path) -> Row:
    """The longest event-loop stall while the index builds (index_stall_probe)."""
    name = "longest event-loop stall while the index builds"
    stalls: list[float] = []
    builds: list[float] = []
    try:
        for _ in range(runs):
            _ms, line = run_child(
                "tests.benchmarks.index_stall_probe", [str(files.root)], state_dir
            )
            data = json.loads(line)
            stalls.append(float(data["max_stall_ms"]))
            builds.append(float(data["build_ms"]))
    except (RuntimeError, ValueError) as exc:
        return Row(name, note=f"could not be measured: {exc}")
    return Row(
        name,
        tuple(stalls),
        budget=Budget(50),
        note="fresh process, offscreen QApplication, build_index on the TaskRunner; a 5 ms "
        "GUI-thread timer's longest gap beyond its interval (median of runs)",
        extra={"build_ms": builds},
    )


def list_loading_rows(files: PracticeFiles, runs: int, state_dir: Path) -> list[Row]:
    """The client list in the window after an unlock (list_loading_probe): first screen,
    complete, and the longest event-loop stall while the rest loads."""
    first, complete, stalls = [], [], []
    names = (
        "client list in the window: first screen after the key derivation",
        "client list in the window: every client listed, after the key derivation",
        "longest event-loop stall while the client list loads",
    )
    try:
        for _ in range(runs):
            _ms, line = run_child(
                "tests.benchmarks.list_loading_probe", [str(files.root)], state_dir
            )
            data = json.loads(line)
            first.append(float(data["first_screen_ms"]))
            complete.append(float(data["complete_ms"]))
            stalls.append(float(data["max_stall_ms"]))
    except (RuntimeError, ValueError) as exc:
        return [Row(name, note=f"could not be measured: {exc}") for name in names]
    how = "fresh process, offscreen WorkArea at 1280x800, unlock, WorkArea.reload"
    return [
        Row(names[0], tuple(first), budget=Budget(300),
            note=f"{how}: the first chunk read and painted on the GUI thread"),
        Row(names[1], tuple(complete),
            note=f"{how}: the last chunk inserted (the rest in chunks on the TaskRunner)"),
        Row(names[2], tuple(stalls), budget=Budget(50),
            note="after the first screen, until every client is listed: a 5 ms GUI-thread "
            "timer's longest gap beyond its interval (median of runs)"),
    ]  # fmt: skip


def memory_rows(files: PracticeFiles, runs: int, state_dir: Path) -> list[Row]:
    """Peak memory with the practice open (after the key derivation, budgeted) and the key
    derivation's own one-off peak (information: it is the calibrated Argon2id cost)."""
    client = files.manifest.long_client_id
    args = [str(files.root), client, RARE_WORD]

    def peak(mode: str) -> tuple[float, float | None, bool]:
        _ms, line = run_child("tests.benchmarks.memory_probe", [mode, *args], state_dir)
        data = json.loads(line)
        kdf = data.get("kdf_peak_mb")
        return float(data["max_rss_mb"]), None if kdf is None else float(kdf), bool(data["qt"])

    vault = [peak("vault") for _ in range(runs)]
    base = tuple(peak("baseline")[0] for _ in range(runs))
    with_qt = all(qt for _mb, _kdf, qt in vault)
    kdf_peaks = tuple(kdf for _mb, kdf, _qt in vault if kdf is not None)
    after = " after the key derivation" if len(kdf_peaks) == len(vault) else ""
    rows = [
        Row(
            "peak memory with the practice open",
            tuple(mb for mb, _kdf, _qt in vault),
            base,
            Budget(1000 if files.manifest.clients >= 20_000 else 300),
            unit="MB",
            note=f"child process peak RSS{after} (VmHWM; ru_maxrss elsewhere): client "
            "list, longest record and timeline, the search index built, search all notes"
            + ("; Qt client list model and timeline widget painted" if with_qt else "; no Qt"),
        )
    ]
    if kdf_peaks:
        mib = files.manifest.kdf_memory_kib // 1024
        rows.append(
            Row(
                "peak memory during the key derivation",
                kdf_peaks,
                unit="MB",
                note=f"Argon2id memory cost {mib} MiB (calibrated to ~0.5 s when the practice "
                "was built), given back after the unlock; not part of the budget above",
            )
        )
    return rows
