"""The practice-details and crisis-contacts forms keep their labels, names and values."""

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget
from pytestqt.qtbot import QtBot

from ipt_desktop.domain.model import PracticeDetails
from ipt_desktop.domain.risk_records import CrisisContacts
from ui.app.crisis_contacts_form import CrisisContactsForm
from ui.app.practice_details_form import PracticeDetailsForm


def rows(form: QWidget) -> list[tuple[str, str]]:
    """(label text, the field's accessible name) for each labelled row, top to bottom."""
    layout = form.layout()
    assert isinstance(layout, QFormLayout)
    found = []
    for row in range(layout.rowCount()):
        label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is None or field is None:
            continue
        text, widget = label.widget(), field.widget()
        assert isinstance(text, QLabel) and text.buddy() is widget
        found.append((text.text(), widget.accessibleName()))
    return found


def test_practice_rows(qtbot: QtBot) -> None:
    form = PracticeDetailsForm()
    qtbot.addWidget(form)
    assert rows(form) == [
        ("&Therapist name:", "Therapist name"),
        ("&Credentials:", "Credentials"),
        ("&Practice name:", "Practice name"),
        ("&Address:", "Practice address"),
        ("P&hone:", "Phone"),
        ("&Email:", "Email"),
    ]


def test_crisis_rows(qtbot: QtBot) -> None:
    form = CrisisContactsForm()
    qtbot.addWidget(form)
    assert rows(form) == [
        ("E&mergency number:", "Emergency number"),
        ("&Out-of-hours line:", "Out-of-hours line"),
        ("Other contact&s:", "Other crisis contacts"),
    ]


@pytest.mark.parametrize("spaced", [False, True])
def test_values_go_round_trimmed(qtbot: QtBot, spaced: bool) -> None:
    pad = "  " if spaced else ""
    practice = PracticeDetailsForm()
    crisis = CrisisContactsForm()
    qtbot.addWidget(practice)
    qtbot.addWidget(crisis)
    details = PracticeDetails(
        therapist_name="Dr Test Person",
        credentials="PhD",
        practice_name="Test Practice",
        address="1 Test Street\nTesttown",
        phone="0100 000 000",
        email="test@example.org",
    )
    contacts = CrisisContacts(out_of_hours="Crisis team 0100", emergency="112", other="Line 0200")
    practice.setDetails(details)
    crisis.setContacts(contacts)
    practice.phone.setText(pad + details.phone + pad)
    crisis.emergency.setText(pad + contacts.emergency + pad)
    assert practice.details() == details
    assert crisis.contacts() == contacts
