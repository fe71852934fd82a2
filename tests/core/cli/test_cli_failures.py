"""Every way the command line can be used wrongly ends in one line and exit 2, never a
traceback, an abort or the window (issue 15). Each case runs a real child process."""

import contextlib
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ipt_desktop.cli.arg_parser import NO_UNLOCK_HELP, UNLOCK_HELP
from ipt_desktop.cli.main import build_parser
from tests.helpers import REPO
from tests.helpers.cli_process import assert_failed_cleanly, run_cli


def run_app(
    *args: object, env: dict[str, str] | None = None, timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    """``python -m ui ARGS``: the application's own entry point (window or command), with
    no display unless ``env`` names one."""
    child_env = {
        "PYTHONPATH": str(REPO),
        "PATH": os.environ.get("PATH", ""),
        "PYTHONUTF8": "1",
        "IPT_DESKTOP_DATA_DIR": os.environ["IPT_DESKTOP_DATA_DIR"],
        "HOME": os.environ["IPT_DESKTOP_DATA_DIR"],
    }
    child_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "ui", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=child_env,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        check=False,
    )


def one_line(result: subprocess.CompletedProcess[str], *texts: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for text in texts:
        assert text in lines[0], lines[0]
    return lines[0]


def test_no_display_is_one_line_not_an_abort() -> None:
    line = one_line(run_app("--demo"), "graphical session", "ipt-desktop --help")
    assert "xcb" not in line


def test_an_unreachable_display_is_one_line_not_an_abort() -> None:
    # No X server listens on display 97 (its socket would be here).
    assert not Path("/tmp/.X11-unix/X97").exists()  # noqa: S108 - checked, not written
    line = one_line(run_app("--demo", env={"DISPLAY": ":97"}), "graphical session")
    assert "Qt could not open the display" in line


def test_a_mistyped_command_is_named_and_never_starts_the_window() -> None:
    # With a display the window would open; the command word alone decides.
    result = run_app("verfiy", "--vault", "V", env={"QT_QPA_PLATFORM": "offscreen"})
    line = one_line(result, "invalid choice: 'verfiy'", "'verify'", "--help")
    assert "graphical" not in line


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["verify", "--vault"], "expected one argument"),
        (["summary", "--vault", "V", "--client", "x"], "required: --out"),
        (["init", "--kdf-seconds", "abc"], "invalid float value"),
        (["summary", "--paper", "a5"], "invalid choice: 'a5'"),
        (["--vault"], "expected one argument"),
    ],
)
def test_argument_errors_are_one_line_with_a_pointer_to_help(args: list[str], text: str) -> None:
    command = next((a for a in args if not a.startswith("-")), "")
    hint = f"ipt-desktop {command} --help" if command in ("verify", "summary", "init") else "--help"
    if command:  # `--vault` alone is the window's option: the app's entry point only
        one_line(run_cli(*args), text, hint)
    one_line(run_app(*args), text, hint)


def test_self_test_keep_problems_are_one_line(tmp_path: Path) -> None:
    full = tmp_path / "full"
    full.mkdir()
    (full / "something").write_text("x")
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    for keep, text in (
        (full, "is not empty"),
        (a_file, "is a file"),
        (a_file / "below", "cannot be used"),
    ):
        assert_failed_cleanly(run_cli("self-test", "--keep", keep), "self-test", text)
        one_line(run_app("self-test", "--keep", keep), text)
    assert sorted(p.name for p in full.iterdir()) == ["something"]


@pytest.mark.parametrize("command", ["export", "summary"])
def test_out_naming_a_folder_is_refused(tmp_path: Path, command: str) -> None:
    result = run_cli(command, "--vault", tmp_path / "v", "--client", "x", "--out", tmp_path)
    assert_failed_cleanly(result, command, "is a folder")
    forced = run_cli(
        command, "--vault", tmp_path / "v", "--client", "x", "--out", tmp_path, "--force"
    )
    assert_failed_cleanly(forced, command, "is a folder")
    assert list(tmp_path.iterdir()) == []


def test_import_names_the_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "clients-to-import.json"
    assert_failed_cleanly(run_cli("import", missing), "import", f"{missing} does not exist")


def test_every_command_help_names_where_the_secret_comes_from() -> None:
    parser = build_parser()
    assert "IPT_DESKTOP_PASSPHRASE" in parser.format_help()
    [commands] = [a.choices for a in parser._actions if isinstance(a.choices, dict)]
    assert len(commands) >= 10
    for name, command in commands.items():
        text = " ".join(command.format_help().split())
        if name == "self-test":
            assert NO_UNLOCK_HELP in text
        else:
            assert " ".join(UNLOCK_HELP.split()) in text, name
            for source in ("--passphrase-file", "IPT_DESKTOP_PASSPHRASE", "terminal"):
                assert source in text, (name, source)


def _at_terminal(args: list[str], answers: list[str], timeout: float = 120) -> tuple[int, str]:
    """Run the CLI on a new pseudo-terminal, typing each answer after the next prompt."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: its controlling terminal is the pty
        env = {
            "PYTHONPATH": str(REPO),
            "PATH": os.environ.get("PATH", ""),
            "PYTHONUTF8": "1",
            "IPT_DESKTOP_DATA_DIR": os.environ["IPT_DESKTOP_DATA_DIR"],
        }
        os.execve(sys.executable, [sys.executable, "-m", "ipt_desktop", *args], env)  # noqa: S606
    output = b""
    pending = list(answers)
    answered = 0
    deadline = time.monotonic() + timeout
    status = None
    while status is None and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            with contextlib.suppress(OSError):  # the terminal is gone: the child has ended
                output += os.read(fd, 4096)
            # A new prompt since the last answer (getpass drops what was typed earlier).
            if pending and output[answered:].rstrip().endswith(b":"):
                os.write(fd, pending.pop(0).encode() + b"\n")
                answered = len(output)
        done, raw = os.waitpid(pid, os.WNOHANG)
        if done:
            status = raw
    if status is None:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        pytest.fail(f"no exit within {timeout} s: {output!r}")
    while select.select([fd], [], [], 0.1)[0]:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode("utf-8", "replace")


def test_init_at_a_terminal_asks_twice_and_refuses_a_mismatch(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    code, shown = _at_terminal(
        ["init", "--vault", str(vault), "--kdf-seconds", "0.05"],
        ["candle river orbit maple", "candle river orbit mapel"],
    )
    assert code == 2, shown
    assert "New passphrase:" in shown and "Type it again:" in shown
    assert "the two passphrases differ" in shown and "Traceback" not in shown
    assert not vault.exists() or not any(vault.iterdir())

    code, shown = _at_terminal(
        ["init", "--vault", str(vault), "--kdf-seconds", "0.05"],
        ["candle river orbit maple", "candle river orbit maple"],
    )
    assert code == 0, shown
    assert "Recovery key" in shown
    opened = run_cli("verify", "--vault", vault)
    assert opened.returncode == 0, opened.stderr
