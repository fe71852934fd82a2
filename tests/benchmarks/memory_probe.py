"""Peak memory with the practice open, measured in a fresh child process.

    python -m tests.benchmarks.memory_probe vault|baseline PRACTICE_DIR CLIENT_ID QUERY

"vault": the application's core opens the vault, unlocks it, lists every client, opens
the longest record with its timeline, builds the search index and searches it; with the
Qt layer importable, a QApplication (offscreen) holds the client list model and a timeline
widget painted once, as the GUI would. "baseline": the same reads from the plain file, as
JSON dicts, no Qt.
Prints one JSON line: {"max_rss_mb": ..., "kdf_peak_mb": ..., "qt": true|false}.

The key derivation (Argon2id) briefly holds its whole memory cost (the calibrated one: about
330 MiB on a machine like ours) and gives it back; that one-off peak is a security setting,
not what the open practice needs. So after the unlock the kernel's high-water mark is reset
(``/proc/self/clear_refs``, Linux) and ``max_rss_mb`` is the peak from then on, with the
practice, the index and the widgets in memory; ``kdf_peak_mb`` is the peak up to the reset
(None where the mark cannot be reset: then ``max_rss_mb`` includes the derivation).
"""

import json
import os
import resource
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _max_rss_mb() -> float:
    """Peak resident set size in MB (10**6 bytes, as the budget is written).

    On Linux ``ru_maxrss`` survives fork and exec, so a child started by a big parent
    reports the parent's peak; the kernel's per-process high-water mark (VmHWM) starts
    afresh at exec. Elsewhere ``ru_maxrss`` is used (bytes on macOS, KiB on others)."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text("ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (peak if sys.platform == "darwin" else peak * 1024) / 1e6


def _reset_peak() -> bool:
    """Start the kernel's high-water mark afresh at the current size (Linux only)."""
    try:
        Path("/proc/self/clear_refs").write_text("5", "ascii")
    except OSError:
        return False
    return True


_KDF_PEAK: list[float] = []


def _open_vault(root: Path, client_id: str, query: str) -> bool:
    from ipt_desktop.domain.timeline import build_timeline
    from ipt_desktop.services import clients, unlock_session
    from ipt_desktop.services.client_search import build_index, search
    from ipt_desktop.services.unlock_secret import UnlockSecret
    from ipt_desktop.vault.vault import Vault

    from .synthetic_practice import TODAY
    from .synthetic_vault import PASSPHRASE, VAULT_DIR

    vault = Vault.open(root / VAULT_DIR)
    keep: list[Any] = []
    try:
        unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE))
        peak = _max_rss_mb()
        if _reset_peak():
            _KDF_PEAK.append(peak)
        summaries = clients.list_summaries(vault)
        record = clients.load_record(vault, client_id)
        timeline = build_timeline(record, today=TODAY)
        build_index(vault)
        keep += [summaries, record, timeline, search(vault, query)]
        keep.append(_qt_side(summaries, timeline))
    finally:
        vault.close()
    return keep[-1] is not None


def _qt_side(summaries: Any, timeline: Any) -> object | None:
    """The widgets that hold the open practice, when the Qt layer is there."""
    try:
        from PySide6.QtWidgets import QApplication

        from ui.app.client_list_model import ClientListModel
        from ui.timeline.timeline_widget import TimelineWidget
    except ImportError:
        return None
    app = QApplication.instance() or QApplication([])
    model = ClientListModel()
    model.setSummaries(summaries)
    widget = TimelineWidget()
    widget.resize(1280, 800)
    widget.setTimeline(timeline)
    widget.renderImage()
    return (app, model, widget)


def _open_baseline(root: Path, client_id: str, query: str) -> bool:
    from .baseline_reads import Baseline
    from .synthetic_vault import BASELINE_NAME

    baseline = Baseline(root / BASELINE_NAME)
    try:
        keep = [baseline.client_list(), baseline.open_client(client_id), baseline.search(query)]
    finally:
        baseline.close()
    return bool(keep)


def main(argv: list[str]) -> int:
    mode, root, client_id, query = argv
    if mode == "vault":
        qt = _open_vault(Path(root), client_id, query)
    else:
        qt = _open_baseline(Path(root), client_id, query) and False
    kdf_peak = round(_KDF_PEAK[0], 1) if _KDF_PEAK else None
    print(json.dumps({"max_rss_mb": round(_max_rss_mb(), 1), "kdf_peak_mb": kdf_peak, "qt": qt}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
