"""Closing the app with unsaved edits: the therapist chooses, and sees what is at stake.

Switching clients saves valid edits and says so; closing the window is different (the work
is over, nothing is shown afterwards), so it asks: Save, Discard or Cancel, naming each
unsaved record and why one cannot be saved yet. Whatever is chosen, typing is never lost
without that choice: Save keeps what cannot be saved as a sealed draft (and asks again
whether to close), Cancel keeps everything on screen, and only Discard drops the edits and
their drafts. The idle auto-lock never comes here: it keeps sealed drafts without asking
(``ClientWorkspace.saveDrafts``).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from .draft_keeper import DraftKeeper
from .leave_editor import SaveableEditor


class CloseChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


@dataclass(frozen=True)
class Unsaved:
    """One editor with unsaved edits, as the question names it."""

    what: str  # "Sessions: Session 5 of 16, 3 February 2025"
    problem: str | None  # why it cannot be saved yet (None: it can)

    @property
    def line(self) -> str:
        if self.problem is None:
            return self.what
        return f"{self.what} (cannot be saved yet: {self.problem.rstrip('.')})"


class DraftSourceEditor(SaveableEditor, Protocol):
    """An editor the question can save, or whose draft it can drop."""

    def draftKey(self) -> str | None: ...


def unsaved(editors: Sequence[tuple[str, DraftSourceEditor]]) -> list[Unsaved]:
    return [Unsaved(what, editor.problems()) for what, editor in editors if editor.isDirty()]


def close_question(items: Sequence[Unsaved]) -> str:
    """The question's text: what is unsaved, and what each answer does."""
    lines = "\n".join(f"\N{BULLET} {item.line}" for item in items)
    return (
        f"{lines}\n\nSave stores these changes. Discard drops them: they will not come back. "
        "Cancel keeps the app open."
    )


def close_with_choice(
    editors: Sequence[tuple[str, DraftSourceEditor]],
    keeper: DraftKeeper,
    ask: Callable[[str], CloseChoice],
    leave_with_problems: Callable[[str], bool],
    discard_started: Callable[[], None] = lambda: None,
) -> bool:
    """True when the window may close. ``editors``: (how the question names it, editor);
    ``discard_started``: on Discard, also remove a record started blank and never saved."""
    dirty = [(what, editor) for what, editor in editors if editor.isDirty()]
    if not dirty:
        return True
    choice = ask(close_question(unsaved(dirty)))
    if choice is CloseChoice.CANCEL:
        return False
    if choice is CloseChoice.DISCARD:
        for _what, editor in dirty:
            keeper.discard(editor.draftKey())
        discard_started()
        return True
    problems: list[str] = []
    for what, editor in dirty:
        problem = editor.problems()
        if problem is None and editor.saveChanges():
            continue
        problems.append(f"{what}: {problem or 'not saved'}")
    if not problems:
        return True
    keeper.saveAll()  # what cannot be saved waits as a sealed draft
    return leave_with_problems("\n".join(problems))
