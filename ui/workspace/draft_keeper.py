"""Keeps unsaved text safe: encrypted drafts while typing, on lock, and back after unlock.

Every editor of the workspace is a ``DraftSource``. While the user types, the keeper waits
for a pause (5 s after the last keystroke) and writes each changed editor's fields as one
encrypted draft (``services.drafts``; no audit entry). ``saveAll`` does the same at once,
without asking (auto-lock). When an editor loads a record, ``restore`` puts a draft found
for it back and says so quietly. A successful save discards the draft.
"""

import datetime as dt
from collections.abc import Mapping
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from ipt_desktop.services import drafts
from ipt_desktop.vault.errors import VaultError
from ipt_desktop.vault.vault import Vault
from ui.common.ui_text import format_datetime

PAUSE_MS = 5_000


class DraftSource(Protocol):
    """What an editor offers the keeper. ``draftKey`` is None when nothing is loaded."""

    def draftKey(self) -> str | None: ...

    def draftFields(self) -> dict[str, str]: ...

    def applyDraft(self, fields: Mapping[str, str]) -> None: ...

    def isDirty(self) -> bool: ...


def restored_message(saved_at: str) -> str:
    try:
        when = format_datetime(dt.datetime.fromisoformat(saved_at))
    except ValueError:
        when = "an earlier session"
    return f"Unsaved text from {when} was restored. Review it, then save."


class DraftKeeper(QObject):
    restored = Signal(str)  # a short message for the user
    failed = Signal(str)  # a draft could not be written (message without clinical text)

    def __init__(self, vault: Vault, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._client_id: str | None = None
        self._sources: list[DraftSource] = []
        self._written: dict[str, dict[str, str]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.saveAll)

    def setClientId(self, client_id: str | None) -> None:
        self._client_id = client_id
        self._written.clear()
        self._timer.stop()

    def setPause(self, milliseconds: int) -> None:
        self._timer.setInterval(milliseconds)

    def isPending(self) -> bool:
        return self._timer.isActive()

    def watch(self, source: DraftSource, edited: SignalInstance) -> None:
        self._sources.append(source)
        edited.connect(self.touched)

    def touched(self) -> None:
        """The user typed: (re)start the pause before the next draft write."""
        if self._client_id is not None:
            self._timer.start()

    def saveAll(self) -> int:
        """Write a draft for every editor with unsaved changes; returns how many were written."""
        self._timer.stop()
        if self._client_id is None:
            return 0
        written = 0
        for source in self._sources:
            key = source.draftKey()
            if key is None or not source.isDirty():
                continue
            fields = source.draftFields()
            if self._written.get(key) == fields:
                continue
            try:
                drafts.save_draft(self._vault, key, self._client_id, fields)
            except VaultError:
                self.failed.emit("Unsaved text could not be kept as a draft.")
                continue
            self._written[key] = fields
            written += 1
        return written

    def restore(self, source: DraftSource) -> bool:
        """Put the draft kept for ``source`` back into it, if one differs from what it shows."""
        key = source.draftKey()
        if key is None:
            return False
        try:
            draft = drafts.load_draft(self._vault, key)
        except VaultError:
            return False
        if draft is None or draft.client_id != self._client_id:
            return False
        if dict(draft.fields) == source.draftFields():
            return False
        source.applyDraft(draft.fields)
        self._written[key] = dict(draft.fields)
        self.restored.emit(restored_message(draft.saved_at))
        return True

    def discard(self, key: str | None) -> None:
        if key is None:
            return
        self._written.pop(key, None)
        try:
            drafts.discard_draft(self._vault, key)
        except VaultError:
            self.failed.emit("An old draft could not be removed.")

    def pendingKeys(self) -> list[str]:
        """Keys of the drafts kept for the current client (to reopen what they belong to)."""
        if self._client_id is None:
            return []
        try:
            kept = drafts.list_drafts(self._vault)
        except VaultError:
            return []
        return [d.key for d in kept if d.client_id == self._client_id]
