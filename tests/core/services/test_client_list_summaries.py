"""The client list: one sealed summary per client, read without opening any record row."""

import dataclasses

import pytest

from ipt_desktop.domain.risk_status import RiskStatus
from ipt_desktop.domain.summary import summarize
from ipt_desktop.services import clients
from ipt_desktop.store.tables import ClientRow
from ipt_desktop.vault import codec
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.samples import full_record, store


def test_the_list_holds_every_client_in_the_order_added_and_opens_no_row(
    shared_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [full_record(name=f"Demo – List {i}", marker=f" Ωμέγα {i}") for i in range(3)]
    for record in records:
        store(shared_vault, record)
    shared_vault.lock()  # the list runs right after an unlock: no client key is cached
    shared_vault.unlock(PASSPHRASE)

    def refuse(*_args: object) -> None:
        raise AssertionError("a record row was decoded for the list")

    monkeypatch.setattr(client_rows, "child_value", refuse)
    listed = clients.list_summaries(shared_vault)
    ours = [s for s in listed if s.client_id in {r.client.id for r in records}]
    assert ours == [summarize(r) for r in records]


def test_a_summary_this_version_cannot_read_is_computed_from_the_record(
    shared_vault: Vault,
) -> None:
    record = full_record(name="Demo – Newer Summary")
    store(shared_vault, record)
    cid = record.client.id
    newer = {**codec.summary_json(summarize(record)), "from_a_newer_version": 1}
    with shared_vault.transaction(None) as db:
        row = db.get(ClientRow, cid)
        assert row is not None
        key = client_rows.client_key(shared_vault, db, cid)
        row.summary_version += 1
        row.summary = shared_vault.seal(
            key, cid, client_rows.SUMMARY_TABLE, cid, newer, row.summary_version
        )
    listed = [s for s in clients.list_summaries(shared_vault) if s.client_id == cid]
    assert listed == [summarize(record)]


def test_a_summary_from_before_the_risk_layer_is_recomputed_and_rewritten(
    shared_vault: Vault,
) -> None:
    """An older version's summary said "no flag" once item 9 went back to 0: the list must
    not repeat that, and the rewritten summary keeps the next list fast."""
    record = full_record(name="Demo – Older Summary")
    record = dataclasses.replace(record, risk_reviews=())  # item 9 at session 1, then 0s
    store(shared_vault, record)
    cid = record.client.id
    older = codec.summary_json(summarize(record))
    del older["outcome"], older["risk"], older["risk_level"]
    older["risk_flag"] = False  # the old rule: the latest PHQ-9 had item 9 at 0
    with shared_vault.transaction(None) as db:
        row = db.get(ClientRow, cid)
        assert row is not None
        key = client_rows.client_key(shared_vault, db, cid)
        row.summary_version += 1
        row.summary = shared_vault.seal(
            key, cid, client_rows.SUMMARY_TABLE, cid, older, row.summary_version
        )
    (listed,) = [s for s in clients.list_summaries(shared_vault) if s.client_id == cid]
    assert listed.risk_flag and listed.risk is RiskStatus.OPEN
    with shared_vault.reading() as db:
        row = db.get(ClientRow, cid)
        assert row is not None and row.summary is not None
        key = client_rows.client_key(shared_vault, db, cid)
        data = shared_vault.unseal(
            key, cid, client_rows.SUMMARY_TABLE, cid, row.summary, row.summary_version
        )
    assert data["risk"] == "open"
