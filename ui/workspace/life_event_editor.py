"""Edit one life event: its date, its kind, and what happened."""

import dataclasses
from collections.abc import Callable, Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.enums import LifeEventKind
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import LifeEvent, new_id
from ipt_desktop.services.errors import VaultError

from .banner import Banner, BannerKind
from .date_field import DateField
from .draft_keeper import DraftKeeper
from .life_event_model import KIND_LABELS
from .note_field import NoteField
from .open_record import OpenRecord
from .workspace_dialogs import WorkspaceDialogs

DESCRIPTION_PROMPT = (
    "What happened and who was involved; how mood changed around it (e.g. a death, a move, "
    "a dispute starting, a new job)."
)


class LifeEventEditor(QWidget):
    edited = Signal()
    saved = Signal(str)
    deleted = Signal(str)

    def __init__(
        self,
        record: OpenRecord,
        keeper: DraftKeeper,
        dialogs: Callable[[], WorkspaceDialogs],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._record = record
        self._keeper = keeper
        self._dialogs = dialogs
        self._event: LifeEvent | None = None
        self._event_id: str | None = None
        self._dirty = False
        self._loading = False
        self._title = QLabel(self)
        font = self._title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.12)
        self._title.setFont(font)
        self._save = QPushButton("Save", self)
        self._save.setAccessibleName("Save life event")
        self._save.clicked.connect(self.saveChanges)
        self._delete = QPushButton("Delete…", self)
        self._delete.setAccessibleName("Delete life event")
        self._delete.clicked.connect(self.deleteCurrent)
        self.problem = Banner(BannerKind.PROBLEM, parent=self)
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
        header = QHBoxLayout()
        header.addWidget(self._title, 1)
        header.addWidget(self._delete)
        header.addWidget(self._save)
        form = QFormLayout()
        form.addRow("Date", self.date)
        form.addRow("Kind", self.kind)
        form.addRow("What happened", self.description)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.addLayout(header)
        column.addWidget(self.problem)
        column.addLayout(form)
        column.addStretch(1)
        keeper.watch(self, self.edited)
        self.load(None)

    def eventId(self) -> str | None:
        return self._event_id

    def isNew(self) -> bool:
        return self._event is None and self._event_id is not None

    def load(self, event: LifeEvent | None) -> None:
        self._event = event
        self._event_id = None if event is None else event.id
        self._fill(event)
        self._title.setText("" if event is None else "Life event")
        self.setEnabled(event is not None)
        if event is not None:
            self._keeper.restore(self)

    def startNew(self, event_id: str | None = None) -> None:
        self._event = None
        self._event_id = event_id or new_id()
        self._fill(None)
        self._title.setText("New life event")
        self.setEnabled(True)
        self._delete.setEnabled(False)
        if event_id is not None:
            self._keeper.restore(self)
        self.date.setFocus()

    # ---- saving --------------------------------------------------------------------------

    def isDirty(self) -> bool:
        return self._event_id is not None and self._dirty

    def problems(self) -> str | None:
        if not self.isDirty():
            return None
        try:
            self._collect()
        except ValidationError as error:
            return error.message
        return None

    def saveChanges(self) -> bool:
        if not self.isDirty():
            return True
        try:
            event = self._collect()
            self._record.save_life_event(event)
        except ValidationError as error:
            message = f"{error.message}."
            if error.field == self.date.label():
                message = self.date.validate() or message
                self.date.setFocus()
            self.problem.showMessage("This event cannot be saved yet", message)
            return False
        except VaultError as error:
            self.problem.showMessage("The event was not saved", str(error))
            return False
        self._keeper.discard(self.draftKey())
        self._dirty = False
        self.problem.clear()
        self._event = event
        self._title.setText("Life event")
        self._delete.setEnabled(True)
        self.saved.emit(event.id)
        return True

    def deleteCurrent(self) -> None:
        event = self._event
        if event is None or not self._dialogs().confirmDelete("This life event will be deleted."):
            return
        try:
            self._record.delete_life_event(event.id)
        except VaultError as error:
            self.problem.showMessage("The event was not deleted", str(error))
            return
        self._keeper.discard(self.draftKey())
        self.load(None)
        self.deleted.emit(event.id)

    # ---- drafts --------------------------------------------------------------------------

    def draftKey(self) -> str | None:
        return None if self._event_id is None else f"life_event:{self._event_id}"

    def draftFields(self) -> dict[str, str]:
        return {
            "date": self.date.text(),
            "kind": str(self.kind.currentData()),
            "description": self.description.text(),
        }

    def applyDraft(self, fields: Mapping[str, str]) -> None:
        self._loading = True
        try:
            self.date.setText(fields.get("date", ""))
            index = self.kind.findData(fields.get("kind", LifeEventKind.OTHER.value))
            self.kind.setCurrentIndex(max(index, 0))
            self.description.setText(fields.get("description", ""))
        finally:
            self._loading = False
        self._dirty = True

    def clearSensitive(self) -> None:
        self.load(None)

    # ---- internals -----------------------------------------------------------------------

    def _fill(self, event: LifeEvent | None) -> None:
        self._loading = True
        try:
            self.date.setDate(None if event is None else event.date)
            kind = LifeEventKind.OTHER if event is None else event.kind
            self.kind.setCurrentIndex(self.kind.findData(kind.value))
            self.description.setText("" if event is None else event.description)
        finally:
            self._loading = False
        self._dirty = False
        self.problem.clear()
        self._delete.setEnabled(event is not None)

    def _collect(self) -> LifeEvent:
        client_id = self._record.client_id
        if client_id is None or self._event_id is None:
            raise ValidationError("event", "no client is open")
        day = self.date.date()
        assert day is not None  # the date is not optional
        kind = LifeEventKind(self.kind.currentData())
        if self._event is not None:
            return dataclasses.replace(
                self._event, date=day, kind=kind, description=self.description.text()
            )
        return LifeEvent(client_id, day, kind, self.description.text(), id=self._event_id)

    def _changed(self, *_args: object) -> None:
        if self._loading or self._event_id is None:
            return
        self._dirty = True
        self.edited.emit()
