"""The one recovery-key panel (first-run wizard and new-keys dialog): the key shown in two
lines and gone once cleared, the sheet saved as a .pdf or the failure said without a bug's
own text, and "kept" only when the checkbox says so."""

import errno
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ui.app.recovery_key_panel import (
    FIRST_KEY,
    NEW_KEY,
    SHEET_UNEXPECTED,
    KeyWords,
    RecoveryKeyPanel,
    display_key,
    sheet_failure_text,
)

KEY = "-".join(f"K{n:03d}" for n in range(14))
Done = Callable[[Path], None]
Failed = Callable[[str], None]


class FakeSaver:
    """Records the paths asked for; the test decides when and how the save ends."""

    def __init__(self) -> None:
        self.paths: list[Path] = []
        self.done: Done | None = None
        self.failed: Failed | None = None

    def __call__(self, path: Path, on_done: Done, on_failed: Failed) -> None:
        self.paths.append(path)
        self.done, self.failed = on_done, on_failed


def make_panel(qtbot: QtBot, words: KeyWords = FIRST_KEY) -> tuple[RecoveryKeyPanel, FakeSaver]:
    saver = FakeSaver()
    panel = RecoveryKeyPanel(words, saver, QLabel("what the key is for"))
    qtbot.addWidget(panel)
    return panel, saver


def test_the_key_is_shown_in_two_lines_of_seven_groups_and_cleared(qtbot: QtBot) -> None:
    panel, _saver = make_panel(qtbot)
    panel.show()
    panel.showKey(KEY)
    lines = panel.keyLabel.text().splitlines()
    assert [len(line.split()) for line in lines] == [7, 7]
    assert " ".join(lines).split() == KEY.split("-")
    height = panel.keyLabel.height()
    panel.clearKey()
    assert panel.keyLabel.text() == ""
    qtbot.wait(10)
    assert panel.keyLabel.height() == height  # the box does not jump when the key goes


def test_display_key_groups_a_spaced_key_alike() -> None:
    assert display_key(KEY.replace("-", " ")) == display_key(KEY)


def test_the_sheet_is_saved_as_pdf_and_the_place_is_said(qtbot: QtBot, tmp_path: Path) -> None:
    panel, saver = make_panel(qtbot)
    panel.saveSheetTo(tmp_path / "sheet")
    assert saver.paths == [tmp_path / "sheet.pdf"]
    assert not panel.saveSheet.isEnabled()  # one save at a time
    assert saver.done is not None
    saver.done(saver.paths[0])
    assert panel.saveSheet.isEnabled()
    assert str(tmp_path / "sheet.pdf") in panel.sheetMessage.text()
    assert "anyone who has it can open your vault" in panel.sheetMessage.text()
    panel.saveSheetTo(tmp_path / "Sheet.PDF")
    assert saver.paths[-1] == tmp_path / "Sheet.PDF"


def test_a_failed_save_says_so_and_the_button_comes_back(qtbot: QtBot, tmp_path: Path) -> None:
    panel, saver = make_panel(qtbot)
    panel.saveSheetTo(tmp_path / "sheet.pdf")
    assert saver.failed is not None
    saver.failed(sheet_failure_text(OSError(errno.EACCES, "Permission denied")))
    assert panel.saveSheet.isEnabled()
    assert panel.sheetMessage.text().startswith("The sheet was not saved.")
    assert "Permission denied" in panel.sheetMessage.text()


def test_a_bug_while_saving_never_shows_its_own_text() -> None:
    text = sheet_failure_text(RuntimeError("Demo Client Name in a bug"))
    assert "Demo Client Name" not in text
    assert text == f"The sheet was not saved. {SHEET_UNEXPECTED}"


def test_kept_only_when_ticked(qtbot: QtBot) -> None:
    panel, _saver = make_panel(qtbot)
    assert not panel.isKept()
    panel.written.setChecked(True)
    assert panel.isKept()


@pytest.mark.parametrize("words", [FIRST_KEY, NEW_KEY])
def test_the_words_name_the_key_and_the_sheet(qtbot: QtBot, words: KeyWords) -> None:
    panel, _saver = make_panel(qtbot, words)
    assert panel.keyLabel.accessibleName() == words.key
    assert words.sheet in panel.saveSheet.text()
    assert panel.written.text() == words.kept
    assert "&" not in panel.written.accessibleName()
