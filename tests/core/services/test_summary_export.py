"""The graduation summary through the service: which contract, what the PDF says, the audit
entry, the password, and that no temporary PDF survives a save or a failed save."""

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from ipt_desktop import atomic_file
from ipt_desktop.domain.enums import EpisodeKind, PlanAfterEnding
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.graduation import DocumentKind, PaperSize, select
from ipt_desktop.domain.model import Client, ClientRecord, Episode, Termination
from ipt_desktop.services import clients, summary_export
from ipt_desktop.vault.audit_log import AuditEntry, AuditEvent, walk
from ipt_desktop.vault.errors import StorageFullError, VaultLockedError
from ipt_desktop.vault.vault import Vault
from tests.helpers.samples import START, full_record, store

TODAY = dt.date(2026, 6, 1)
ACHIEVEMENTS = ("Walked with Ines every Sunday", "Said no to extra shifts", "Rejoined the choir")
SKILLS = ("Call a friend when the week feels heavy", "Keep the Sunday walk")
SIGNS = ("Sleeping badly for a week", "Cancelling plans twice running")


def audit_entries(vault: Vault) -> list[AuditEntry]:
    header = vault.header
    with vault.reading() as db:
        report = walk(
            db, vault.purpose_key("audit"), vault.vault_id, header.audit_head, header.audit_count
        )
    assert report.intact
    return list(report.entries)


def pdf_text(path: Path, password: str | None = None) -> str:
    reader = PdfReader(path)
    if password is not None:
        reader.decrypt(password)
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def ended_record(name: str = "Demo – Summary Client") -> ClientRecord:
    record = full_record(name=name)
    episode = dataclasses.replace(
        record.episodes[0],
        termination=Termination(
            ACHIEVEMENTS, SKILLS, SIGNS, "Call the practice", PlanAfterEnding.BOOSTER_SESSIONS
        ),
    )
    return dataclasses.replace(record, episodes=(episode,))


@pytest.fixture
def stored(shared_vault: Vault) -> ClientRecord:
    record = ended_record()
    store(shared_vault, record)
    return record


# -- which contract ---------------------------------------------------------------------------

CLIENT = Client(name="Demo – Contract Choice")
ENDED = Termination(("Kept going",))


def episode(start: dt.date, kind: EpisodeKind, ended: bool, ident: str) -> Episode:
    return Episode(
        client_id=CLIENT.id,
        start_date=start,
        kind=kind,
        planned_sessions=12,
        termination=ENDED if ended else Termination(),
        id=ident,
    )


ACUTE, MAINT = EpisodeKind.ACUTE, EpisodeKind.MAINTENANCE
D1, D2, D3 = dt.date(2025, 1, 6), dt.date(2025, 6, 2), dt.date(2025, 11, 3)
A = "a" * 32
B = "b" * 32
C = "c" * 32


@pytest.mark.parametrize(
    ("episodes", "expected"),
    [
        # nothing ended anywhere: the latest contract
        ([(D1, ACUTE, False, A), (D2, MAINT, False, B)], B),
        # the acute course ended, the maintenance contract that followed has no record yet
        ([(D1, ACUTE, True, A), (D2, MAINT, False, B)], A),
        # two ended: the later one
        ([(D1, ACUTE, True, A), (D2, MAINT, True, B), (D3, MAINT, False, C)], B),
        # only one contract
        ([(D1, ACUTE, False, A)], A),
        # same start date: the one stored later
        ([(D2, ACUTE, True, A), (D2, MAINT, True, B)], B),
    ],
)
def test_the_default_contract(episodes, expected):
    record = ClientRecord(CLIENT, tuple(episode(*e) for e in episodes))
    assert summary_export.default_episode(record).id == expected


def test_a_client_without_a_contract_has_no_summary():
    with pytest.raises(LookupError, match="no treatment contract"):
        summary_export.default_episode(ClientRecord(CLIENT))


# -- prepare_content ----------------------------------------------------------------------------


def test_prepare_content_reads_without_an_audit_entry(shared_vault, stored):
    before = len(audit_entries(shared_vault))
    content, timeline = summary_export.prepare_content(shared_vault, stored.client.id, None, TODAY)
    assert len(audit_entries(shared_vault)) == before
    assert content.client_name == stored.client.name
    assert (content.achievements, content.skills, content.warning_signs) == (
        ACHIEVEMENTS,
        SKILLS,
        SIGNS,
    )
    assert content.letter_date == TODAY
    assert content.episode_start == START
    assert len(timeline.sessions) == len(stored.sessions)


