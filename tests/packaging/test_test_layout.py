"""The test tree is a package tree: every folder has an ``__init__.py`` and shared helpers
are imported by package path (``tests.helpers.x``), never by bare file name (two helpers
with the same name in different folders once stopped a whole CI run at collection)."""

import ast
from pathlib import Path

from tests.helpers import REPO

TESTS = REPO / "tests"


def _python_files() -> list[Path]:
    return [p for p in TESTS.rglob("*.py") if "__pycache__" not in p.parts]


def test_every_test_folder_is_a_package():
    folders = {p.parent for p in _python_files()}
    assert (
        sorted(str(f.relative_to(REPO)) for f in folders if not (f / "__init__.py").exists()) == []
    )


def test_no_module_imports_a_test_file_by_bare_name():
    local_names = {p.stem for p in _python_files()} - {"__init__", "__main__", "conftest"}
    offenders = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            offenders += [
                f"{path.relative_to(REPO)}: {m}" for m in modules if m.split(".")[0] in local_names
            ]
    assert offenders == []


def test_helpers_live_in_tests_helpers():
    """Outside tests/helpers (and the benchmark and packaging harnesses) a file is a test
    module, a conftest or a package marker."""
    allowed = ("test_", "conftest.py", "__init__.py")
    stray = [
        str(p.relative_to(REPO))
        for p in _python_files()
        if not p.name.startswith(allowed)
        and p.relative_to(TESTS).parts[0] not in ("helpers", "benchmarks", "packaging")
    ]
    assert stray == []
