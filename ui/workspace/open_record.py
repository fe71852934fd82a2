"""The client record open in the workspace, and every write the workspace makes to it.

Tabs read the decrypted ``ClientRecord`` from here and write through here: each write is
one service call (one vault transaction, with its audit entry); the in-memory record is
then updated from what was saved, without decrypting the whole record again, and
``changed`` tells every tab to refresh. One contract (episode) is "selected": the sessions,
formulation and termination tabs work on it.
"""

import dataclasses
import datetime as dt
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject, Signal

from ipt_desktop.domain.contract import session_order_key
from ipt_desktop.domain.model import (
    ClientRecord,
    Episode,
    InventoryPerson,
    LifeEvent,
    Session,
)
from ipt_desktop.domain.risk_records import RiskReview, SafetyPlan
from ipt_desktop.services import clients, episodes, life_events, people, risk, sessions
from ipt_desktop.vault.vault import Vault


class OpenRecord(QObject):
    changed = Signal()  # the record was loaded, closed or written, or another episode chosen
    saved = Signal(str)  # client id, after any write

    def __init__(self, vault: Vault, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._record: ClientRecord | None = None
        self._episode_id: str | None = None

    # ---- reading -------------------------------------------------------------------------

    @property
    def vault(self) -> Vault:
        return self._vault

    @property
    def record(self) -> ClientRecord | None:
        return self._record

    @property
    def client_id(self) -> str | None:
        return None if self._record is None else self._record.client.id

    @property
    def episode(self) -> Episode | None:
        return None if self._episode_id is None else self.episode_by_id(self._episode_id)

    def episode_by_id(self, episode_id: str) -> Episode | None:
        if self._record is None:
            return None
        return next((e for e in self._record.episodes if e.id == episode_id), None)

    def episodes(self) -> tuple[Episode, ...]:
        if self._record is None:
            return ()
        return tuple(sorted(self._record.episodes, key=lambda e: (e.start_date, e.id)))

    def episode_sessions(self) -> tuple[Session, ...]:
        """Sessions of the selected episode, oldest first."""
        if self._episode_id is None:
            return ()
        return self.sessions_of(self._episode_id)

    def sessions_of(self, episode_id: str) -> tuple[Session, ...]:
        if self._record is None:
            return ()
        return tuple(sorted(self._record.sessions_of(episode_id), key=session_order_key))

    def session(self, session_id: str) -> Session | None:
        if self._record is None:
            return None
        return next((s for s in self._record.sessions if s.id == session_id), None)

    def episode_of(self, session: Session) -> Episode | None:
        return self.episode_by_id(session.episode_id)

    # ---- opening -------------------------------------------------------------------------

    def open(self, client_id: str) -> None:
        record = clients.load_record(self._vault, client_id)
        self._record = record
        current = record.current_episode
        self._episode_id = None if current is None else current.id
        self.changed.emit()

    def close(self) -> None:
        self._record = None
        self._episode_id = None
        self.changed.emit()

    def select_episode(self, episode_id: str) -> None:
        if episode_id != self._episode_id and self.episode_by_id(episode_id) is not None:
            self._episode_id = episode_id
            self.changed.emit()

    # ---- writing -------------------------------------------------------------------------

    def new_session(self, on: dt.date) -> Session:
        """A new, empty session in the selected episode, stored at once."""
        record = self._require()
        draft = sessions.new_session_for(record, on)
        if self._episode_id is not None and draft.episode_id != self._episode_id:
            draft = dataclasses.replace(draft, episode_id=self._episode_id, phase_override=None)
        return self.save_session(draft)

    def save_session(self, session: Session) -> Session:
        saved = sessions.save_session(self._vault, session)
        self._put_session(saved)
        return saved

    def sign_session(self, session_id: str) -> Session:
        signed = sessions.sign_session(self._vault, self._require().client.id, session_id)
        self._put_session(signed)
        return signed

    def amend_session(self, session_id: str, text: str) -> Session:
        amended = sessions.amend_session(self._vault, self._require().client.id, session_id, text)
        self._put_session(amended)
        return amended

    def delete_session(self, session_id: str) -> None:
        record = self._require()
        sessions.delete_session(self._vault, record.client.id, session_id)
        remaining = tuple(s for s in record.sessions if s.id != session_id)
        self._update(dataclasses.replace(record, sessions=remaining))

    def save_episode(self, episode: Episode) -> None:
        record = self._require()
        episodes.save_episode(self._vault, episode)
        others = tuple(e for e in record.episodes if e.id != episode.id)
        if self._episode_id is None or episode.id not in {e.id for e in record.episodes}:
            self._episode_id = episode.id  # a new contract becomes the one shown
        self._update(dataclasses.replace(record, episodes=(*others, episode)))

    def save_person(self, person: InventoryPerson) -> None:
        record = self._require()
        people.save_person(self._vault, person)
        inventory = _replaced(record.inventory, person)
        self._update(dataclasses.replace(record, inventory=inventory))

    def delete_person(self, person_id: str) -> None:
        record = self._require()
        people.delete_person(self._vault, record.client.id, person_id)
        inventory = tuple(p for p in record.inventory if p.id != person_id)
        self._update(dataclasses.replace(record, inventory=inventory))

    def save_life_event(self, event: LifeEvent) -> None:
        record = self._require()
        life_events.save_life_event(self._vault, event)
        events = tuple(sorted(_replaced(record.life_events, event), key=lambda e: (e.date, e.id)))
        self._update(dataclasses.replace(record, life_events=events))

    def delete_life_event(self, event_id: str) -> None:
        record = self._require()
        life_events.delete_life_event(self._vault, record.client.id, event_id)
        events = tuple(e for e in record.life_events if e.id != event_id)
        self._update(dataclasses.replace(record, life_events=events))

    def save_risk_review(self, review: RiskReview) -> None:
        record = self._require()
        risk.save_risk_review(self._vault, review)
        reviews = sorted(_replaced(record.risk_reviews, review), key=lambda r: r.date)
        self._update(dataclasses.replace(record, risk_reviews=tuple(reviews)))

    def save_safety_plan(self, plan: SafetyPlan) -> SafetyPlan:
        record = self._require()
        stored = risk.save_safety_plan(self._vault, plan)
        self._update(dataclasses.replace(record, safety_plan=stored))
        return stored

    # ---- internals -----------------------------------------------------------------------

    def _require(self) -> ClientRecord:
        if self._record is None:
            raise RuntimeError("no client record is open")
        return self._record

    def _put_session(self, session: Session) -> None:
        record = self._require()
        merged = sorted(_replaced(record.sessions, session), key=session_order_key)
        self._update(dataclasses.replace(record, sessions=tuple(merged)))

    def _update(self, record: ClientRecord) -> None:
        self._record = record
        self.changed.emit()
        self.saved.emit(record.client.id)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_HasId)


def _replaced(items: tuple[_Item, ...], new: _Item) -> tuple[_Item, ...]:
    """``items`` with the element of ``new``'s id replaced by it (or ``new`` appended)."""
    if any(item.id == new.id for item in items):
        return tuple(new if item.id == new.id else item for item in items)
    return (*items, new)
