"""Every list and table model of the workspace passes Qt's model tester, and shows its rows
the way a therapist reads them (newest session first, people by ring, events by date)."""

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ipt_desktop.domain.enums import LifeEventKind, Phase
from ipt_desktop.domain.model import (
    Client,
    Episode,
    Formulation,
    InventoryPerson,
    LifeEvent,
    Session,
    SessionNote,
)
from tests.helpers.workspace import phq9
from ui.workspace.inventory_table_model import PERSON_ID_ROLE, InventoryTableModel
from ui.workspace.life_event_model import EVENT_ID_ROLE, LifeEventModel
from ui.workspace.session_list_model import (
    SESSION_ID_ROLE,
    Column,
    SessionListModel,
    session_rows,
)
from ui.workspace.text_list_editor import TextListEditor

CLIENT = Client(name="Fictional Model Client")
EPISODE = Episode(
    CLIENT.id, dt.date(2025, 1, 6), planned_sessions=12,
    formulation=Formulation(accepted_on=dt.date(2025, 1, 20)),
)  # fmt: skip


def make_sessions() -> list[Session]:
    days = [dt.date(2025, 1, 6) + dt.timedelta(weeks=i) for i in range(4)]
    return [
        Session(EPISODE.id, CLIENT.id, days[0], mood=3, phq9=phq9(18, item9=1),
                note=SessionNote(risk_assessment="")),
        Session(EPISODE.id, CLIENT.id, days[1], mood=4, phq9=phq9(12)),
        Session(EPISODE.id, CLIENT.id, days[2], mood=5, signed_at=dt.datetime(2025, 1, 20, 18)),
        Session(EPISODE.id, CLIENT.id, days[3]),
    ]  # fmt: skip


def test_session_list_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = SessionListModel()
    model.setRows(session_rows(EPISODE, make_sessions()))
    qtmodeltester.check(  # type: ignore[no-untyped-call]
        model, force_py=True
    )
    model.setRows([])
    qtmodeltester.check(  # type: ignore[no-untyped-call]
        model, force_py=True
    )


def test_session_rows_are_newest_first_with_number_phase_band_and_state() -> None:
    sessions = make_sessions()
    model = SessionListModel()
    model.setRows(session_rows(EPISODE, sessions))

    def text(row: int, column: Column) -> str:
        return str(model.index(row, column).data())

    assert [text(r, Column.NUMBER) for r in range(4)] == ["4", "3", "2", "1"]
    assert model.index(3, 0).data(SESSION_ID_ROLE) == sessions[0].id
    assert text(3, Column.PHQ9) == "18 mod. severe"  # the Note column says it
    assert text(3, Column.STATE) == "Assess risk"
    assert text(2, Column.PHQ9) == "12 moderate"
    assert text(1, Column.STATE) == "Signed"
    assert text(0, Column.PHQ9) == "—"
    # Phase follows the rules: the formulation was accepted on 20 Jan (session 3).
    assert [text(r, Column.PHASE) for r in range(4)] == [
        Phase.MIDDLE.label, Phase.MIDDLE.label, Phase.INITIAL.label, Phase.INITIAL.label,
    ]  # fmt: skip
    assert "Mood 3 / 10" in str(model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole))


def test_inventory_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = InventoryTableModel()
    people = [
        InventoryPerson(CLIENT.id, "Fictional Zoe", "sister", closeness=1, support=True),
        InventoryPerson(CLIENT.id, "Fictional Al", "boss", closeness=3, conflict=True),
        InventoryPerson(CLIENT.id, "Fictional Bo", "friend", closeness=1),
    ]
    model.setPeople(people)
    qtmodeltester.check(  # type: ignore[no-untyped-call]
        model, force_py=True
    )
    # Closest ring first, then by name.
    names = [model.index(r, 0).data() for r in range(3)]
    assert names == ["Fictional Bo", "Fictional Zoe", "Fictional Al"]
    assert model.index(2, 0).data(PERSON_ID_ROLE) == people[1].id
    assert model.index(2, 4).data() == "Yes"


def test_life_event_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = LifeEventModel()
    long_text = "Moved to a new city for work. " * 20 + "\nSecond line"
    events = [
        LifeEvent(CLIENT.id, dt.date(2025, 2, 1), LifeEventKind.ROLE_DISPUTE, "Argument"),
        LifeEvent(CLIENT.id, dt.date(2024, 5, 1), LifeEventKind.ROLE_TRANSITION, long_text),
    ]
    model.setEvents(events)
    qtmodeltester.check(  # type: ignore[no-untyped-call]
        model, force_py=True
    )
    assert model.index(0, 0).data() == "1 May 2024"
    assert model.index(0, 0).data(EVENT_ID_ROLE) == events[1].id
    summary = str(model.index(0, 2).data())
    assert summary.endswith("…") and "\n" not in summary


def test_text_list_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    editor = TextListEditor("Goals", "Add a goal")
    qtbot.addWidget(editor)
    editor.setValues(["First fictional goal", "Second fictional goal"])
    qtmodeltester.check(  # type: ignore[no-untyped-call]
        editor.model, force_py=True
    )
    editor.input.setText("Typed but not added")
    assert editor.values() == ("First fictional goal", "Second fictional goal",
                               "Typed but not added")  # fmt: skip


def test_an_assessed_item9_stays_visible_on_a_signed_session() -> None:
    session = Session(
        EPISODE.id,
        CLIENT.id,
        dt.date(2025, 1, 6),
        phq9=phq9(10, item9=1),
        note=SessionNote(risk_assessment="Fictional: assessed, safety plan agreed"),
        signed_at=dt.datetime(2025, 1, 6, 18),
    )
    model = SessionListModel()
    model.setRows(session_rows(EPISODE, [session]))
    assert model.index(0, Column.PHQ9).data() == "10 moderate · item 9"
    assert model.index(0, Column.STATE).data() == "Signed"


def test_a_one_character_risk_assessment_still_says_assess_risk() -> None:
    day = dt.date(2025, 1, 6)
    short, real = (
        Session(EPISODE.id, CLIENT.id, day + dt.timedelta(weeks=i), phq9=phq9(12, item9=1),
                note=SessionNote(risk_assessment=text))
        for i, text in enumerate(("x", "Asked: passive thoughts, no plan; safety plan made"))
    )  # fmt: skip
    rows = {r.session_id: r for r in session_rows(EPISODE, [short, real])}
    assert rows[short.id].state == "Assess risk"
    assert rows[real.id].state != "Assess risk"
