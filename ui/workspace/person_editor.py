"""Edit one person of the interpersonal inventory, with the IPT inventory questions.

Who they are and the relationship, the ring (1 closest to 3), whether they are a support,
a source of conflict or both, whether things changed near the onset, and the questions of
the inventory: contact, likes, dislikes, what can and cannot be discussed, arguments and
whether they get resolved, what the client would change.
"""

import dataclasses
from collections.abc import Callable, Mapping

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import InventoryPerson
from ui.common.form_parts import labelled, section_heading

from .draft_keeper import DraftKeeper
from .inventory_table_model import RING_NAMES
from .note_field import NoteField
from .open_record import OpenRecord
from .record_editor import RecordEditor, RecordEditorWords
from .workspace_dialogs import WorkspaceDialogs

QUESTIONS = (
    ("contact", "Contact", "How often do they meet or talk? What do they do together?"),
    ("likes", "What the client likes about them", ""),
    ("dislikes", "What the client dislikes about them", ""),
    ("can_discuss", "What can be talked about", ""),
    ("cannot_discuss", "What cannot be talked about", ""),
    ("arguments", "Arguments, and whether they get resolved", ""),
    ("would_change", "What the client would change in the relationship", ""),
    ("notes", "Other notes", ""),
)
WORDS = RecordEditorWords(
    draft_prefix="person",
    title="Person",
    new_title="New person",
    save_name="Save person",
    delete_text="Remove…",
    delete_name="Remove person from the inventory",
    confirm_delete="This person will be removed from the inventory.",
    not_saved="The person was not saved",
    not_deleted="The person was not removed",
)


class PersonEditor(RecordEditor[InventoryPerson]):
    def __init__(
        self,
        record: OpenRecord,
        keeper: DraftKeeper,
        dialogs: Callable[[], WorkspaceDialogs],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(record, keeper, dialogs, WORDS, parent)
        header = self._header_row()
        header.setContentsMargins(12, 8, 12, 4)

        body = QWidget(self)
        self.name = QLineEdit(body)
        self.name.setAccessibleName("Name")
        self.name.setPlaceholderText("First name or how the client calls them")
        self.relationship = QLineEdit(body)
        self.relationship.setAccessibleName("Relationship")
        self.relationship.setPlaceholderText("e.g. partner, sister, manager, friend")
        self.relationship.setMaxLength(200)
        self.ring = QComboBox(body)
        self.ring.setAccessibleName("Closeness ring")
        for ring, label in RING_NAMES.items():
            self.ring.addItem(label, ring)
        self.flags: dict[str, QCheckBox] = {
            "support": QCheckBox("A support", body),
            "conflict": QCheckBox("A source of conflict", body),
            "changed_near_onset": QCheckBox("Changed close to the onset", body),
        }
        for box in self.flags.values():
            box.setAccessibleName(box.text())
            box.toggled.connect(self._changed)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Name", self.name)
        form.addRow("Relationship", self.relationship)
        form.addRow("Ring", self.ring)
        ties = QVBoxLayout()
        ties.setSpacing(2)
        for box in self.flags.values():
            ties.addWidget(box)
        form.addRow("Ties", ties)
        column = QVBoxLayout(body)
        column.setContentsMargins(12, 0, 12, 12)
        column.addLayout(form)
        column.addWidget(section_heading("Inventory questions", body))
        self.texts: dict[str, NoteField] = {}
        for field, label, prompt in QUESTIONS:
            text = NoteField(label, prompt, lines=2, max_lines=10, parent=body)
            text.edited.connect(self._changed)
            self.texts[field] = text
            column.addWidget(labelled(label, text, body))
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(header)
        problem_row = QHBoxLayout()
        problem_row.setContentsMargins(12, 0, 12, 4)
        problem_row.addWidget(self.problem)
        outer.addLayout(problem_row)
        outer.addWidget(scroll, 1)

        self.name.textEdited.connect(self._changed)
        self.relationship.textEdited.connect(self._changed)
        self.ring.activated.connect(self._changed)
        self._ready()

    def personId(self) -> str | None:
        return self.recordId()

    def startNewWithId(self, person_id: str) -> None:
        """Reopen an unsaved new person whose draft was kept (after an auto-lock)."""
        self.startNew(person_id)

    # ---- drafts --------------------------------------------------------------------------

    def draftFields(self) -> dict[str, str]:
        fields = {
            "name": self.name.text(),
            "relationship": self.relationship.text(),
            "closeness": str(self.ring.currentData()),
        }
        fields.update({f: "yes" if box.isChecked() else "" for f, box in self.flags.items()})
        fields.update({f: text.text() for f, text in self.texts.items()})
        return fields

    # ---- the record ----------------------------------------------------------------------

    def _first_field(self) -> QWidget:
        return self.name

    def _apply_fields(self, fields: Mapping[str, str]) -> None:
        try:
            self.name.setText(fields.get("name", self.name.text()))
            self.relationship.setText(fields.get("relationship", self.relationship.text()))
            index = self.ring.findData(int(fields.get("closeness", "2") or 2))
            if index >= 0:
                self.ring.setCurrentIndex(index)
            for field, box in self.flags.items():
                if field in fields:
                    box.setChecked(bool(fields[field]))
            for field, text in self.texts.items():
                if field in fields:
                    text.setText(fields[field])
        except ValueError:
            pass

    def _fill_fields(self, person: InventoryPerson | None) -> None:
        self.name.setText("" if person is None else person.name)
        self.relationship.setText("" if person is None else person.relationship)
        self.ring.setCurrentIndex(self.ring.findData(2 if person is None else person.closeness))
        for field, box in self.flags.items():
            box.setChecked(False if person is None else bool(getattr(person, field)))
        for field, text in self.texts.items():
            text.setText("" if person is None else getattr(person, field))

    def _collect(self) -> InventoryPerson:
        client_id = self._record.client_id
        if client_id is None or self._current_id is None:
            raise ValidationError("person", "no client is open")
        name = self.name.text().strip()
        base = self._current or InventoryPerson(client_id=client_id, name=name, id=self._current_id)
        text = {f: field.text() for f, field in self.texts.items()}
        return dataclasses.replace(
            base,
            name=name,
            relationship=self.relationship.text().strip(),
            closeness=int(self.ring.currentData()),
            support=self.flags["support"].isChecked(),
            conflict=self.flags["conflict"].isChecked(),
            changed_near_onset=self.flags["changed_near_onset"].isChecked(),
            contact=text["contact"],
            likes=text["likes"],
            dislikes=text["dislikes"],
            can_discuss=text["can_discuss"],
            cannot_discuss=text["cannot_discuss"],
            arguments=text["arguments"],
            would_change=text["would_change"],
            notes=text["notes"],
        )

    def _describe(self, error: ValidationError) -> str:
        return f"{_FIELD_NAMES.get(error.field, error.field)} {error.message}"

    def _show_invalid(self, error: ValidationError) -> None:
        self.problem.showMessage("This person cannot be saved yet", self._describe(error))
        if error.field == "name":
            self.name.setFocus()

    def _store(self, person: InventoryPerson) -> None:
        self._record.save_person(person)

    def _remove(self, person_id: str) -> None:
        self._record.delete_person(person_id)


_FIELD_NAMES = {"name": "The name", "relationship": "The relationship"}
