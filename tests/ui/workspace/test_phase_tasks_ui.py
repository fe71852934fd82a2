"""The IPT task checklist in the session editor and the tasks card on the overview (issue 19):
ticks are saved with the session and read back from the vault; the checklist follows the
session's phase; due prompts appear and clear at the sessions the rules say."""

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from ipt_desktop.domain.enums import Phase, ProblemArea
from ipt_desktop.domain.model import Client, Episode, Formulation, Session
from ipt_desktop.domain.phase_tasks import TASKS_BY_PHASE, PhaseTask, SessionTasks, Strategy
from ipt_desktop.domain.timeline import build_timeline
from ipt_desktop.services import clients, episodes, sessions
from ipt_desktop.vault.vault import Vault
from tests.helpers.workspace import START, Fixture
from ui.workspace.client_workspace import ClientWorkspace
from ui.workspace.phase_task_checklist import PhaseTaskChecklist


def shown(checklist: PhaseTaskChecklist, box: QCheckBox) -> bool:
    return box.isVisibleTo(checklist)


def write_course(
    vault: Vault, held: int, *, planned: int = 16, accepted_at: int | None = None
) -> tuple[str, str, list[str]]:
    """An acute course with ``held`` weekly sessions and nothing ticked."""
    client = Client(name="Fictional Task Client")
    clients.create_client(vault, client)
    accepted = None if accepted_at is None else START + dt.timedelta(weeks=accepted_at - 1)
    episode = Episode(
        client.id,
        START,
        planned_sessions=planned,
        formulation=Formulation((ProblemArea.GRIEF,), accepted_on=accepted),
    )
    episodes.save_episode(vault, episode)
    ids = []
    for week in range(held):
        session = Session(episode.id, client.id, START + dt.timedelta(weeks=week))
        sessions.save_session(vault, session)
        ids.append(session.id)
    return client.id, episode.id, ids


def stored_tasks(vault: Vault, client_id: str, session_id: str) -> SessionTasks:
    record = clients.read_record(vault, client_id)
    return next(s for s in record.sessions if s.id == session_id).tasks


def test_ticking_initial_tasks_saves_them_with_the_session(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault, qtbot: QtBot
) -> None:
    workspace.showClient(fern.client_id)
    workspace.openSession(fern.session_ids[0])
    editor = workspace.sessions.editor
    checklist = editor.form.tasks
    assert checklist.phase() is Phase.INITIAL
    assert "Initial phase" in checklist.title.text()
    for task in TASKS_BY_PHASE[Phase.INITIAL]:
        assert shown(checklist, checklist.box(task))
    assert not shown(checklist, checklist.box(PhaseTask.ENDING_RAISED))
    # The formulation's acceptance is shown; it is not part of the note's ticks.
    assert not checklist.box(PhaseTask.FORMULATION_ACCEPTED).isChecked()
    qtbot.mouseClick(checklist.box(PhaseTask.SICK_ROLE), Qt.MouseButton.LeftButton)
    checklist.box(PhaseTask.INVENTORY).setChecked(True)
    assert editor.isDirty()
    assert editor.saveChanges()
    assert stored_tasks(vault, fern.client_id, fern.session_ids[0]).done == {
        PhaseTask.SICK_ROLE,
        PhaseTask.INVENTORY,
    }
    # Reopened, the ticks come back from the vault.
    workspace.openSession(fern.session_ids[1])
    assert not checklist.box(PhaseTask.SICK_ROLE).isChecked()
    workspace.openSession(fern.session_ids[0])
    assert checklist.box(PhaseTask.SICK_ROLE).isChecked()
    assert checklist.box(PhaseTask.INVENTORY).isChecked()
    assert not checklist.box(PhaseTask.PSYCHOEDUCATION).isChecked()


