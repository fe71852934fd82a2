"""The few questions the workspace asks. Tests replace this object (no dialog may block).

Every dialog tolerates being rejected at any moment (the shell rejects open dialogs on
auto-lock): a rejected question counts as "no" / "stay".
"""

from PySide6.QtWidgets import QMessageBox, QWidget

from .close_guard import CloseChoice


class WorkspaceDialogs:
    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def confirmSign(self, what: str) -> bool:
        return self._ask(
            "Sign this note?",
            f"{what}\n\nA signed note is read-only. Later corrections are added as "
            "amendments, each with its own date and time.",
            "Sign note",
        )

    def confirmDate(self, questions: str) -> bool:
        """A session date worth a second look (far ahead, before the contract, renumbering
        a signed note). True = keep the date as typed."""
        return self._ask(
            "Is this session date right?",
            f"{questions}\n\nA wrong date moves the session in the contract and the chart.",
            "Keep this date",
            cancel_text="Change the date",
        )

    def confirmDelete(self, what: str) -> bool:
        return self._ask("Delete?", f"{what}\n\nThis cannot be undone.", "Delete")

    def leaveWithProblems(self, problems: str) -> bool:
        """Some edits cannot be saved yet. True = leave anyway (they stay as drafts)."""
        return self._ask(
            "Some changes cannot be saved yet",
            f"{problems}\n\nYour text is kept as an encrypted draft and offered again "
            "when you come back to this client.",
            "Leave and keep draft",
            cancel_text="Stay and fix",
        )

    def askBeforeClosing(self, unsaved: str) -> CloseChoice:
        """Unsaved edits when the app closes: Save (the default), Discard or Cancel."""
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Unsaved changes")
        box.setText("Save your changes before closing?")
        box.setInformativeText(unsaved)
        save = box.addButton("Save", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Discard changes", QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
        save.setAccessibleName("Save the changes and close")
        discard.setAccessibleName("Discard the changes and close")
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return CloseChoice.SAVE
        if clicked is discard:
            return CloseChoice.DISCARD
        return CloseChoice.CANCEL  # Cancel, Escape, or rejected by an auto-lock

    def chooseHandoverMeasures(self) -> list[str] | None:
        """Which questionnaires the client answers in hand-over mode (None: cancelled)."""
        from .handover_choice_dialog import HandoverChoiceDialog

        dialog = HandoverChoiceDialog(self._parent)
        accepted = dialog.exec() == HandoverChoiceDialog.DialogCode.Accepted
        chosen = dialog.chosen()
        dialog.deleteLater()
        return chosen if accepted and chosen else None

    def _ask(self, title: str, text: str, accept_text: str, cancel_text: str = "Cancel") -> bool:
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(title)
        box.setInformativeText(text)
        accept = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(cancel_text, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is accept
