"""The labelled-fields form: each label reaches its field (Alt+letter), each field is named
for screen readers, lines are bounded, boxes pass Tab on and are as high as asked."""

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from ui.common.labelled_fields import LINE_MAX_LENGTH, LabelledFields


def label_of(form: LabelledFields, field: QLineEdit | QPlainTextEdit) -> QLabel:
    layout = form.layout()
    assert isinstance(layout, QFormLayout)
    label = layout.labelForField(field)
    assert isinstance(label, QLabel)
    return label


def test_a_line_is_labelled_named_and_bounded(qtbot: QtBot) -> None:
    form = LabelledFields()
    qtbot.addWidget(form)
    phone = form.addLine("P&hone:", "Phone", "e.g. 0800")
    label = label_of(form, phone)
    assert label.text() == "P&hone:"
    assert label.buddy() is phone
    assert phone.accessibleName() == "Phone"
    assert phone.placeholderText() == "e.g. 0800"
    assert phone.maxLength() == LINE_MAX_LENGTH
    qtbot.keyClicks(phone, "x" * (LINE_MAX_LENGTH + 5))
    assert len(phone.text()) == LINE_MAX_LENGTH


def test_a_box_passes_tab_on_and_grows_with_its_lines(qtbot: QtBot) -> None:
    form = LabelledFields()
    qtbot.addWidget(form)
    short = form.addBox("&Other:", "Other", "", 2)
    tall = form.addBox("&Address:", "Address", "Street", 4)
    assert label_of(form, tall).buddy() is tall
    assert tall.accessibleName() == "Address"
    assert short.tabChangesFocus() and tall.tabChangesFocus()
    line = tall.fontMetrics().lineSpacing()
    assert tall.height() - short.height() == 2 * line


def test_rows_stand_in_the_order_they_were_added(qtbot: QtBot) -> None:
    form = LabelledFields()
    qtbot.addWidget(form)
    first = form.addLine("&First:", "First")
    second = form.addBox("&Second:", "Second", "", 2)
    note = QLabel("a message", form)
    form.addWide(note)
    layout = form.layout()
    assert isinstance(layout, QFormLayout)
    assert layout.getWidgetPosition(first)[0] == 0
    assert layout.getWidgetPosition(second)[0] == 1
    assert layout.getWidgetPosition(note) == (2, QFormLayout.ItemRole.SpanningRole)