def test_middle_phase_offers_the_focal_area_and_its_strategies(
    workspace: ClientWorkspace, vault: Vault
) -> None:
    client_id, _episode_id, ids = write_course(vault, 3, accepted_at=2)
    workspace.showClient(client_id)
    workspace.openSession(ids[2])
    editor = workspace.sessions.editor
    checklist = editor.form.tasks
    assert checklist.phase() is Phase.MIDDLE
    assert shown(checklist, checklist.box(PhaseTask.MOOD_LINKED))
    assert not shown(checklist, checklist.box(PhaseTask.SICK_ROLE))
    # Only the episode's focal area is offered; its strategies appear once it is ticked.
    assert shown(checklist, checklist.areaBox(ProblemArea.GRIEF))
    assert not shown(checklist, checklist.areaBox(ProblemArea.ROLE_DISPUTE))
    assert not shown(checklist, checklist.strategyBox(Strategy.GRIEF_RECONSTRUCT))
    checklist.areaBox(ProblemArea.GRIEF).setChecked(True)
    assert shown(checklist, checklist.strategyBox(Strategy.GRIEF_RECONSTRUCT))
    assert not shown(checklist, checklist.strategyBox(Strategy.DISPUTE_PLAN))
    checklist.strategyBox(Strategy.GRIEF_RECONSTRUCT).setChecked(True)
    checklist.box(PhaseTask.MOOD_LINKED).setChecked(True)
    assert editor.saveChanges()
    saved = stored_tasks(vault, client_id, ids[2])
    assert saved.focal_areas == (ProblemArea.GRIEF,)
    assert saved.strategies == (Strategy.GRIEF_RECONSTRUCT,)
    # Unticking the area unticks its strategies: a strategy never outlives its area.
    checklist.areaBox(ProblemArea.GRIEF).setChecked(False)
    assert not checklist.strategyBox(Strategy.GRIEF_RECONSTRUCT).isChecked()
    assert checklist.value().strategies == ()


def test_a_tick_from_another_phase_stays_visible_when_the_phase_changes(
    workspace: ClientWorkspace, fern: Fixture
) -> None:
    workspace.showClient(fern.client_id)
    workspace.openSession(fern.session_ids[0])
    form = workspace.sessions.editor.form
    form.tasks.box(PhaseTask.SICK_ROLE).setChecked(True)
    index = form.phase_combo.findData(Phase.TERMINATION.value)
    form.phase_combo.setCurrentIndex(index)
    form.phase_combo.activated.emit(index)
    assert form.tasks.phase() is Phase.TERMINATION
    sick_role = form.tasks.box(PhaseTask.SICK_ROLE)
    assert shown(form.tasks, sick_role) and sick_role.isChecked()
    assert "(initial)" in sick_role.text()
    assert not shown(form.tasks, form.tasks.box(PhaseTask.PSYCHOEDUCATION))


