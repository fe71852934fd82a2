"""Life events: a table of what happened when (deaths, moves, disputes, new roles) and an
editor. They sit on the timeline against the course of mood."""

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QWidget

from ipt_desktop.domain.model import ClientRecord, LifeEvent

from .draft_keeper import DraftKeeper
from .life_event_editor import LifeEventEditor
from .life_event_model import Column, LifeEventModel
from .open_record import OpenRecord
from .record_list_tab import RecordListSpec, RecordListTab
from .workspace_dialogs import WorkspaceDialogs

NOTHING_CHOSEN = "Choose an event on the left, or add one."
EMPTY_HINT = (
    "Interpersonal events placed against the course of mood show how events and symptoms "
    "travel together: a death, a move, a dispute starting, a promotion."
)
SPEC = RecordListSpec(
    add_text="Add life event",
    add_name="Add life event",
    table_name="Life events",
    stretch_column=Column.DESCRIPTION,
    nothing_chosen=NOTHING_CHOSEN,
    empty_hint=EMPTY_HINT,
    stretch=(3, 2),
    sizes=(700, 500),
    word_wrap=False,
)


class LifeEventsTab(RecordListTab[LifeEvent]):
    model: LifeEventModel
    editor: LifeEventEditor

    def __init__(
        self,
        record: OpenRecord,
        keeper: DraftKeeper,
        dialogs: Callable[[], WorkspaceDialogs],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(record, keeper, dialogs, SPEC, parent)

    def selectEvent(self, event_id: str) -> bool:
        return self.selectRecord(event_id)

    def addEvent(self) -> None:
        self.addRecord()

    def _make_model(self) -> LifeEventModel:
        return LifeEventModel(self)

    def _make_editor(self) -> LifeEventEditor:
        return LifeEventEditor(self._record, self._keeper, self._dialogs, self)

    def _records_of(self, record: ClientRecord) -> Sequence[LifeEvent]:
        return record.life_events
