"""Right-to-left names show unchanged; every control has an accessible name; Tab follows
the order on screen."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ipt_desktop.domain.model import InventoryPerson
from ipt_desktop.services import clients, people
from ipt_desktop.vault.vault import Vault
from tests.helpers.workspace import Fixture, write_client
from ui.workspace.client_workspace import ClientWorkspace
from ui.workspace.inventory_table_model import PERSON_ID_ROLE

RTL_NAMES = ["ليلى حداد", "נועה לוי"]  # fictional Arabic and Hebrew names


@pytest.mark.parametrize("name", RTL_NAMES)
def test_rtl_names_display_unchanged(
    qtbot: QtBot, workspace: ClientWorkspace, vault: Vault, name: str
) -> None:
    fern = write_client(vault, name=name)
    person = InventoryPerson(fern.client_id, name, "sister", closeness=1, support=True)
    people.save_person(vault, person)
    workspace.show()
    workspace.showClient(fern.client_id)
    assert workspace._name.text() == name
    assert workspace._name.accessibleName() == f"Client: {name}"
    tab = workspace.inventory
    row = tab.model.rowFor(person.id)
    assert tab.model.index(row, 0).data() == name
    assert tab.model.index(row, 0).data(PERSON_ID_ROLE) == person.id
    assert tab.selectPerson(person.id)
    assert tab.editor.name.text() == name
    placed = tab.circle.circleLayout().placed(person.id)
    assert placed is not None and placed.text == name
    # The whole workspace also lays out right to left without a warning.
    workspace.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    workspace.setCurrentTab("inventory")
    assert workspace.grab().width() == workspace.width()
    assert tab.editor.name.text() == name
    assert clients.read_record(vault, fern.client_id).client.name == name


INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QAbstractItemView,
)


def test_every_control_has_an_accessible_name(workspace: ClientWorkspace, fern: Fixture) -> None:
    workspace.showClient(fern.client_id)
    workspace.openSession(fern.session_ids[-1])
    workspace.inventory.selectPerson(fern.person_ids[0])
    workspace.life_events.selectEvent(fern.event_ids[0])
    unnamed = []
    for widget in workspace.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE):
            continue
        if widget.window() is not workspace:
            continue  # popups (a combo box's list, the calendar) belong to their owner
        if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox, QAbstractItemView)):
            continue  # inner parts (line edit, header) are named through their owner
        if isinstance(widget, QScrollBar):
            continue  # scroll bars are announced by role
        if not widget.accessibleName().strip() and not (
            isinstance(widget, QAbstractButton) and widget.text().strip()
        ):
            unnamed.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    assert sorted(set(unnamed)) == []


def _focus_chain(start: QWidget, inside: QWidget) -> list[QWidget]:
    chain, widget = [], start
    for _ in range(500):
        if (
            widget.isVisibleTo(inside)
            and widget.isEnabled()
            and widget.focusPolicy() & (Qt.FocusPolicy.TabFocus)
        ):
            chain.append(widget)
        following = widget.nextInFocusChain()
        if following is None or following is start:
            break
        widget = following
    return [w for w in chain if inside.isAncestorOf(w)]


def test_tab_order_in_the_session_note_follows_the_screen(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture
) -> None:
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.showClient(fern.client_id)
    workspace.openSession(fern.session_ids[-1])
    form = workspace.sessions.editor.form
    chain = _focus_chain(form.date_field.lineEdit(), form)
    assert len(chain) > 20
    tops = [w.mapTo(form, QPoint(0, 0)) for w in chain]
    out_of_order = [
        (type(chain[i]).__name__, chain[i].accessibleName(), tops[i].y(), tops[i + 1].y())
        for i in range(len(chain) - 1)
        if tops[i + 1].y() < tops[i].y() - 2  # a later stop may not sit higher up
        and not (tops[i + 1].x() > tops[i].x())  # except the next column of a grid row
    ]
    assert out_of_order == []
    named = [w.accessibleName() for w in chain]
    expected = [
        "Session date", "Phase", "The client's answer", "Mood today, 0 worst to 10 best",
        "HAM-D total, 0 to 52", "Risk assessment and safety plan", "Problem-area work",
        "Homework", "Plan for the next session", "Free note",
    ]  # fmt: skip
    positions = [named.index(name) for name in expected]
    assert positions == sorted(positions)
