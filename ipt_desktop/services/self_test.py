"""The headless checks of ``ipt-desktop self-test``: what a frozen bundle can get wrong.

A PyInstaller bundle that starts on the developer's machine can still miss a resource, a
migration file, a font or a compiled library on a practitioner's. Each check here exercises
one of those for real, in a throw-away folder: the resources and fonts are found and
parse, a new vault is created (running the Alembic migrations from their files), a
fictional record is sealed, closed, reopened and read back, and a graduation letter is
rendered with its fonts embedded. The Qt checks (plugins, the main window drawn offscreen)
live in ``ui.self_test`` and run after these ones with the same scratch folder.

Nothing here touches the user's vault or machine state: ``scratch_environment`` points
``IPT_DESKTOP_DATA_DIR`` into the scratch folder for the duration of the run.
"""

import datetime as dt
import os
import secrets
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ipt_desktop import __version__
from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.graduation import DocumentKind, PaperSize, default_content
from ipt_desktop.domain.model import ClientRecord
from ipt_desktop.domain.timeline import build_timeline
from ipt_desktop.reports import render_pdf
from ipt_desktop.reports.fonts import register_fonts
from ipt_desktop.resource_files import resource_path, resources_dir
from ipt_desktop.store.schema_migrations import MIGRATIONS_DIR, current_revision, head_revision
from ipt_desktop.vault.location import ENV_DATA_DIR
from ipt_desktop.vault.vault import Vault

from . import clients, episodes, sessions
from .self_test_record import PRACTICE, fictional_record
from .vault_verify import verify_vault

#: Files the application needs at run time, relative to ``resources/``.
REQUIRED_RESOURCES = (
    "icons/ipt-desktop.svg",
    "icons/ipt-desktop.png",
    "fonts/LICENSE-DejaVu.txt",
    "fonts/LICENSE-DroidSansFallback.txt",
)
#: The first four bytes of a TrueType font file.
TRUETYPE_MAGIC = (b"\x00\x01\x00\x00", b"true")
PDF_NAME = "self-test-graduation-letter.pdf"
LETTER_DATE = dt.date(2025, 3, 1)


class CheckFailed(Exception):
    """A check found something wrong; the message says what (never clinical content)."""


@dataclass
class Scratch:
    """The throw-away folder of one run, and what earlier checks left for later ones."""

    folder: Path
    passphrase: str = field(default_factory=lambda: f"self-test {secrets.token_urlsafe(18)}")
    record: ClientRecord | None = None

    @property
    def vault_dir(self) -> Path:
        return self.folder / "vault"

    @property
    def pdf_path(self) -> Path:
        return self.folder / PDF_NAME

    def written_record(self) -> ClientRecord:
        if self.record is None:
            raise CheckFailed("no record was written (an earlier check failed)")
        return self.record


@dataclass(frozen=True)
class Check:
    """One named check: ``run`` returns a short detail, or raises when something is wrong."""

    name: str
    run: Callable[[Scratch], str]


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float

    def line(self) -> str:
        """``ok   name  detail`` or ``FAIL name  detail``: one line, for people and scripts."""
        return f"{'ok' if self.ok else 'FAIL':<4} {self.name:<14} {self.detail}"


def run_check(check: Check, scratch: Scratch) -> CheckResult:
    """Run one check; any exception is a failure named by its type and message."""
    start = time.perf_counter()
    try:
        detail = check.run(scratch)
        ok = True
    except Exception as exc:  # a self-test reports every failure as one line
        detail = f"{type(exc).__name__}: {exc}".replace("\n", " ")
        ok = False
    return CheckResult(check.name, ok, detail, time.perf_counter() - start)


def run_checks(
    checks: Sequence[Check], scratch: Scratch, report: Callable[[CheckResult], None]
) -> list[CheckResult]:
    """Run every check in order (a failure does not stop the next), reporting each result."""
    results = []
    for check in checks:
        result = run_check(check, scratch)
        report(result)
        results.append(result)
    return results


@contextmanager
def scratch_environment(folder: Path) -> Iterator[Scratch]:
    """A Scratch in ``folder`` with the data directory pointed inside it for the run."""
    previous = os.environ.get(ENV_DATA_DIR)
    os.environ[ENV_DATA_DIR] = str(folder / "data")
    try:
        yield Scratch(folder)
    finally:
        if previous is None:
            os.environ.pop(ENV_DATA_DIR, None)
        else:
            os.environ[ENV_DATA_DIR] = previous


