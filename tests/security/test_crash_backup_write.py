"""Kill -9 a process in the middle of writing a backup over an existing one.

The backup already at that path still verifies in full and restores to the same clients;
the killed writer's temp file is never mistaken for a backup and is swept by the next write.
"""

import random
from pathlib import Path

from ipt_desktop.demo import practice as demo_practice
from ipt_desktop.services.backup import write_backup
from ipt_desktop.services.backup_file import PARTIAL_SUFFIX, open_backup
from ipt_desktop.services.restore import restore_backup
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.vault.vault import Vault
from tests.helpers.vault_contents import exported_clients
from tests.helpers.worker_process import worker_process

ROUNDS = 10
CHUNK = 1024


def _partials(folder: Path) -> list[Path]:
    return sorted(folder.glob(f".*{PARTIAL_SUFFIX}"))


def test_kill_9_during_a_backup_write_leaves_the_previous_backup_good(
    tmp_path: Path, make_vault
) -> None:
    root, out = tmp_path / "vault", tmp_path / "out"
    out.mkdir()
    dest = out / "practice.iptbackup"
    vault, recovery = make_vault(root)
    demo_practice.fill_demo(vault)
    originals = exported_clients(vault)
    first = write_backup(vault, dest, chunk_size=CHUNK)
    chunks = -(-first.info.snapshot_bytes // CHUNK)
    vault.close()
    secret = UnlockSecret.recovery_key(recovery)
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    cut_mid_write = 0

    with worker_process(
        "backup",
        str(root),
        str(ROUNDS),
        str(dest),
        str(CHUNK),
        recovery_key=recovery,
        data_dir=tmp_path / "data",
    ) as worker:
        words = worker.next_line()
        for _round in range(ROUNDS):
            assert words[0] == "WORKER", (words, seed)
            pid, target = int(words[1]), rng.randrange(1, chunks)
            while True:  # let the write reach chunk ``target``, then kill it
                words = worker.next_line()
                if words[0] == "CHUNK" and int(words[1]) >= target:
                    break
                assert words[0] in ("CHUNK", "BACKUP-DONE"), (words, seed)
            worker.kill_worker(pid)
            cut_mid_write += bool(_partials(out))
            # Whatever happened, the file at ``dest`` is a complete, valid backup.
            open_backup(dest, secret)
            while (words := worker.next_line())[0] in ("CHUNK", "BACKUP-DONE"):
                pass
        assert words == ["DONE"], (words, seed)

    assert cut_mid_write >= ROUNDS // 2, f"seed {seed}: only {cut_mid_write} kills mid-write"
    restored = restore_backup(dest, tmp_path / "restored", secret)
    assert restored.kept_aside is None
    again = Vault.open(restored.vault_dir)
    try:
        again.unlock_with_recovery_key(recovery)
        assert exported_clients(again) == originals
        write_backup(again, dest, chunk_size=CHUNK)  # the next write sweeps the leftovers
        assert _partials(out) == []
        open_backup(dest, secret)
    finally:
        again.close()
