"""The audit log viewer: a read-only model that passes qtmodeltester, a filter by event, and
the state of the chain at the top: intact with its count, or the first broken entry when an
audit row was changed in the file."""

import datetime as dt
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ipt_desktop.services.audit_view import audit_entries
from ipt_desktop.services.backup import write_backup
from ipt_desktop.services.restore import restore_backup
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.vault import audit_log
from ipt_desktop.vault.audit_log import AuditEntry, AuditEvent
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.backup import add_clients, flip_audit_entry
from ui.backup.audit_log_model import (
    EVENT,
    EVENT_LABELS,
    OBJECTS,
    SEQ,
    SORT_ROLE,
    AuditFilterProxy,
    AuditLogModel,
    short_ids,
)
from ui.backup.audit_log_view import AuditLogDialog, chain_status

ID = "6f1c2a9e-4b7d-4c1a-9e55-0a2b3c4d5e6f"


def entries() -> list[AuditEntry]:
    at = dt.datetime(2025, 6, 2, 9, 30, tzinfo=dt.UTC)
    events = [AuditEvent.VAULT_CREATED, AuditEvent.UNLOCK, AuditEvent.CREATE, AuditEvent.EDIT]
    return [
        AuditEntry(n + 1, (at + dt.timedelta(minutes=n)).isoformat(), event, (ID,) * n, f"d{n}")
        for n, event in enumerate([*events, AuditEvent.EDIT, AuditEvent.BACKUP])
    ]


def check(tester: ModelTester, model: QAbstractItemModel) -> None:
    tester.check(model)  # type: ignore[no-untyped-call]  # pytest-qt has no annotations


def test_the_model_and_proxy_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = AuditLogModel()
    model.setEntries(entries())
    check(qtmodeltester, model)
    proxy = AuditFilterProxy()
    proxy.setSourceModel(model)
    check(qtmodeltester, proxy)
    proxy.setEventFilter(AuditEvent.EDIT)
    check(qtmodeltester, proxy)
    model.clear()
    check(qtmodeltester, model)


def test_the_model_is_read_only_and_reads_plainly() -> None:
    model = AuditLogModel()
    model.setEntries(entries())
    assert model.rowCount() == 6 and model.columnCount() == 5
    row = 3  # an edit with three ids
    assert model.data(model.index(row, SEQ)) == "4"
    assert model.data(model.index(row, EVENT)) == EVENT_LABELS[AuditEvent.EDIT]
    assert model.data(model.index(row, OBJECTS)) == "6f1c2a9e…, 6f1c2a9e… + 1 more"
    assert model.data(model.index(row, OBJECTS), Qt.ItemDataRole.ToolTipRole) == "\n".join([ID] * 3)
    assert model.data(model.index(row, SEQ), SORT_ROLE) == 4
    flags = model.flags(model.index(row, SEQ))
    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert model.data(model.index(99, 0)) is None
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    assert model.data(QModelIndex()) is None


@pytest.mark.parametrize(
    ("event", "seqs"),
    [
        (None, [1, 2, 3, 4, 5, 6]),
        (AuditEvent.EDIT, [4, 5]),
        (AuditEvent.BACKUP, [6]),
        (AuditEvent.RESTORE, []),
    ],
)
def test_the_filter_shows_one_kind_of_event(event: AuditEvent | None, seqs: list[int]) -> None:
    model = AuditLogModel()
    model.setEntries(entries())
    proxy = AuditFilterProxy()
    proxy.setSourceModel(model)
    proxy.setEventFilter(event)
    shown = [int(proxy.data(proxy.index(r, SEQ))) for r in range(proxy.rowCount())]
    assert shown == seqs
    assert proxy.shownEvent() == event


@pytest.mark.parametrize(
    ("ids", "text"),
    [
        ((), "—"),
        (("short",), "short"),
        ((ID,), "6f1c2a9e…"),
        ((ID, "abc"), "6f1c2a9e…, abc"),
        ((ID,) * 5, "6f1c2a9e…, 6f1c2a9e… + 3 more"),
    ],
)
def test_object_ids_are_shortened(ids: tuple[str, ...], text: str) -> None:
    assert short_ids(ids) == text


