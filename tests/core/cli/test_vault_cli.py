"""`init`, `verify`, `passwd` through a real subprocess: exit codes, secret sources, messages."""

import re
import subprocess
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE
from tests.helpers.cli_process import run_cli as run_child


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The secret comes only from what each test passes (a file or ``env``)."""
    return run_child(*args, passphrase=None, env=env)


@pytest.fixture
def secret_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "pass": tmp_path / "pass.txt",
        "new": tmp_path / "new.txt",
        "weak": tmp_path / "weak.txt",
        "wrong": tmp_path / "wrong.txt",
    }
    files["pass"].write_text(PASSPHRASE + "\n", encoding="utf-8")
    files["new"].write_text("lantern meadow copper whistle", encoding="utf-8")
    files["weak"].write_text("password1234", encoding="utf-8")
    files["wrong"].write_text("lantern meadow copper whistles", encoding="utf-8")
    return files


def test_init_verify_passwd_round(tmp_path, secret_files):
    vault = tmp_path / "v"
    created = run_cli(
        "init",
        "--vault",
        str(vault),
        "--passphrase-file",
        str(secret_files["pass"]),
        "--kdf-seconds",
        "0.1",
    )
    assert created.returncode == 0, created.stderr
    key = re.search(r"((?:[A-Z2-7]{4}-){13}[A-Z2-7]{4})", created.stdout)
    assert key is not None

    ok = run_cli("verify", "--vault", str(vault), env={"IPT_DESKTOP_PASSPHRASE": PASSPHRASE})
    assert ok.returncode == 0, ok.stderr
    assert "vault OK" in ok.stdout

    changed = run_cli(
        "passwd",
        "--vault",
        str(vault),
        "--passphrase-file",
        str(secret_files["pass"]),
        "--new-passphrase-file",
        str(secret_files["new"]),
    )
    assert changed.returncode == 0, changed.stderr
    old = run_cli("verify", "--vault", str(vault), "--passphrase-file", str(secret_files["pass"]))
    assert old.returncode == 2 and "not correct" in old.stderr

    key_file = tmp_path / "recovery.txt"
    key_file.write_text(key.group(1).lower(), encoding="utf-8")
    recovered = run_cli(
        "passwd",
        "--vault",
        str(vault),
        "--recovery-key-file",
        str(key_file),
        "--new-passphrase-file",
        str(secret_files["pass"]),
    )
    assert recovered.returncode == 0, recovered.stderr
    assert (
        run_cli(
            "verify", "--vault", str(vault), env={"IPT_DESKTOP_PASSPHRASE": PASSPHRASE}
        ).returncode
        == 0
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["verify", "--vault", "{tmp}/missing"], "no vault"),
        (
            ["verify", "--vault", "{tmp}/v", "--passphrase-file", "{tmp}/absent.txt"],
            "does not exist",
        ),
        (["init", "--vault", "{tmp}/w", "--passphrase-file", "{weak}"], "common password"),
        (
            ["init", "--vault", "{tmp}/w", "--passphrase-file", "{pass}", "--kdf-seconds", "99"],
            "kdf-seconds",
        ),
        (["verify", "--vault", "{tmp}/v"], "no passphrase given"),
    ],
)
def test_failures_exit_2_with_one_clear_line(tmp_path, secret_files, make_vault, args, message):
    make_vault(tmp_path / "v")[0].close()
    filled = [
        a.format(tmp=tmp_path, weak=secret_files["weak"], **{"pass": secret_files["pass"]})
        for a in args
    ]
    result = run_cli(*filled)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
