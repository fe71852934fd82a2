"""The client-level risk status shown in the client list and by ``ipt-desktop list``.

HOOK for the risk layer of issue 12 (h12b): the full status (none / open / reviewed, with
a level) comes from the therapist's risk review records. Until that model exists, the
status is derived from the record alone: "open" once any session has ever had PHQ-9 item 9
above 0 (a later 0 never clears it, IPT.md), else "none". "reviewed" is never produced here.
"""

from enum import StrEnum

from .measures import item9_positive
from .model import ClientRecord


class RiskStatus(StrEnum):
    NONE = "none"
    OPEN = "open"
    REVIEWED = "reviewed"

    @property
    def label(self) -> str:
        return {
            RiskStatus.NONE: "No risk recorded",
            RiskStatus.OPEN: "Risk open",
            RiskStatus.REVIEWED: "Risk reviewed",
        }[self]


def risk_status(record: ClientRecord) -> RiskStatus:
    if any(item9_positive(s.phq9) for s in record.sessions):
        return RiskStatus.OPEN
    return RiskStatus.NONE
