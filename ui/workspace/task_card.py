"""The overview's card of IPT tasks: what is due (overdue first), what is done and where,
and how often the per-session tasks of the middle and maintenance phases were done.

The rules are the domain's (``task_rules``); this card only words and lays them out.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ipt_desktop.domain.enums import Phase
from ipt_desktop.domain.task_rules import TaskOverview

from .card_frame import CardFrame

NOTHING_DUE = "Nothing due: every task of the course so far is recorded."
NO_SESSIONS = "The tasks of each phase appear here once sessions are recorded."


class TaskCard(CardFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("IPT tasks (this contract)", parent)
        self.overdue = self._label(bold=True, name="IPT tasks overdue")
        self.due = self._label(name="IPT tasks due")
        self.done = self._label(name="IPT tasks done")
        self.tallies = self._label(name="IPT tasks per session")
        self.show_overview(None)

    def _label(self, *, name: str, bold: bool = False) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAccessibleName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if bold:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        self.body.addWidget(label)
        return label

    def show_overview(self, overview: TaskOverview | None) -> None:
        if overview is None or overview.held == 0:
            self.overdue.setText("")
            self.due.setText(NO_SESSIONS)
            self.done.setText("")
            self.tallies.setText("")
        else:
            late = [f"\N{WARNING SIGN} {_sentence(d.text)}" for d in overview.due if d.overdue]
            due = [f"\N{BULLET} {_sentence(d.text)}" for d in overview.due if not d.overdue]
            self.overdue.setText("\n".join(late))
            self.due.setText("\n".join(due) if due or late else NOTHING_DUE)
            done = [d.short_text for d in overview.done]
            self.done.setText("Done: " + " \N{MIDDLE DOT} ".join(done) if done else "")
            self.tallies.setText(_tallies_text(overview))
        for label in (self.overdue, self.due, self.done, self.tallies):
            label.setVisible(bool(label.text()))

    def clearSensitive(self) -> None:
        self.show_overview(None)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _tallies_text(overview: TaskOverview) -> str:
    lines: list[str] = []
    for phase in (Phase.MIDDLE, Phase.MAINTENANCE):
        parts = [
            f"{t.label.lower()} {t.done_in} of {t.sessions}"
            for t in overview.tallies
            if t.phase is phase
        ]
        if parts:
            lines.append(f"{phase.label} sessions: " + " \N{MIDDLE DOT} ".join(parts))
    return "\n".join(lines)
