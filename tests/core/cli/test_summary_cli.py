"""`ipt-desktop summary` through a real subprocess: exit codes 0/2, one clear stderr line,
the PDF's text, the contract chosen, and no temporary PDF left behind."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.enums import EpisodeKind
from ipt_desktop.domain.model import Client, Episode, Termination
from ipt_desktop.services import clients, episodes
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.cli_process import assert_failed_cleanly, run_cli
from tests.helpers.samples import full_record, store

NAME = "Demo – Ωmega Summary"
ACUTE_ITEMS = ("Spoke up at the family dinner", "Back at the allotment")
LATER_ITEMS = ("Kept the monthly check-ins",)


@pytest.fixture(scope="module")
def stocked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str, str, str]:
    """A closed vault: one client with an ended acute course and a later maintenance
    contract without a termination record; one client without any contract."""
    root = tmp_path_factory.mktemp("summary-cli") / "v"
    vault, _ = Vault.create(root, PASSPHRASE, kdf=floor_params())
    record = full_record(name=NAME)
    acute = dataclasses.replace(
        record.episodes[0],
        termination=Termination(
            ACUTE_ITEMS, ("Ask for help early",), ("Staying in bed",), "Call the practice"
        ),
    )
    record = dataclasses.replace(record, episodes=(acute,))
    later = Episode(
        client_id=record.client.id,
        start_date=dt.date(2026, 5, 4),
        kind=EpisodeKind.MAINTENANCE,
        planned_sessions=6,
        termination=Termination(),
    )
    bare = Client(name="Demo – No Contract")
    with vault:
        store(vault, record)
        episodes.save_episode(vault, later)
        clients.create_client(vault, bare)
    return root, record.client.id, acute.id, later.id, bare.id


def text_of(path: Path, password: str | None = None) -> str:
    reader = PdfReader(path)
    if password is not None:
        reader.decrypt(password)
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_letter_by_name_is_the_default(stocked, tmp_path):
    root, *_ = stocked
    out = tmp_path / "letter.pdf"
    result = run_cli("summary", "--vault", root, "--client", NAME, "--out", out)
    assert result.returncode == 0, result.stderr
    assert "NOT encrypted by the vault" in result.stdout
    assert NAME not in result.stdout + result.stderr
    text = text_of(out)
    assert "Looking back, and looking ahead" in text
    assert "Clinical termination summary" not in text
    # The ended acute course is chosen over the later contract without a record.
    assert all(item in text for item in ACUTE_ITEMS)
    assert round(float(PdfReader(out).pages[0].mediabox.width)) == 595  # A4
    assert names(tmp_path) == ["letter.pdf"]


@pytest.mark.parametrize(
    ("flags", "present", "absent", "width"),
    [
        (["--clinician"], ["Clinical termination summary"], ["Looking back"], 595),
        (
            ["--both", "--paper", "letter"],
            ["Looking back", "Clinical termination summary"],
            [],
            612,
        ),
    ],
)
def test_clinician_both_and_paper(stocked, tmp_path, flags, present, absent, width):
    root, client_id, *_ = stocked
    out = tmp_path / "summary.pdf"
    result = run_cli("summary", "--vault", root, "--client", client_id, "--out", out, *flags)
    assert result.returncode == 0, result.stderr
    text = text_of(out)
    assert all(p in text for p in present)
    assert not any(a in text for a in absent)
    assert round(float(PdfReader(out).pages[0].mediabox.width)) == width


def test_episode_picks_the_contract(stocked, tmp_path):
    root, client_id, _acute, later, _bare = stocked
    out = tmp_path / "later.pdf"
    result = run_cli(
        "summary", "--vault", root, "--client", client_id, "--out", out, "--episode", later
    )
    assert result.returncode == 0, result.stderr
    text = text_of(out)
    assert not any(item in text for item in ACUTE_ITEMS)
    assert "maintenance" in text.lower()


def test_a_pdf_password_from_a_file(stocked, tmp_path):
    root, client_id, *_ = stocked
    secret = tmp_path / "pdf-password.txt"
    secret.write_text("tulip anchor velvet\n", encoding="utf-8")
    out = tmp_path / "protected.pdf"
    result = run_cli(
        "summary",
        "--vault",
        root,
        "--client",
        client_id,
        "--out",
        out,
        "--pdf-password-file",
        secret,
    )
    assert result.returncode == 0, result.stderr
    assert "weak protection" in result.stdout
    assert PdfReader(out).is_encrypted
    assert ACUTE_ITEMS[0] in text_of(out, "tulip anchor velvet")


def test_refusals_exit_2_with_one_line_and_leave_no_file(stocked, tmp_path):
    root, client_id, _acute, _later, bare = stocked
    out = tmp_path / "s.pdf"
    unknown = run_cli("summary", "--vault", root, "--client", "Demo – Nobody", "--out", out)
    assert_failed_cleanly(unknown, "summary", "no client has that id")
    assert "Nobody" not in unknown.stderr
    no_contract = run_cli("summary", "--vault", root, "--client", bare, "--out", out)
    assert_failed_cleanly(no_contract, "summary", "no treatment contract")
    bad_episode = run_cli(
        "summary", "--vault", root, "--client", client_id, "--out", out, "--episode", "0" * 32
    )
    assert_failed_cleanly(bad_episode, "summary", "no treatment contract of this client")
    wrong = run_cli(
        "summary", "--vault", root, "--client", client_id, "--out", out, passphrase="wrong words"
    )
    assert_failed_cleanly(wrong, "summary", "not correct")
    missing = run_cli(
        "summary", "--vault", root, "--client", client_id, "--out", tmp_path / "no" / "s.pdf"
    )
    assert_failed_cleanly(missing, "summary", "does not exist")
    empty = tmp_path / "empty-password.txt"
    empty.write_text("", encoding="utf-8")
    no_password = run_cli(
        "summary",
        "--vault",
        root,
        "--client",
        client_id,
        "--out",
        out,
        "--pdf-password-file",
        empty,
    )
    assert_failed_cleanly(no_password, "summary", "holds no password")
    assert names(tmp_path) == ["empty-password.txt"]


def test_an_existing_file_is_kept_unless_forced(stocked, tmp_path):
    root, client_id, *_ = stocked
    out = tmp_path / "there.pdf"
    out.write_bytes(b"keep me")
    kept = run_cli("summary", "--vault", root, "--client", client_id, "--out", out)
    assert_failed_cleanly(kept, "summary", "already exists")
    assert out.read_bytes() == b"keep me"
    forced = run_cli("summary", "--vault", root, "--client", client_id, "--out", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert names(tmp_path) == ["there.pdf"]


def test_a_folder_named_by_out_is_refused_before_any_work(stocked, tmp_path):
    """--out names a folder, even with --force: refused in one line before the vault is
    opened (a write that fails half-way is tested in tests/core/reports/test_pdf_safety.py).
    """
    root, client_id, *_ = stocked
    target = tmp_path / "a-folder.pdf"
    target.mkdir()
    result = run_cli("summary", "--vault", root, "--client", client_id, "--out", target, "--force")
    assert_failed_cleanly(result, "summary", "is a folder")
    assert names(tmp_path) == ["a-folder.pdf"]
    assert list(target.iterdir()) == []
