"""Run ``python -m ipt_desktop`` as the user would, with a chosen data folder."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from ipt_desktop.cli.main import main
from tests.helpers import PASSPHRASE, REPO


def run_cli(
    *args: str, data_dir: Path, passphrase: str | None = PASSPHRASE
) -> subprocess.CompletedProcess[str]:
    env = {
        "PYTHONPATH": str(REPO),
        "PATH": os.environ.get("PATH", ""),
        "IPT_DESKTOP_DATA_DIR": str(data_dir),
    }
    if passphrase is not None:
        env["IPT_DESKTOP_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "ipt_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def run_in_process(capsys: Any, *args: str) -> subprocess.CompletedProcess[str]:
    """``ipt-desktop ARGS`` through cli.main in this process (no interpreter start-up);
    the environment (passphrase, data folder) is the test's."""
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return subprocess.CompletedProcess(list(args), code, captured.out, captured.err)


def one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single stderr line of a command that failed with exit 2 (and no traceback)."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]
