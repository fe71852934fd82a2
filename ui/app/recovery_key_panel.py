"""The recovery key shown once: the key in a framed box, the printable sheet offered, and
the checkbox that says it was kept.

One panel for both places that show a key: the first-run wizard (``wizard_recovery_pages``)
and File > New recovery key and master key (``rekey_dialog``). The owner says how the sheet
is saved (the wizard through its host, the dialog on its own task runner) and what stands
between the sheet and the checkbox (what losing the key means; what the new key changed).
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.graduation import PaperSize
from ipt_desktop.services import recovery_sheet
from ui.common.failures import failure_text
from ui.common.message_style import set_message
from ui.common.task_runner import TaskRunner

SHEET_FILE_NAME = "ipt-desktop-recovery-sheet.pdf"
SHEET_UNEXPECTED = "Something went wrong. Please try again."
GROUPS_PER_LINE = 7
KEY_GROUPS = 14
#: Save ``path``, then call back with the path saved or the sentence to show.
SaveSheet = Callable[[Path, Callable[[Path], None], Callable[[str], None]], None]


def sheet_failure_text(exc: BaseException) -> str:
    """What to show when saving the sheet failed (a bug's own text is never shown)."""
    return f"The sheet was not saved. {failure_text(exc, SHEET_UNEXPECTED)}"


def save_sheet_off_thread(
    runner: TaskRunner,
    sheet: tuple[str, str, PaperSize],
    path: Path,
    on_done: Callable[[Path], None],
    on_failed: Callable[[str], None],
) -> None:
    """Write the recovery sheet for ``sheet`` (key, vault id, paper) to ``path`` on
    ``runner``; ``on_failed`` gets the sentence to show."""
    key, vault_id, paper = sheet

    def work() -> Path:
        recovery_sheet.save_recovery_sheet(key, vault_id, path, paper)
        return path

    runner.run(
        work,
        on_done,
        lambda exc: on_failed(sheet_failure_text(exc)),
        label="Saving the recovery sheet…",
    )


def key_groups(key_text: str) -> list[str]:
    return [g for g in key_text.replace(" ", "-").split("-") if g]


def display_key(key_text: str) -> str:
    groups = key_groups(key_text)
    lines = [groups[i : i + GROUPS_PER_LINE] for i in range(0, len(groups), GROUPS_PER_LINE)]
    return "\n".join("  ".join(line) for line in lines)


@dataclass(frozen=True)
class KeyWords:
    """What the panel calls the key: the first one, or the one that replaced it."""

    key: str  # the key's name, as a screen reader says it
    sheet: str  # "the ... sheet", in the button and the file dialog's title
    kept: str  # the checkbox, with its Alt+letter


FIRST_KEY = KeyWords(
    "Recovery key", "the recovery sheet", "I have &written down or printed my recovery key"
)
NEW_KEY = KeyWords(
    "New recovery key",
    "the new recovery sheet",
    "I have &written down or printed the new recovery key",
)


class RecoveryKeyPanel(QWidget):
    """The key box, "Save the ... sheet (PDF)…" and its message, ``note``, then ``written``."""

    def __init__(
        self, words: KeyWords, save_sheet: SaveSheet, note: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._words = words
        self._save_sheet = save_sheet
        self.keyLabel = QLabel()
        self.keyLabel.setAccessibleName(words.key)
        self.keyLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 10.0) * 1.35)
        mono.setWeight(QFont.Weight.DemiBold)
        self.keyLabel.setFont(mono)
        lines = -(-KEY_GROUPS // GROUPS_PER_LINE)  # the box keeps its height once cleared
        self.keyLabel.setMinimumHeight(self.keyLabel.fontMetrics().lineSpacing() * lines + 8)
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(16, 14, 16, 14)
        inner.addWidget(self.keyLabel)
        self.saveSheet = QPushButton(f"&Save {words.sheet} (PDF)…")
        self.saveSheet.setAccessibleName(f"Save {words.sheet} as PDF")
        self.saveSheet.clicked.connect(self._choose_sheet_path)
        self.sheetMessage = QLabel()
        self.sheetMessage.setWordWrap(True)
        set_message(self.sheetMessage, "")
        self.written = QCheckBox(words.kept)
        self.written.setAccessibleName(words.kept.replace("&", ""))
        buttons = QHBoxLayout()
        buttons.addWidget(self.saveSheet)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(box)
        layout.addLayout(buttons)
        layout.addWidget(self.sheetMessage)
        layout.addWidget(note)
        layout.addWidget(self.written)

    def showKey(self, key_text: str) -> None:
        self.keyLabel.setText(display_key(key_text))

    def clearKey(self) -> None:
        """The key is shown once: gone from the screen once the page or dialog is left."""
        self.keyLabel.clear()

    def isKept(self) -> bool:
        return self.written.isChecked()

    def _choose_sheet_path(self) -> None:
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        path, _filter = QFileDialog.getSaveFileName(
            self,
            f"Save {self._words.sheet}",
            str(Path(documents or Path.home()) / SHEET_FILE_NAME),
            "PDF documents (*.pdf)",
        )
        if path:
            self.saveSheetTo(Path(path))

    def saveSheetTo(self, path: Path) -> None:
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.saveSheet.setEnabled(False)
        self._save_sheet(path, self._sheet_saved, self._sheet_failed)

    def _sheet_saved(self, path: Path) -> None:
        self.saveSheet.setEnabled(True)
        set_message(
            self.sheetMessage,
            f"Saved to {path}. Print it, lock the paper away, then delete the file: "
            "anyone who has it can open your vault.",
        )

    def _sheet_failed(self, message: str) -> None:
        self.saveSheet.setEnabled(True)
        set_message(self.sheetMessage, message, error=True)
