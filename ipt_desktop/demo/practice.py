"""The demo practice: six invented clients written into a vault (``ipt-desktop demo``).

Everything in it is fiction and every client's name starts with "Demo – ", so a demo vault
can never be mistaken for real records. The mix: a remission followed by maintenance IPT
(Ada), a mid-course dispute (Bram), a responder at the end (Eleni), a partial responder
(Salma), PHQ-9 item 9 positive at intake (Timofey), and a recent positive item 9 still to
assess (Marisol).
"""

import datetime as dt

from ipt_desktop.domain.model import ClientRecord, PracticeDetails
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.practice_details import load_practice, save_practice
from ipt_desktop.vault.rows import add_records
from ipt_desktop.vault.vault import Vault

from .stories import ADA, BRAM, ELENI, MARISOL, SALMA, TIMOFEY
from .story import DemoClient, Story, build_demo, build_record

STORIES: tuple[Story, ...] = (ADA, BRAM, ELENI, SALMA, TIMOFEY, MARISOL)
DEMO_PRACTICE = PracticeDetails(
    therapist_name="Dr Demo Example",
    credentials="Clinical psychologist, IPT therapist (fictional)",
    practice_name="Demo Practice for Interpersonal Psychotherapy",
    address="1 Example Street\nSampletown",
    phone="+00 0000 000000",
    email="demo@example.invalid",
)


def build_demo_records(today: dt.date) -> list[ClientRecord]:
    """The demo clients as records, dated back from ``today`` (pure: nothing is stored)."""
    return [build_record(story, today) for story in STORIES]


def build_demo_clients(today: dt.date) -> list[DemoClient]:
    """The demo records with, per session, the life events its note mentions (for tests)."""
    return [build_demo(story, today) for story in STORIES]


def fill_demo(vault: Vault, today: dt.date | None = None) -> list[str]:
    """Add the demo clients in one transaction and, if none are set, demo practice
    details; returns the new client ids."""
    records = build_demo_records(today or dt.date.today())
    ids = add_records(vault, records, AuditEvent.CREATE, detail="demo practice")
    if load_practice(vault) == PracticeDetails():
        save_practice(vault, DEMO_PRACTICE)
    return ids
