"""A second process opening the same vault is refused with a clear message."""

import subprocess
import sys

import pytest

from ipt_desktop.vault.errors import VaultInUseError
from ipt_desktop.vault.vault import Vault
from tests.helpers import REPO


def test_second_process_is_refused_while_the_first_holds_the_vault(tmp_path, make_vault):
    root = tmp_path / "v"
    make_vault(root)  # stays open (and locked to this process) until the test ends
    result = subprocess.run(
        [sys.executable, "-m", "ipt_desktop", "verify", "--vault", str(root)],
        capture_output=True,
        text=True,
        env={"IPT_DESKTOP_PASSPHRASE": "candle river orbit maple", "PYTHONPATH": str(REPO)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "already open in another" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_second_open_in_the_same_process_is_refused_too(tmp_path, make_vault):
    root = tmp_path / "v"
    make_vault(root)
    with pytest.raises(VaultInUseError):
        Vault.open(root)


def test_the_lock_is_released_on_close_and_when_a_process_dies(tmp_path, make_vault):
    root = tmp_path / "v"
    vault, _ = make_vault(root)
    vault.close()
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from ipt_desktop.vault.vault import Vault; "
            "v = Vault.open(sys.argv[1]); print('held', flush=True); time.sleep(60)",
            str(root),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={"PYTHONPATH": str(REPO)},
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        with pytest.raises(VaultInUseError):
            Vault.open(root)
    finally:
        child.kill()
        child.wait(timeout=10)
        if child.stdout is not None:
            child.stdout.close()
    Vault.open(root).close()  # the OS dropped the dead process's lock
