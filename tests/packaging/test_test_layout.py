"""Test modules are imported by basename (rootdir-relative, no packages): two files with the
same name in different folders would stop the whole run at collection, so keep them unique."""

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_every_test_helper_and_module_basename_is_unique():
    names = Counter(
        p.name
        for p in TESTS.rglob("*.py")
        if p.name not in ("conftest.py", "__init__.py", "__main__.py")
        and "benchmarks" not in p.relative_to(TESTS).parts
    )
    assert [name for name, count in names.items() if count > 1] == []
