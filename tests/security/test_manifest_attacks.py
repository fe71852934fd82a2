"""Issue 14: every attack with ``sqlite3`` on the real vault file is named by ``verify``
(exit 1) and by the app, which refuses to show the record with the same message."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from ipt_desktop.domain.model import InventoryPerson, LifeEvent
from ipt_desktop.services import (
    clients,
    drafts,
    episodes,
    interchange,
    life_events,
    people,
    sessions,
    unlock_session,
)
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.services.vault_verify import verify_vault
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.manifest import ManifestMismatchError
from ipt_desktop.vault.vault import Vault
from tests.helpers.attack_vault import Practice, build_practice, raw_sql, row_state
from tests.helpers.cli_process import PASSPHRASE, run_cli


@pytest.fixture
def practice(tmp_path: Path, make_vault) -> tuple[Path, Practice]:
    root = tmp_path / "vault"
    vault, _recovery = make_vault(root)
    made = build_practice(vault)
    vault.close()
    return root, made


def _verify(root: Path) -> tuple[int, str]:
    result = run_cli("verify", "--vault", root)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout


def _refused(root: Path, client_id: str) -> ManifestMismatchError:
    """Open the vault as the app does and try to show the record."""
    vault = Vault.open(root)
    try:
        unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE))
        with pytest.raises(ManifestMismatchError) as caught:
            clients.load_record(vault, client_id)
        report = verify_vault(vault)
    finally:
        vault.close()
    # The app's message is the one verify gives for that client.
    assert (client_id, str(caught.value)) in {(c.client_id, c.message) for c in report.clients}
    return caught.value


def _kinds(error: ManifestMismatchError) -> set[tuple[str, str, str]]:
    return {(p.kind, p.table, p.row_id) for p in error.problems}


def test_an_untouched_vault_verifies(practice: tuple[Path, Practice]) -> None:
    root, _made = practice
    code, out = _verify(root)
    assert code == 0, out
    assert "vault OK" in out


@pytest.mark.parametrize("which", ["plain", "signed"])
def test_deleting_a_session_is_named(practice: tuple[Path, Practice], which: str) -> None:
    root, made = practice
    victim = made.signed if which == "signed" else made.plain[0]
    with raw_sql(root) as conn:
        conn.execute("DELETE FROM sessions WHERE id = ?", (victim,))
    code, out = _verify(root)
    assert code == 1 and "vault has problems" in out
    assert f"sessions {victim} is listed in the manifest but missing" in out
    error = _refused(root, made.client)
    assert _kinds(error) == {("missing", "sessions", victim)}
    assert "Fictional" not in str(error) and "Attack" not in str(error)


def test_deleting_a_client_row_is_named(practice: tuple[Path, Practice]) -> None:
    root, made = practice
    with raw_sql(root) as conn:
        conn.execute("DELETE FROM clients WHERE id = ?", (made.other_client,))
    code, out = _verify(root)
    assert code == 1
    assert f"Client {made.other_client} was deleted outside ipt-desktop" in out
    vault = Vault.open(root)
    try:
        outcome = unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE))
    finally:
        vault.close()
    assert "does not match what ipt-desktop last wrote" in outcome.manifest_alert


def test_deleting_a_client_with_its_manifest_is_noticed_and_stays_noticed(
    practice: tuple[Path, Practice],
) -> None:
    root, made = practice
    with raw_sql(root) as conn:
        for table in ("sessions", "episodes"):
            conn.execute(f"DELETE FROM {table} WHERE client_id = ?", (made.other_client,))
        conn.execute("DELETE FROM clients WHERE id = ?", (made.other_client,))
        conn.execute("DELETE FROM client_manifests WHERE client_id = ?", (made.other_client,))
    code, out = _verify(root)
    assert code == 1 and "does not match what ipt-desktop last wrote" in out
    # Saves after the attack do not launder it: the header keeps the alert.
    vault = Vault.open(root)
    try:
        unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE))
        sessions.delete_session(vault, made.client, made.plain[1])
    finally:
        vault.close()
    code, out = _verify(root)
    assert code == 1 and "does not match what ipt-desktop last wrote" in out
    accepted = run_cli("verify", "--vault", root, "--accept-current")
    assert accepted.returncode == 0, accepted.stdout
    assert _verify(root)[0] == 0


def test_an_older_payload_of_a_signed_and_amended_note_is_refused(
    practice: tuple[Path, Practice],
) -> None:
    root, made = practice
    before = row_state(root, "sessions", made.signed)  # signed, not yet amended
    vault = Vault.open(root)
    try:
        unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE))
        sessions.amend_session(vault, made.client, made.signed, "Fictional correction")
    finally:
        vault.close()
    with raw_sql(root) as conn:
        conn.execute(
            "UPDATE sessions SET payload = ?, version = ? WHERE id = ?", (*before, made.signed)
        )
    code, out = _verify(root)
    assert code == 1
    assert f"sessions {made.signed} is an older version than the manifest lists" in out
    assert _kinds(_refused(root, made.client)) == {("older", "sessions", made.signed)}


def test_an_older_payload_under_the_new_version_number_does_not_open(
    practice: tuple[Path, Practice],
) -> None:
    root, made = practice
    before, _version = row_state(root, "sessions", made.plain[0])
    vault = Vault.open(root)
    try:
        unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE))
        sessions.sign_session(vault, made.client, made.plain[0])
    finally:
        vault.close()
    with raw_sql(root) as conn:
        conn.execute("UPDATE sessions SET payload = ? WHERE id = ?", (before, made.plain[0]))
    code, out = _verify(root)
    assert code == 1
    assert f"damaged record: sessions {made.plain[0]}" in out
    assert _kinds(_refused(root, made.client)) == {("altered", "sessions", made.plain[0])}


def test_an_older_summary_is_refused_in_the_list(practice: tuple[Path, Practice]) -> None:
    root, made = practice
    with raw_sql(root) as conn:
        old = conn.execute(
            "SELECT summary, summary_version FROM clients WHERE id = ?", (made.client,)
        ).fetchone()
    vault = Vault.open(root)
    try:
        unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE))
        sessions.delete_session(vault, made.client, made.plain[1])
    finally:
        vault.close()
    with raw_sql(root) as conn:
        conn.execute(
            "UPDATE clients SET summary = ?, summary_version = ? WHERE id = ?", (*old, made.client)
        )
    code, out = _verify(root)
    assert code == 1 and f"client_summaries {made.client} is an older version" in out
    vault = Vault.open(root)
    try:
        unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE))
        listing = clients.list_clients(vault)
    finally:
        vault.close()
    assert [d.client_id for d in listing.damaged] == [made.client]
    assert [s.client_id for s in listing.summaries] == [made.other_client]  # the other works
    assert f"client_summaries {made.client} is an older version" in listing.damaged[0].message


def test_moving_a_session_to_another_episode_is_named(practice: tuple[Path, Practice]) -> None:
    root, made = practice
    with raw_sql(root) as conn:
        conn.execute(
            "UPDATE sessions SET episode_id = ? WHERE id = ?", (made.maintenance, made.plain[0])
        )
    code, out = _verify(root)
    assert code == 1 and f"sessions {made.plain[0]} was moved to another treatment" in out
    assert _kinds(_refused(root, made.client)) == {("moved", "sessions", made.plain[0])}


def test_moving_a_session_to_another_client_is_named_on_both(
    practice: tuple[Path, Practice],
) -> None:
    root, made = practice
    with raw_sql(root) as conn:
        conn.execute(
            "UPDATE sessions SET client_id = ?, episode_id = ? WHERE id = ?",
            (made.other_client, made.other_episode, made.plain[0]),
        )
    code, out = _verify(root)
    assert code == 1
    assert f"sessions {made.plain[0]} is listed in the manifest but missing" in out
    assert f"sessions {made.plain[0]} is in the vault but not in the manifest" in out
    assert _kinds(_refused(root, made.client)) == {("missing", "sessions", made.plain[0])}
    assert _kinds(_refused(root, made.other_client)) == {("extra", "sessions", made.plain[0])}


def test_a_row_added_by_hand_is_named(practice: tuple[Path, Practice]) -> None:
    root, made = practice
    with raw_sql(root) as conn:
        conn.execute(
            "INSERT INTO sessions (id, client_id, episode_id, order_key, payload, version) "
            "SELECT '00000000-0000-4000-8000-000000000001', client_id, episode_id, 99, "
            "payload, version FROM sessions WHERE id = ?",
            (made.plain[0],),
        )
    code, out = _verify(root)
    assert code == 1
    assert "sessions 00000000-0000-4000-8000-000000000001 is in the vault but not" in out


def test_a_summary_that_disagrees_with_its_record_is_named(
    practice: tuple[Path, Practice],
) -> None:
    """Written through the vault (so the manifest agrees): only the comparison of the
    summary with the record itself can notice, e.g. a risk flag lost by a faster path."""
    root, made = practice
    vault = Vault.open(root)
    try:
        unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE))
        record = clients.read_record(vault, made.client)
        stale = dataclasses.replace(record, sessions=record.sessions[:1])
        with vault.transaction(None) as db:
            client_rows.write_summary(vault, db, stale)
        report = verify_vault(vault)
    finally:
        vault.close()
    assert [p.client_id for p in report.clients] == [made.client]
    assert "does not match its record" in report.clients[0].message


def test_every_kind_of_app_write_keeps_the_vault_verifying(
    practice: tuple[Path, Practice],
) -> None:
    """No false alarm: the manifests follow every write the app makes."""
    root, made = practice
    vault = Vault.open(root)
    try:
        unlock_session.unlock(vault, UnlockSecret.passphrase(PASSPHRASE))
        sessions.amend_session(vault, made.client, made.signed, "Fictional correction")
        record = clients.read_record(vault, made.client)
        clients.update_client(vault, dataclasses.replace(record.client, name="Demo – Renamed"))
        sessions.delete_session(vault, made.client, made.plain[1])
        person = InventoryPerson(client_id=made.client, name="Demo – Friend")
        people.save_person(vault, person)
        people.save_person(vault, dataclasses.replace(person, closeness=1))
        event = LifeEvent(client_id=made.client, date=dt.date(2026, 3, 1), description="Move")
        life_events.save_life_event(vault, event)
        life_events.delete_life_event(vault, made.client, event.id)
        episodes.delete_episode(vault, made.client, made.maintenance)
        drafts.save_draft(vault, f"session:{made.plain[0]}", made.client, {"note": "Draft"})
        exported = interchange.export_client(vault, made.other_client)
        clients.delete_client(vault, made.other_client)
        (imported,) = interchange.import_records(vault, interchange.validate_import(exported))
        report = verify_vault(vault)
        listing = clients.list_clients(vault)
        for summary in listing.summaries:
            clients.read_record(vault, summary.client_id)
    finally:
        vault.close()
    assert report.ok, (report.clients, report.damaged, report.vault_problems)
    assert listing.damaged == []
    assert {s.client_id for s in listing.summaries} == {made.client, imported}
    code, out = _verify(root)
    assert code == 0 and "vault OK" in out, out
