"""Every whole-file write of the core goes through ``atomic_file.write_atomically``: the file
is replaced whole, owner-only, and the folder is fsynced so the rename survives a power cut
(the JSON export used to skip that last step)."""

import os
from pathlib import Path

import pytest

from ipt_desktop import atomic_file
from ipt_desktop.services import interchange
from ipt_desktop.vault.vault import Vault
from tests.helpers.samples import full_record, store


@pytest.fixture
def synced(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    folders: list[Path] = []
    real = atomic_file.fsync_dir

    def spy(path: Path) -> None:
        folders.append(Path(path))
        real(path)

    monkeypatch.setattr(atomic_file, "fsync_dir", spy)
    return folders


def test_the_json_export_fsyncs_its_folder_after_the_rename(
    vault: Vault, tmp_path: Path, synced: list[Path]
):
    record = full_record()
    store(vault, record)
    out = tmp_path / "exports" / "client.json"
    out.parent.mkdir()
    interchange.write_export(vault, record.client.id, out)
    assert out.parent in synced
    assert [p.name for p in out.parent.iterdir()] == ["client.json"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "kept.bin"
    target.write_bytes(b"old")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "replace", broken_replace)
    with pytest.raises(OSError):  # noqa: PT011 - which OSError depends on the platform
        atomic_file.write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.bin"]


def test_a_written_file_is_owner_only(tmp_path: Path):
    target = tmp_path / "new.bin"
    atomic_file.write_atomically(target, b"data")
    assert target.read_bytes() == b"data"
    if os.name == "posix":
        assert target.stat().st_mode & 0o077 == 0
