"""One line per client for the client list: where treatment stands and whether to look now."""

import datetime as dt
from dataclasses import dataclass

from .contract import contract_label, session_numbers, session_order_key
from .enums import EpisodeKind, Phase, ProblemArea, Severity
from .measures import phq9_severity, phq9_total
from .model import ClientRecord
from .phases import effective_phase
from .risk_records import RiskLevel
from .risk_status import RiskStatus, risk_status
from .verdict import Verdict, current_verdict


@dataclass(frozen=True)
class ClientSummary:
    client_id: str
    name: str
    active: bool
    phase: Phase | None  # None when the client has no episode
    session_number: int | None  # of the latest session of the current episode
    planned_sessions: int | None
    last_session_date: dt.date | None
    latest_phq9: int | None
    latest_phq9_severity: Severity | None
    latest_mood: int | None
    risk_flag: bool  # the risk status is open (RiskStatus.OPEN)
    problem_areas: tuple[ProblemArea, ...]
    #: The current episode's outcome so far (a verdict only at the end of the course).
    outcome: Verdict = Verdict.NOT_MEASURED
    #: none / open / reviewed (``risk_status``): open while a risk source has no review on
    #: or after its date, or a review is due again; a later 0 never clears it.
    risk: RiskStatus = RiskStatus.NONE
    risk_level: RiskLevel | None = None  # of the latest risk review

    @property
    def progress_label(self) -> str:
        if self.session_number is None or self.planned_sessions is None:
            return ""
        return contract_label(self.session_number, self.planned_sessions)


def summarize(record: ClientRecord) -> ClientSummary:
    """Current episode = the latest-starting one. Measures and the risk flag use every episode.

    The risk flag is the client-level risk status (``risk_status``): open while any risk
    source has no later review, or a review is due again; a later 0 never clears it.
    """
    sessions = sorted(record.sessions, key=session_order_key)
    episode = record.current_episode
    phase: Phase | None = None
    number: int | None = None
    if episode is not None:
        episode_sessions = [s for s in sessions if s.episode_id == episode.id]
        if episode_sessions:
            latest = episode_sessions[-1]
            number = session_numbers(episode_sessions)[latest.id]
            phase = effective_phase(latest, episode, number)
        elif episode.kind is EpisodeKind.MAINTENANCE:
            phase = Phase.MAINTENANCE
        else:
            phase = Phase.INITIAL
    phq9s = [s.phq9 for s in sessions if s.phq9 is not None]
    latest_phq9 = phq9_total(phq9s[-1]) if phq9s else None
    moods = [s.mood for s in sessions if s.mood is not None]
    client_risk = risk_status(record)
    return ClientSummary(
        client_id=record.client.id,
        name=record.client.name,
        active=record.client.ended_on is None,
        phase=phase,
        session_number=number,
        planned_sessions=None if episode is None else episode.planned_sessions,
        last_session_date=sessions[-1].date if sessions else None,
        latest_phq9=latest_phq9,
        latest_phq9_severity=None if latest_phq9 is None else phq9_severity(latest_phq9),
        latest_mood=moods[-1] if moods else None,
        risk_flag=client_risk.is_open,
        problem_areas=() if episode is None else episode.formulation.problem_areas,
        outcome=current_verdict(record),
        risk=client_risk.state,
        risk_level=client_risk.level,
    )
