"""The graduation summary as a PDF: gather the facts, write the file, log the export.

IPT.md ("What the graduation summary holds") says what goes in; ``domain.graduation``
proposes the wording and ``reports`` lays it out. This module is the seam the GUI preview
and the ``summary`` command share:

- ``prepare_content`` reads one client's record (no audit entry: nothing has left the
  vault yet) and returns the default content of one episode with the client's timeline;
  the caller edits it (``domain.graduation.select``, ``dataclasses.replace``).
- ``export_summary_pdf`` writes the PDF atomically (``reports.render_pdf``: built in memory,
  temporary file in the target folder, fsync, rename; no temporary file survives a failure)
  and records ``AuditEvent.EXPORT_PDF`` with the client id and the document kind only,
  never the file name or any content.
- ``record_summary_printed`` logs a summary sent to a printer the same way.

The PDF itself is plaintext by nature; callers tell the user so. The paper size is the
caller's choice: the GUI keeps the therapist's preference as a machine setting (QSettings,
``ui/common/app_settings.py``), the command line takes ``--paper``.
"""

import contextlib
import datetime as dt
import os
from pathlib import Path

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.graduation import (
    DocumentKind,
    GraduationContent,
    PaperSize,
    default_content,
)
from ipt_desktop.domain.model import ClientRecord, Episode, Termination
from ipt_desktop.domain.timeline import Timeline, build_timeline
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.errors import VaultLockedError
from ipt_desktop.vault.vault import Vault

from . import clients, practice, practice_memory

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
    return content, build_timeline(record, day)


def _require_unlocked(vault: Vault) -> None:
    if not vault.is_unlocked:
        raise VaultLockedError("The vault is locked.")


def export_summary_pdf(
    vault: Vault,
    client_id: str,
    content: GraduationContent,
    kind: DocumentKind,
    paper: PaperSize,
    out_path: Path,
    timeline: Timeline | None,
    password: str | None = None,
) -> None:
    """Write the summary of ``client_id`` to ``out_path`` and log the export.

    ``kind``: the letter, the clinical termination summary, or both. ``timeline`` supplies
    the mood chart (None leaves it out). ``password`` adds PDF password protection (AES-256;
    weak protection all the same, see ``reports.pdf_output.encrypt_pdf``).

    The audit entry is written after the file: if it cannot be written (the vault locked
    meanwhile, the disk is full) the new file is removed again, so no PDF exists that the
    log does not know about. On any failure nothing is left at ``out_path`` from this call
    and no temporary file remains.
    """
    kind, paper = DocumentKind(kind), PaperSize(paper)
    if password is not None and not password:
        raise ValidationError("password", "must not be empty (leave it out for no password)")
    _require_unlocked(vault)
    out = Path(out_path)
    from ipt_desktop.reports import render_pdf  # reportlab: ~250 ms, loaded on first export

    render_pdf(content, kind, paper, out, timeline, password)
    try:
        with practice_memory.tracked(vault):
            vault.record_event(AuditEvent.EXPORT_PDF, client_id, detail=f"{kind.value} pdf")
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(out)
        raise


def record_summary_printed(vault: Vault, client_id: str, kind: DocumentKind) -> None:
    """Log a summary handed to the printer (the same event as a saved PDF, marked printed)."""
    _require_unlocked(vault)
    with practice_memory.tracked(vault):
        vault.record_event(
            AuditEvent.EXPORT_PDF, client_id, detail=f"{DocumentKind(kind).value} printed"
        )