def test_a_signed_session_shows_its_ticks_read_only(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    record = clients.read_record(vault, fern.client_id)
    first = next(s for s in record.sessions if s.id == fern.session_ids[0])
    signed = dataclasses.replace(
        first,
        tasks=SessionTasks(done=frozenset({PhaseTask.HISTORY_REVIEWED})),
        signed_at=dt.datetime(2025, 1, 6, 18, 0, tzinfo=dt.UTC),
    )
    sessions.save_session(vault, signed)
    workspace.showClient(fern.client_id)
    workspace.openSession(fern.session_ids[0])
    box = workspace.sessions.editor.form.tasks.box(PhaseTask.HISTORY_REVIEWED)
    assert box.isChecked() and not box.isEnabled()


def test_draft_keeps_the_ticks(workspace: ClientWorkspace, fern: Fixture) -> None:
    workspace.showClient(fern.client_id)
    workspace.openSession(fern.session_ids[0])
    form = workspace.sessions.editor.form
    form.tasks.box(PhaseTask.CONTRACT_AGREED).setChecked(True)
    fields = form.draft_fields()
    form.tasks.setValue(SessionTasks())
    form.apply_draft_fields({**fields, "tasks_done": fields["tasks_done"] + ",no_such_task"})
    assert form.tasks.value().done == {PhaseTask.CONTRACT_AGREED}


def test_overview_formulation_due_appears_at_session_5_and_clears_on_acceptance(
    workspace: ClientWorkspace, vault: Vault
) -> None:
    client_id, episode_id, ids = write_course(vault, 4)
    workspace.showClient(client_id)
    card = workspace.overview.task_card
    assert "Formulation not accepted yet (due by session 4)" in card.due.text()
    assert "session 5" not in card.due.text() + card.overdue.text()
    record = clients.read_record(vault, client_id)
    session = Session(episode_id, record.client.id, START + dt.timedelta(weeks=4))
    sessions.save_session(vault, session)
    workspace.showClient(client_id)
    assert "\N{WARNING SIGN} Formulation not accepted, session 5" in card.overdue.text()
    assert "Formulation not accepted" not in card.due.text()  # not listed twice
    episode = record.episodes[0]
    accepted = dataclasses.replace(
        episode, formulation=dataclasses.replace(episode.formulation, accepted_on=START)
    )
    episodes.save_episode(vault, accepted)
    workspace.showClient(client_id)
    assert "ormulation not accepted" not in card.due.text() + card.overdue.text()
    assert "Formulation accepted (session 1)" in card.done.text()
    assert ids  # the course's sessions are all there


def test_overview_ending_due_at_13_of_16_clears_when_ticked_in_the_editor(
    workspace: ClientWorkspace, vault: Vault
) -> None:
    client_id, _episode_id, ids = write_course(vault, 12, accepted_at=3)
    workspace.showClient(client_id)
    card = workspace.overview.task_card
    assert "nding not raised" not in card.overdue.text()
    record = clients.read_record(vault, client_id)
    extra = Session(record.episodes[0].id, client_id, START + dt.timedelta(weeks=12))
    sessions.save_session(vault, extra)
    workspace.showClient(client_id)
    assert "\N{WARNING SIGN} Ending not raised, 3 sessions remain" in card.overdue.text()
    workspace.openSession(extra.id)
    editor = workspace.sessions.editor
    # Session 13 of 16 is still the middle phase, where the ending is raised: offered there.
    assert editor.form.tasks.phase() is Phase.MIDDLE
    ending = editor.form.tasks.box(PhaseTask.ENDING_RAISED)
    assert ending.isVisibleTo(editor.form.tasks) and ending.text() == "Ending raised"
    ending.setChecked(True)
    assert editor.saveChanges()
    workspace.overview.refresh()
    assert "nding not raised" not in card.overdue.text() + card.due.text()
    assert "Ending raised (session 13)" in card.done.text()
    assert len(ids) == 12


def test_timeline_marks_where_initial_tasks_were_done(vault: Vault) -> None:
    client_id, _episode_id, ids = write_course(vault, 4, accepted_at=3)
    record = clients.read_record(vault, client_id)
    first = next(s for s in record.sessions if s.id == ids[0])
    sessions.save_session(
        vault,
        dataclasses.replace(
            first, tasks=SessionTasks(done=frozenset({PhaseTask.INVENTORY, PhaseTask.SICK_ROLE}))
        ),
    )
    timeline = build_timeline(clients.read_record(vault, client_id))
    marks = {m.session_id: m.initial_tasks for m in timeline.task_marks}
    assert marks == {
        ids[0]: (PhaseTask.SICK_ROLE, PhaseTask.INVENTORY),
        ids[2]: (PhaseTask.FORMULATION_ACCEPTED,),
    }


def stored_acceptance(vault: Vault, client_id: str) -> dt.date | None:
    return clients.read_record(vault, client_id).episodes[0].formulation.accepted_on


def test_formulation_presented_and_accepted_in_session_5_are_recorded_there(
    workspace: ClientWorkspace, vault: Vault, qtbot: QtBot
) -> None:
    """The client accepts the formulation in session 5: the therapist ticks it there, the
    session turns middle phase, and "formulation presented" can still be ticked in it."""
    client_id, _episode_id, ids = write_course(vault, 5)
    workspace.showClient(client_id)
    workspace.openSession(ids[4])
    editor = workspace.sessions.editor
    checklist = editor.form.tasks
    assert checklist.phase() is Phase.INITIAL
    accepted = checklist.box(PhaseTask.FORMULATION_ACCEPTED)
    assert shown(checklist, accepted) and accepted.isEnabled() and not accepted.isChecked()
    qtbot.mouseClick(accepted, Qt.MouseButton.LeftButton)
    session_5 = START + dt.timedelta(weeks=4)
    assert stored_acceptance(vault, client_id) == session_5  # written at once, one home
    assert not editor.isDirty()  # the note itself did not change
    assert checklist.phase() is Phase.MIDDLE
    assert accepted.isChecked() and accepted.isEnabled()
    assert "in this session" in accepted.text()
    presented = checklist.box(PhaseTask.FORMULATION_PRESENTED)
    assert shown(checklist, presented) and presented.isEnabled()
    assert presented.text() == "Formulation presented (initial)"
    presented.setChecked(True)
    checklist.box(PhaseTask.MOOD_LINKED).setChecked(True)
    assert editor.saveChanges()
    done = stored_tasks(vault, client_id, ids[4]).done
    assert done == {PhaseTask.FORMULATION_PRESENTED, PhaseTask.MOOD_LINKED}
    workspace.overview.refresh()
    card = workspace.overview.task_card
    assert "ormulation not accepted" not in card.overdue.text() + card.due.text()
    assert "ormulation not presented" not in card.overdue.text() + card.due.text()
    assert "Formulation presented (session 5, late)" in card.done.text()
    assert "Formulation accepted (session 5, late)" in card.done.text()


def test_acceptance_ticked_by_mistake_is_taken_back_in_the_same_session(
    workspace: ClientWorkspace, vault: Vault, qtbot: QtBot
) -> None:
    client_id, _episode_id, ids = write_course(vault, 4)
    workspace.showClient(client_id)
    workspace.openSession(ids[3])
    checklist = workspace.sessions.editor.form.tasks
    accepted = checklist.box(PhaseTask.FORMULATION_ACCEPTED)
    qtbot.mouseClick(accepted, Qt.MouseButton.LeftButton)
    assert stored_acceptance(vault, client_id) == START + dt.timedelta(weeks=3)
    qtbot.mouseClick(accepted, Qt.MouseButton.LeftButton)
    assert stored_acceptance(vault, client_id) is None
    assert checklist.phase() is Phase.INITIAL and not accepted.isChecked()


def test_acceptance_recorded_in_another_session_is_shown_read_only(
    workspace: ClientWorkspace, vault: Vault
) -> None:
    client_id, _episode_id, ids = write_course(vault, 6, accepted_at=4)
    workspace.showClient(client_id)
    workspace.openSession(ids[2])  # session 3, before the acceptance
    checklist = workspace.sessions.editor.form.tasks
    accepted = checklist.box(PhaseTask.FORMULATION_ACCEPTED)
    assert shown(checklist, accepted) and not accepted.isEnabled()
    assert not accepted.isChecked() and "later" in accepted.text()
    workspace.openSession(ids[3])  # session 4, where it happened: may be taken back
    assert accepted.isEnabled() and accepted.isChecked()
    workspace.openSession(ids[5])  # session 6: a plain middle session
    assert not shown(checklist, accepted)
    assert not shown(checklist, checklist.box(PhaseTask.FORMULATION_PRESENTED))


def test_acceptance_from_a_session_survives_unsaved_formulation_edits(
    workspace: ClientWorkspace, vault: Vault, qtbot: QtBot
) -> None:
    """The Formulation tab holds other unsaved edits while the session records the
    acceptance: saving the tab afterwards keeps the day, it does not write back its empty
    field."""
    client_id, _episode_id, ids = write_course(vault, 5)
    workspace.showClient(client_id)
    tab = workspace.formulation
    tab.text.setText("Fictional formulation, typed before the session")
    tab._changed()
    assert tab.isDirty()
    workspace.openSession(ids[4])
    accepted = workspace.sessions.editor.form.tasks.box(PhaseTask.FORMULATION_ACCEPTED)
    qtbot.mouseClick(accepted, Qt.MouseButton.LeftButton)
    assert tab.saveChanges()
    stored = clients.read_record(vault, client_id).episodes[0].formulation
    assert stored.accepted_on == START + dt.timedelta(weeks=4)
    assert stored.text == "Fictional formulation, typed before the session"


def test_no_task_label_is_cut_off_in_the_session_editor(
    workspace: ClientWorkspace, vault: Vault, qtbot: QtBot
) -> None:
    """Columns follow the labels as shown (the day of acceptance, "(initial)" marks), not
    what was visible when the panel was last resized: the session editor sized it while
    its page was hidden, and long labels were clipped mid-word at 1280x800."""
    client_id, _episode, ids = write_course(vault, 6, accepted_at=5)
    workspace.resize(1024, 700)
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.showClient(client_id)
    workspace.openSession(ids[4])  # the session the formulation was accepted in
    checklist = workspace.sessions.editor.form.tasks
    qtbot.wait(20)
    boxes = [box for box in checklist.findChildren(QCheckBox) if box.isVisible()]
    assert any("(initial)" in box.text() for box in boxes)
    for box in boxes:
        assert box.width() >= box.sizeHint().width(), box.text()
        assert box.geometry().right() <= checklist.width(), box.text()
