"""Formulation and goals: one or two focal areas (a third is refused), the dispute stage only
with a role dispute, the acceptance date, the goals list."""

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from ipt_desktop.domain.enums import DisputeStage, ProblemArea
from ipt_desktop.domain.goals import GoalReview, GoalStatus
from ipt_desktop.services import clients
from ipt_desktop.vault.vault import Vault
from tests.helpers.workspace import Fixture
from ui.workspace.client_workspace import ClientWorkspace
from ui.workspace.formulation_tab import THIRD_AREA
from ui.workspace.goal_review_list import GoalRow


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
    assert [r.goal for r in history.goals.rows()] == ["Make one new friend at work"]
    row = history.goals.row("Make one new friend at work")
    pick(row.status, GoalStatus.MET.value)
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
    # A goal added later appears unreviewed; the met one keeps its review.
    tab = workspace.formulation
    QTest.keyClicks(tab.goals.input, "Fictional second goal")
    tab.goals.addPending()
    assert [(r.goal, r.review().status) for r in history.goals.rows()] == [
        ("Make one new friend at work", GoalStatus.MET),
        ("Fictional second goal", None),
    ]


def pick(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_goals_tied_to_a_focal_area_and_reviewed_are_saved_and_reopened(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    workspace.showClient(fern.client_id)
    history = workspace.formulation.history
    history.earlier.setValue(2)
    row = history.goals.row("Make one new friend at work")
    pick(row.area, ProblemArea.ROLE_TRANSITION.value)
    pick(row.status, GoalStatus.PARTLY_MET.value)
    QTest.keyClicks(row.evidence, "Lunch with a colleague twice")
    workspace.setCurrentTab("formulation")
    workspace.saveCurrent()
    episode = clients.read_record(vault, fern.client_id).episodes[0]
    assert episode.goal_reviews == (
        GoalReview(
            "Make one new friend at work",
            area=ProblemArea.ROLE_TRANSITION,
            status=GoalStatus.PARTLY_MET,
            evidence="Lunch with a colleague twice",
        ),
    )
    assert episode.goals_met == ()  # partly met is not met
    assert episode.earlier_episodes == 2
    # Reopened from the vault, the row shows the review.
    workspace.showClient(None)
    workspace.showClient(fern.client_id)
    row = workspace.formulation.history.goals.row("Make one new friend at work")
    assert row.area.currentData() == ProblemArea.ROLE_TRANSITION.value
    assert row.status.currentText() == "Partly met"
    assert row.evidence.text() == "Lunch with a colleague twice"
    assert workspace.formulation.history.earlier.value() == 2
    # Reopening replaced the rows: one visible row per goal, never the old ones as well.
    history = workspace.formulation.history
    shown = [r for r in history.goals.findChildren(GoalRow) if r.isVisibleTo(history)]
    assert [r.goal for r in shown] == ["Make one new friend at work"]


def test_goal_reviews_survive_a_draft(workspace: ClientWorkspace, fern: Fixture) -> None:
    workspace.showClient(fern.client_id)
    history = workspace.formulation.history
    row = history.goals.row("Make one new friend at work")
    pick(row.status, GoalStatus.NOT_MET.value)
    QTest.keyClicks(row.evidence, "Too anxious to start")
    fields = history.draftFields()
    history.fill(None)
    history.applyFields(fields, ("Make one new friend at work",))
    (review,) = history.goals.reviews()
    assert (review.status, review.evidence) == (GoalStatus.NOT_MET, "Too anxious to start")


def test_worksheets_follow_the_focal_areas_and_are_saved_and_reopened(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    workspace.showClient(fern.client_id)
    tab = workspace.formulation
    panel = tab.worksheets
    # Fern's focal area is role transition: only its worksheet is shown.
    assert panel.group(ProblemArea.ROLE_TRANSITION).isVisibleTo(panel)
    assert not panel.group(ProblemArea.GRIEF).isVisibleTo(panel)
    QTest.keyClicks(panel.field(ProblemArea.ROLE_TRANSITION, "old_good"), "Fictional old team")
    tab.areas[ProblemArea.GRIEF].click()  # a second focal area brings its worksheet
    assert panel.group(ProblemArea.GRIEF).isVisibleTo(panel)
    QTest.keyClicks(panel.field(ProblemArea.GRIEF, "what_was_lost"), "Fictional Sunday calls")
    workspace.setCurrentTab("formulation")
    workspace.saveCurrent()
    episode = clients.read_record(vault, fern.client_id).episodes[0]
    sheets = {w.area: w for w in episode.worksheets}
    assert sheets[ProblemArea.ROLE_TRANSITION].answer("old_good") == "Fictional old team"
    assert sheets[ProblemArea.GRIEF].answer("what_was_lost") == "Fictional Sunday calls"
    # Reopened later (another session of work): the text is there to edit further.
    workspace.showClient(None)
    workspace.showClient(fern.client_id)
    field = workspace.formulation.worksheets.field(ProblemArea.GRIEF, "what_was_lost")
    assert field.text() == "Fictional Sunday calls"
    # Unticking the area never hides a worksheet that holds text.
    workspace.formulation.areas[ProblemArea.GRIEF].click()
    grief = workspace.formulation.worksheets.group(ProblemArea.GRIEF)
    assert grief.isVisibleTo(workspace.formulation.worksheets)


def test_worksheet_text_survives_a_draft(workspace: ClientWorkspace, fern: Fixture) -> None:
    workspace.showClient(fern.client_id)
    panel = workspace.formulation.worksheets
    QTest.keyClicks(panel.field(ProblemArea.ROLE_TRANSITION, "new_hard"), "Fictional new boss")
    fields = workspace.formulation.draftFields()
    panel.setWorksheets(())
    panel.applyFields(fields)
    assert panel.field(ProblemArea.ROLE_TRANSITION, "new_hard").text() == "Fictional new boss"
