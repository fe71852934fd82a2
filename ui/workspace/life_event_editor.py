"""Edit one life event: its date, its kind, and what happened."""

import dataclasses
from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from ipt_desktop.domain.enums import LifeEventKind
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import LifeEvent
from ui.common.date_field import DateField

from .draft_keeper import DraftKeeper
from .life_event_model import KIND_LABELS
from .note_field import NoteField
from .open_record import OpenRecord
from .record_editor import RecordEditor, RecordEditorWords
from .workspace_dialogs import WorkspaceDialogs

DESCRIPTION_PROMPT = (
    "What happened and who was involved; how mood changed around it (e.g. a death, a move, "
    "a dispute starting, a new job)."
)
WORDS = RecordEditorWords(
    draft_prefix="life_event",
    title="Life event",
    new_title="New life event",
    save_name="Save life event",
    delete_text="Delete…",
    delete_name="Delete life event",
    confirm_delete="This life event will be deleted.",
    not_saved="The event was not saved",
    not_deleted="The event was not deleted",
)


class LifeEventEditor(RecordEditor[LifeEvent]):
    def __init__(
        self,
        record: OpenRecord,
        keeper: DraftKeeper,
        dialogs: Callable[[], WorkspaceDialogs],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(record, keeper, dialogs, WORDS, parent)
        self.date = DateField("Date of the event", parent=self)
        self.date.edited.connect(self._changed)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Kind of event")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.kind.activated.connect(self._changed)
        self.description = NoteField(
            "What happened", DESCRIPTION_PROMPT, lines=6, max_lines=20, parent=self
        )
        self.description.edited.connect(self._changed)
        form = QFormLayout()
        form.addRow("Date", self.date)
        form.addRow("Kind", self.kind)
        form.addRow("What happened", self.description)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.addLayout(self._header_row())
        column.addWidget(self.problem)
        column.addLayout(form)
        column.addStretch(1)
        self._ready()

    def eventId(self) -> str | None:
        return self.recordId()

    # ---- drafts --------------------------------------------------------------------------

    def draftFields(self) -> dict[str, str]:
        return {
            "date": self.date.text(),
            "kind": str(self.kind.currentData()),
            "description": self.description.text(),
        }

    # ---- the record ----------------------------------------------------------------------

    def _first_field(self) -> QWidget:
        return self.date

    def _apply_fields(self, fields: Mapping[str, str]) -> None:
        self.date.setText(fields.get("date", ""))
        index = self.kind.findData(fields.get("kind", LifeEventKind.OTHER.value))
        self.kind.setCurrentIndex(max(index, 0))
        self.description.setText(fields.get("description", ""))

    def _fill_fields(self, event: LifeEvent | None) -> None:
        self.date.setDate(None if event is None else event.date)
        kind = LifeEventKind.OTHER if event is None else event.kind
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.description.setText("" if event is None else event.description)

    def _collect(self) -> LifeEvent:
        client_id = self._record.client_id
        if client_id is None or self._current_id is None:
            raise ValidationError("event", "no client is open")
        day = self.date.date()
        assert day is not None  # the date is not optional
        kind = LifeEventKind(self.kind.currentData())
        if self._current is not None:
            return dataclasses.replace(
                self._current, date=day, kind=kind, description=self.description.text()
            )
        return LifeEvent(client_id, day, kind, self.description.text(), id=self._current_id)

    def _describe(self, error: ValidationError) -> str:
        return error.message

    def _show_invalid(self, error: ValidationError) -> None:
        message = f"{error.message}."
        if error.field == self.date.label():
            message = self.date.validate() or message
            self.date.setFocus()
        self.problem.showMessage("This event cannot be saved yet", message)

    def _store(self, event: LifeEvent) -> None:
        self._record.save_life_event(event)

    def _remove(self, event_id: str) -> None:
        self._record.delete_life_event(event_id)
