"""Discarding a just-created vault removes its files, and its folder only when empty."""

from pathlib import Path

from ipt_desktop.services.new_vault import discard_new_vault
from ipt_desktop.vault.files import VaultFiles
from tests.helpers.fixtures import VaultFactory


def test_a_discarded_vault_leaves_no_file_and_no_folder(tmp_path: Path, make_vault: VaultFactory):
    vault, _recovery = make_vault(tmp_path / "vault")
    assert vault.files.db.exists()
    discard_new_vault(vault)
    assert not (tmp_path / "vault").exists()
    assert not vault.is_unlocked


def test_a_folder_holding_other_files_is_kept_with_them(tmp_path: Path, make_vault: VaultFactory):
    root = tmp_path / "vault"
    vault, _recovery = make_vault(root)
    (root / "notes-of-mine.txt").write_text("not the vault's")
    discard_new_vault(vault)
    assert sorted(p.name for p in root.iterdir()) == ["notes-of-mine.txt"]
    assert not VaultFiles(root).exists()
