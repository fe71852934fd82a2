"""Leaving an editor: valid edits are saved; invalid ones stay, kept as a draft, and the
editor says what to fix."""

from typing import Protocol

from .draft_keeper import DraftKeeper


class SaveableEditor(Protocol):
    """What the workspace asks of each editor before the client changes."""

    def isDirty(self) -> bool: ...

    def problems(self) -> str | None: ...

    def saveChanges(self) -> bool: ...


def leave_editor(editor: SaveableEditor, keeper: DraftKeeper) -> bool:
    """Save what ``editor`` shows before moving away; False if it cannot be saved."""
    if not editor.isDirty():
        return True
    if editor.problems() is None and editor.saveChanges():
        return True
    keeper.saveAll()
    editor.saveChanges()  # shows why it cannot be saved
    return False
