"""The sessions of one contract as a table: number, date, phase, PHQ-9, note state.

Rows are frozen ``SessionRow`` values built from the record (newest first); the model only
presents them. Colour is never alone: the PHQ-9 cell says its band, a risk row says "Risk".
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from ipt_desktop.domain.contract import contract_label, session_numbers
from ipt_desktop.domain.enums import Phase, Severity
from ipt_desktop.domain.measures import item9_positive, phq9_severity, phq9_total
from ipt_desktop.domain.model import Episode, Session
from ipt_desktop.domain.phases import effective_phase
from ipt_desktop.domain.signing import signing_problems
from ui.common.clinical_colours import severity_colour
from ui.common.ui_text import NONE_TEXT, format_date, format_datetime

from .record_table_model import RECORD_ID_ROLE, ColumnSpec, RecordTableModel

SESSION_ID_ROLE = RECORD_ID_ROLE


class Column(IntEnum):
    NUMBER = 0
    DATE = 1
    PHASE = 2
    PHQ9 = 3
    STATE = 4


#: The list is narrow: the one long band name is shortened there (the tooltip has it whole).
SHORT_BANDS = {Severity.MODERATELY_SEVERE: "mod. severe"}


@dataclass(frozen=True)
class SessionRow:
    session_id: str
    number: int
    planned: int
    date: dt.date
    phase: Phase
    mood: int | None
    phq9: int | None
    severity: Severity | None
    item9_positive: bool
    risk_missing: bool
    signed_at: dt.datetime | None
    amendments: int

    @property
    def state(self) -> str:
        if self.risk_missing:
            return "Assess risk"
        if self.signed_at is None:
            return "Unsigned"
        return "Amended" if self.amendments else "Signed"


def session_rows(episode: Episode, sessions: Sequence[Session]) -> list[SessionRow]:
    """One row per session of ``episode``, newest first."""
    own = [s for s in sessions if s.episode_id == episode.id]
    numbers = session_numbers(own)
    rows = []
    for session in own:
        number = numbers[session.id]
        total = None if session.phq9 is None else phq9_total(session.phq9)
        rows.append(
            SessionRow(
                session_id=session.id,
                number=number,
                planned=episode.planned_sessions,
                date=session.date,
                phase=effective_phase(session, episode, number),
                mood=session.mood,
                phq9=total,
                severity=None if total is None else phq9_severity(total),
                item9_positive=item9_positive(session.phq9),
                risk_missing=not session.is_signed and bool(signing_problems(session)),
                signed_at=session.signed_at,
                amendments=len(session.amendments),
            )
        )
    rows.sort(key=lambda r: (r.date, r.number), reverse=True)
    return rows


def _phq9_text(row: SessionRow) -> str:
    if row.phq9 is None or row.severity is None:
        return NONE_TEXT
    # An unassessed item 9 is said in the Note column ("Assess risk").
    flag = " · item 9" if row.item9_positive and not row.risk_missing else ""
    return f"{row.phq9} {SHORT_BANDS.get(row.severity, row.severity.label.lower())}{flag}"


def _tooltip(row: SessionRow) -> str:
    lines = [contract_label(row.number, row.planned), format_date(row.date), row.phase.label]
    lines.append(f"Mood {NONE_TEXT if row.mood is None else row.mood} / 10")
    if row.phq9 is not None and row.severity is not None:
        lines.append(f"PHQ-9 {row.phq9} · {row.severity.label}")
    if row.risk_missing:
        lines.append("PHQ-9 item 9 above 0: the risk assessment is not written yet")
    elif row.item9_positive:
        lines.append("PHQ-9 item 9 above 0")
    if row.signed_at is not None:
        lines.append(f"Signed on {format_datetime(row.signed_at)}")
    return "\n".join(lines)


def _band_colour(row: SessionRow) -> QColor | None:
    return None if row.severity is None else QColor(severity_colour(row.severity))


COLUMNS: dict[Column, ColumnSpec[SessionRow]] = {
    Column.NUMBER: ColumnSpec(
        "#",
        lambda r: str(r.number),
        _tooltip,
        alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    ),
    Column.DATE: ColumnSpec("Date", lambda r: format_date(r.date), _tooltip),
    Column.PHASE: ColumnSpec("Phase", lambda r: r.phase.label, _tooltip),
    Column.PHQ9: ColumnSpec("PHQ-9", _phq9_text, _tooltip, decoration=_band_colour),
    Column.STATE: ColumnSpec("Note", lambda r: r.state, _tooltip, bold=lambda r: r.risk_missing),
}


class SessionListModel(RecordTableModel[SessionRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([COLUMNS[c] for c in Column], lambda r: r.session_id, parent)

    def setRows(self, rows: Sequence[SessionRow]) -> None:
        self.setRecords(rows)

    def sessionRow(self, row: int) -> SessionRow:
        return self.record(row)
