"""Small pieces: sizes, local times and default names read plainly; the stage progress moves
forward only, says each stage's state in words, and reaches 100 only when finished."""

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.backup.backup_text import (
    breakable_path,
    default_backup_name,
    local_time_text,
    parse_utc,
    size_text,
    with_suffix,
)
from ui.backup.stage_progress import Stage, StageProgress, StageState


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 bytes"),
        (812, "812 bytes"),
        (1024, "1.0 KB"),
        (14540, "14.2 KB"),
        (3 * 1024**2 + 100_000, "3.1 MB"),
        (5 * 1024**4, "5.0 TB"),
        (-5, "0 bytes"),
    ],
)
def test_sizes(size: int, text: str) -> None:
    assert size_text(size) == text


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("", "—"),
        ("not a time", "not a time"),
        ("2025-03-04T14:05:09+00:00", dt.datetime(2025, 3, 4, 14, 5, 9, tzinfo=dt.UTC)),
        ("2025-03-04T14:05:09", dt.datetime(2025, 3, 4, 14, 5, 9, tzinfo=dt.UTC)),
    ],
)
def test_local_times(iso: str, expected: str | dt.datetime) -> None:
    if isinstance(expected, str):
        assert local_time_text(iso) == expected
        return
    assert parse_utc(iso) == expected
    local = expected.astimezone()
    text = local_time_text(iso, seconds=True)
    assert text.endswith(f"{local:%H:%M:%S}") and str(local.year) in text
    assert local_time_text(iso) == text[: -len(":SS")]


def test_default_names_hold_a_date_only() -> None:
    assert default_backup_name(dt.date(2025, 3, 4)) == "ipt-desktop-backup-2025-03-04.iptbackup"
    assert with_suffix(Path("/x/a")) == Path("/x/a.iptbackup")
    assert with_suffix(Path("/x/a.iptbackup")) == Path("/x/a.iptbackup")
    assert breakable_path(Path("/a/b")).replace("\u200b", "") == "/a/b"


def test_stage_progress_moves_forward_and_finishes(qtbot: QtBot) -> None:
    stages = (Stage("one", "First", 1), Stage("two", "Second", 3))
    progress = StageProgress(stages)
    qtbot.addWidget(progress)
    assert progress.value() == 0 and progress.stageState("one") is StageState.PENDING
    progress.setStage("one", 0.5)
    assert progress.value() == 12 and progress.stageState("one") is StageState.CURRENT
    progress.setStage("two", 0.5)
    assert progress.stageState("one") is StageState.DONE
    assert progress.value() == 62
    progress.setStage("two", 0.2)  # a second file tried from its start: no step back
    assert progress.value() == 62
    progress.setStage("two", 1.0)
    assert progress.value() == 99  # 100 is for finish()
    progress.finish()
    assert progress.value() == 100
    assert all(progress.stageState(s.key) is StageState.DONE for s in stages)
    progress.reset()
    progress.setStage("two")
    progress.stop()
    assert progress.stageState("two") is StageState.STOPPED
    assert progress.findChildren(type(progress.bar))[0].accessibleName() == "Progress"
    with pytest.raises(KeyError):
        progress.setStage("three")
