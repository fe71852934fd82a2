"""Inventory people and life events: add, edit, remove through the editors; a name is
required, impossible dates are refused, the circle follows the table."""

from PySide6.QtTest import QTest

from ipt_desktop.domain.enums import LifeEventKind
from ipt_desktop.services import clients
from ipt_desktop.vault.vault import Vault
from tests.helpers.workspace import FakeDialogs, Fixture
from ui.workspace.client_workspace import ClientWorkspace


def test_adding_a_person_with_the_inventory_questions(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    workspace.showClient(fern.client_id)
    tab = workspace.inventory
    tab.addPerson()
    editor = tab.editor
    assert editor.isNew()
    assert editor.saveChanges() is True  # nothing typed yet: nothing to save
    QTest.keyClicks(editor.relationship, "aunt")
    assert editor.saveChanges() is False  # the name is required
    assert "name" in editor.problem.message()
    QTest.keyClicks(editor.name, "Fictional Ines")
    editor.ring.setCurrentIndex(editor.ring.findData(1))
    editor.flags["support"].click()
    editor.flags["changed_near_onset"].click()
    answers = {
        "contact": "Weekly calls",
        "likes": "Warmth",
        "dislikes": "Gossip",
        "can_discuss": "Work",
        "cannot_discuss": "Money",
        "arguments": "Rarely, resolved",
        "would_change": "See her more",
    }
    for field, text in answers.items():
        QTest.keyClicks(editor.texts[field], text)
    assert editor.saveChanges() is True
    person = next(p for p in clients.read_record(vault, fern.client_id).inventory
                  if p.name == "Fictional Ines")  # fmt: skip
    assert (person.relationship, person.closeness, person.support, person.conflict) == (
        "aunt", 1, True, False,
    )  # fmt: skip
    assert person.changed_near_onset
    assert {f: getattr(person, f) for f in answers} == answers
    assert tab.model.rowCount() == 3
    placed = tab.circle.circleLayout().placed(person.id)
    assert placed is not None and placed.ring == 1


def test_moving_between_people_saves_and_removing_asks(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault, dialogs: FakeDialogs
) -> None:
    workspace.showClient(fern.client_id)
    tab = workspace.inventory
    assert tab.selectPerson(fern.person_ids[0])
    QTest.keyClicks(tab.editor.texts["notes"], "Fictional note")
    assert tab.selectPerson(fern.person_ids[1])  # leaving saves the valid edit
    first = next(p for p in clients.read_record(vault, fern.client_id).inventory
                 if p.id == fern.person_ids[0])  # fmt: skip
    assert first.notes == "Fictional note"
    tab.editor.name.clear()
    tab.editor.name.textEdited.emit("")
    assert tab.selectPerson(fern.person_ids[0]) is False  # cannot leave a nameless person
    assert tab.editor.personId() == fern.person_ids[1]
    tab.editor.name.setText("Fictional Boss")
    dialogs.delete = True
    tab.editor.deleteCurrent()
    assert dialogs.asked == ["delete"]
    ids = [p.id for p in clients.read_record(vault, fern.client_id).inventory]
    assert ids == [fern.person_ids[0]]
    assert tab.circle.circleLayout().placed(fern.person_ids[1]) is None


def test_adding_a_life_event_refuses_an_impossible_date(
    workspace: ClientWorkspace, fern: Fixture, vault: Vault
) -> None:
    workspace.showClient(fern.client_id)
    tab = workspace.life_events
    tab.addEvent()
    editor = tab.editor
    QTest.keyClicks(editor.description, "Fictional: started a new job")
    QTest.keyClicks(editor.date.lineEdit(), "2025-02-29")  # 2025 is not a leap year
    assert editor.saveChanges() is False
    assert "not a real calendar date" in editor.problem.message()
    assert "YYYY-MM-DD" in editor.date.errorText()
    editor.date.lineEdit().clear()
    QTest.keyClicks(editor.date.lineEdit(), "2025-02-28")
    editor.kind.setCurrentIndex(editor.kind.findData(LifeEventKind.ROLE_TRANSITION.value))
    editor.kind.activated.emit(editor.kind.currentIndex())
    assert editor.saveChanges() is True
    events = clients.read_record(vault, fern.client_id).life_events
    added = next(e for e in events if e.description == "Fictional: started a new job")
    assert str(added.date) == "2025-02-28" and added.kind is LifeEventKind.ROLE_TRANSITION
    assert tab.model.rowCount() == 2
    assert tab.model.index(1, 0).data() == "28 Feb 2025"
