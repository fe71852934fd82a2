"""The client's life events as a table (date, kind, description), oldest first."""

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QObject

from ipt_desktop.domain.enums import LifeEventKind
from ipt_desktop.domain.model import LifeEvent
from ui.common.ui_text import format_date

from .record_table_model import RECORD_ID_ROLE, ColumnSpec, RecordTableModel

EVENT_ID_ROLE = RECORD_ID_ROLE
KIND_LABELS = {
    LifeEventKind.GRIEF: "Death (grief)",
    LifeEventKind.ROLE_TRANSITION: "Role transition",
    LifeEventKind.ROLE_DISPUTE: "Dispute",
    LifeEventKind.INTERPERSONAL_DEFICITS: "Isolation",
    LifeEventKind.OTHER: "Other",
}
SUMMARY_CHARS = 140
TOOLTIP_CHARS = 2000


class Column(IntEnum):
    DATE = 0
    KIND = 1
    DESCRIPTION = 2


def first_line(text: str) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= SUMMARY_CHARS else line[: SUMMARY_CHARS - 1] + "…"


COLUMNS: dict[Column, ColumnSpec[LifeEvent]] = {
    Column.DATE: ColumnSpec("Date", lambda e: format_date(e.date)),
    Column.KIND: ColumnSpec("Kind", lambda e: KIND_LABELS[e.kind]),
    Column.DESCRIPTION: ColumnSpec(
        "What happened",
        lambda e: first_line(e.description),
        tooltip=lambda e: e.description[:TOOLTIP_CHARS],
    ),
}


class LifeEventModel(RecordTableModel[LifeEvent]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [COLUMNS[c] for c in Column], lambda e: e.id, parent, sort_key=lambda e: (e.date, e.id)
        )

    def setEvents(self, events: Sequence[LifeEvent]) -> None:
        self.setRecords(events)

    def lifeEvent(self, row: int) -> LifeEvent:
        return self.record(row)
