"""``ipt-desktop list [--json]`` in a real child process: one row per client, the keys and
values the issue specifies, from the same service function as the GUI's client list."""

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.enums import EpisodeKind
from ipt_desktop.domain.model import Client, ClientRecord, Episode, Session
from ipt_desktop.services import clients
from ipt_desktop.vault import codec
from ipt_desktop.vault.json_fields import StoredObject
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.cli_process import assert_failed_cleanly, run_cli
from tests.helpers.samples import phq, store

START = dt.date(2026, 1, 5)


def course(
    name: str,
    scores: list[tuple[int, int]],
    *,
    planned: int,
    ended: bool = False,
    maintenance_scores: list[int] | None = None,
) -> ClientRecord:
    """``scores``: (PHQ-9 total, item 9) per weekly session of an acute course."""
    client = Client(name=name, ended_on=START + dt.timedelta(weeks=30) if ended else None)
    acute = Episode(client_id=client.id, start_date=START, planned_sessions=planned)
    sessions = [
        Session(
            episode_id=acute.id,
            client_id=client.id,
            date=START + dt.timedelta(weeks=i),
            phq9=phq(total, item9=item9),
        )
        for i, (total, item9) in enumerate(scores)
    ]
    episodes = [acute]
    if maintenance_scores is not None:
        m_start = START + dt.timedelta(weeks=len(scores) + 1)
        m = Episode(
            client_id=client.id,
            start_date=m_start,
            kind=EpisodeKind.MAINTENANCE,
            planned_sessions=12,
        )
        episodes.append(m)
        sessions += [
            Session(
                episode_id=m.id,
                client_id=client.id,
                date=m_start + dt.timedelta(weeks=4 * i),
                phq9=phq(total),
            )
            for i, total in enumerate(maintenance_scores)
        ]
    return ClientRecord(client=client, episodes=tuple(episodes), sessions=tuple(sessions))


RECORDS = {
    "responder": course("Demo – Ada Responder", [(18, 0)] + [(12, 0)] * 10 + [(4, 0)], planned=12),
    "partial": course("Demo – Bo Partial", [(20, 0), (16, 0), (13, 0)], planned=3, ended=True),
    # Item 9 positive at intake, 0 a week later: still "open"; session 2 of 16: in progress.
    "midcourse": course("Demo – Cy Midcourse", [(19, 1), (17, 0)], planned=16),
    "maintenance": course(
        "Demo – Di Kept", [(16, 0), (5, 0)], planned=2, maintenance_scores=[4, 6]
    ),
    "unmeasured": ClientRecord(client=Client(name="Demo – Ed New")),
}


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("list") / "v"
    vault, _ = Vault.create(root, PASSPHRASE, kdf=floor_params())
    with vault:
        for record in RECORDS.values():
            store(vault, record)
    return root


def test_list_json_has_the_specified_keys_and_values(listed: Path) -> None:
    result = run_cli("list", "--vault", listed, "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert len(rows) == len(RECORDS)
    for row in rows.values():
        assert set(row) == {
            "id",
            "name",
            "ended",
            "phase",
            "session",
            "planned_sessions",
            "phq9",
            "risk",
            "outcome",
        }
    responder = rows["Demo – Ada Responder"]
    assert responder["outcome"] == "remission"
    assert (responder["session"], responder["planned_sessions"]) == (12, 12)
    assert responder["phq9"] == 4 and responder["risk"] == "none"
    assert responder["id"] == RECORDS["responder"].client.id
    partial = rows["Demo – Bo Partial"]
    assert partial["outcome"] == "partial_response" and partial["ended"] is True
    mid = rows["Demo – Cy Midcourse"]
    assert mid["outcome"] == "in_progress" and mid["risk"] == "open"
    assert (mid["session"], mid["planned_sessions"], mid["phase"]) == (2, 16, "initial")
    kept = rows["Demo – Di Kept"]
    assert kept["outcome"] == "staying_well" and kept["phase"] == "maintenance"
    new = rows["Demo – Ed New"]
    assert new["outcome"] == "not_measured" and new["session"] is None and new["phq9"] is None


def test_list_lines(listed: Path) -> None:
    result = run_cli("list", "--vault", listed)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == len(RECORDS)
    mid = next(line for line in lines if "Cy Midcourse" in line).split("\t")
    assert mid[0] == RECORDS["midcourse"].client.id
    assert mid[2:] == [
        "active",
        "Initial",
        "Session 2 of 16",
        "PHQ-9 17 (moderately severe)",
        "risk open",
        "In progress",
    ]
    assert "ended" in next(line for line in lines if "Bo Partial" in line).split("\t")


def test_list_and_the_gui_read_the_same_function(listed: Path) -> None:
    result = run_cli("list", "--vault", listed, "--json")
    with Vault.open(listed) as vault:
        vault.unlock(PASSPHRASE)
        summaries = clients.list_summaries(vault)
    assert [(s.client_id, s.outcome.value, s.risk.value) for s in summaries] == [
        (row["id"], row["outcome"], row["risk"]) for row in json.loads(result.stdout)
    ]


def test_list_refuses_a_wrong_passphrase(listed: Path) -> None:
    wrong = run_cli("list", "--vault", listed, passphrase="wrong words here")
    assert_failed_cleanly(wrong, "list", "not correct")


def test_an_old_stored_summary_is_recomputed_not_read_with_defaults(vault: Vault) -> None:
    record = RECORDS["midcourse"]
    store(vault, record)
    old_shape = codec.summary_json(clients.list_summaries(vault)[0])
    del old_shape["outcome"], old_shape["risk"]
    # A summary in the old shape does not read, so list_summaries recomputes it.
    with pytest.raises(Exception, match="outcome"):
        codec.read_summary(StoredObject(old_shape), client_id=record.client.id)
    assert dataclasses.asdict(clients.list_summaries(vault)[0])["risk"] == "open"
