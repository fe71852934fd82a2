"""`ipt-desktop summary` with open risk: exit 2 naming the session (number and date, never
the client or any note), unless --accept-open-risk "REASON" is given (then audited)."""

import datetime as dt
from pathlib import Path

import pytest

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.model import Session
from ipt_desktop.services import clients, sessions
from ipt_desktop.vault.audit_log import AuditEvent, walk
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.cli_process import assert_failed_cleanly, run_cli
from tests.helpers.samples import full_record, phq, store

NAME = "Demo – Open Risk CLI"
REASON = "Client asked for the letter today; GP informed of the item 9 answer"


@pytest.fixture
def open_risk_vault(tmp_path: Path) -> tuple[Path, str]:
    root = tmp_path / "v"
    vault, _ = Vault.create(root, PASSPHRASE, kdf=floor_params())
    record = full_record(name=NAME)
    with vault:
        store(vault, record)
        positive = Session(
            record.episodes[0].id, record.client.id, dt.date(2026, 2, 2), phq9=phq(9, item9=2)
        )
        sessions.save_session(vault, positive)
    return root, record.client.id


def test_summary_with_open_risk_exits_2_naming_the_session(open_risk_vault, tmp_path):
    root, client_id = open_risk_vault
    out = tmp_path / "letter.pdf"
    result = run_cli("summary", "--vault", root, "--client", client_id, "--out", out)
    assert_failed_cleanly(result, "summary", "session 4 (2026-02-02)")
    assert "--accept-open-risk" in result.stderr
    assert NAME not in result.stderr + result.stdout
    assert not out.exists()


def test_summary_with_a_reason_writes_and_audits(open_risk_vault, tmp_path):
    root, client_id = open_risk_vault
    out = tmp_path / "letter.pdf"
    result = run_cli(
        "summary", "--vault", root, "--client", client_id, "--out", out,
        "--accept-open-risk", REASON,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.exists()
    with Vault.open(root) as vault:
        vault.unlock(PASSPHRASE)
        (decision,) = clients.read_record(vault, client_id).risk_decisions
        assert decision.reason == REASON
        header = vault.header
        with vault.reading() as db:
            report = walk(
                db,
                vault.purpose_key("audit"),
                vault.vault_id,
                header.audit_head,
                header.audit_count,
            )
    events = [(e.event, e.detail) for e in report.entries]
    assert (AuditEvent.RISK_DECISION, "graduation_letter") in events
    assert all(REASON not in e.detail for e in report.entries)


def test_a_one_word_reason_is_refused(open_risk_vault, tmp_path):
    root, client_id = open_risk_vault
    out = tmp_path / "letter.pdf"
    result = run_cli(
        "summary", "--vault", root, "--client", client_id, "--out", out,
        "--accept-open-risk", "ok",
    )  # fmt: skip
    assert_failed_cleanly(result, "summary", "reason")
    assert not out.exists()


def test_the_clinical_summary_alone_needs_no_decision(open_risk_vault, tmp_path):
    root, client_id = open_risk_vault
    out = tmp_path / "clinical.pdf"
    result = run_cli("summary", "--vault", root, "--client", client_id, "--out", out, "--clinician")
    assert result.returncode == 0, result.stderr
