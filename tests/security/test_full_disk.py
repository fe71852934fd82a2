"""A full disk during a save, and a vault folder that cannot be written.

The full disk is simulated in a child process: RLIMIT_FSIZE at the WAL's current size with
SIGXFSZ ignored, so the save's first write past it fails (EFBIG; SQLite reports an I/O
error, where a real full disk gives SQLITE_FULL and the "disk is full" wording). The
database stays intact, the text typed survives as the draft the editor had autosaved, and
the person reads one clear sentence. A read-only vault folder is refused with a message
saying so (never "damaged", which would send the person to restore a sound vault).
"""

import ctypes
import datetime as dt
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ipt_desktop.domain.model import Client, Episode, Session, SessionNote, new_id
from ipt_desktop.services import clients, drafts, episodes, sessions
from ipt_desktop.services.vault_verify import verify_vault
from ipt_desktop.store.database import integrity_problems
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE, REPO
from tests.helpers.worker_process import worker_process


def test_a_full_disk_during_a_save_keeps_the_database_and_the_draft(
    tmp_path: Path, make_vault
) -> None:
    root = tmp_path / "vault"
    vault, recovery = make_vault(root)
    client = Client(name="Demo Full Disk")
    clients.create_client(vault, client)
    episode = Episode(client_id=client.id, start_date=dt.date(2024, 1, 1))
    episodes.save_episode(vault, episode)
    vault.close()
    session_id = new_id()

    with worker_process(
        "full-disk",
        str(root),
        client.id,
        episode.id,
        session_id,
        recovery_key=recovery,
        data_dir=tmp_path / "data",
    ) as worker:
        words = worker.next_line()
        assert worker.proc.wait(timeout=60) == 0
    assert words[0] == "FULL", words
    message = " ".join(words[1:])
    assert "the change was not saved" in message, message
    assert "Demo" not in message and "Fictional" not in message

    vault = Vault.open(root)
    try:
        assert integrity_problems(vault.engine) == []
        vault.unlock(PASSPHRASE)
        assert verify_vault(vault).ok
        record = clients.read_record(vault, client.id)
        assert session_id not in {s.id for s in record.sessions}
        draft = drafts.load_draft(vault, drafts.session_draft_key(session_id))
        assert draft is not None
        text = draft.fields["note"]
        assert text.startswith("Fictional long note typed before the disk filled.")
        assert len(text) > 100_000
        # With space again, the draft becomes the saved note.
        sessions.save_session(
            vault,
            Session(
                id=session_id,
                episode_id=episode.id,
                client_id=client.id,
                date=dt.date(2024, 3, 1),
                note=SessionNote(note=text),
            ),
        )
        drafts.discard_draft(vault, drafts.session_draft_key(session_id))
        [saved] = clients.read_record(vault, client.id).sessions
        assert saved.id == session_id and saved.note.note == text
    finally:
        vault.close()


PR_CAPBSET_DROP = 24
_OVERRIDES = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER


def _as_an_ordinary_user() -> None:
    """In the child, before exec: root keeps no right to ignore file permissions."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in _OVERRIDES:
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop a capability for the test")


@contextmanager
def _read_only(root: Path, *, files_too: bool) -> Iterator[None]:
    paths = [p for p in root.iterdir() if p.is_file()] if files_too else []
    modes = {p: stat.S_IMODE(p.stat().st_mode) for p in [root, *paths]}
    try:
        for path in paths:
            path.chmod(0o444)
        root.chmod(0o555)
        yield
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


def _cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ipt_desktop", *args],
        capture_output=True,
        text=True,
        env={
            "PYTHONPATH": str(REPO),
            "PATH": os.environ.get("PATH", ""),
            "IPT_DESKTOP_PASSPHRASE": PASSPHRASE,
            "IPT_DESKTOP_DATA_DIR": str(data_dir),
        },
        stdin=subprocess.DEVNULL,
        preexec_fn=_as_an_ordinary_user,
        timeout=120,
        check=False,
    )


def _assert_read_only_message(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 2, result
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "read-only" in result.stderr
    assert "damaged" not in result.stderr


def test_a_read_only_vault_folder_gets_a_clear_message(tmp_path: Path, make_vault) -> None:
    root = tmp_path / "vault"
    vault, _recovery = make_vault(root)
    vault.close()
    before = (root / "vault.sqlite3").read_bytes()
    out = tmp_path / "out.iptbackup"
    for files_too in (True, False):
        with _read_only(root, files_too=files_too):
            result = _cli("backup", "--vault", str(root), "--out", str(out), data_dir=tmp_path)
        _assert_read_only_message(result)
        assert (root / "vault.sqlite3").read_bytes() == before
        assert not out.exists()
