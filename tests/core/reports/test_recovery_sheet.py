"""The printable recovery sheet: the key, what it is for, where to keep it, no client data."""

import datetime as dt
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from ipt_desktop.domain.graduation import PaperSize
from ipt_desktop.reports import render_recovery_sheet
from ipt_desktop.reports.recovery_sheet import _key_lines
from ipt_desktop.reports.styles import make_styles
from tests.helpers.pdf_reading import PAGE_POINTS, all_text, assert_within_margins, fonts_used

KEY = "K7QF-2M9X-PLR4-8ZDW-Q3NB-YT6H-J5CE-VA2S-G4KU-9XMP-RW7D-E3LT-HN5B-C2QZ"
VAULT_ID = "3f1c9a2e-5b7d-4e21-9c0a-7d3e2b1f6a45"


@pytest.mark.parametrize("paper", list(PaperSize))
def test_sheet_holds_key_purpose_and_warning(tmp_path: Path, paper: PaperSize) -> None:
    out = tmp_path / "sheet.pdf"
    render_recovery_sheet(KEY, VAULT_ID, dt.date(2025, 5, 2), paper, out)
    assert len(PdfReader(out).pages) == 1
    text = all_text(out)
    assert KEY in "".join(text.split())  # every character, in order, whatever the wrapping
    assert VAULT_ID in text
    assert "2 May 2025" in text
    assert "nobody can recover the records" in text
    assert "Without your passphrase and without this key" in text
    assert "locked" in text and "Never keep it with the laptop" in text
    assert "This sheet holds no client information." in text
    assert any("Mono" in name for name in fonts_used(out))
    assert_within_margins(out, *PAGE_POINTS[paper])


def test_key_lines_balance_groups_and_never_split_one() -> None:
    styles = make_styles()
    font = styles.key.fontName
    lines = _key_lines(KEY, font, 19, 400)
    assert "".join(lines) == KEY
    groups = [len(line.rstrip("-").split("-")) for line in lines]
    assert max(groups) - min(groups) <= 1
    assert _key_lines(KEY, font, 19, 10_000) == [KEY]
    spaced = "ABCD EFGH IJKL MNOP"
    assert " ".join(_key_lines(spaced, font, 19, 120)) == spaced


def test_failure_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise OSError("simulated")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="simulated"):
        render_recovery_sheet(KEY, VAULT_ID, dt.date(2025, 5, 2), PaperSize.A4, tmp_path / "s.pdf")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []
