"""Termination (graduation) and the overview: IPT prompts, the summary request, progress,
outcomes, and the empty states."""

from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ipt_desktop.domain.enums import PlanAfterEnding
from ipt_desktop.domain.model import Client
from ipt_desktop.domain.outcomes import Measure
from ipt_desktop.services import clients
from ipt_desktop.vault.vault import Vault
from tests.helpers.workspace import START, Fixture, write_client
from ui.workspace.client_workspace import ClientWorkspace
from ui.workspace.termination_tab import IPT_PROMPTS


def test_termination_prompts_and_the_graduation_request(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    workspace.showClient(fern.client_id)
    tab = workspace.termination
    prompt = tab.lists["achievements"].input.placeholderText()
    assert prompt == "What has the client achieved? Why do they feel better?"
    assert any("the therapy, not the client, fell short" in p for p in IPT_PROMPTS)
    QTest.keyClicks(tab.lists["achievements"].input, "Fictional: back at work")
    QTest.keyClicks(tab.what_to_do, "Fictional: call the practice")
    tab.plan_kind.setCurrentIndex(tab.plan_kind.findData(PlanAfterEnding.BOOSTER_SESSIONS.value))
    tab.plan_kind.activated.emit(tab.plan_kind.currentIndex())
    with qtbot.waitSignal(workspace.graduationRequested) as signal:
        tab.graduation.click()
    assert signal.args == [fern.client_id, fern.episode_id]
    termination = clients.read_record(vault, fern.client_id).episodes[0].termination
    assert termination.achievements == ("Fictional: back at work",)
    assert termination.what_to_do == "Fictional: call the practice"
    assert termination.plan_kind is PlanAfterEnding.BOOSTER_SESSIONS


def test_overview_shows_progress_areas_and_outcomes(
    workspace: ClientWorkspace, fern: Fixture
) -> None:
    workspace.showClient(fern.client_id)
    overview = workspace.overview
    assert overview._progress_label.text() == "Session 3 of 12"
    assert overview._areas.text() == "Role transition"
    assert overview.measures.latestText(Measure.PHQ9) == "14 · Moderate"
    # Session 3 of 12: progress only, never a verdict word.
    assert overview.measures.outcomeText(Measure.PHQ9) == "In progress: improved (5+ points)"
    assert overview.timeline.timeline() is not None


def test_timeline_click_opens_the_session(workspace: ClientWorkspace, fern: Fixture) -> None:
    workspace.showClient(fern.client_id)
    workspace.overview.timeline.sessionActivated.emit(fern.session_ids[0])
    assert workspace.currentTab() == "sessions"
    assert workspace.sessions.editor.sessionId() == fern.session_ids[0]


def test_a_client_without_a_contract_can_agree_one(
    workspace: ClientWorkspace, vault: Vault
) -> None:
    client = Client(name="Fictional New Client")
    clients.create_client(vault, client)
    workspace.showClient(client.id)
    assert not workspace.sessions._new.isEnabled()
    workspace.newSession()  # nothing to attach a session to: nothing happens
    assert clients.read_record(vault, client.id).sessions == ()
    overview = workspace.overview
    overview._edit.click()
    editor = overview.contract_editor
    editor.planned.setValue(14)
    assert editor.save() is True
    episode = clients.read_record(vault, client.id).episodes[0]
    assert (episode.planned_sessions, str(episode.start_date)) == (14, "2025-03-31")
    workspace.newSession()
    assert workspace.sessions.editor.header.title() == "Session 1 of 14"


def test_empty_state_and_clear_sensitive(workspace: ClientWorkspace, fern: Fixture) -> None:
    workspace.showClient(None)
    assert workspace.currentClientId() is None
    workspace.showClient(fern.client_id)
    workspace.openSession(fern.session_ids[0])
    assert workspace.sessions.editor.form.texts["since_last_met"].text() == "Fictional week 1."
    workspace.clearSensitive()
    assert workspace.sessions.editor.form.texts["since_last_met"].text() == ""
    assert workspace._name.text() == ""
    assert workspace.sessions.model.rowCount() == 0
    assert workspace.inventory.model.rowCount() == 0
    assert workspace.overview.timeline.timeline() is None
    assert workspace.formulation.text.text() == ""


def test_current_tab_round_trips(workspace: ClientWorkspace, fern: Fixture) -> None:
    workspace.showClient(fern.client_id)
    for name in ("inventory", "life_events", "termination", "overview"):
        workspace.setCurrentTab(name)
        assert workspace.currentTab() == name


def test_no_reminder_about_alternatives_mid_course(
    workspace: ClientWorkspace, fern: Fixture
) -> None:
    workspace.showClient(fern.client_id)  # PHQ-9 19 -> 14 at session 3 of 12: no verdict
    assert not workspace.termination.outcome.isVisibleTo(workspace.termination)
    assert workspace.overview._ending.text() == ""


def test_no_response_at_the_end_brings_ipt_s_reminder_about_alternatives(
    workspace: ClientWorkspace, vault: Vault
) -> None:
    ended = write_client(vault, name="Fictional Three Sessions", planned=3)
    workspace.showClient(ended.client_id)  # 19 -> 14 (26% below) with the contract used up
    banner = workspace.termination.outcome
    assert banner.isVisibleTo(workspace.termination)
    assert banner.title() == "Partial response at the end of this course (PHQ-9 19 → 14)"
    assert "the therapy, not the client, fell short" in banner.message()


def test_ending_text_follows_the_contract() -> None:
    from ipt_desktop.domain.contract import progress
    from ipt_desktop.domain.model import Episode
    from ui.workspace.overview_tab import ending_text

    episode = Episode(Client(name="Fictional").id, START, planned_sessions=12)
    cases = {
        8: "",
        9: "3 sessions remain: bring up the ending.",
        11: "1 session remains: bring up the ending.",
        12: "All 12 planned sessions are held: agree the plan after ending.",
        13: "Beyond the contract: agree a new contract or bring therapy to an end.",
    }
    for number, expected in cases.items():
        assert ending_text(progress(episode, number)) == expected
