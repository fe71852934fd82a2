"""kill -9 in the middle of a questionnaire loses no answered item.

A child process runs the real window in hand-over mode and answers through the buttons;
the test kills it with SIGKILL right after the fifth answer was acknowledged, then opens
the vault: every acknowledged answer is in the sealed draft, the complete mood is placed
in the session as client-rated, and the unfinished PHQ-9 resumes at its next item.
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.client_entry import Questionnaire
from ipt_desktop.domain.handover import handover_items
from ipt_desktop.services import clients, handover
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE, REPO
from tests.helpers.handover import stock
from tests.helpers.handover_child import value_for

CHILD = REPO / "tests" / "helpers" / "handover_child.py"
KILL_AFTER = 5  # mood, then four PHQ-9 items


def test_kill_9_mid_questionnaire_loses_no_answered_item(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    vault, _recovery = Vault.create(root, PASSPHRASE, kdf=floor_params())
    with vault:
        client_id, _earlier, today = stock(vault)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "IPT_DESKTOP_DATA_DIR": str(tmp_path / "data"),
        "IPT_DESKTOP_PASSPHRASE": PASSPHRASE,
    }
    args = [sys.executable, str(CHILD), str(root), client_id, today, str(tmp_path / "s.ini")]
    acknowledged: list[int] = []
    with subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as child:
        try:
            assert child.stdout is not None and child.stderr is not None
            for line in child.stdout:
                words = line.split()
                if words and words[0] == "ANSWERED":
                    acknowledged.append(int(words[2]))
                    if int(words[1]) == KILL_AFTER:
                        os.kill(child.pid, signal.SIGKILL)
                        break
            else:
                raise AssertionError(f"the child ended early: {child.stderr.read()[-2000:]}")
        finally:
            if child.poll() is None:
                child.kill()
            child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert acknowledged == [value_for(n) for n in range(KILL_AFTER)]

    with Vault.open(root) as vault:
        vault.unlock(PASSPHRASE)
        kept = handover.load_progress(vault, today)
        assert kept is not None
        items = handover_items(kept.measures)
        # Every acknowledged answer is there (one more may have landed before the kill).
        assert kept.answered_count() in (KILL_AFTER, KILL_AFTER + 1)
        for n in range(KILL_AFTER):
            assert kept.answer(items[n]) == acknowledged[n]
        [pending] = handover.pending_handovers(vault)
        placed = handover.place_pending(vault, pending)
        assert placed.placed == (Questionnaire.MOOD,)
        assert Questionnaire.PHQ9 in placed.unfinished
        session = {s.id: s for s in clients.read_record(vault, client_id).sessions}[today]
        assert session.mood == acknowledged[0] and session.phq9 is None
        resumed = handover.load_progress(vault, today)
        assert resumed is not None
        assert resumed.first_unanswered(handover_items(resumed.measures)) >= KILL_AFTER - 1
