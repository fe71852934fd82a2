"""An ordinary install works: the wheel built from this tree, installed with its declared
dependencies into a fresh virtual environment, runs `self-test` and writes a summary PDF.

The child processes run outside the repository (cwd is a temporary folder, no PYTHONPATH),
so only what the wheel carries is importable: a resource or module left out of the wheel
fails here. pip installs the dependencies from its cache or the index (about 15 s warm).
"""

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "candle river orbit maple"
ARABIC_CLIENT = "Demo – سلمى الحداد"
RESOURCES = sorted(
    p.relative_to(REPO / "resources").as_posix()
    for p in (REPO / "resources").rglob("*")
    if p.is_file() and "__pycache__" not in p.parts
)

pytestmark = pytest.mark.slow


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 300):
    return subprocess.run(
        command,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dist")
    built = _run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(folder), str(REPO)],
        cwd=folder,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    # setuptools warns about deprecated licence tables and the like: none of that here.
    assert "SetuptoolsDeprecationWarning" not in built.stdout + built.stderr
    return folder


def test_wheel_and_sdist_carry_every_resource(dist: Path) -> None:
    [wheel] = dist.glob("ipt_desktop-*.whl")
    [sdist] = dist.glob("ipt_desktop-*.tar.gz")
    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    with tarfile.open(sdist) as archive:
        in_sdist = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert len(RESOURCES) > 30
    for name in RESOURCES:
        assert f"ipt_desktop_resources/{name}" in in_wheel, name
        assert f"resources/{name}" in in_sdist, name


def test_installed_wheel_runs_self_test_and_writes_a_summary(dist: Path, tmp_path: Path) -> None:
    [wheel] = dist.glob("ipt_desktop-*.whl")
    venv = tmp_path / "venv"
    assert (
        _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path).returncode == 0
    )
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    program = python.parent / ("ipt-desktop.exe" if sys.platform == "win32" else "ipt-desktop")
    installed = _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", str(wheel)],
        tmp_path,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stderr[-3000:]

    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "PYTHONUTF8": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "IPT_DESKTOP_DATA_DIR": str(tmp_path / "data"),
        "IPT_DESKTOP_PASSPHRASE": PASSPHRASE,
    }
    where = _run(
        [str(python), "-c", "import ipt_desktop, ipt_desktop_resources as r; print(r.__file__)"],
        tmp_path,
        env,
    )
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout

    checks = _run([str(program), "self-test"], tmp_path, env)
    assert checks.returncode == 0, checks.stdout + checks.stderr
    lines = checks.stdout.splitlines()
    assert len(lines) >= 11 and all(line.startswith("ok ") for line in lines), checks.stdout

    vault = tmp_path / "vault"
    demo = _run(
        [str(program), "demo", "--vault", str(vault), "--kdf-seconds", "0.05"], tmp_path, env
    )
    assert demo.returncode == 0, demo.stderr
    out = tmp_path / "letter.pdf"
    summary = _run(
        [
            str(program),
            "summary",
            "--vault",
            str(vault),
            "--client",
            ARABIC_CLIENT,
            "--out",
            str(out),
        ],
        tmp_path,
        env,
    )
    assert summary.returncode == 0, summary.stderr
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Looking back, and looking ahead" in text
