"""The generic pieces under the workspace's lists: a table model configured by column specs,
the table view that reports the user's choice of record, and the draft form of text lists."""

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ui.workspace.record_table import RecordTable
from ui.workspace.record_table_model import RECORD_ID_ROLE, ColumnSpec, RecordTableModel
from ui.workspace.text_list_editor import TextListEditor


@dataclass(frozen=True)
class Plant:
    id: str
    name: str
    height: int


COLUMNS = [
    ColumnSpec[Plant]("Name", lambda p: p.name, tooltip=lambda p: f"Plant {p.id}"),
    ColumnSpec[Plant](
        "Height",
        lambda p: f"{p.height} cm",
        alignment=Qt.AlignmentFlag.AlignRight,
        decoration=lambda p: QColor("#009e73") if p.height > 100 else None,
        bold=lambda p: p.height > 100,
    ),
]
PLANTS = [Plant("c", "Fern", 40), Plant("a", "Oak", 900), Plant("b", "Moss", 2)]


def make_model(sort: bool = False) -> RecordTableModel[Plant]:
    key = (lambda p: p.height) if sort else None
    model = RecordTableModel(COLUMNS, lambda p: p.id, sort_key=key)
    model.setRecords(PLANTS)
    return model


def test_an_arbitrary_column_spec_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = make_model()
    qtmodeltester.check(  # type: ignore[no-untyped-call]
        model, force_py=True
    )
    model.clear()
    qtmodeltester.check(  # type: ignore[no-untyped-call]
        model, force_py=True
    )


def test_each_role_comes_from_its_column_spec() -> None:
    model = make_model()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == [
        "Name",
        "Height",
    ]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    oak = model.index(1, 1)
    assert oak.data() == "900 cm"
    assert oak.data(Qt.ItemDataRole.AccessibleTextRole) == "900 cm"
    assert oak.data(RECORD_ID_ROLE) == "a"
    assert oak.data(Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignRight)
    assert oak.data(Qt.ItemDataRole.DecorationRole) == QColor("#009e73")
    font = oak.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert oak.data(Qt.ItemDataRole.ToolTipRole) is None  # this column has no tooltip
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == "Plant a"
    moss = model.index(2, 1)
    assert moss.data(Qt.ItemDataRole.FontRole) is None
    assert moss.data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.data(QModelIndex()) is None


@pytest.mark.parametrize(
    ("sort", "names"), [(False, ["Fern", "Oak", "Moss"]), (True, ["Moss", "Fern", "Oak"])]
)
def test_rows_keep_their_order_unless_a_sort_key_is_given(sort: bool, names: list[str]) -> None:
    model = make_model(sort)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == names
    assert [model.record(r).name for r in range(3)] == names
    assert model.rowFor("a") == names.index("Oak")
    assert model.rowFor("missing") == -1


def test_the_table_reports_the_users_choice_but_not_its_own(qtbot: QtBot) -> None:
    model = make_model()
    table = RecordTable(model, "Plants", 0)
    qtbot.addWidget(table)
    chosen: list[str] = []
    table.recordChosen.connect(chosen.append)
    table.selectRow(1)
    assert chosen == ["a"]
    with table.quietly():
        table.selectRecord("b")
    assert chosen == ["a"]
    assert [i.row() for i in table.selectionModel().selectedRows()] == [2]
    table.selectRecord(None)
    assert table.selectionModel().selectedRows() == []
    assert chosen == ["a"]  # clearing the selection chooses nothing
    assert table.accessibleName() == "Plants"


def test_a_text_list_round_trips_through_its_draft_form(qtbot: QtBot) -> None:
    editor = TextListEditor("Goals", "Add a goal")
    qtbot.addWidget(editor)
    editor.setValues(["First fictional goal", "Second, with “quotes”"])
    text = editor.draftText()
    other = TextListEditor("Goals", "Add a goal")
    qtbot.addWidget(other)
    other.applyDraftText(text, "typed")
    assert other.model.stringList() == ["First fictional goal", "Second, with “quotes”"]
    assert other.pendingText() == "typed"
    for broken in ("not json", '{"a": 1}'):
        other.applyDraftText(broken, "")
        assert other.model.stringList() == []
