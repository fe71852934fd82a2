"""Run the headless CLI in a real child process, the way a script would, for the CLI tests.

The child gets this test's isolated data folder (IPT_DESKTOP_DATA_DIR, set by the autouse
fixture in tests/conftest.py), so it never reads or writes the real user's machine state.
"""

import os
import subprocess
import sys

from tests.helpers import PASSPHRASE, REPO


def run_cli(
    *args: object, passphrase: str | None = PASSPHRASE, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m ipt_desktop ARGS``; ``passphrase`` goes in IPT_DESKTOP_PASSPHRASE (None:
    no passphrase at all, as for a script that forgot it), ``env`` adds variables."""
    child_env = {
        "PYTHONPATH": str(REPO),
        "PATH": os.environ.get("PATH", ""),
        "PYTHONUTF8": "1",
        "IPT_DESKTOP_DATA_DIR": os.environ["IPT_DESKTOP_DATA_DIR"],
    }
    if passphrase is not None:
        child_env["IPT_DESKTOP_PASSPHRASE"] = passphrase
    child_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "ipt_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=child_env,
        stdin=subprocess.DEVNULL,
        timeout=180,
        check=False,
    )


def assert_failed_cleanly(
    result: subprocess.CompletedProcess[str], command: str, text: str
) -> None:
    """Exit 2, exactly one stderr line naming the command and saying ``text``, no traceback."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"ipt-desktop {command}: ")
    assert text in lines[0]
