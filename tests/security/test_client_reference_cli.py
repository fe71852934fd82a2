"""Issue 14: a command names a client by id, or by a reference read from a file, so a
full name need not appear in the process list or the shell history."""

import json
from pathlib import Path

from ipt_desktop.domain.model import Client
from ipt_desktop.services import clients
from tests.helpers.cli_process import assert_failed_cleanly, run_cli

NAME = "Demo – Referenced Client"


def _vault_with_client(tmp_path: Path, make_vault) -> tuple[Path, str]:
    root = tmp_path / "vault"
    vault, _recovery = make_vault(root)
    client = Client(name=NAME)
    clients.create_client(vault, client)
    vault.close()
    return root, client.id


def test_export_by_id_and_by_client_file(tmp_path: Path, make_vault) -> None:
    root, client_id = _vault_with_client(tmp_path, make_vault)
    by_id = run_cli("export", "--vault", root, "--client", client_id, "--out", tmp_path / "a.json")
    assert by_id.returncode == 0, by_id.stderr
    ref = tmp_path / "who.txt"
    ref.write_text(NAME + "\n", encoding="utf-8")
    args = ("export", "--vault", root, "--client-file", ref, "--out", tmp_path / "b.json")
    by_file = run_cli(*args)
    assert by_file.returncode == 0, by_file.stderr
    assert NAME not in " ".join(map(str, args))
    for out in ("a.json", "b.json"):
        exported = json.loads((tmp_path / out).read_text(encoding="utf-8"))
        assert [c["name"] for c in exported["clients"]] == [NAME]


def test_a_missing_client_file_is_one_clear_line(tmp_path: Path, make_vault) -> None:
    root, _client_id = _vault_with_client(tmp_path, make_vault)
    missing = tmp_path / "nobody.txt"
    result = run_cli(
        "summary", "--vault", root, "--client-file", missing, "--out", tmp_path / "s.pdf"
    )
    assert_failed_cleanly(result, "summary", "does not exist")


def test_client_and_client_file_together_are_refused(tmp_path: Path, make_vault) -> None:
    root, client_id = _vault_with_client(tmp_path, make_vault)
    ref = tmp_path / "who.txt"
    ref.write_text(client_id, encoding="utf-8")
    result = run_cli(
        "export",
        "--vault",
        root,
        "--client",
        client_id,
        "--client-file",
        ref,
        "--out",
        tmp_path / "c.json",
    )
    assert result.returncode == 2 and "not allowed with argument" in result.stderr
