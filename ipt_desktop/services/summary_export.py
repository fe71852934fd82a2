"""The graduation summary as a PDF: gather the facts, write the file, log the export.

IPT.md ("What the graduation summary holds") says what goes in; ``domain.graduation``
proposes the wording and ``reports`` lays it out. This module is the seam the GUI preview
and the ``summary`` command share:

- ``prepare_content`` reads one client's record (no audit entry: nothing has left the
  vault yet) and returns the default content of one episode with the client's timeline;
  the caller edits it (``domain.graduation.select``, ``dataclasses.replace``).
- ``build_summary_pdf`` builds the PDF in memory, once: the GUI shows those bytes in its
  preview and saves the very same bytes with ``save_summary_pdf``, which writes them
  atomically (``atomic_file``; no temporary file survives a failure), adding the PDF
  password when one is chosen, and records ``AuditEvent.EXPORT_PDF`` with the client id and
  the document kind only, never the file name or any content.
- ``export_summary_pdf`` is both in one call (the ``summary`` command).
- ``record_summary_printed`` logs a summary sent to a printer the same way.

The PDF itself is plaintext by nature; callers tell the user so. The paper size is the
caller's choice: the GUI keeps the therapist's preference as a machine setting (QSettings,
``ui/common/app_settings.py``), the command line takes ``--paper``.
"""

import contextlib
import dataclasses
import datetime as dt
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from ipt_desktop.atomic_file import write_atomically
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.graduation import (
    DocumentKind,
    GraduationContent,
    PaperSize,
    default_content,
)
from ipt_desktop.domain.model import ClientRecord, Episode, Termination
from ipt_desktop.domain.risk_records import DecisionAction
from ipt_desktop.domain.timeline import Timeline, build_timeline
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.errors import VaultLockedError
from ipt_desktop.vault.vault import Vault

from . import clients, practice, practice_memory, risk

#: reportlab keeps module-level state (fonts, caches): one document is built at a time,
#: whoever asks (preview, print, save, the command line).
_BUILD_LOCK = threading.Lock()

NO_EPISODE = "this client has no treatment contract to summarise yet"
NOT_AN_EPISODE = "no treatment contract of this client has that id"


def has_termination_record(episode: Episode) -> bool:
    """Whether anything of the ending was recorded (achievements, skills, signs, a plan)."""
    return episode.termination != Termination()


def default_episode(record: ClientRecord) -> Episode:
    """The contract a summary is about when none is named: the latest (acute or maintenance)
    with a termination record, else the latest. Raises LookupError when there is none."""
    if not record.episodes:
        raise LookupError(NO_EPISODE)
    ended = [e for e in record.episodes if has_termination_record(e)]
    candidates = ended or list(record.episodes)
    # Episodes come in start order; on the same start date the one stored later wins.
    return max(enumerate(candidates), key=lambda pair: (pair[1].start_date, pair[0]))[1]


def _episode(record: ClientRecord, episode_id: str | None) -> Episode:
    if episode_id is None:
        return default_episode(record)
    for episode in record.episodes:
        if episode.id == episode_id:
            return episode
    raise LookupError(NOT_AN_EPISODE)


def prepare_content(
    vault: Vault, client_id: str, episode_id: str | None, today: dt.date | None = None
) -> tuple[GraduationContent, Timeline]:
    """The proposed summary of ``episode_id`` (None: ``default_episode``) and the client's
    timeline for its chart, dated ``today`` (None: the system date).

    Raises LookupError (unknown client, no or unknown contract; the message names no one),
    RecordDamagedError and the other VaultErrors.
    """
    day = today or dt.date.today()
    record = clients.read_record(vault, client_id)
    episode = _episode(record, episode_id)
    content = default_content(record, episode.id, practice.load_practice(vault), day)
    content = dataclasses.replace(content, crisis_contacts=practice.load_crisis_contacts(vault))
    return content, build_timeline(record, day)


def _require_unlocked(vault: Vault) -> None:
    if not vault.is_unlocked:
        raise VaultLockedError("The vault is locked.")


