"""The client list loads progressively (issue 16: 20,000 clients): the first chunk at once,
the rest in chunks on the task runner. Here with chunks of a few clients: the list ends
with every client once, the damaged strip collects across chunks, the list says it is
loading, and a lock, a save, an added or deleted client and a client opened while it loads
all come out right."""

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.model import Client
from ipt_desktop.services import clients
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.attack_vault import raw_sql
from tests.helpers.shell import dismissing_modals
from ui.app import work_area
from ui.app.client_list_panel import STILL_LOADING
from ui.app.main_window import MainWindow
from ui.common.app_settings import AppSettings
from ui.common.task_runner import TaskRunner

CLIENTS = 13
DAMAGED = (4, 9)  # in the second and the third chunk


@dataclasses.dataclass
class Practice:
    made: list[Client]

    @property
    def listed(self) -> set[str]:
        return {c.id for i, c in enumerate(self.made) if i not in DAMAGED}


@pytest.fixture
def practice(vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Practice:
    made = [Client(name=f"Demo – Loading {CLIENTS - i:02d}") for i in range(CLIENTS)]
    for client in made:
        clients.create_client(vault, client)
    with raw_sql(vault_dir) as conn:
        for index in DAMAGED:
            (blob,) = conn.execute(
                "SELECT summary FROM clients WHERE id = ?", (made[index].id,)
            ).fetchone()
            flipped = bytearray(blob)
            flipped[-4] ^= 0x01
            conn.execute(
                "UPDATE clients SET summary = ? WHERE id = ?", (bytes(flipped), made[index].id)
            )
    monkeypatch.setattr(clients, "FIRST_CHUNK", 3)
    monkeypatch.setattr(clients, "CHUNK", 4)
    monkeypatch.setattr(work_area, "INSERT_BATCH", 2)
    return Practice(made)


@dataclasses.dataclass
class Gate:
    """Holds every chunk after the first once it is read, until ``release`` is set: the
    list stays in its loading state, and what was read arrives after what the test did."""

    read: threading.Event = dataclasses.field(default_factory=threading.Event)
    release: threading.Event = dataclasses.field(default_factory=threading.Event)


@pytest.fixture
def gate(practice: Practice, monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    held = Gate()
    real = clients.list_chunk

    def holding(
        vault: Vault, after: tuple[int, str] | None, size: int | None, **how: bool
    ) -> object:
        chunk = real(vault, after, size, **how)
        if after is not None:
            held.read.set()
            held.release.wait(20)
        return chunk

    monkeypatch.setattr(clients, "list_chunk", holding)
    yield held
    held.release.set()


def _window(qtbot: QtBot, vault: Vault, tmp_path: Path) -> MainWindow:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main = MainWindow(vault, TaskRunner(), settings, kdf=floor_params)
    main.resize(1280, 800)
    with qtbot.waitActive(main):
        main.show()
    return main


@pytest.fixture
def loading(qtbot: QtBot, vault: Vault, gate: Gate, tmp_path: Path) -> Iterator[MainWindow]:
    main = _window(qtbot, vault, tmp_path)  # the list starts loading with the window
    yield main
    gate.release.set()
    with dismissing_modals():
        main.close()
    main.runner.waitForDone(30_000)
    main.deleteLater()


def listed_ids(main: MainWindow) -> list[str]:
    return [s.client_id for s in main.workArea.panel.model.summaries()]


def test_the_list_ends_with_every_client_once_and_said_it_was_loading(
    qtbot: QtBot, loading: MainWindow, practice: Practice, gate: Gate
) -> None:
    area, panel = loading.workArea, loading.workArea.panel
    qtbot.waitUntil(gate.read.is_set, timeout=10_000)
    assert area.isLoading()
    assert len(listed_ids(loading)) == 3  # the first chunk, at once
    assert panel.loading.isVisible()
    assert panel.loading.text() == f"Loading clients… 3 of {CLIENTS}"
    assert STILL_LOADING in panel.count.text()
    panel.search.setText("loading")  # the name filter says it may be incomplete too
    assert "so far" in panel.count.text() and STILL_LOADING in panel.count.text()
    panel.search.clear()
    gate.release.set()
    qtbot.waitUntil(lambda: not area.isLoading(), timeout=20_000)
    ids = listed_ids(loading)
    assert len(ids) == len(set(ids)) and set(ids) == practice.listed
    names = [s.name for s in panel.model.summaries()]
    assert names == sorted(names)
    assert {d.client_id for d in area.damaged.damaged()} == {
        practice.made[i].id for i in DAMAGED
    }  # collected from two chunks
    assert not panel.loading.isVisible()
    assert panel.count.text() == f"{CLIENTS - len(DAMAGED)} clients"


def test_a_lock_while_loading_stops_it_and_keeps_nothing(
    qtbot: QtBot, loading: MainWindow, vault: Vault, practice: Practice, gate: Gate
) -> None:
    area = loading.workArea
    qtbot.waitUntil(gate.read.is_set, timeout=10_000)
    assert area.isLoading()
    loading.lockController.lock("test")
    assert not vault.is_unlocked and not area.isLoading()
    gate.release.set()  # the chunk read before the lock arrives now
    loading.runner.waitForDone(10_000)
    qtbot.wait(200)
    assert listed_ids(loading) == [] and area.damaged.damaged() == []
    assert not area.panel.loading.isVisible()
    vault.unlock(PASSPHRASE)
    loading.lockController.unlocked()
    qtbot.waitUntil(lambda: not area.isLoading(), timeout=20_000)
    ids = listed_ids(loading)
    assert len(ids) == len(set(ids)) and set(ids) == practice.listed
    assert len(area.damaged.damaged()) == len(DAMAGED)


def test_saves_additions_deletions_and_opening_while_loading(
    qtbot: QtBot,
    vault: Vault,
    practice: Practice,
    gate: Gate,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The rest of the list is read before the changes and arrives after them: the rows
    the changes left are kept, nothing is doubled, nothing deleted comes back."""
    monkeypatch.setattr(clients, "CHUNK", 100)  # the rest in one chunk, held back
    main = _window(qtbot, vault, tmp_path)
    try:
        area, made = main.workArea, practice.made
        qtbot.waitUntil(gate.read.is_set, timeout=10_000)
        assert area.isLoading()
        opened = made[11]  # in the first chunk (newest first): opened while the rest loads
        assert area.switchTo(opened.id)
        later = made[1]  # read in the held chunk: opened before its row came
        renamed = dataclasses.replace(made[2], name="Demo – Aaa Renamed While Loading")
        clients.update_client(vault, renamed)
        area.refreshClient(renamed.id)  # what the workspace's recordChanged does
        clients.delete_client(vault, made[3].id)  # in the held chunk as it was read
        area.refreshClient(made[3].id)
        added = Client(name="Demo – Added While Loading")
        clients.create_client(vault, added)
        area.refreshClient(added.id)
        gate.release.set()
        qtbot.waitUntil(lambda: not area.isLoading(), timeout=20_000)
        assert area.currentClientId() == opened.id == area.panel.currentClientId()
        ids = listed_ids(main)
        assert len(ids) == len(set(ids))
        assert set(ids) == (practice.listed - {made[3].id}) | {added.id}
        summary = area.panel.model.summary(renamed.id)
        assert summary is not None and summary.name == renamed.name  # not the chunk's
        assert ids[0] == renamed.id  # and in its new place
        assert area.switchTo(later.id) and area.panel.currentClientId() == later.id
    finally:
        gate.release.set()
        with dismissing_modals():
            main.close()
        main.runner.waitForDone(30_000)
        main.deleteLater()


def test_a_client_open_at_the_lock_is_listed_and_selected_before_its_chunk(
    qtbot: QtBot, loading: MainWindow, vault: Vault, practice: Practice, gate: Gate
) -> None:
    area = loading.workArea
    gate.release.set()
    qtbot.waitUntil(lambda: not area.isLoading(), timeout=20_000)
    last = practice.made[0]  # the oldest: in the last chunk
    assert area.switchTo(last.id)
    loading.lockController.lock("test")
    vault.unlock(PASSPHRASE)
    gate.read.clear()
    gate.release.clear()
    loading.lockController.unlocked()
    qtbot.waitUntil(gate.read.is_set, timeout=10_000)
    assert area.isLoading()
    assert area.currentClientId() == last.id == area.panel.currentClientId()
    gate.release.set()
    qtbot.waitUntil(lambda: not area.isLoading(), timeout=20_000)
    ids = listed_ids(loading)
    assert ids.count(last.id) == 1 and set(ids) == practice.listed
    assert area.panel.currentClientId() == last.id


def test_the_search_index_is_built_after_the_list_is_complete(
    qtbot: QtBot, loading: MainWindow, gate: Gate, monkeypatch: pytest.MonkeyPatch
) -> None:
    area = loading.workArea
    assert area.isLoading()
    started: list[bool] = []
    real = work_area.client_search.build_index

    def noted(vault: Vault) -> bool:
        started.append(area.isLoading())
        return real(vault)

    monkeypatch.setattr(work_area.client_search, "build_index", noted)
    area.panel.indexMissing.emit()  # a scan answered a search: not during the loading
    gate.release.set()
    qtbot.waitUntil(lambda: not area.isLoading(), timeout=20_000)
    qtbot.waitUntil(lambda: bool(started), timeout=10_000)
    assert started == [False]


def test_a_chunk_that_fails_ends_loading_with_a_message_that_names_no_one(
    qtbot: QtBot,
    vault: Vault,
    practice: Practice,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bug while reading the rest of the list: the list says it stopped, and the status
    line never repeats the exception's own text (it could hold a client's name)."""
    real = clients.list_chunk
    leaked = "Demo – Loading 07 said something private"

    def failing(
        vault: Vault, after: tuple[int, str] | None, size: int | None, **how: bool
    ) -> object:
        if after is not None:
            raise RuntimeError(leaked)
        return real(vault, after, size, **how)

    monkeypatch.setattr(clients, "list_chunk", failing)
    reported: list[BaseException] = []
    monkeypatch.setattr("ui.common.failures.report_unexpected", lambda exc: reported.append(exc))
    said: list[str] = []
    # Caught from the window's construction on (the failure may come before a connect).
    monkeypatch.setattr(MainWindow, "showStatus", lambda _self, text: said.append(text))
    main = _window(qtbot, vault, tmp_path)
    try:
        qtbot.waitUntil(lambda: not main.workArea.isLoading(), timeout=20_000)
        qtbot.waitUntil(lambda: bool(said), timeout=5_000)
        assert said[-1].startswith("The rest of the client list could not be loaded")
        assert leaked not in said[-1] and "Loading 07" not in said[-1]
        assert [str(exc) for exc in reported] == [leaked]  # reported, scrubbed, not shown
        assert not main.workArea.panel.loading.isVisible()
    finally:
        with dismissing_modals():
            main.close()
        main.runner.waitForDone(30_000)
        main.deleteLater()
