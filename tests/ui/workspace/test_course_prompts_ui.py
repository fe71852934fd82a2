"""Where the therapist sees the course prompts: the overview (off track, initial phase too
long), the session editor (at the session it concerns), and the contract editor's
confirmation of an unusual acute length. None of it is client wording."""

import dataclasses
import datetime as dt

from PySide6.QtWidgets import QLabel

from ipt_desktop.domain.model import Client, Episode, Session
from ipt_desktop.services import clients, episodes, sessions
from ipt_desktop.vault.vault import Vault
from tests.helpers.workspace import START, phq9
from ui.workspace.client_workspace import ClientWorkspace

ONE_WEEK = dt.timedelta(weeks=1)


def write_course(vault: Vault, totals: list[int]) -> tuple[str, list[str]]:
    """An acute course of 12 with no accepted formulation and these weekly PHQ-9 totals."""
    client = Client(name="Fictional Off Track")
    clients.create_client(vault, client)
    episode = Episode(client.id, START, planned_sessions=12)
    episodes.save_episode(vault, episode)
    ids = []
    for week, total in enumerate(totals):
        session = Session(episode.id, client.id, START + dt.timedelta(weeks=week), phq9=phq9(total))
        sessions.save_session(vault, session)
        ids.append(session.id)
    return client.id, ids


def test_overview_shows_off_track_and_initial_phase_prompts(
    workspace: ClientWorkspace, vault: Vault
) -> None:
    client_id, _ids = write_course(vault, [20, 20, 19, 18, 18])
    workspace.showClient(client_id)
    text = workspace.overview.prompts.text()
    assert workspace.overview.prompts.isVisibleTo(workspace.overview)
    assert "Off track" in text and "session 5" in text
    # Said once: the task card's overdue acceptance owns the initial phase past session 4.
    assert "initial phase" not in text
    assert initial_phase_mentions(workspace) == [
        "\N{WARNING SIGN} Formulation not accepted, session 5: still in the initial phase, "
        "which normally ends by session 3 or 4"
    ]


def initial_phase_mentions(workspace: ClientWorkspace) -> list[str]:
    """Every line of every label the overview shows that speaks of the initial phase."""
    overview = workspace.overview
    return [
        line
        for label in overview.findChildren(QLabel)
        if label.isVisibleTo(overview)
        for line in label.text().splitlines()
        if "initial phase" in line.lower() or "formulation not accepted" in line.lower()
    ]


def test_overview_says_nothing_of_the_initial_phase_once_accepted(
    workspace: ClientWorkspace, vault: Vault
) -> None:
    client_id, _ids = write_course(vault, [20, 20, 19, 18, 18])
    record = clients.read_record(vault, client_id)
    episode = record.episodes[0]
    accepted = dataclasses.replace(
        episode,
        formulation=dataclasses.replace(episode.formulation, accepted_on=START + ONE_WEEK * 4),
    )
    episodes.save_episode(vault, accepted)
    workspace.showClient(client_id)
    assert initial_phase_mentions(workspace) == []
    assert "Off track" in workspace.overview.prompts.text()  # the other prompt still stands


def test_overview_shows_no_prompt_on_track(workspace: ClientWorkspace, vault: Vault) -> None:
    client_id, _ids = write_course(vault, [20, 18, 16, 14])
    workspace.showClient(client_id)
    assert workspace.overview.prompts.text() == ""
    assert not workspace.overview.prompts.isVisibleTo(workspace.overview)


def test_session_editor_shows_the_prompt_at_the_session_it_concerns(
    workspace: ClientWorkspace, vault: Vault
) -> None:
    client_id, ids = write_course(vault, [20, 20, 19, 19, 12, 10])
    workspace.showClient(client_id)
    editor = workspace.sessions.editor
    workspace.openSession(ids[3])  # session 4: 19 is 5% below 20
    assert "Off track" in editor.review_banner.message()
    workspace.openSession(ids[2])  # session 3: before the window
    assert editor.review_banner.message() == ""
    workspace.openSession(ids[5])  # session 6: 10 is 50% below, but still no formulation
    assert "Off track" not in editor.review_banner.message()
    assert "initial phase" in editor.review_banner.message()


def test_unusual_acute_length_asks_and_a_no_keeps_the_editor_open(
    workspace: ClientWorkspace, vault: Vault
) -> None:
    client = Client(name="Fictional Short Contract")
    clients.create_client(vault, client)
    workspace.showClient(client.id)
    overview = workspace.overview
    overview._edit.click()
    editor = overview.contract_editor
    asked: list[int] = []
    editor.confirmLength = lambda planned: asked.append(planned) or False
    editor.planned.setValue(3)
    assert editor.save() is False
    assert asked == [3]
    assert clients.read_record(vault, client.id).episodes == ()
    editor.confirmLength = lambda planned: asked.append(planned) or True
    assert editor.save() is True
    assert clients.read_record(vault, client.id).episodes[0].planned_sessions == 3
    asked.clear()
    overview._edit.click()
    editor.planned.setValue(12)
    assert editor.save() is True and asked == []  # a usual length is not questioned
