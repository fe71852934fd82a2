"""A tab that edits one part of the selected treatment contract (formulation, termination).

It follows the contract chosen in the workspace: switching contract keeps unsaved text as a
draft for the one left and loads the other; with no contract it says so instead of the
form. Edits say "Unsaved changes" beside Save; Save validates, stores the contract and
reloads it. A subclass builds the form and says how to fill it, read it and clear it.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import Episode
from ipt_desktop.vault.errors import VaultError
from ui.common.banner import Banner, BannerKind
from ui.common.form_parts import muted_label

from .draft_keeper import DraftKeeper
from .open_record import OpenRecord

NO_CONTRACT = "No treatment contract yet: agree one on the Overview tab."
UNSAVED = "Unsaved changes"


@dataclass(frozen=True)
class EpisodePageWords:
    draft_prefix: str
    save_name: str
    cannot_save: str
    not_saved: str


class EpisodePage(QWidget):
    edited = Signal()

    def __init__(
        self,
        record: OpenRecord,
        keeper: DraftKeeper,
        words: EpisodePageWords,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._record = record
        self._keeper = keeper
        self._words = words
        self._episode_id: str | None = None
        self._dirty = False
        self._loading = False
        self._save = QPushButton("Save", self)
        self._save.setAccessibleName(words.save_name)
        self._save.clicked.connect(self.saveChanges)

    def _header_parts(self) -> None:
        """The state beside Save, the problem banner and the no-contract line."""
        self._state = muted_label("", self)
        self.problem = Banner(BannerKind.PROBLEM, parent=self)
        self._empty = muted_label(NO_CONTRACT, self)

    # ---- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        episode = self._record.episode
        new_id = None if episode is None else episode.id
        if new_id != self._episode_id:
            if self._dirty:
                self._keeper.saveAll()  # the text waits as a draft for this contract
            self._load()
        elif not self._dirty:
            self._load()

    def _load(self) -> None:
        episode = self._record.episode
        self._episode_id = None if episode is None else episode.id
        self._show_page(episode is not None)
        self._loading = True
        try:
            self._fill(episode)
        finally:
            self._loading = False
        self._dirty = False
        self._state.setText("")
        self.problem.clear()
        self._loaded()
        if episode is not None:
            self._keeper.restore(self)

    # ---- saving --------------------------------------------------------------------------

    def isDirty(self) -> bool:
        return self._episode_id is not None and self._dirty

    def problems(self) -> str | None:
        if not self.isDirty():
            return None
        try:
            self._value()
        except ValidationError as error:
            return error.message
        return None

    def saveChanges(self) -> bool:
        episode = self._record.episode
        if episode is None or not self.isDirty():
            return True
        try:
            self._record.save_episode(self._updated(episode))
        except ValidationError as error:
            self.problem.showMessage(self._words.cannot_save, self._invalid_message(error))
            return False
        except VaultError as error:
            self.problem.showMessage(self._words.not_saved, str(error))
            return False
        self._keeper.discard(self.draftKey())
        self._dirty = False
        self._load()
        return True

    # ---- drafts --------------------------------------------------------------------------

    def draftKey(self) -> str | None:
        if self._episode_id is None:
            return None
        return f"{self._words.draft_prefix}:{self._episode_id}"

    def draftFields(self) -> dict[str, str]:
        raise NotImplementedError

    def applyDraft(self, fields: Mapping[str, str]) -> None:
        self._loading = True
        try:
            self._apply_fields(fields)
        finally:
            self._loading = False
        self._mark_dirty()

    def clearSensitive(self) -> None:
        self._loading = True
        try:
            self._clear_fields()
        finally:
            self._loading = False
        self._episode_id = None
        self._dirty = False

    # ---- what a subclass says ------------------------------------------------------------

    def _show_page(self, shown: bool) -> None:
        """Show the form (and its buttons) for a contract, or the no-contract line."""
        raise NotImplementedError

    def _fill(self, episode: Episode | None) -> None:
        raise NotImplementedError

    def _loaded(self) -> None:
        """After a load: what follows from the values shown."""

    def _value(self) -> object:
        """The part of the contract the form describes; ValidationError when it cannot."""
        raise NotImplementedError

    def _updated(self, episode: Episode) -> Episode:
        raise NotImplementedError

    def _invalid_message(self, error: ValidationError) -> str:
        return error.message

    def _apply_fields(self, fields: Mapping[str, str]) -> None:
        raise NotImplementedError

    def _clear_fields(self) -> None:
        raise NotImplementedError

    # ---- internals -----------------------------------------------------------------------

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self._mark_dirty()

    def _mark_dirty(self) -> None:
        self._dirty = True
        self._state.setText(UNSAVED)
        self.edited.emit()