def test_prepare_content_refuses_unknown_ids(shared_vault, stored):
    with pytest.raises(LookupError, match="no client"):
        summary_export.prepare_content(shared_vault, "f" * 32, None, TODAY)
    with pytest.raises(LookupError, match="no treatment contract of this client"):
        summary_export.prepare_content(shared_vault, stored.client.id, "e" * 32, TODAY)


def test_prepare_content_without_contract(shared_vault):
    bare = Client(name="Demo – Nothing Yet")
    clients.create_client(shared_vault, bare)
    with pytest.raises(LookupError, match="no treatment contract"):
        summary_export.prepare_content(shared_vault, bare.id, None, TODAY)


# -- export -----------------------------------------------------------------------------------


def test_the_pdf_holds_the_chosen_items_in_order_and_the_export_is_logged(
    shared_vault, stored, tmp_path
):
    content, timeline = summary_export.prepare_content(shared_vault, stored.client.id, None, TODAY)
    chosen = select(
        dataclasses.replace(content, opening_words="Opening words written for this test."),
        achievements=(ACHIEVEMENTS[2], ACHIEVEMENTS[0]),
        signs=(SIGNS[1],),
    )
    out = tmp_path / "letter.pdf"
    before = len(audit_entries(shared_vault))
    summary_export.export_summary_pdf(
        shared_vault, stored.client.id, chosen, DocumentKind.LETTER, PaperSize.A4, out, timeline
    )
    text = pdf_text(out)
    assert "Opening words written for this test." in text
    assert ACHIEVEMENTS[1] not in text
    assert text.index(ACHIEVEMENTS[2]) < text.index(ACHIEVEMENTS[0])
    assert SIGNS[1] in text and SIGNS[0] not in text
    entries = audit_entries(shared_vault)
    assert len(entries) == before + 1
    entry = entries[-1]
    assert entry.event is AuditEvent.EXPORT_PDF
    assert entry.object_ids == (stored.client.id,)
    assert entry.detail == "letter pdf"
    for private in ("letter.pdf", str(tmp_path), "Summary Client", ACHIEVEMENTS[0]):
        assert private not in entry.detail
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.pdf"]


@pytest.mark.parametrize(
    ("kind", "paper", "titles", "absent", "width"),
    [
        (DocumentKind.CLINICAL, PaperSize.A4, ["Clinical termination summary"], "Dear ", 595),
        (
            DocumentKind.BOTH,
            PaperSize.LETTER,
            ["Looking back", "Clinical termination summary"],
            None,
            612,
        ),
    ],
)
def test_kind_and_paper(shared_vault, stored, tmp_path, kind, paper, titles, absent, width):
    content, timeline = summary_export.prepare_content(shared_vault, stored.client.id, None, TODAY)
    out = tmp_path / "summary.pdf"
    summary_export.export_summary_pdf(
        shared_vault, stored.client.id, content, kind, paper, out, timeline
    )
    text = pdf_text(out)
    for title in titles:
        assert title in text
    if absent is not None:
        assert absent not in text
    assert round(float(PdfReader(out).pages[0].mediabox.width)) == width
    assert audit_entries(shared_vault)[-1].detail == f"{kind.value} pdf"


def test_a_password_encrypts_the_pdf_with_aes_256(shared_vault, stored, tmp_path):
    content, timeline = summary_export.prepare_content(shared_vault, stored.client.id, None, TODAY)
    out = tmp_path / "protected.pdf"
    summary_export.export_summary_pdf(
        shared_vault,
        stored.client.id,
        content,
        DocumentKind.LETTER,
        PaperSize.A4,
        out,
        timeline,
        password="long random words here",
    )
    reader = PdfReader(out)
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)
    assert ACHIEVEMENTS[0].encode() not in out.read_bytes()
    assert ACHIEVEMENTS[0] in pdf_text(out, "long random words here")
    with pytest.raises(ValidationError, match="password"):
        summary_export.export_summary_pdf(
            shared_vault,
            stored.client.id,
            content,
            DocumentKind.LETTER,
            PaperSize.A4,
            tmp_path / "empty.pdf",
            timeline,
            password="",
        )
    assert not (tmp_path / "empty.pdf").exists()


