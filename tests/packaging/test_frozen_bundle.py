"""The PyInstaller bundle: built from ipt_desktop.spec, then ``self-test`` run from it.

A bundle that starts on the developer's machine can still miss a resource, a migration
file, a font, a Qt plugin or a module on a practitioner's. The bundle is built once for this
module (about a minute or two) and exercised as a user would: the console executable runs
every self-test check (offscreen), the windowed one starts on the unlock window, and the
folder is checked against the checkout (every resource and migration file, nothing Qt the
app does not use) and against issue 8's size budget.
"""

import ast
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from ipt_desktop.services.self_test import CORE_CHECKS
from tests.packaging.frozen_bundle import (
    REPO,
    SIZE_BUDGET_MB,
    SPEC,
    Bundle,
    build_bundle,
    create_vault,
    run_frozen,
    time_to_first_window,
)
from ui.self_test import QT_MODULES, UI_CHECKS, app_modules

pytestmark = pytest.mark.slow

MIGRATIONS = "ipt_desktop/store/migrations"
#: Libraries a Linux desktop provides: the X11 and Wayland clients (a build machine without
#: them, like CI, cannot bundle them; a release build should have them, see README), and the
#: CUPS and D-Bus clients, which the spec never bundles. Any other unresolved library is a
#: defect.
SYSTEM_LIBRARIES = {
    "libcups.so.2",
    "libdbus-1.so.3",
    "libxcb-icccm.so.4",
    "libxcb-keysyms.so.1",
    "libxcb-cursor.so.0",
    "libwayland-cursor.so.0",
    "libwayland-client.so.0",
    "libwayland-egl.so.1",
}


def _spec_list(name: str) -> list[str]:
    """A module-level list or tuple literal of the spec, e.g. EXCLUDES."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, list | tuple)
            return [str(v) for v in value]
    raise AssertionError(f"{name} is not in {SPEC.name}")


def _qt_modules_in_sources() -> set[str]:
    found: set[str] = set()
    for package in ("ui", "ipt_desktop"):
        for path in (REPO / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            found.update(re.findall(r"\bPySide6\.(Qt\w+)", text))
            for names in re.findall(r"from PySide6 import \(?([\w\s,]+)\)?", text):
                found.update(n.strip() for n in names.split(",") if n.strip().startswith("Qt"))
    return found


# -- the spec, without building ----------------------------------------------------------
def test_every_qt_module_the_sources_import_is_declared() -> None:
    assert _qt_modules_in_sources() <= set(QT_MODULES), (
        "add the module to ui.self_test.QT_MODULES (and keep it out of the spec's EXCLUDES)"
    )


def test_the_spec_excludes_no_qt_module_the_app_uses() -> None:
    excluded = {name.removeprefix("PySide6.") for name in _spec_list("EXCLUDES")}
    assert excluded.isdisjoint(QT_MODULES)
    assert "QtNetwork" in excluded  # an offline app ships no network module


# -- the built bundle ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    return build_bundle(tmp_path_factory.mktemp("pyinstaller"))


def test_self_test_passes_from_the_console_executable(bundle: Bundle, tmp_path: Path) -> None:
    keep = tmp_path / "self-test"
    ran = run_frozen(bundle.console, ["self-test", "--keep", str(keep)], tmp_path, tmp_path)
    lines = ran.stdout.splitlines()
    assert ran.returncode == 0, ran.stdout + ran.stderr
    names = [check.name for check in (*CORE_CHECKS, *UI_CHECKS)]
    assert len(lines) == len(names), ran.stdout
    for line, name in zip(lines, names, strict=True):
        assert line.split()[0] == "ok" and name in line, line
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert f"version {version['version']}" in lines[0]
    # Every module of the checkout is in the bundle and imports there.
    assert f"{len(app_modules())} modules imported" in ran.stdout
    assert (keep / "self-test-graduation-letter.pdf").stat().st_size > 10_000
    assert (keep / "self-test-main-window.png").stat().st_size > 10_000


def test_self_test_fails_loudly_when_a_resource_is_missing(bundle: Bundle, tmp_path: Path) -> None:
    """The check can fail: a copy of the bundle without its fonts does not pass."""
    broken = tmp_path / "broken"
    shutil.copytree(bundle.folder, broken, symlinks=True)
    shutil.rmtree(broken / "_internal" / "ipt_desktop_resources" / "fonts")
    ran = run_frozen(broken / bundle.console.name, ["self-test"], tmp_path, tmp_path)
    assert ran.returncode == 1
    failed = [line.split()[1] for line in ran.stdout.splitlines() if line.startswith("FAIL")]
    assert "resources" in failed and "fonts" in failed


def test_windowed_app_starts_on_the_unlock_window(bundle: Bundle, tmp_path: Path) -> None:
    create_vault(bundle, tmp_path)
    timing = time_to_first_window(bundle, tmp_path)
    assert timing.window == "MainWindow"
    assert 0 < timing.cpu_ms < timing.wall_ms * 2


def test_bundle_holds_every_resource_and_migration_file(bundle: Bundle) -> None:
    for folder, bundled in (
        (REPO / "resources", bundle.internal / "ipt_desktop_resources"),
        (REPO / MIGRATIONS, bundle.internal / MIGRATIONS),
    ):
        for source in folder.rglob("*"):
            if source.is_file() and "__pycache__" not in source.parts:
                copy = bundled / source.relative_to(folder)
                assert copy.is_file(), f"{copy.relative_to(bundle.folder)} is missing"
                assert copy.read_bytes() == source.read_bytes()


def test_bundle_size_is_within_budget(bundle: Bundle) -> None:
    megabytes = bundle.size_bytes / 1e6
    assert megabytes <= SIZE_BUDGET_MB, f"{megabytes:.1f} MB"


def test_bundle_leaves_out_what_the_app_does_not_use(bundle: Bundle) -> None:
    pyside = bundle.internal / "PySide6"
    for name in _spec_list("EXCLUDES"):
        if name.startswith("PySide6."):
            assert not list(pyside.glob(f"{name.removeprefix('PySide6.')}.*")), name
    for module in QT_MODULES:
        assert list(pyside.glob(f"{module}.*")), module
    assert not (pyside / "Qt" / "translations").exists()
    assert not list(pyside.rglob("*qgtk3*")), "the GTK3 theme drags GTK into the bundle"
    assert not list(bundle.internal.rglob("*Qt6Network*"))
    if sys.platform.startswith("linux"):
        # Taken from the system (the spec says why); a copy would also cost the size budget.
        for prefix in _spec_list("LIBRARIES_FROM_THE_SYSTEM"):
            assert not list(bundle.internal.rglob(f"{prefix}*")), prefix


def test_every_library_in_the_bundle_resolves(bundle: Bundle) -> None:
    """No symlink points nowhere; on Linux, ldd finds every library each one links to
    (in the bundle, or a system library every distribution has)."""
    dangling = [p for p in bundle.folder.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling
    if not sys.platform.startswith("linux"):
        return
    env = {"LD_LIBRARY_PATH": str(bundle.internal), "PATH": "/usr/bin:/bin"}
    unresolved: set[str] = set()
    for library in bundle.internal.rglob("*.so*"):
        if library.is_symlink() or not library.is_file():
            continue
        listing = subprocess.run(
            ["ldd", str(library)], capture_output=True, text=True, env=env, check=False
        ).stdout
        unresolved.update(re.findall(r"^\s*(\S+) => not found", listing, re.M))
    assert unresolved <= SYSTEM_LIBRARIES, sorted(unresolved - SYSTEM_LIBRARIES)