# -- the checks ---------------------------------------------------------------------------
def check_resources(_scratch: Scratch) -> str:
    root = resources_dir()
    missing = []
    for name in REQUIRED_RESOURCES:
        try:
            resource_path(*name.split("/"))
        except FileNotFoundError:
            missing.append(name)
    if missing:
        raise CheckFailed(f"missing in {root}: {', '.join(missing)}")
    count = sum(1 for path in root.rglob("*") if path.is_file())
    return f"{count} files, version {__version__}"


def check_fonts(_scratch: Scratch) -> str:
    fonts = sorted(resource_path("fonts").glob("*.ttf"))
    if not fonts:
        raise CheckFailed("no TrueType font in resources/fonts")
    for font in fonts:
        with font.open("rb") as handle:
            if handle.read(4) not in TRUETYPE_MAGIC:
                raise CheckFailed(f"{font.name} is not a TrueType font")
    register_fonts()  # parses every font the PDFs use; raises if one is missing or broken
    return f"{len(fonts)} TrueType fonts registered"


def check_migrations(scratch: Scratch) -> str:
    if not (MIGRATIONS_DIR / "env.py").is_file():
        raise CheckFailed(f"the migration scripts are missing from {MIGRATIONS_DIR}")
    head = head_revision()
    vault, _recovery = Vault.create(scratch.vault_dir, scratch.passphrase, kdf=floor_params())
    try:
        revision = current_revision(vault.engine)
    finally:
        vault.close()
    if revision != head:
        raise CheckFailed(f"the new vault is at {revision}, the migrations end at {head}")
    return f"new vault migrated to {head}"


def check_sealed_record(scratch: Scratch) -> str:
    record = fictional_record()
    with Vault.open(scratch.vault_dir) as vault:
        vault.unlock(scratch.passphrase)
        clients.create_client(vault, record.client)
        for episode in record.episodes:
            episodes.save_episode(vault, episode)
        for session in record.sessions:
            sessions.save_session(vault, session)
    with Vault.open(scratch.vault_dir) as vault:
        vault.unlock(scratch.passphrase)
        read_back = clients.load_record(vault, record.client.id)
        report = verify_vault(vault)
    if read_back != record:
        raise CheckFailed("the record read back differs from the one written")
    if not report.ok:
        raise CheckFailed(f"verify found problems in {report.records_checked} records")
    name = record.client.name.encode("utf-8")
    for path in scratch.vault_dir.iterdir():
        if path.is_file() and name in path.read_bytes():
            raise CheckFailed(f"a client name is readable in clear in {path.name}")
    scratch.record = read_back
    return f"{report.records_checked} records sealed, reopened and verified"


def check_graduation_pdf(scratch: Scratch) -> str:
    record = scratch.written_record()
    episode = record.episodes[0]
    content = default_content(record, episode.id, PRACTICE, LETTER_DATE)
    timeline = build_timeline(record, LETTER_DATE)
    render_pdf(content, DocumentKind.LETTER, PaperSize.A4, scratch.pdf_path, timeline)
    data = scratch.pdf_path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-32:]:
        raise CheckFailed("the letter is not a complete PDF file")
    embedded = data.count(b"/FontFile2")
    if embedded == 0:
        raise CheckFailed("the letter has no embedded TrueType font")
    if b"/BaseFont /Helvetica" in data or b"/BaseFont /Times" in data:
        raise CheckFailed("the letter fell back to a standard PDF font")
    return f"{len(data)} bytes, {embedded} embedded fonts"


CORE_CHECKS = (
    Check("resources", check_resources),
    Check("fonts", check_fonts),
    Check("migrations", check_migrations),
    Check("sealed record", check_sealed_record),
    Check("graduation pdf", check_graduation_pdf),
)


@contextmanager
def scratch_folder(keep: Path | None) -> Iterator[Path]:
    """``keep`` (created if needed, must hold no vault yet) or a temporary folder removed
    afterwards."""
    if keep is not None:
        if keep.exists() and not keep.is_dir():
            raise CheckFailed(f"{keep} is a file; --keep needs a new or empty folder")
        try:
            keep.mkdir(parents=True, exist_ok=True)
            empty = not any(keep.iterdir())
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise CheckFailed(f"the folder {keep} cannot be used ({reason})") from None
        if not empty:
            raise CheckFailed(f"{keep} is not empty; the self-test needs a new or empty folder")
        yield keep
        return
    with tempfile.TemporaryDirectory(
        prefix="ipt-desktop-self-test-", ignore_cleanup_errors=True
    ) as folder:
        yield Path(folder)


def run_self_test(
    checks: Sequence[Check], keep: Path | None, report: Callable[[CheckResult], None]
) -> list[CheckResult]:
    """Run ``checks`` in a fresh scratch folder with the data directory redirected there."""
    with scratch_folder(keep) as folder, scratch_environment(folder) as scratch:
        return run_checks(checks, scratch, report)
