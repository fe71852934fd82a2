"""Issue 13, item 7: the wizard shows no passphrase it would accept, and the strength
meter's fill and colour agree with the verdict."""

import random
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.crypto.passphrase_policy import ADVICE, assess
from ui.app.first_run_wizard import FirstRunWizard
from ui.common.app_settings import AppSettings
from ui.common.palette import OKABE_ITO
from ui.common.passphrase_widgets import StrengthMeter
from ui.common.task_runner import TaskRunner

QUOTED = re.compile(r"[“\"']([^”\"']{6,})[”\"']")


@pytest.mark.parametrize(
    "text",
    [
        "short",
        "password1234",
        "qwertyuiopasdf",
        "aaaaaaaaaaaaaaaa",
        "lantern quarry velvet thimble",
        "ochre gannet tundra whisk pivot",
    ],
)
def test_meter_fill_and_colour_agree_with_the_verdict(qtbot: QtBot, text: str) -> None:
    edit = QLineEdit()
    meter = StrengthMeter(edit)
    qtbot.addWidget(edit)
    qtbot.addWidget(meter)
    edit.setText(text)
    verdict = meter.verdict()
    assert verdict is not None
    colour = meter._bar._colour
    if verdict.acceptable:
        assert meter.filledSegments() >= 4
        assert colour != QColor(OKABE_ITO["vermillion"])
        assert not meter.messageText().startswith("Not accepted")
    else:
        assert meter.filledSegments() == 1
        assert colour == QColor(OKABE_ITO["vermillion"])
        assert meter.messageText().startswith("Not accepted")


def test_the_advice_and_the_wizard_show_no_acceptable_passphrase(
    qtbot: QtBot, tmp_path: Path
) -> None:
    assert not QUOTED.search(ADVICE)
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    wizard = FirstRunWizard(
        tmp_path / "v", TaskRunner(), settings, kdf=floor_params, rng=random.Random(1)
    )
    qtbot.addWidget(wizard)
    texts = [label.text() for label in wizard.findChildren(QLabel)]
    texts += [edit.placeholderText() for edit in wizard.findChildren(QLineEdit)]
    shown = [m.group(1) for text in texts for m in QUOTED.finditer(text)]
    accepted = [example for example in shown if assess(example).acceptable]
    assert accepted == []
