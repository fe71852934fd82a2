"""Grep the vault's files for what was written into it: nothing may be there in clear."""

import uuid
from pathlib import Path

from ipt_desktop.vault.settings import write_setting
from tests.helpers.sealed_rows import add_client_with_session


def _haystack(root: Path) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in root.rglob("*") if p.is_file()]


def _encodings(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]


def test_markers_never_reach_database_wal_or_shm(tmp_path, make_vault):
    root = tmp_path / "v"
    vault, _ = make_vault(root)
    markers = [f"MARKER-{uuid.uuid4().hex}" for _ in range(6)]
    for i in range(3):
        add_client_with_session(
            vault,
            f"Demo Πελάτης {markers[i]} Ωμέγα",
            f"How have things been? {markers[i + 3]} 😀 " * 50,
        )
    write_setting(vault, "practice", {"therapist_name": "Demo Therapist", "note": markers[0]})
    # Look while the vault is open (WAL and SHM present) and after it is closed.
    files_open = _haystack(root)
    assert any(name.endswith("-wal") for name, _ in files_open)
    vault.close()
    for name, data in files_open + _haystack(root):
        for marker in markers:
            for needle in _encodings(marker):
                assert needle not in data, f"{marker} found in clear in {name}"


def test_vault_files_are_private_to_the_user(tmp_path, make_vault):
    root = tmp_path / "v"
    make_vault(root)
    assert (root.stat().st_mode & 0o077) == 0
    assert ((root / "vault.sqlite3").stat().st_mode & 0o077) == 0
