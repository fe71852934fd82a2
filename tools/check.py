"""The whole test command: lint, format check, types, architecture contracts, then pytest.

Run from the repository root with the project's virtual environment:
    .venv/bin/python tools/check.py [extra pytest arguments]
Stops at the first failing step and exits with its code.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    for candidate in (BIN / name, BIN / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return name


STEPS: list[tuple[str, list[str]]] = [
    ("ruff lint", [_tool("ruff"), "check", "."]),
    ("ruff format", [_tool("ruff"), "format", "--check", "."]),
    ("mypy (strict)", [_tool("mypy")]),
    ("architecture contracts", [_tool("lint-imports")]),
]


def main(argv: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for title, command in [*STEPS, ("pytest", [sys.executable, "-m", "pytest", *argv])]:
        shown = " ".join([Path(command[0]).name, *command[1:]])
        print(f"==> {title}: {shown}", flush=True)
        code = subprocess.call(command, cwd=ROOT, env=env)  # noqa: S603 - our own tools, no shell
        if code != 0:
            print(f"==> {title} failed (exit {code})", flush=True)
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
