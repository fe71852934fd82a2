"""Formulation and goals: one or two focal areas (a third is refused), the dispute stage only
with a role dispute, the acceptance date, the goals list."""

from PySide6.QtTest import QTest

from ipt_desktop.domain.enums import DisputeStage, ProblemArea
from ipt_desktop.services import clients
from ipt_desktop.vault.vault import Vault
from tests.helpers.workspace import Fixture
from ui.workspace.client_workspace import ClientWorkspace
from ui.workspace.formulation_tab import THIRD_AREA


def test_a_third_focal_area_is_refused(workspace: ClientWorkspace, fern: Fixture) -> None:
    workspace.showClient(fern.client_id)
    tab = workspace.formulation
    tab.areas[ProblemArea.GRIEF].click()
    assert tab.areas[ProblemArea.GRIEF].isChecked()
    tab.areas[ProblemArea.INTERPERSONAL_DEFICITS].click()
    assert not tab.areas[ProblemArea.INTERPERSONAL_DEFICITS].isChecked()
    assert tab.area_message.isVisibleTo(tab)
    assert tab.area_message.message() == THIRD_AREA
    checked = [area for area, box in tab.areas.items() if box.isChecked()]
    assert checked == [ProblemArea.GRIEF, ProblemArea.ROLE_TRANSITION]


def test_dispute_stage_only_with_a_role_dispute(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    workspace.showClient(fern.client_id)
    tab = workspace.formulation
    assert not tab.stage.isEnabled()
    tab.areas[ProblemArea.ROLE_TRANSITION].click()  # untick
    tab.areas[ProblemArea.ROLE_DISPUTE].click()
    assert tab.stage.isEnabled()
    tab.stage.setCurrentIndex(tab.stage.findData(DisputeStage.IMPASSE.value))
    tab.stage.activated.emit(tab.stage.currentIndex())
    assert tab.saveChanges()
    episode = clients.read_record(vault, fern.client_id).episodes[0]
    assert episode.formulation.problem_areas == (ProblemArea.ROLE_DISPUTE,)
    assert episode.formulation.dispute_stage is DisputeStage.IMPASSE
    tab.areas[ProblemArea.ROLE_DISPUTE].click()  # no dispute: no stage
    assert not tab.stage.isEnabled()
    assert tab.stage.currentData() == ""


def test_goals_and_acceptance_are_saved(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    workspace.showClient(fern.client_id)
    tab = workspace.formulation
    QTest.keyClicks(tab.goals.input, "Fictional goal: join a walking group")
    tab.goals.addPending()
    QTest.keyClicks(tab.goals.input, "Fictional goal typed, never added")
    tab._accept_today.click()
    assert tab.accepted.text() == "2025-03-31"
    workspace.setCurrentTab("formulation")
    workspace.saveCurrent()
    episode = clients.read_record(vault, fern.client_id).episodes[0]
    assert episode.goals == (
        "Make one new friend at work",
        "Fictional goal: join a walking group",
        "Fictional goal typed, never added",
    )
    assert str(episode.formulation.accepted_on) == "2025-03-31"
    assert not tab.isDirty()


def test_an_impossible_acceptance_date_is_refused(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    workspace.showClient(fern.client_id)
    tab = workspace.formulation
    QTest.keyClicks(tab.accepted.lineEdit(), "2025-04-31")
    assert tab.saveChanges() is False
    assert "not a real calendar date" in tab.problem.message()
    assert "YYYY-MM-DD" in tab.accepted.errorText()
    assert clients.read_record(vault, fern.client_id).episodes[0].formulation.accepted_on is None


def test_history_medication_referral_and_goals_met_are_saved(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    workspace.showClient(fern.client_id)
    history = workspace.formulation.history
    assert not history.recurrence.isVisibleTo(history)  # acute contract: no recurrence field
    history.recurrent.setCurrentIndex(2)
    history.recurrent.activated.emit(2)
    history.onset.setText("2024-10-01")
    QTest.keyClicks(history.medication, "Fictional tablet 50 mg")
    QTest.keyClicks(history.prescriber, "Fictional GP")
    QTest.keyClicks(history.referrer, "Fictional surgery")
    history.missed.setValue(2)
    assert [b.text() for b in history._goal_boxes] == ["Make one new friend at work"]
    history._goal_boxes[0].click()
    workspace.setCurrentTab("formulation")
    workspace.saveCurrent()
    episode = clients.read_record(vault, fern.client_id).episodes[0]
    assert episode.recurrent is True and str(episode.onset) == "2024-10-01"
    assert (episode.medication, episode.prescriber, episode.referrer) == (
        "Fictional tablet 50 mg",
        "Fictional GP",
        "Fictional surgery",
    )
    assert episode.sessions_missed == 2
    assert episode.goals_met == ("Make one new friend at work",)
    # A goal added later appears unticked; the met one stays ticked.
    tab = workspace.formulation
    QTest.keyClicks(tab.goals.input, "Fictional second goal")
    tab.goals.addPending()
    assert [(b.text(), b.isChecked()) for b in history._goal_boxes] == [
        ("Make one new friend at work", True),
        ("Fictional second goal", False),
    ]
