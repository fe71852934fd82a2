"""The help and labels define grief as a death; other losses are role transitions."""

from ipt_desktop.domain.enums import LifeEventKind, ProblemArea
from ui.workspace.formulation_tab import AREA_HELP
from ui.workspace.life_event_model import KIND_LABELS


def test_grief_help_and_labels_name_a_death() -> None:
    assert "death" in AREA_HELP[ProblemArea.GRIEF].lower()
    assert "role transitions" in AREA_HELP[ProblemArea.GRIEF]
    assert "loss" in AREA_HELP[ProblemArea.ROLE_TRANSITION].lower()
    assert KIND_LABELS[LifeEventKind.GRIEF] == "Death (grief)"
    assert "loss" not in KIND_LABELS[LifeEventKind.GRIEF].lower()
