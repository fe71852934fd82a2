"""The shell's risk guards: ending treatment with open risk asks for a reason (cancel: nothing
changes; a reason: the ending and the sealed decision, audited); the letter's gate; Settings
edits the crisis contacts."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from ipt_desktop.domain.graduation import DocumentKind
from ipt_desktop.domain.model import Client, Episode, Session
from ipt_desktop.domain.risk_records import CrisisContacts, DecisionAction
from ipt_desktop.domain.risk_status import ClientRisk
from ipt_desktop.services import clients, episodes, practice, sessions
from ipt_desktop.vault.audit_log import AuditEvent, walk
from ipt_desktop.vault.vault import Vault
from ui.app import client_commands
from ui.app.settings_dialog import SettingsDialog
from ui.common import risk_decision_dialog
from ui.common.app_settings import AppSettings
from ui.graduation import risk_gate

REASON = "Client moved abroad; GP and new team informed by phone"
ITEM9 = (2, 2, 2, 1, 1, 1, 0, 0, 1)
ZERO = (2, 2, 2, 1, 1, 1, 0, 0, 0)


def client_with_open_risk(vault: Vault) -> Client:
    client = Client(name="Fictional Risk Guard")
    clients.create_client(vault, client)
    episode = Episode(client.id, dt.date(2025, 1, 6), planned_sessions=12)
    episodes.save_episode(vault, episode)
    for week, answers in ((0, ITEM9), (1, ZERO)):
        day = dt.date(2025, 1, 6) + dt.timedelta(weeks=week)
        sessions.save_session(vault, Session(episode.id, client.id, day, phq9=answers))
    return client


class AcceptEnd:
    """Stands in for the end-treatment dialog: accepted with today's date."""

    def __init__(self, client: Client, _parent: QWidget) -> None:
        self._client = client

    def exec(self) -> QDialog.DialogCode:
        return QDialog.DialogCode.Accepted

    def client(self) -> Client:
        return Client(self._client.name, ended_on=dt.date(2025, 2, 1), id=self._client.id)

    def deleteLater(self) -> None:
        pass


def events(vault: Vault) -> list[tuple[AuditEvent, str]]:
    header = vault.header
    with vault.reading() as db:
        report = walk(
            db, vault.purpose_key("audit"), vault.vault_id, header.audit_head, header.audit_count
        )
    return [(e.event, e.detail) for e in report.entries]


@pytest.mark.parametrize("answer", [None, REASON])
def test_ending_with_open_risk_asks_for_the_reason(
    qtbot: QtBot, vault: Vault, monkeypatch: pytest.MonkeyPatch, answer: str | None
) -> None:
    client = client_with_open_risk(vault)
    asked: list[ClientRisk] = []

    def ask(_parent: QWidget, action: DecisionAction, status: ClientRisk) -> str | None:
        assert action is DecisionAction.END_CLIENT
        asked.append(status)
        return answer

    monkeypatch.setattr(client_commands, "EndTreatmentDialog", AcceptEnd)
    monkeypatch.setattr(risk_decision_dialog, "ask_reason", ask)
    host = QWidget()
    qtbot.addWidget(host)
    result = client_commands.end_treatment(host, vault, client.id)
    record = clients.read_record(vault, client.id)
    assert len(asked) == 1 and asked[0].is_open
    if answer is None:
        assert result is None
        assert record.client.ended_on is None
        assert record.risk_decisions == ()
        assert AuditEvent.RISK_DECISION not in [e for e, _ in events(vault)]
    else:
        assert result == client.id
        assert record.client.ended_on == dt.date(2025, 2, 1)
        assert record.risk_decisions[0].reason == REASON
        assert (AuditEvent.RISK_DECISION, "end_client") in events(vault)


def test_ending_without_open_risk_asks_nothing(
    qtbot: QtBot, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = Client(name="Fictional Calm")
    clients.create_client(vault, client)
    monkeypatch.setattr(client_commands, "EndTreatmentDialog", AcceptEnd)
    monkeypatch.setattr(risk_decision_dialog, "ask_reason", lambda *_a: pytest.fail("asked"))
    host = QWidget()
    qtbot.addWidget(host)
    assert client_commands.end_treatment(host, vault, client.id) == client.id


def test_the_letter_gate(qtbot: QtBot, vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    client = client_with_open_risk(vault)
    host = QWidget()
    qtbot.addWidget(host)
    answers: list[str | None] = [None, REASON]
    monkeypatch.setattr(risk_gate, "ask_reason", lambda *_a: answers.pop(0))
    # The clinical summary alone is not a letter: no question.
    assert risk_gate.letter_reason(host, vault, client.id, DocumentKind.CLINICAL) == (True, None)
    assert answers == [None, REASON]
    assert risk_gate.letter_reason(host, vault, client.id, DocumentKind.LETTER) == (False, None)
    assert risk_gate.letter_reason(host, vault, client.id, DocumentKind.BOTH) == (True, REASON)


def test_settings_edit_the_crisis_contacts(
    qtbot: QtBot, vault: Vault, settings: AppSettings
) -> None:
    practice.save_crisis_contacts(vault, CrisisContacts(emergency="112"))
    dialog = SettingsDialog(vault, settings)
    qtbot.addWidget(dialog)
    assert dialog.crisisForm.emergency.text() == "112"
    dialog.crisisForm.out_of_hours.setText("Crisis team 0800 555 0199 (24 hours)")
    dialog.accept()
    saved = practice.load_crisis_contacts(vault)
    assert saved == CrisisContacts(
        out_of_hours="Crisis team 0800 555 0199 (24 hours)", emergency="112"
    )
