"""Export safety: literal text, any script, atomic writes, no stray temp files, passwords."""

import dataclasses
import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from ipt_desktop.domain.graduation import (
    DocumentKind,
    GraduationContent,
    PaperSize,
    default_content,
    select,
)
from ipt_desktop.domain.timeline import Timeline, build_timeline
from ipt_desktop.reports import chart_section, render_pdf
from ipt_desktop.reports.markup import paragraphs, plain
from tests.helpers import records
from tests.helpers.pdf_reading import all_text, page_texts

MARKUP_ITEMS = (
    "Said <b>no</b> to extra shifts & kept to it",
    "Wrote 3 < 5 and 7 > 2 on the fridge",
    "Used &amp; and &lt; literally",
    "Quoted \"<i>enough</i>\" and '<font color=red>x</font>'",
    "<para>not a paragraph</para> <br/>",
)


def prepared() -> tuple[GraduationContent, Timeline]:
    record = records.responder_record()
    content = default_content(record, records.episode_id(record), records.PRACTICE, records.TODAY)
    return content, build_timeline(record, records.TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("a & b", "a &amp; b"),
        ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
        ("&amp;", "&amp;amp;"),
        ("one\ntwo", "one<br/>two"),
        ("one\r\ntwo\rthree", "one<br/>two<br/>three"),
        ("tab\there", "tab    here"),
        ("bell\x07 and\x1b escape", "bell and escape"),
        ("Ελένη & Наталья", "Ελένη &amp; Наталья"),
    ],
)
def test_plain_escapes_markup(text: str, expected: str) -> None:
    assert plain(text) == expected


def test_paragraphs_split_at_blank_lines() -> None:
    assert paragraphs("first\nline\n\n\nsecond & last\n") == ["first<br/>line", "second &amp; last"]
    assert paragraphs("  \n\n") == []


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_markup_characters_print_literally(tmp_path: Path, kind: DocumentKind) -> None:
    content, timeline = prepared()
    content = select(content, achievements=MARKUP_ITEMS, skills=["<u>underline</u> & more"])
    content = dataclasses.replace(
        content,
        closing_words="Keep <b>going</b> & be kind to yourself.\nSee you <soon>.",
        what_to_do="Call & ask for <Dr Ellison>.",
        client_name="Ana <Test> & Co",
        salutation="Dear Ana <Test> & Co,",
    )
    out = tmp_path / "markup.pdf"
    render_pdf(content, kind, PaperSize.A4, out, timeline)
    text = all_text(out)
    for item in MARKUP_ITEMS:
        assert " ".join(item.split()) in text
    assert "<u>underline</u> & more" in text
    assert "Call & ask for <Dr Ellison>." in text
    assert "Ana <Test> & Co" in text
    if kind is not DocumentKind.CLINICAL:
        assert "Keep <b>going</b> & be kind to yourself." in text
        assert "See you <soon>." in text


@pytest.mark.parametrize(
    "name",
    [
        "山田 花子",  # CJK: not in DejaVu, drawn as missing glyphs
        "Emoji Test 😀🌱",
        "مريم الخطيب",  # Arabic, right to left
        "נועה לוי",  # Hebrew, right to left
        "Zoë Ἀθηνᾶ Ёлкина",
        "Combining e\u0301 and zero\u200bwidth",
    ],
)
def test_any_script_renders_without_error(tmp_path: Path, name: str) -> None:
    content, timeline = prepared()
    content = dataclasses.replace(content, client_name=name, salutation=f"Dear {name},")
    content = select(content, achievements=[f"{name} finished the course 🎉"])
    out = tmp_path / "scripts.pdf"
    render_pdf(content, DocumentKind.BOTH, PaperSize.LETTER, out, timeline)
    assert len(PdfReader(out).pages) >= 2


def test_success_leaves_only_the_pdf(tmp_path: Path) -> None:
    content, timeline = prepared()
    out = tmp_path / "letter.pdf"
    render_pdf(content, DocumentKind.LETTER, PaperSize.A4, out, timeline)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.pdf"]
    assert out.read_bytes().startswith(b"%PDF-")
    # Writing again replaces the file in place, still leaving nothing else.
    render_pdf(content, DocumentKind.CLINICAL, PaperSize.A4, out, timeline)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.pdf"]
    assert "Clinical termination summary" in all_text(out)


def test_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    content, timeline = prepared()
    with pytest.raises(FileNotFoundError):
        render_pdf(content, DocumentKind.LETTER, PaperSize.A4, tmp_path / "no" / "x.pdf", timeline)
    assert list(tmp_path.iterdir()) == []


def test_target_that_is_a_folder_fails_and_leaves_no_temp_file(tmp_path: Path) -> None:
    content, timeline = prepared()
    (tmp_path / "taken.pdf").mkdir()
    with pytest.raises(OSError):  # noqa: PT011 - which OSError depends on the platform
        render_pdf(content, DocumentKind.LETTER, PaperSize.A4, tmp_path / "taken.pdf", timeline)
    assert [p.name for p in tmp_path.iterdir()] == ["taken.pdf"]


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_failure_while_writing_removes_the_temp_file_and_keeps_the_old_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    content, timeline = prepared()
    out = tmp_path / "letter.pdf"
    out.write_bytes(b"%PDF- the previous export")

    def broken(*_args: object) -> None:
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(os, step, broken)
    with pytest.raises(OSError, match="simulated"):
        render_pdf(content, DocumentKind.LETTER, PaperSize.A4, out, timeline)
    monkeypatch.undo()
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]
    assert out.read_bytes() == b"%PDF- the previous export"


def test_failure_mid_build_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content, timeline = prepared()

    def broken(_self: object) -> None:
        raise RuntimeError("drawing failed (simulated)")

    monkeypatch.setattr(chart_section.ChartSection, "draw", broken)
    with pytest.raises(RuntimeError, match="simulated"):
        render_pdf(content, DocumentKind.BOTH, PaperSize.A4, tmp_path / "x.pdf", timeline)
    assert list(tmp_path.iterdir()) == []


def test_interrupt_during_write_removes_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content, timeline = prepared()
    real_fsync = os.fsync

    def interrupted(fd: int) -> None:
        real_fsync(fd)
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        render_pdf(content, DocumentKind.LETTER, PaperSize.A4, tmp_path / "x.pdf", timeline)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_password_protects_the_pdf(tmp_path: Path) -> None:
    content, timeline = prepared()
    out = tmp_path / "protected.pdf"
    render_pdf(content, DocumentKind.LETTER, PaperSize.A4, out, timeline, password="h0rse-Battery")
    raw = out.read_bytes()
    assert b"/Encrypt" in raw
    reader = PdfReader(out)
    assert reader.is_encrypted
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    assert not PdfReader(out).decrypt("wrong password")
    assert records.LATIN_NAME in page_texts(out, password="h0rse-Battery")[0]
    # AES-256 (security handler revision 6), not RC4: V 5 / R 6 in the encryption dictionary.
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)


def test_empty_password_is_refused(tmp_path: Path) -> None:
    content, timeline = prepared()
    with pytest.raises(ValueError, match="password"):
        render_pdf(content, DocumentKind.LETTER, PaperSize.A4, tmp_path / "x.pdf", timeline, "")
    assert list(tmp_path.iterdir()) == []
