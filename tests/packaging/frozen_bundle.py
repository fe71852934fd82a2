"""Build the PyInstaller bundle from ``ipt_desktop.spec`` and drive it, for the packaging
test (tests/packaging/test_frozen_bundle.py) and the frozen-start benchmark
(tests/benchmarks/bench_frozen_start.py).

The frozen programs run in a clean environment: no PYTHON* variables (the bundle must not
lean on the checkout), Qt's offscreen platform, and a scratch data folder, so nothing here
touches the user's vault or settings.
"""

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.helpers import PASSPHRASE, REPO

SPEC = REPO / "ipt_desktop.spec"
NAME = "ipt-desktop"
CONSOLE_NAME = "ipt-desktop-console"
#: Issue 8's budgets.
SIZE_BUDGET_MB = 150.0
START_BUDGET_MS = 1500.0
BUILD_TIMEOUT_S = 1800
RUN_TIMEOUT_S = 300
#: Printed by ui.startup_probe when IPT_DESKTOP_EXIT_WHEN_SHOWN=1.
SHOWN_MARKER = "ipt-desktop: first window shown:"


class BundleError(Exception):
    """The bundle could not be built or did not behave; the message holds the evidence."""


@dataclass(frozen=True)
class Bundle:
    folder: Path  # dist/ipt-desktop: the executables and _internal/
    build_seconds: float

    @property
    def windowed(self) -> Path:
        return self.folder / executable_name(NAME)

    @property
    def console(self) -> Path:
        return self.folder / executable_name(CONSOLE_NAME)

    @property
    def internal(self) -> Path:
        return self.folder / "_internal"

    @property
    def size_bytes(self) -> int:
        return folder_bytes(self.folder)


def executable_name(name: str) -> str:
    return f"{name}.exe" if sys.platform == "win32" else name


def folder_bytes(folder: Path) -> int:
    """What the folder takes once unpacked: regular files, symlinks not followed."""
    return sum(
        path.lstat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def _tail(text: str, lines: int = 25) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def build_bundle(out: Path) -> Bundle:
    """``python -m PyInstaller --noconfirm --distpath OUT/dist --workpath OUT/build SPEC``."""
    dist, work = out / "dist", out / "build"
    started = time.perf_counter()
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    seconds = time.perf_counter() - started
    if built.returncode != 0:
        raise BundleError(f"PyInstaller failed ({built.returncode}):\n{_tail(built.stderr)}")
    return Bundle(dist / NAME, seconds)


def frozen_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a frozen run: isolated from the checkout and the user's data."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        IPT_DESKTOP_DATA_DIR=str(data_dir),
        XDG_CONFIG_HOME=str(data_dir / "config"),  # QSettings on Linux
    )
    env.pop("IPT_DESKTOP_PASSPHRASE", None)
    env.update(extra)
    return env


def run_frozen(
    executable: Path, args: list[str], data_dir: Path, cwd: Path
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(executable), *args],
        cwd=cwd,
        env=frozen_env(data_dir),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=False,
    )


def create_vault(bundle: Bundle, data_dir: Path) -> Path:
    """A vault at the default location of ``data_dir``, made by the bundle's own CLI."""
    secret = data_dir / "passphrase.txt"
    data_dir.mkdir(parents=True, exist_ok=True)
    secret.write_text(PASSPHRASE, encoding="utf-8")
    vault = data_dir / "vault"
    made = run_frozen(
        bundle.console,
        ["init", "--vault", str(vault), "--passphrase-file", str(secret), "--kdf-seconds", "0.05"],
        data_dir,
        data_dir,
    )
    if made.returncode != 0:
        raise BundleError(f"init failed ({made.returncode}): {_tail(made.stderr, 5)}")
    return vault


def start_executable(bundle: Bundle) -> Path:
    """The windowed program, except on Windows, where a windowed program has no stdout to
    report on: there the console variant (the same program) is timed."""
    return bundle.console if sys.platform == "win32" else bundle.windowed


@dataclass(frozen=True)
class StartTiming:
    wall_ms: float  # from launching the program to its first window painted
    cpu_ms: float  # CPU time the process used until then (steadier on a busy machine)
    window: str  # the class of that window


def time_to_first_window(bundle: Bundle, data_dir: Path) -> StartTiming:
    """Launch the frozen app and time it to its first window painted; the app quits right
    after (IPT_DESKTOP_EXIT_WHEN_SHOWN=1)."""
    env = frozen_env(data_dir, IPT_DESKTOP_EXIT_WHEN_SHOWN="1")
    errors = data_dir / "start-stderr.txt"
    with errors.open("w", encoding="utf-8") as stderr:
        started = time.perf_counter()
        child = subprocess.Popen(
            [str(start_executable(bundle))],
            cwd=data_dir,
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
        assert child.stdout is not None
        window, elapsed, cpu = "", 0.0, 0.0
        for line in child.stdout:
            if line.startswith(SHOWN_MARKER):
                elapsed = (time.perf_counter() - started) * 1000
                window, _, cpu_field = line[len(SHOWN_MARKER) :].strip().partition(" cpu=")
                cpu = float(cpu_field or "nan") * 1000
                break
        try:
            child.communicate(timeout=RUN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
    if not window or child.returncode != 0:
        err = errors.read_text(encoding="utf-8", errors="replace")
        raise BundleError(
            f"the frozen app showed no window (exit {child.returncode}): {_tail(err, 10)}"
        )
    return StartTiming(elapsed, cpu, window)