def test_audit_entries_match_the_chain_walk(vault: Vault) -> None:
    add_clients(vault, "Demo Ines Park", "Demo Jon Abara")
    report = audit_entries(vault)
    header = vault.header
    with vault.reading() as session:
        walked = audit_log.walk(
            session,
            vault.purpose_key("audit"),
            vault.vault_id,
            header.audit_head,
            header.audit_count,
        )
    assert report == walked and report.intact
    assert len(report.entries) == header.audit_count == 3


def test_the_viewer_shows_an_intact_chain(qtbot: QtBot, vault: Vault) -> None:
    add_clients(vault, "Demo Ines Park")
    vault.record_event(AuditEvent.BACKUP, detail="manual backup of generation 2")
    dialog = AuditLogDialog(vault)
    qtbot.addWidget(dialog)
    count = vault.header.audit_count
    assert dialog.statusTitle() == f"Chain intact: {count} entries"
    assert dialog.intact.isVisibleTo(dialog) and not dialog.broken.isVisibleTo(dialog)
    assert dialog.table.model().rowCount() == count
    # Newest first; the filter narrows and the count says so.
    top = dialog.table.model().index(0, SEQ)
    assert dialog.table.model().data(top) == str(count)
    dialog.setEventFilter(AuditEvent.CREATE)
    assert dialog.table.model().rowCount() == 1
    assert dialog.countLabel.text() == f"1 of {count} entries"
    dialog.setEventFilter(None)
    assert dialog.countLabel.text() == f"{count} entries"


def test_a_tampered_audit_row_shows_as_a_broken_chain(
    qtbot: QtBot, vault: Vault, tmp_path: Path
) -> None:
    add_clients(vault, "Demo Ines Park", "Demo Jon Abara", "Demo Kai Moreno")
    write_backup(vault, tmp_path / "b.iptbackup")
    root = tmp_path / "copy"
    secret = UnlockSecret.passphrase(PASSPHRASE)
    restore_backup(tmp_path / "b.iptbackup", root, secret)  # a closed, checkpointed copy
    flip_audit_entry(root / "vault.sqlite3", 3)
    copy = Vault.open(root)
    try:
        copy.unlock(PASSPHRASE)
        dialog = AuditLogDialog(copy)
        qtbot.addWidget(dialog)
        report = dialog.report()
        assert report is not None and report.first_broken == 3
        assert dialog.statusTitle() == "Entry 3 is broken: an entry was altered"
        assert dialog.broken.isVisibleTo(dialog) and not dialog.intact.isVisibleTo(dialog)
        assert "2 entries before it" in dialog.broken.message()
        assert dialog.table.model().rowCount() == 2  # only what still checks out
        dialog.refresh()  # checking again finds the same
        assert dialog.statusTitle().startswith("Entry 3 is broken")
    finally:
        copy.close()


@pytest.mark.parametrize(
    ("count", "broken", "problem", "title"),
    [
        (3, None, "", "Chain intact: 3 entries"),
        (1, None, "", "Chain intact: 1 entry"),
        (4, 5, "the newest entries were removed or replaced", "Entry 5 is broken: the newest"),
        (0, 1, "an entry cannot be read", "Entry 1 is broken: an entry cannot be read"),
    ],
)
def test_chain_status_wording(count: int, broken: int | None, problem: str, title: str) -> None:
    report = audit_log.ChainReport(tuple(entries()[:count]), broken, problem)
    got_title, message = chain_status(report)
    assert got_title.startswith(title)
    if broken is not None:
        assert ("No entry before it" in message) == (count == 0)


def test_a_reopened_vault_is_read_in_one_go(
    vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The header in memory is byte for byte the stored one, so no retry is needed."""
    add_clients(vault, "Demo Ines Park")
    vault.close()
    reopened = Vault.open(vault_dir)
    try:
        reopened.unlock(PASSPHRASE)

        def no_wait(_seconds: float) -> None:
            raise AssertionError("the header did not match on the first read")

        monkeypatch.setattr(time, "sleep", no_wait)
        assert audit_entries(reopened).intact
    finally:
        reopened.close()
