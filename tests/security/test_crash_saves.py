"""Kill -9 a process saving session notes, 100 times at random moments.

After all of it the database passes SQLite's integrity check, every save that returned
before a kill is there with its text, every record (acknowledged or not) opens, and the
audit chain is intact: a write is all or nothing, even cut off by SIGKILL.
"""

import random
import time
from collections import defaultdict
from pathlib import Path

from ipt_desktop.services import clients
from ipt_desktop.services.vault_verify import verify_vault
from ipt_desktop.store.database import integrity_problems
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.crash_worker import note_text
from tests.helpers.worker_process import worker_process

ROUNDS = 100
EARLY_KILLS = 0.1  # share of kills aimed at start-up (unlock, first connection)


def test_kill_9_during_saves_keeps_every_acknowledged_save(  # noqa: C901 - one story: kill, reopen, compare, a hundred times
    tmp_path: Path, make_vault
) -> None:
    root = tmp_path / "vault"
    vault, recovery = make_vault(root)
    vault.close()
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    acked_clients: set[str] = set()
    acked_episodes: dict[str, str] = {}
    acked_sessions: dict[str, set[str]] = defaultdict(set)
    kills = mid_save_kills = 0
    with worker_process(
        "sessions", str(root), str(ROUNDS), recovery_key=recovery, data_dir=tmp_path / "data"
    ) as worker:
        last = ""
        pending: int | None = None  # the worker to kill at the first line of its save loop
        while True:
            words = worker.next_line()
            if words[0] in ("WORKER", "DONE"):
                mid_save_kills += last == "SAVING"
            if words[0] == "WORKER":
                if rng.random() < EARLY_KILLS:
                    time.sleep(rng.uniform(0.0, 0.03))
                    worker.kill_worker(int(words[1]))
                    kills += 1
                else:
                    pending = int(words[1])
            elif words[0] == "SAVING" and pending is not None:
                time.sleep(rng.uniform(0.0, 0.08))  # somewhere in the save loop
                worker.kill_worker(pending)
                kills += 1
                pending = None
            elif words[0] == "CLIENT":
                acked_clients.add(words[1])
            elif words[0] == "EPISODE":
                acked_episodes[words[1]] = words[2]
            elif words[0] == "SESSION":
                acked_sessions[words[1]].add(words[2])
            elif words[0] == "DONE":
                break
            elif words[0] != "SAVING":
                raise AssertionError(f"worker reported {words} (seed {seed})")
            last = words[0]
        assert worker.proc.wait(timeout=30) == 0

    assert kills == ROUNDS
    # Most kills cut a save in the middle (the loop is nearly all saving).
    assert mid_save_kills >= ROUNDS // 2, f"seed {seed}: {mid_save_kills} kills mid-save"

    vault = Vault.open(root)
    try:
        assert integrity_problems(vault.engine) == []
        vault.unlock(PASSPHRASE)
        report = verify_vault(vault)
        assert report.ok, (report, seed)
        stored = {summary.client_id for summary in clients.list_summaries(vault)}
        assert acked_clients <= stored
        for client_id in stored:  # every record opens, acknowledged or caught mid-flight
            record = clients.read_record(vault, client_id)
            if client_id in acked_episodes:
                assert acked_episodes[client_id] in {e.id for e in record.episodes}
            notes = {s.id: s.note.note for s in record.sessions}
            for session_id in acked_sessions.get(client_id, set()):
                assert notes.get(session_id) == note_text(session_id), f"seed {seed}"
        # Saves completed between kills too (how many depends on the machine's load).
        assert sum(len(ids) for ids in acked_sessions.values()) >= ROUNDS // 10
    finally:
        vault.close()