@dataclass(frozen=True)
class SummaryPdf:
    """A summary built in memory (no PDF password yet) and what it was built from."""

    content: GraduationContent
    kind: DocumentKind
    paper: PaperSize
    timeline: Timeline | None
    data: bytes

    def made_from(
        self,
        content: GraduationContent,
        kind: DocumentKind,
        paper: PaperSize,
        timeline: Timeline | None,
    ) -> bool:
        """Whether these bytes say exactly what ``content`` etc. would: a preview may only be
        saved when nothing was changed since it was built."""
        return (
            self.content == content
            and self.kind == DocumentKind(kind)
            and self.paper == PaperSize(paper)
            and self.timeline is timeline
        )


def build_summary_pdf(
    content: GraduationContent,
    kind: DocumentKind,
    paper: PaperSize,
    timeline: Timeline | None,
) -> SummaryPdf:
    """The letter, the clinical termination summary, or both, as PDF bytes (nothing written,
    nothing logged). ``timeline`` supplies the mood chart; None leaves it out."""
    kind, paper = DocumentKind(kind), PaperSize(paper)
    from ipt_desktop.reports import build_pdf  # reportlab: ~250 ms, loaded on first use

    with _BUILD_LOCK:
        data = build_pdf(content, kind, paper, timeline)
    return SummaryPdf(content, kind, paper, timeline, data)


def save_summary_pdf(
    vault: Vault,
    client_id: str,
    pdf: SummaryPdf,
    out_path: Path,
    password: str | None = None,
    open_risk_reason: str | None = None,
) -> None:
    """Write the built ``pdf`` of ``client_id`` to ``out_path`` and log the export.

    A document with the client's letter while risk is open (``risk.require_decision``)
    raises ``risk.OpenRiskError`` unless ``open_risk_reason`` is given; the decision is
    then recorded (sealed, and audited) before the file is written.

    ``password`` adds PDF password protection (AES-256; weak protection all the same, see
    ``reports.pdf_output.encrypt_pdf``) to those same bytes.

    The audit entry is written after the file: if it cannot be written (the vault locked
    meanwhile, the disk is full) the new file is removed again, so no PDF exists that the
    log does not know about. On any failure nothing is left at ``out_path`` from this call
    and no temporary file remains.
    """
    if password is not None and not password:
        raise ValidationError("password", "must not be empty (leave it out for no password)")
    _require_unlocked(vault)
    if pdf.kind is not DocumentKind.CLINICAL:
        risk.require_decision(vault, client_id, DecisionAction.GRADUATION_LETTER, open_risk_reason)
    out = Path(out_path)
    data = pdf.data
    if password is not None:
        from ipt_desktop.reports import encrypt_pdf

        data = encrypt_pdf(data, password)
    write_atomically(out, data)
    try:
        with practice_memory.tracked(vault):
            vault.record_event(AuditEvent.EXPORT_PDF, client_id, detail=f"{pdf.kind.value} pdf")
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(out)
        raise


def export_summary_pdf(
    vault: Vault,
    client_id: str,
    content: GraduationContent,
    kind: DocumentKind,
    paper: PaperSize,
    out_path: Path,
    timeline: Timeline | None,
    password: str | None = None,
    open_risk_reason: str | None = None,
) -> None:
    """Build the summary of ``client_id`` and save it to ``out_path`` (``save_summary_pdf``,
    which also holds the risk guard: see ``open_risk_reason`` there)."""
    save_summary_pdf(
        vault,
        client_id,
        build_summary_pdf(content, kind, paper, timeline),
        out_path,
        password,
        open_risk_reason=open_risk_reason,
    )


def record_summary_printed(vault: Vault, client_id: str, kind: DocumentKind) -> None:
    """Log a summary handed to the printer (the same event as a saved PDF, marked printed)."""
    _require_unlocked(vault)
    with practice_memory.tracked(vault):
        vault.record_event(
            AuditEvent.EXPORT_PDF, client_id, detail=f"{DocumentKind(kind).value} printed"
        )


def unprintable_note(content: GraduationContent) -> str | None:
    """A sentence naming the characters of ``content`` that no bundled font has (they
    print as U+FFFD), or None when everything prints."""
    from ipt_desktop.reports import describe_unprintable, unprintable_characters

    missing = unprintable_characters(content)
    return describe_unprintable(missing) if missing else None
