"""The frame of an editor for one record of a list (a person, a life event).

A bold title with Remove and Save beside it, a problem banner, and the record's life cycle:
nothing shown, a stored record loaded (its kept draft comes back), or a new one started;
edits mark it dirty; Save validates and stores it; Remove asks first. Unsaved edits are a
``DraftSource`` for the ``DraftKeeper``. A subclass builds the fields and says how to fill
them, read them back into a record, and store or remove it.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import new_id
from ipt_desktop.vault.errors import VaultError
from ui.common.banner import Banner, BannerKind

from .draft_keeper import DraftKeeper
from .open_record import OpenRecord
from .workspace_dialogs import WorkspaceDialogs

TITLE_SCALE = 1.12


class Identified(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=Identified)


@dataclass(frozen=True)
class RecordEditorWords:
    """What an editor calls its record, on its buttons and in its messages."""

    draft_prefix: str
    title: str
    new_title: str
    save_name: str
    delete_text: str
    delete_name: str
    confirm_delete: str
    not_saved: str
    not_deleted: str


class RecordEditor(QWidget, Generic[R]):
    edited = Signal()
    saved = Signal(str)
    deleted = Signal(str)

    def __init__(
        self,
        record: OpenRecord,
        keeper: DraftKeeper,
        dialogs: Callable[[], WorkspaceDialogs],
        words: RecordEditorWords,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._record = record
        self._keeper = keeper
        self._dialogs = dialogs
        self._words = words
        self._current: R | None = None
        self._current_id: str | None = None
        self._dirty = False
        self._loading = False
        self._title = QLabel(self)
        font = self._title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * TITLE_SCALE)
        self._title.setFont(font)
        self._save = QPushButton("Save", self)
        self._save.setAccessibleName(words.save_name)
        self._save.clicked.connect(self.saveChanges)
        self._delete = QPushButton(words.delete_text, self)
        self._delete.setAccessibleName(words.delete_name)
        self._delete.clicked.connect(self.deleteCurrent)
        self.problem = Banner(BannerKind.PROBLEM, parent=self)

    def _header_row(self) -> QHBoxLayout:
        """The title, then Remove and Save at the end of the line."""
        header = QHBoxLayout()
        header.addWidget(self._title, 1)
        header.addWidget(self._delete)
        header.addWidget(self._save)
        return header

    def _ready(self) -> None:
        """The subclass built its fields: start watching for drafts, show nothing yet."""
        self._keeper.watch(self, self.edited)
        self.load(None)

    # ---- loading -------------------------------------------------------------------------

    def recordId(self) -> str | None:
        return self._current_id

    def isNew(self) -> bool:
        return self._current is None and self._current_id is not None

    def load(self, item: R | None) -> None:
        self._current = item
        self._current_id = None if item is None else item.id
        self._fill(item)
        self._title.setText("" if item is None else self._words.title)
        self.setEnabled(item is not None)
        if item is not None:
            self._keeper.restore(self)

    def startNew(self, record_id: str | None = None) -> None:
        """An empty form for a record not stored yet (saved on Save). With ``record_id``:
        reopen an unsaved new record whose draft was kept (after an auto-lock)."""
        self._current = None
        self._current_id = record_id or new_id()
        self._fill(None)
        self.setEnabled(True)
        self._title.setText(self._words.new_title)
        self._delete.setEnabled(False)
        if record_id is not None:
            self._keeper.restore(self)
        self._first_field().setFocus()

    # ---- saving --------------------------------------------------------------------------

    def isDirty(self) -> bool:
        return self._current_id is not None and self._dirty

    def problems(self) -> str | None:
        if not self.isDirty():
            return None
        try:
            self._collect()
        except ValidationError as error:
            return self._describe(error)
        return None

    def saveChanges(self) -> bool:
        if not self.isDirty():
            return True
        try:
            item = self._collect()
            self._store(item)
        except ValidationError as error:
            self._show_invalid(error)
            return False
        except VaultError as error:
            self.problem.showMessage(self._words.not_saved, str(error))
            return False
        self._keeper.discard(self.draftKey())
        self._dirty = False
        self.problem.clear()
        self._current = item
        self._title.setText(self._words.title)
        self._delete.setEnabled(True)
        self.saved.emit(item.id)
        return True

    def deleteCurrent(self) -> None:
        item = self._current
        if item is None or not self._dialogs().confirmDelete(self._words.confirm_delete):
            return
        try:
            self._remove(item.id)
        except VaultError as error:
            self.problem.showMessage(self._words.not_deleted, str(error))
            return
        self._keeper.discard(self.draftKey())
        self.load(None)
        self.deleted.emit(item.id)

    # ---- drafts --------------------------------------------------------------------------

    def draftKey(self) -> str | None:
        if self._current_id is None:
            return None
        return f"{self._words.draft_prefix}:{self._current_id}"

    def draftFields(self) -> dict[str, str]:
        raise NotImplementedError

    def applyDraft(self, fields: Mapping[str, str]) -> None:
        self._loading = True
        try:
            self._apply_fields(fields)
        finally:
            self._loading = False
        self._dirty = True

    def clearSensitive(self) -> None:
        self.load(None)

    # ---- what a subclass says ------------------------------------------------------------

    def _first_field(self) -> QWidget:
        """Where the cursor goes in a new record."""
        raise NotImplementedError

    def _fill_fields(self, item: R | None) -> None:
        """Show ``item`` in the fields (None: empty fields)."""
        raise NotImplementedError

    def _apply_fields(self, fields: Mapping[str, str]) -> None:
        """Put a kept draft's fields back."""
        raise NotImplementedError

    def _collect(self) -> R:
        """The record the fields describe; ValidationError when they describe none."""
        raise NotImplementedError

    def _describe(self, error: ValidationError) -> str:
        """Why the fields cannot be saved, in a sentence naming the field."""
        raise NotImplementedError

    def _show_invalid(self, error: ValidationError) -> None:
        """Say in the banner why Save was refused, and go to the field."""
        raise NotImplementedError

    def _store(self, item: R) -> None:
        raise NotImplementedError

    def _remove(self, record_id: str) -> None:
        raise NotImplementedError

    # ---- internals -----------------------------------------------------------------------

    def _fill(self, item: R | None) -> None:
        self._loading = True
        try:
            self._fill_fields(item)
        finally:
            self._loading = False
        self._dirty = False
        self.problem.clear()
        self._delete.setEnabled(item is not None)

    def _changed(self, *_args: object) -> None:
        if self._loading or self._current_id is None:
            return
        self._dirty = True
        self.edited.emit()
