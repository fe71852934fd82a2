"""A child process for the crash tests: writes to a vault until it is killed, or the disk fills.

    crash_worker.py sessions VAULT ROUNDS
    crash_worker.py backup VAULT ROUNDS DEST CHUNK_SIZE
    crash_worker.py full-disk VAULT CLIENT_ID EPISODE_ID SESSION_ID

The recovery key comes in the environment (CRASH_RECOVERY_KEY), never on the command line.

``sessions`` and ``backup`` are a supervisor: it imports everything and takes the vault's
process lock once, then forks ROUNDS workers one after the other, printing ``WORKER <pid>``
for each; the test kills each worker with SIGKILL at a moment it picks. A worker unlocks
(with the recovery key: no Argon2id, so a round costs milliseconds), then writes in a loop
and prints a line after each write has returned (``os.write``: unbuffered, and a short
line to a pipe is atomic). Forking after imports is what keeps 100 kills inside the time
budget; the engine's connections are disposed before the first fork, so no SQLite
connection crosses a fork. A worker that ends any other way than SIGKILL is reported.
"""

import datetime as dt
import os
import resource
import signal
import sys
import time
from pathlib import Path

from ipt_desktop.domain.model import Client, Episode, Session, SessionNote, new_id
from ipt_desktop.services import clients, drafts, episodes, sessions
from ipt_desktop.services.backup import write_backup
from ipt_desktop.services.backup_file import BackupStage
from ipt_desktop.vault.errors import StorageFullError
from ipt_desktop.vault.vault import Vault

RECOVERY_ENV = "CRASH_RECOVERY_KEY"
CLIENTS = 10


def say(*words: object) -> None:
    os.write(1, (" ".join(str(w) for w in words) + "\n").encode("ascii"))


def note_text(session_id: str) -> str:
    return f"Fictional crash-test note for {session_id}"


def save_one_session(vault: Vault, episode: Episode, day: int) -> None:
    session_id = new_id()
    session = Session(
        id=session_id,
        episode_id=episode.id,
        client_id=episode.client_id,
        date=dt.date(2024, 1, 2) + dt.timedelta(days=day),
        mood=day % 11,
        note=SessionNote(note=note_text(session_id)),
    )
    say("SAVING", session_id)
    sessions.save_session(vault, session)
    say("SESSION", episode.client_id, session_id)


def save_sessions_forever(vault: Vault, episode: Episode) -> None:
    day = 0
    while True:
        save_one_session(vault, episode, day)
        day += 1


def write_backups_forever(vault: Vault, dest: Path, chunk_size: int) -> None:
    def progress(stage: BackupStage, done: int, _total: int) -> None:
        if stage is BackupStage.WRITE:
            say("CHUNK", -(-done // chunk_size))
            time.sleep(0.001)  # a slow disk, so a kill can land anywhere in the write

    while True:
        write_backup(vault, dest, progress=progress, chunk_size=chunk_size)
        say("BACKUP-DONE")


def warm_up(vault: Vault, recovery: str, work: str, extra: list[str]) -> list[Episode]:
    """Run each write path once before forking, so workers start with SQLAlchemy's
    statement caches warm and reach their first write within milliseconds. For
    ``sessions``, the clients and contracts the workers write notes into."""
    vault.unlock_with_recovery_key(recovery)
    contracts: list[Episode] = []
    if work == "sessions":
        for n in range(CLIENTS):
            client = Client(name=f"Demo Crash {n}")
            clients.create_client(vault, client)
            say("CLIENT", client.id)
            episode = Episode(client_id=client.id, start_date=dt.date(2024, 1, 1))
            episodes.save_episode(vault, episode)
            say("EPISODE", client.id, episode.id)
            contracts.append(episode)
        save_one_session(vault, contracts[0], -1)
    else:
        scratch = Path(extra[0]).with_name("warm-up.iptbackup")
        write_backup(vault, scratch, chunk_size=int(extra[1]))
        scratch.unlink()
    vault.lock()
    return contracts


def supervise(vault_dir: Path, rounds: int, work: str, extra: list[str]) -> int:
    recovery = os.environ[RECOVERY_ENV]
    vault = Vault.open(vault_dir)
    contracts = warm_up(vault, recovery, work, extra)
    vault.engine.dispose()  # no connection may cross a fork
    for round_no in range(rounds):
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                vault.unlock_with_recovery_key(recovery)
                if work == "sessions":
                    save_sessions_forever(vault, contracts[round_no % CLIENTS])
                else:
                    write_backups_forever(vault, Path(extra[0]), int(extra[1]))
            except BaseException as exc:  # reported, then the worker ends
                say("WORKER-ERROR", type(exc).__name__)
            finally:
                os._exit(3)
        say("WORKER", pid)
        _pid, status = os.waitpid(pid, 0)
        if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
            say("WORKER-ENDED", status)
            return 1
    say("DONE")
    return 0


def fill_disk_during_save(vault_dir: Path, client_id: str, episode_id: str, session_id: str) -> int:
    """Autosave a draft, then let no file grow (RLIMIT_FSIZE at the WAL's current size,
    SIGXFSZ ignored, so a write past it fails with EFBIG as it would with ENOSPC on a full
    disk), then press Save."""
    vault = Vault.open(vault_dir)
    vault.unlock_with_recovery_key(os.environ[RECOVERY_ENV])
    text = "Fictional long note typed before the disk filled. " * 4000
    # The editor's autosave, a few seconds before the therapist presses Save.
    drafts.save_draft(vault, drafts.session_draft_key(session_id), client_id, {"note": text})
    limit = os.path.getsize(vault.files.wal)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    session = Session(
        id=session_id,
        episode_id=episode_id,
        client_id=client_id,
        date=dt.date(2024, 3, 1),
        note=SessionNote(note=text),
    )
    try:
        sessions.save_session(vault, session)
    except StorageFullError as exc:
        say("FULL", str(exc).encode("ascii", "replace").decode("ascii"))
    else:
        say("SAVED")
    os._exit(0)  # like a crash after the failed save: no tidy close under the full disk


def main(argv: list[str]) -> int:
    work, vault_dir = argv[0], Path(argv[1])
    if work in ("sessions", "backup"):
        return supervise(vault_dir, int(argv[2]), work, argv[3:])
    if work == "full-disk":
        return fill_disk_during_save(vault_dir, argv[2], argv[3], argv[4])
    raise SystemExit(f"unknown work {work!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