def test_printing_is_logged_without_content(shared_vault, stored):
    summary_export.record_summary_printed(shared_vault, stored.client.id, DocumentKind.BOTH)
    entry = audit_entries(shared_vault)[-1]
    assert (entry.event, entry.object_ids, entry.detail) == (
        AuditEvent.EXPORT_PDF,
        (stored.client.id,),
        "both printed",
    )


# -- no temporary PDF left behind ------------------------------------------------------------------


def test_a_write_that_fails_half_way_leaves_nothing(shared_vault, stored, tmp_path, monkeypatch):
    content, timeline = summary_export.prepare_content(shared_vault, stored.client.id, None, TODAY)

    def full_disk(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "fsync", full_disk)
    before = len(audit_entries(shared_vault))
    with pytest.raises(OSError, match="No space"):
        summary_export.export_summary_pdf(
            shared_vault,
            stored.client.id,
            content,
            DocumentKind.LETTER,
            PaperSize.A4,
            tmp_path / "out.pdf",
            timeline,
        )
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []
    assert len(audit_entries(shared_vault)) == before  # nothing left the vault


def test_an_audit_failure_removes_the_new_pdf(shared_vault, stored, tmp_path, monkeypatch):
    content, timeline = summary_export.prepare_content(shared_vault, stored.client.id, None, TODAY)
    seen: list[bool] = []

    def refuse(*_args: object, **_kwargs: object) -> None:
        seen.append((tmp_path / "out.pdf").exists())  # the PDF was written first
        raise StorageFullError("The disk is full; nothing was changed.")

    monkeypatch.setattr(shared_vault, "record_event", refuse)
    with pytest.raises(StorageFullError):
        summary_export.export_summary_pdf(
            shared_vault,
            stored.client.id,
            content,
            DocumentKind.BOTH,
            PaperSize.A4,
            tmp_path / "out.pdf",
            timeline,
        )
    assert seen == [True]
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_or_a_folder_as_target_leaves_nothing(shared_vault, stored, tmp_path):
    content, timeline = summary_export.prepare_content(shared_vault, stored.client.id, None, TODAY)
    with pytest.raises(FileNotFoundError):
        summary_export.export_summary_pdf(
            shared_vault,
            stored.client.id,
            content,
            DocumentKind.LETTER,
            PaperSize.A4,
            tmp_path / "missing" / "out.pdf",
            timeline,
        )
    taken = tmp_path / "taken.pdf"
    taken.mkdir()
    with pytest.raises(OSError):  # noqa: PT011 - which OSError depends on the platform
        summary_export.export_summary_pdf(
            shared_vault, stored.client.id, content, DocumentKind.LETTER, PaperSize.A4, taken, None
        )
    assert [p.name for p in tmp_path.iterdir()] == ["taken.pdf"]
    assert list(taken.iterdir()) == []


def test_a_locked_vault_writes_nothing(tmp_path, make_vault):
    vault, _recovery = make_vault(tmp_path / "v")
    record = ended_record("Demo – Locked Out")
    store(vault, record)
    content, timeline = summary_export.prepare_content(vault, record.client.id, None, TODAY)
    vault.lock()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(VaultLockedError):
        summary_export.export_summary_pdf(
            vault,
            record.client.id,
            content,
            DocumentKind.LETTER,
            PaperSize.A4,
            out_dir / "x.pdf",
            timeline,
        )
    with pytest.raises(VaultLockedError):
        summary_export.record_summary_printed(vault, record.client.id, DocumentKind.LETTER)
    assert list(out_dir.iterdir()) == []


def test_the_pdf_never_names_the_client_in_its_metadata(shared_vault, stored, tmp_path):
    content, timeline = summary_export.prepare_content(shared_vault, stored.client.id, None, TODAY)
    out = tmp_path / "meta.pdf"
    summary_export.export_summary_pdf(
        shared_vault, stored.client.id, content, DocumentKind.BOTH, PaperSize.A4, out, timeline
    )
    metadata = PdfReader(io.BytesIO(out.read_bytes())).metadata or {}
    assert all("Summary Client" not in str(value) for value in metadata.values())
